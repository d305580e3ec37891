import { applicationRouter } from "./routers/application";
import { auditRouter } from "./routers/audit";
import { adminRouter, cabinetRouter } from "./routers/areas";
import { staffRouter } from "./routers/staff";
import { authRouter } from "./routers/auth";
import { catalogueRouter } from "./routers/catalogue";
import { notificationRouter } from "./routers/notification";
import { organisationRouter } from "./routers/organisation";
import { calendarRouter } from "./routers/calendar";
import { scheduleRouter } from "./routers/schedule";
import { regulationRouter } from "./routers/regulation";
import { qualityRouter } from "./routers/quality";
import { appointmentRouter } from "./routers/appointment";
import { ratingRouter } from "./routers/rating";
import { complaintRouter } from "./routers/complaint";
import { typoRouter } from "./routers/typo";
import { signatureRouter } from "./routers/signature";
import { verificationRouter } from "./routers/verification";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  catalogue: catalogueRouter,
  cabinet: cabinetRouter,
  application: applicationRouter,
  notification: notificationRouter,
  staff: staffRouter,
  admin: adminRouter,
  audit: auditRouter,
  organisation: organisationRouter,
  calendar: calendarRouter,
  schedule: scheduleRouter,
  regulation: regulationRouter,
  quality: qualityRouter,
  appointment: appointmentRouter,
  rating: ratingRouter,
  complaint: complaintRouter,
  typo: typoRouter,
  signature: signatureRouter,
  verification: verificationRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
