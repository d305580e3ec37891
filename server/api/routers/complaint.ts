// Pre-trial complaints (R21; 210-FZ art. 11.1-11.2): the applicant's view of the complaints on an
// application (filed through POST /api/applications/:id/complaint, with files), the registrar's entry
// of a paper complaint, the staff list and card, and the head's decision.
import { z } from "zod";
import { zId } from "../../ids";
import { AppError } from "../../errors";
import { loadWorkingCalendar, deadlineContext } from "../../calendar/data";
import { deadlineStatus } from "../../calendar/deadline-status";
import { fileStorage } from "../../storage/storage";
import { now } from "../../clock";
import { applicantProcedure, createTRPCRouter, staffProcedure } from "../trpc";
import {
  complaintApplication,
  complaintDepartments,
  complaintForStaff,
  complaintsForStaff,
  complaintsOfApplication,
} from "../../complaint/data";
import { decideComplaint, registerPaperComplaint } from "../../complaint/mutations";
import { zComplaintId, zDecideComplaintInput, zPaperComplaintForm } from "../../complaint/schema";
import { rolesIn } from "../../workflow/machine";

const NO_ACCESS = "Жалобы видят руководитель и специалисты по регистрации подразделения";

export const complaintRouter = createTRPCRouter({
  /** The application's complaints in the cabinet; someone else's application is not found. */
  forApplication: applicantProcedure
    .input(z.object({ applicationId: zId("Заявление не найдено") }))
    .query(async ({ ctx, input }) => {
      const application = await complaintApplication(ctx.db, ctx.identity.id, input.applicationId);
      if (!application) throw new AppError("NOT_FOUND", "Заявление не найдено");
      return { application, complaints: await complaintsOfApplication(ctx.db, ctx.identity.id, application.id) };
    }),

  /** The complaints of the caller's departments (heads and registrars), with the state of each term. */
  list: staffProcedure
    .input(z.object({ status: z.enum(["open", "closed"]).optional() }).default({}))
    .query(async ({ ctx, input }) => {
      if (!complaintDepartments(ctx.scope).length) throw new AppError("FORBIDDEN", NO_ACCESS);
      const context = await deadlineContext(ctx.db, now());
      return (await complaintsForStaff(ctx.db, ctx.scope, input)).map((c) => ({
        ...c,
        deadline: c.status === "REGISTERED" ? deadlineStatus(c.dueAt, context.now, context.calendar, context) : "none",
      }));
    }),

  get: staffProcedure.input(zComplaintId).query(async ({ ctx, input }) => {
    const c = await complaintForStaff(ctx.db, ctx.scope, input.id);
    if (!c) throw new AppError("NOT_FOUND", "Жалоба не найдена");
    const context = await deadlineContext(ctx.db, now());
    const roles = rolesIn(ctx.scope, c.departmentId);
    return {
      ...c,
      deadline: c.status === "REGISTERED" ? deadlineStatus(c.dueAt, context.now, context.calendar, context) : "none",
      // What this caller may do: decide as the head, unless the complaint is against them.
      mayDecide: c.status === "REGISTERED" && roles.includes("HEAD") && c.againstUserId !== ctx.scope.userId,
      isAgainstCaller: c.againstUserId === ctx.scope.userId,
    };
  }),

  registerPaper: staffProcedure
    .input(zPaperComplaintForm)
    .mutation(async ({ ctx, input }) =>
      registerPaperComplaint(ctx.db, ctx.scope, { ...input, calendar: await loadWorkingCalendar(ctx.db), now: now() }),
    ),

  decide: staffProcedure
    .input(zDecideComplaintInput)
    .mutation(({ ctx, input }) => decideComplaint(ctx.db, fileStorage(), ctx.scope, { ...input, now: now() })),
});
