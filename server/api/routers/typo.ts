// Typo corrections in issued documents (R21; S2 p.72): the applicant's request from the cabinet, the
// staff list and card, the check (executor or head), and the corrected document's signature and issue.
import { z } from "zod";
import { zId } from "../../ids";
import { AppError } from "../../errors";
import { deadlineContext, loadWorkingCalendar } from "../../calendar/data";
import { deadlineStatus } from "../../calendar/deadline-status";
import { fileStorage } from "../../storage/storage";
import { now } from "../../clock";
import { applicantProcedure, createTRPCRouter, staffProcedure } from "../trpc";
import {
  typoApplication,
  typoApplicationForStaff,
  typoRequestForStaff,
  typoRequestsForStaff,
  typoRequestsOfApplication,
} from "../../typo/data";
import { fileTypoRequest, recordTypoCheck, signTypoCorrection } from "../../typo/mutations";
import { zFileTypoInput, zPaperTypoInput, zTypoCheckInput, zTypoId, zTypoSignInput } from "../../typo/schema";
import { rolesIn } from "../../workflow/machine";

/** The term that runs now: the check while registered, then the correction. */
const runningDue = (r: { status: string; checkDueAt: Date; fixDueAt: Date }) =>
  r.status === "REGISTERED" ? r.checkDueAt : r.status === "CONFIRMED" ? r.fixDueAt : null;

export const typoRouter = createTRPCRouter({
  forApplication: applicantProcedure
    .input(z.object({ applicationId: zId("Заявление не найдено") }))
    .query(async ({ ctx, input }) => {
      const application = await typoApplication(ctx.db, ctx.identity.id, input.applicationId);
      if (!application) throw new AppError("NOT_FOUND", "Заявление не найдено");
      return { application, requests: await typoRequestsOfApplication(ctx.db, ctx.identity.id, application.id) };
    }),

  file: applicantProcedure.input(zFileTypoInput).mutation(async ({ ctx, input }) =>
    fileTypoRequest(ctx.db, {
      by: { kind: "applicant", userId: ctx.identity.id },
      ...input,
      calendar: await loadWorkingCalendar(ctx.db),
      now: now(),
    }),
  ),

  /**
   * A request received on paper (S2 p.72), entered by a registrar of the application's department on
   * its card: what the card's form needs (the terms, the issued documents) and whether the caller may.
   */
  paperTarget: staffProcedure
    .input(z.object({ applicationId: zId("Заявление не найдено") }))
    .query(async ({ ctx, input }) => {
      const application = await typoApplicationForStaff(ctx.db, ctx.scope, input.applicationId);
      if (!application) throw new AppError("NOT_FOUND", "Заявление не найдено");
      return { ...application, mayRegister: rolesIn(ctx.scope, application.departmentId).includes("REGISTRAR") };
    }),

  registerPaper: staffProcedure.input(zPaperTypoInput).mutation(async ({ ctx, input }) => {
    const { channel, ...rest } = input;
    return fileTypoRequest(ctx.db, {
      by: { kind: "registrar", scope: ctx.scope, channel },
      ...rest,
      calendar: await loadWorkingCalendar(ctx.db),
      now: now(),
    });
  }),

  list: staffProcedure.query(async ({ ctx }) => {
    const context = await deadlineContext(ctx.db, now());
    return (await typoRequestsForStaff(ctx.db, ctx.scope)).map((r) => ({
      ...r,
      deadline: deadlineStatus(runningDue(r), context.now, context.calendar, context),
    }));
  }),

  get: staffProcedure.input(zTypoId).query(async ({ ctx, input }) => {
    const r = await typoRequestForStaff(ctx.db, ctx.scope, input.id);
    if (!r) throw new AppError("NOT_FOUND", "Заявление об исправлении опечатки не найдено");
    const context = await deadlineContext(ctx.db, now());
    const roles = rolesIn(ctx.scope, r.departmentId);
    return {
      ...r,
      deadline: deadlineStatus(runningDue(r), context.now, context.calendar, context),
      mayCheck: r.status === "REGISTERED" && (roles.includes("EXECUTOR") || roles.includes("HEAD")),
      maySign: r.status === "CONFIRMED" && roles.includes("SIGNER"),
    };
  }),

  check: staffProcedure
    .input(zTypoCheckInput)
    .mutation(({ ctx, input }) => recordTypoCheck(ctx.db, fileStorage(), ctx.scope, { ...input, now: now() })),

  sign: staffProcedure.input(zTypoSignInput).mutation(async ({ ctx, input }) =>
    signTypoCorrection(ctx.db, fileStorage(), ctx.scope, {
      ...input,
      calendar: await loadWorkingCalendar(ctx.db),
      now: now(),
    }),
  ),
});
