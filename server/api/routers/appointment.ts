// Appointments (R18, S1 p.32). Free slots are public (the reception schedule is published); booking
// and cancelling are the signed-in applicant's, identity from the account; the day list and its
// marks are the department's staff's (the marks: registrars and heads).
import { now } from "../../clock";
import { bookingOffer, dayList, myAppointments, servicesTakingAppointments } from "../../appointment/data";
import { bookAppointment, cancelAppointment, markVisit } from "../../appointment/mutations";
import {
  zAppointmentId,
  zBookInput,
  zDayListInput,
  zMarkVisitInput,
  zServiceCodeInput,
} from "../../appointment/schema";
import { applicantProcedure, createTRPCRouter, publicProcedure, staffProcedure } from "../trpc";

export const appointmentRouter = createTRPCRouter({
  services: publicProcedure.query(({ ctx }) => servicesTakingAppointments(ctx.db, now())),

  offer: publicProcedure
    .input(zServiceCodeInput)
    .query(({ ctx, input }) => bookingOffer(ctx.db, input.serviceCode, now())),

  book: applicantProcedure
    .input(zBookInput)
    .mutation(({ ctx, input }) => bookAppointment(ctx.db, { userId: ctx.identity.id, ...input, now: now() })),

  mine: applicantProcedure.query(({ ctx }) => myAppointments(ctx.db, ctx.identity.id, now())),

  cancel: applicantProcedure
    .input(zAppointmentId)
    .mutation(({ ctx, input }) => cancelAppointment(ctx.db, { userId: ctx.identity.id, id: input.id, now: now() })),

  day: staffProcedure.input(zDayListInput).query(({ ctx, input }) => dayList(ctx.db, ctx.scope, input.date)),

  mark: staffProcedure
    .input(zMarkVisitInput)
    .mutation(({ ctx, input }) => markVisit(ctx.db, ctx.scope, { ...input, now: now() })),
});
