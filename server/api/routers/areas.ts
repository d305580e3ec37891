// The three signed-in areas. Each procedure's role is checked here, again in the page, and the
// data functions take the caller's scope.
import { adminOverview } from "../../admin/data";
import { myApplications } from "../../cabinet/data";
import { deleteDraft, withdrawApplication } from "../../cabinet/mutations";
import { zDeleteDraftInput, zWithdrawInput } from "../../cabinet/schema";
import { fileStorage } from "../../storage/storage";
import { now } from "../../clock";
import { adminProcedure, applicantProcedure, createTRPCRouter } from "../trpc";

export const cabinetRouter = createTRPCRouter({
  myApplications: applicantProcedure.query(({ ctx }) => myApplications(ctx.db, ctx.identity.id)),
  // Issue 14 p.5: the owner deletes a draft with its files, or withdraws a submitted application.
  deleteDraft: applicantProcedure
    .input(zDeleteDraftInput)
    .mutation(({ ctx, input }) => deleteDraft(ctx.db, fileStorage(), { ownerId: ctx.identity.id, id: input.id })),
  withdraw: applicantProcedure
    .input(zWithdrawInput)
    .mutation(({ ctx, input }) =>
      withdrawApplication(ctx.db, { ownerId: ctx.identity.id, id: input.id, reason: input.reason, now: now() }),
    ),
});

export const adminRouter = createTRPCRouter({
  overview: adminProcedure.query(({ ctx }) => adminOverview(ctx.db)),
});
