// The quality dashboard (issue 14 p.6, R27): heads read their departments' figures, administrators
// every department's; anyone else is refused (server/quality/data.ts qualityViewer). Read only.
import { qualityOptions, qualityReport, qualityViewer } from "../../quality/data";
import { qualityFilterSchema } from "../../quality/schema";
import { authedProcedure, createTRPCRouter } from "../trpc";

export const qualityRouter = createTRPCRouter({
  /** The filter's choices: the caller's departments and their services. */
  options: authedProcedure.query(async ({ ctx }) => qualityOptions(ctx.db, await qualityViewer(ctx.db, ctx.identity))),
  /** The figures of the period, per service, per department and in total. */
  report: authedProcedure
    .input(qualityFilterSchema)
    .query(async ({ ctx, input }) => qualityReport(ctx.db, await qualityViewer(ctx.db, ctx.identity), input)),
});
