// The three signed-in areas. Each procedure's role is checked here, again in the page, and the
// data functions take the caller's scope.
import { adminOverview } from "../../admin/data";
import { myApplications } from "../../cabinet/data";
import { adminProcedure, applicantProcedure, createTRPCRouter } from "../trpc";

export const cabinetRouter = createTRPCRouter({
  myApplications: applicantProcedure.query(({ ctx }) => myApplications(ctx.db, ctx.identity.id)),
});

export const adminRouter = createTRPCRouter({
  overview: adminProcedure.query(({ ctx }) => adminOverview(ctx.db)),
});
