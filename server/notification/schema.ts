// Client-safe definitions of notifications: the kinds and the procedures' input schemas, shared by
// the router and any browser code that lists or marks notifications.
import { z } from "zod";
import { zId } from "../ids";

export const NOTIFICATION_KINDS = [
  "application_registered",
  "intake_refused",
  "stage_changed",
  "result_ready",
  "refused",
  // Complaints and typo corrections (issue 14: R21, 210-FZ art. 11.2, S2 p.72).
  "complaint_registered",
  "complaint_decided",
  "complaint_due_soon",
  "complaint_overdue",
  "typo_registered",
  "typo_decided",
  "typo_due_soon",
  "typo_overdue",
  "co_applicant_invited",
  "draft_expiring",
  "deadline_due_soon",
  "deadline_breached",
  "request_due_soon",
  "request_overdue",
  "executor_assigned",
  "booking_confirmed",
  // Issue 14: the day-before reminder of a booking (R18); an application withdrawn by the applicant, to staff.
  "appointment_reminder",
  "application_withdrawn",
] as const;
export const zNotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof zNotificationKind>;

/** A page of a list; capped so that one request cannot pull a whole table. */
export const zListInput = z.object({ limit: z.number().int().min(1).max(100).default(50) }).default({ limit: 50 });

export const zMarkReadInput = z.object({
  ids: z.array(zId("Неверный идентификатор уведомления")).min(1).max(100, "Не более 100 уведомлений за раз"),
});
