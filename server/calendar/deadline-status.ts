/**
 * Traffic-light status of a deadline for the staff board and the head of department's control
 * (R4: the system monitors every stage's deadline; the head of department controls them).
 */
import type { WorkingCalendar } from "./working-calendar";

export type DeadlineStatus = "on_time" | "due_soon" | "overdue" | "none";

export const DEADLINE_STATUS_LABEL: Readonly<Record<DeadlineStatus, string>> = {
  on_time: "В срок",
  due_soon: "Срок истекает",
  overdue: "Просрочено",
  none: "Без срока",
};

export type DeadlineStatusOptions = {
  /**
   * A deadline is "due soon" when at most this many working days remain: 0 = only on its last
   * day, 1 = also the working day before, and so on.
   */
  dueSoonWorkingDays: number;
};

/**
 * - `none`: the stage has no deadline (e.g. waiting for the applicant).
 * - `overdue`: `now` is after `dueAt`. Deadlines are ends of local days (see `addWorkingDays`), so
 *   a stage due "today" is not overdue before local midnight (ГК РФ ст. 194).
 * - `due_soon`: working days remaining, counted as `countWorkingDays(now, dueAt)` (the days in
 *   (today, due date], today itself being the day now is spent in), are at most the threshold.
 *   On a weekend "today" is the next working day, as work resumes only then.
 * - `on_time`: otherwise.
 */
export function deadlineStatus(
  dueAt: Date | null,
  now: Date,
  calendar: WorkingCalendar,
  opts: DeadlineStatusOptions,
): DeadlineStatus {
  if (!Number.isSafeInteger(opts.dueSoonWorkingDays) || opts.dueSoonWorkingDays < 0) {
    throw new RangeError(`dueSoonWorkingDays must be a non-negative integer, got ${opts.dueSoonWorkingDays}`);
  }
  if (dueAt === null) return "none";
  if (now.getTime() > dueAt.getTime()) return "overdue";
  return calendar.countWorkingDays(now, dueAt) <= opts.dueSoonWorkingDays ? "due_soon" : "on_time";
}
