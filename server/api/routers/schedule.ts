// Reception schedules of departments (issue 11, R7; S1 p.22): administrators only (adminProcedure).
import { z } from "zod";
import { zId } from "../../ids";
import { departmentHours, departmentsWithHours } from "../../organisation/hours/data";
import { saveDepartmentHours } from "../../organisation/hours/mutations";
import { saveScheduleSchema } from "../../organisation/schedule";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const scheduleRouter = createTRPCRouter({
  departments: adminProcedure.query(({ ctx }) => departmentsWithHours(ctx.db)),
  get: adminProcedure
    .input(z.object({ departmentId: zId("Подразделение не найдено") }))
    .query(({ ctx, input }) => departmentHours(ctx.db, input.departmentId)),
  save: adminProcedure
    .input(saveScheduleSchema)
    .mutation(({ ctx, input }) => saveDepartmentHours(ctx.db, ctx.identity.id, input)),
});
