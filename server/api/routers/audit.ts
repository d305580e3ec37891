// The auditors' log (issue 11): read by the administrator and the auditor (auditProcedure), written
// by nobody here. The procedures only read.
import { config } from "../../config";
import { auditLog, checkAuditTrail } from "../../audit/log/data";
import { auditLogInputSchema } from "../../audit/log/schema";
import { auditProcedure, createTRPCRouter } from "../trpc";

export const auditRouter = createTRPCRouter({
  /** One page of every recorded action, newest first, filtered; `next` is the cursor of the page below. */
  log: auditProcedure
    .input(auditLogInputSchema)
    .query(({ ctx, input }) => auditLog(ctx.db, input, { utcOffsetMinutes: config().utcOffsetMinutes })),
  /** The hash chain and the submitted contents checked against it (npm run audit:verify). */
  verify: auditProcedure.query(({ ctx }) => checkAuditTrail(ctx.db)),
});
