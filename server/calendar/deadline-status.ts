/**
 * Traffic-light status of a deadline for the staff board and the head of department's control
 * (R4: the system monitors every stage's deadline; the head of department controls them).
 */
import type { WorkingCalendar } from "./working-calendar";
import { plural } from "../format/plural";

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

function checkOptions(opts: DeadlineStatusOptions): void {
  if (!Number.isSafeInteger(opts.dueSoonWorkingDays) || opts.dueSoonWorkingDays < 0) {
    throw new RangeError(`dueSoonWorkingDays must be a non-negative integer, got ${opts.dueSoonWorkingDays}`);
  }
}

/**
 * What every deadline check is given: the moment, the calendar and the configured threshold
 * (config().dueSoonWorkingDays, REGLAMENT_DUE_SOON_DAYS). The board, the card, the deadlines page
 * and the monitoring job that sends the e-mails all take it from server/calendar/data.ts
 * `deadlineContext`, so they never disagree on what is overdue or due soon.
 */
export type DeadlineContext = DeadlineStatusOptions & { now: Date; calendar: WorkingCalendar };

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
  checkOptions(opts);
  if (dueAt === null) return "none";
  if (now.getTime() > dueAt.getTime()) return "overdue";
  return calendar.countWorkingDays(now, dueAt) <= opts.dueSoonWorkingDays ? "due_soon" : "on_time";
}

/**
 * The same rule as ranges of due instants, for the queries that select by it (the board's deadline
 * filter, the deadlines page, the monitoring job): a due instant lies in the range of exactly the
 * status `deadlineStatus` gives it. `due_soon` ends where `countWorkingDays(now, dueAt)` passes the
 * threshold: at the start of the (n+1)-th working day from now, so a due instant on the days off
 * after the n-th working day is due soon too (`lastInstantWithinWorkingDays`).
 * Plain `{ lt, gte, lte, gt }` objects: a Prisma DateTime filter as they are.
 */
export function deadlineRanges(ctx: DeadlineContext): {
  overdue: { lt: Date };
  due_soon: { gte: Date; lte: Date };
  on_time: { gt: Date };
} {
  checkOptions(ctx);
  const dueSoonUntil = ctx.calendar.lastInstantWithinWorkingDays(ctx.now, ctx.dueSoonWorkingDays);
  return { overdue: { lt: ctx.now }, due_soon: { gte: ctx.now, lte: dueSoonUntil }, on_time: { gt: dueSoonUntil } };
}

const workingDays = (n: number) => `${n} раб. ${plural(n, ["день", "дня", "дней"])}`;

/**
 * The badge's words with how far the deadline is (issue 16 p.10: a column where every card is «Срок
 * истекает» tells nothing): «Срок истекает сегодня», «Срок истекает через 2 раб. дня», «Просрочено на
 * 3 раб. дня», «В срок: ещё 5 раб. дней». Working days as `deadlineStatus` counts them.
 */
export function deadlineLabel(status: DeadlineStatus, dueAt: Date | null, ctx: DeadlineContext): string {
  const base = DEADLINE_STATUS_LABEL[status];
  if (!dueAt || status === "none") return base;
  if (status === "overdue") {
    const late = ctx.calendar.countWorkingDays(dueAt, ctx.now);
    return late > 0 ? `${base} на ${workingDays(late)}` : base;
  }
  const left = ctx.calendar.countWorkingDays(ctx.now, dueAt);
  if (status === "due_soon") return left === 0 ? `${base} сегодня` : `${base} через ${workingDays(left)}`;
  return `${base}: ещё ${workingDays(left)}`;
}
