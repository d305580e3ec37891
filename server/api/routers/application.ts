// The applicant's journey: drafts, submission and the application as the cabinet shows it.
import { applicationForOwner } from "../../application/data";
import { checkContentOnOpen } from "../../audit/mutations";
import { coApplicantSection, coApplicantsForOwner, invitationPreview } from "../../application/participants/data";
import {
  acceptInvitation,
  inviteCoApplicant,
  removeCoApplicant,
  saveCoApplicantSection,
} from "../../application/participants/mutations";
import { zEmail } from "../../auth/schema";
import { zDraftValues } from "../../application/schema";
import { chooseVariant, openDraft, saveDraft, startDraft, submitApplication } from "../../application/mutations";
import { fileStorage } from "../../storage/storage";
import {
  zApplicationId,
  zChooseVariantInput,
  zSaveDraftInput,
  zStartDraftInput,
  zSubmitInput,
} from "../../application/schema";
import { loadWorkingCalendar } from "../../calendar/data";
import { AppError } from "../../errors";
import { applicantProcedure, authedProcedure, createTRPCRouter } from "../trpc";
import { z } from "zod";
import { zId } from "../../ids";
import { zText } from "../../text";

export const applicationRouter = createTRPCRouter({
  startDraft: applicantProcedure
    .input(zStartDraftInput.extend({ copyFrom: zId().optional() }))
    .mutation(({ ctx, input }) =>
      startDraft(ctx.db, { ownerId: ctx.identity.id, serviceCode: input.serviceCode, copyFrom: input.copyFrom }),
    ),

  // Opening a draft moves it to the edition of the regulation in force (R11): the form shown is the
  // one the submission is judged by.
  getDraft: applicantProcedure.input(zApplicationId).query(async ({ ctx, input }) => {
    const draft = await openDraft(ctx.db, ctx.identity.id, input.id);
    if (!draft) throw new AppError("NOT_FOUND", "Черновик не найден");
    return draft;
  }),

  // Issue 10 p.8: the answers to the profiling questions choose the draft's variant of the service.
  chooseVariant: applicantProcedure
    .input(zChooseVariantInput)
    .mutation(({ ctx, input }) => chooseVariant(ctx.db, ctx.identity.id, input)),

  saveDraft: applicantProcedure
    .input(zSaveDraftInput)
    .mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.identity.id, input)),

  submit: applicantProcedure.input(zSubmitInput).mutation(async ({ ctx, input }) =>
    submitApplication(ctx.db, {
      ownerId: ctx.identity.id,
      id: input.id,
      submissionKey: input.submissionKey,
      expectedRowVersion: input.expectedRowVersion,
      calendar: await loadWorkingCalendar(ctx.db),
      signedWith: ctx.session?.user.authMethod ?? "password",
      storage: fileStorage(),
    }),
  ),

  coApplicants: applicantProcedure
    .input(zApplicationId)
    .query(({ ctx, input }) => coApplicantsForOwner(ctx.db, ctx.identity.id, input.id)),

  inviteCoApplicant: applicantProcedure
    .input(zApplicationId.extend({ email: zEmail }))
    .mutation(async ({ ctx, input }) => {
      const invited = await inviteCoApplicant(ctx.db, {
        ownerId: ctx.identity.id,
        applicationId: input.id,
        email: input.email,
      });
      return { id: invited.id, email: invited.email }; // the token travels only by e-mail
    }),

  removeCoApplicant: applicantProcedure
    .input(zApplicationId.extend({ participantId: zId() }))
    .mutation(({ ctx, input }) =>
      removeCoApplicant(ctx.db, {
        ownerId: ctx.identity.id,
        applicationId: input.id,
        participantId: input.participantId,
      }),
    ),

  // Issue 16 p.4: who invites, to what, and what will be asked — before accepting.
  invitation: applicantProcedure
    .input(z.object({ token: zText().min(16).max(128) }))
    .query(({ ctx, input }) =>
      invitationPreview(ctx.db, { userId: ctx.identity.id, email: ctx.identity.email, token: input.token }),
    ),

  acceptInvitation: applicantProcedure
    .input(z.object({ token: zText().min(16).max(128) }))
    .mutation(({ ctx, input }) =>
      acceptInvitation(ctx.db, { userId: ctx.identity.id, email: ctx.identity.email, token: input.token }),
    ),

  coApplicantSection: applicantProcedure
    .input(zApplicationId)
    .query(({ ctx, input }) => coApplicantSection(ctx.db, ctx.identity.id, input.id)),

  saveCoApplicantSection: applicantProcedure
    .input(zApplicationId.extend({ values: zDraftValues, complete: z.boolean() }))
    .mutation(({ ctx, input }) =>
      saveCoApplicantSection(ctx.db, {
        userId: ctx.identity.id,
        applicationId: input.id,
        values: input.values,
        complete: input.complete,
      }),
    ),

  get: authedProcedure.input(zApplicationId).query(async ({ ctx, input }) => {
    const app = await applicationForOwner(ctx.db, ctx.identity.id, input.id);
    if (!app) throw new AppError("NOT_FOUND", "Заявление не найдено");
    return app;
  }),

  // The cabinet's page checks the submitted content against its hash when it is opened; a mismatch
  // is written to the log and shown as a warning.
  checkContent: authedProcedure
    .input(zApplicationId)
    .mutation(({ ctx, input }) => checkContentOnOpen(ctx.db, ctx.identity.id, { applicationId: input.id })),
});
