// The staff workspace: the board, the card, moves through the process, assignment and comments.
import { z } from "zod";
import { zId } from "../../ids";
import { zText } from "../../text";
import { CHANNELS } from "../../regulation/document";
import { deadlineContext, loadWorkingCalendar } from "../../calendar/data";
import { AppError } from "../../errors";
import { board, boardColumnPage } from "../../workflow/board/data";
import { executorsFor, staffCard } from "../../workflow/card/data";
import { addComment } from "../../workflow/card/mutations";
import { recordCardRead } from "../../audit/mutations";
import { intakeForm, intakeServices } from "../../intake/data";
import { staffOverview } from "../../workflow/board/data";
import { moveApplication, reassignExecutor } from "../../workflow/mutations";
import { lateEntries } from "../../workflow/data";
import { departmentsWithRole } from "../../auth/scope";
import { now as clockNow } from "../../clock";
import { createTRPCRouter, staffProcedure } from "../trpc";
import { registerPaperApplication } from "../../intake/mutations";
import { recordRequestAnswer, sendInteragencyRequest } from "../../workflow/requests/mutations";
import {
  zAnswerRequestInput,
  zCommentInput,
  zMoveInput,
  zReassignInput,
  zSendRequestInput,
} from "../../workflow/schema";
import { zRegisterPaperInput } from "../../intake/schema";

const zFilters = z.object({
  serviceCode: zText().max(64).optional(),
  mine: z.boolean().optional(),
  deadline: z.enum(["overdue", "due_soon", "on_time"]).optional(),
  channel: z.enum(CHANNELS).optional(),
  q: zText().max(100).optional(),
});

export const staffRouter = createTRPCRouter({
  overview: staffProcedure.query(({ ctx }) => staffOverview(ctx.db, ctx.scope)),

  board: staffProcedure
    .input(z.object({ filters: zFilters.default({}), perColumn: z.number().int().min(1).max(100).default(20) }))
    .query(async ({ ctx, input }) => board(ctx.db, ctx.scope, input, await deadlineContext(ctx.db))),

  column: staffProcedure
    .input(
      z.object({
        filters: zFilters.default({}),
        stage: zText().max(64),
        cursor: zId().optional(),
        limit: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(async ({ ctx, input }) => boardColumnPage(ctx.db, ctx.scope, input, await deadlineContext(ctx.db))),

  card: staffProcedure.input(z.object({ id: zId("Заявление не найдено") })).query(async ({ ctx, input }) => {
    const card = await staffCard(ctx.db, ctx.scope, input.id, await deadlineContext(ctx.db));
    if (!card) throw new AppError("NOT_FOUND", "Заявление не найдено");
    return card;
  }),

  // The card page records that it was opened (152-FZ: access to personal data is logged) and learns
  // whether the stored content still gives the hash signed at submission. The board's list and its
  // move dialog read through `card`/`column` and record nothing per card.
  recordCardView: staffProcedure
    .input(z.object({ id: zId() }))
    .mutation(({ ctx, input }) => recordCardRead(ctx.db, ctx.scope, { applicationId: input.id })),

  executors: staffProcedure
    .input(z.object({ id: zId() }))
    .query(({ ctx, input }) => executorsFor(ctx.db, ctx.scope, input.id)),

  /** Every stage change goes through the state machine (R1); a stale row version is a conflict. */
  move: staffProcedure.input(zMoveInput).mutation(async ({ ctx, input }) => {
    const { id, expectedRowVersion, doneAt, signing, ...request } = input;
    return moveApplication(ctx.db, {
      applicationId: id,
      expectedRowVersion,
      doneAt,
      signing,
      calendar: await loadWorkingCalendar(ctx.db),
      actor: ctx.scope,
      request,
    }).then((r) => ({ ...r, eventIds: r.eventIds.map(String) }));
  }),

  /**
   * S0 p.7: moves entered later than they were done, in the departments the caller heads, over the
   * last 30 days (the newest 100): the lag is the head's to see.
   */
  lateEntries: staffProcedure.query(({ ctx }) =>
    lateEntries(ctx.db, {
      departmentIds: departmentsWithRole(ctx.scope, ["HEAD"]),
      since: new Date(clockNow().getTime() - 30 * 86_400_000),
      take: 100,
    }),
  ),

  /** Hands the application to another executor (head or registrar), with the reason (R2). */
  reassign: staffProcedure.input(zReassignInput).mutation(({ ctx, input }) =>
    reassignExecutor(ctx.db, {
      applicationId: input.id,
      expectedRowVersion: input.expectedRowVersion,
      executorId: input.executorId,
      reason: input.reason,
      actor: ctx.scope,
    }),
  ),

  /** Services whose paper applications this user may register: those of departments where they are a registrar. */
  intakeServices: staffProcedure.query(({ ctx }) => intakeServices(ctx.db, ctx.scope)),

  /** The form of a service for entering a paper application (the same form as the portal's). */
  intakeForm: staffProcedure
    .input(z.object({ serviceCode: zText().max(64) }))
    .query(({ ctx, input }) => intakeForm(ctx.db, ctx.scope, input.serviceCode)),

  registerPaper: staffProcedure
    .input(zRegisterPaperInput)
    .mutation(async ({ ctx, input }) =>
      registerPaperApplication(ctx.db, ctx.scope, { ...input, calendar: await loadWorkingCalendar(ctx.db) }),
    ),

  sendRequest: staffProcedure.input(zSendRequestInput).mutation(async ({ ctx, input }) =>
    sendInteragencyRequest(ctx.db, ctx.scope, {
      applicationId: input.id,
      typeCode: input.typeCode,
      text: input.text,
      calendar: await loadWorkingCalendar(ctx.db),
    }),
  ),

  answerRequest: staffProcedure
    .input(zAnswerRequestInput)
    .mutation(({ ctx, input }) => recordRequestAnswer(ctx.db, ctx.scope, input)),

  comment: staffProcedure
    .input(zCommentInput)
    .mutation(({ ctx, input }) => addComment(ctx.db, ctx.scope, { applicationId: input.id, text: input.text })),
});
