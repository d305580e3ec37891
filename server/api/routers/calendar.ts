// The working calendar's administration (issue 11, R7): years, a decree, one day, import and export.
// Administrators only, the role re-checked on every call (adminProcedure).
import { calendarYearForAdmin, calendarYearsForAdmin } from "../../calendar/data";
import { importCalendarYear, loadDecree, setCalendarDay } from "../../calendar/mutations";
import { decreeSchema, exportYear, importYearSchema, setDaySchema, yearInputSchema } from "../../calendar/schema";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const calendarRouter = createTRPCRouter({
  years: adminProcedure.query(({ ctx }) => calendarYearsForAdmin(ctx.db)),
  year: adminProcedure.input(yearInputSchema).query(({ ctx, input }) => calendarYearForAdmin(ctx.db, input.year)),
  exportYear: adminProcedure.input(yearInputSchema).query(async ({ ctx, input }) => {
    const { meta, data } = await calendarYearForAdmin(ctx.db, input.year);
    return exportYear({ ...data, decreeNumber: meta.decreeNumber, decreeDate: meta.decreeDate });
  }),
  loadDecree: adminProcedure
    .input(decreeSchema)
    .mutation(({ ctx, input }) => loadDecree(ctx.db, ctx.identity.id, input)),
  setDay: adminProcedure
    .input(setDaySchema)
    .mutation(({ ctx, input }) => setCalendarDay(ctx.db, ctx.identity.id, input)),
  importYear: adminProcedure
    .input(importYearSchema)
    .mutation(({ ctx, input }) => importCalendarYear(ctx.db, ctx.identity.id, input)),
});
