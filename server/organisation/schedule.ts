/**
 * Reception schedules of departments (issue 11, R7; S1 p.22: an in-person application is registered
 * within 15 minutes). Client-safe: the zod schema is shared by the form (/admin/schedules/[id]) and
 * the procedure, and the arithmetic is pure so that a unit test runs it without a database.
 *
 * A department's `hours` (Department.hours, Json) is null when it has no schedule of its own: minute
 * deadlines then keep the working calendar's day from 9:00 (WorkingCalendar.addWorkingMinutes).
 *
 * The calendar decides which days are non-working (holidays, days off moved by decree are closed for
 * every office); the schedule decides the hours of the days the office is open. An office open on
 * Saturdays (an MFC) receives on ordinary Saturdays; a Saturday worked by decree
 * (`transferred_working`) uses the hours of Friday, the day whose regime the decree moves (the
 * nearest open weekday from Friday backwards when the office is closed on Fridays).
 */
import { z } from "zod";
import { zId } from "../ids";
import type { CalendarDay } from "../calendar/types";
import { NORMAL_WORK_MINUTES } from "../calendar/russia";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { isoDateOf, parseDate, weekdayOf, MS_PER_MINUTE } from "../calendar/civil-date";

/** Monday first, as the week is read in Russia. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_LABEL: Record<number, string> = {
  1: "Понедельник",
  2: "Вторник",
  3: "Среда",
  4: "Четверг",
  5: "Пятница",
  6: "Суббота",
  7: "Воскресенье",
};

export const WEEKDAY_SHORT: Record<number, string> = { 1: "Пн", 2: "Вт", 3: "Ср", 4: "Чт", 5: "Пт", 6: "Сб", 7: "Вс" };

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const TIME_MESSAGE = "Укажите время в формате ЧЧ:ММ, например 09:00";

/** "09:30" → 570. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

const optionalTime = z.union([z.literal(""), z.string().regex(TIME_RE, TIME_MESSAGE)], { error: TIME_MESSAGE });

export const dayHoursSchema = z
  .object({
    weekday: z.number().int().min(1).max(7),
    open: z.boolean(),
    from: optionalTime,
    to: optionalTime,
    breakFrom: optionalTime,
    breakTo: optionalTime,
  })
  .superRefine((d, ctx) => {
    if (!d.open) return;
    if (!d.from) ctx.addIssue({ code: "custom", path: ["from"], message: "Укажите время начала приёма" });
    if (!d.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Укажите время окончания приёма" });
    if (!d.from || !d.to) return;
    const from = minutesOf(d.from);
    const to = minutesOf(d.to);
    if (to <= from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Окончание приёма должно быть позже его начала" });
      return;
    }
    if (!d.breakFrom !== !d.breakTo) {
      const path = d.breakFrom ? "breakTo" : "breakFrom";
      ctx.addIssue({ code: "custom", path: [path], message: "Укажите и начало, и окончание перерыва" });
      return;
    }
    if (!d.breakFrom || !d.breakTo) return;
    const bf = minutesOf(d.breakFrom);
    const bt = minutesOf(d.breakTo);
    if (bt <= bf) {
      ctx.addIssue({ code: "custom", path: ["breakTo"], message: "Окончание перерыва должно быть позже его начала" });
    } else if (bf <= from || bt >= to) {
      ctx.addIssue({
        code: "custom",
        path: ["breakFrom"],
        message: `Перерыв должен быть внутри часов приёма (${d.from}–${d.to})`,
      });
    }
  });

export const departmentHoursSchema = z.object({
  days: z
    .array(dayHoursSchema)
    .length(7, "Укажите часы приёма на каждый день недели")
    .refine((days) => days.every((d, i) => d.weekday === i + 1), "Дни недели должны идти с понедельника по воскресенье")
    .refine((days) => days.some((d) => d.open), "Отметьте хотя бы один приёмный день"),
  /** Art. 95 ТК РФ: the day before a holiday is one hour shorter; the office closes this much earlier. */
  preHolidayShortening: z
    .number({ error: "Укажите число минут" })
    .int("Укажите целое число минут")
    .min(0, "Сокращение не может быть отрицательным")
    .max(240, "Сокращение не больше 240 минут"),
});

export type DayHours = z.infer<typeof dayHoursSchema>;
export type DepartmentHours = z.infer<typeof departmentHoursSchema>;

export const saveScheduleSchema = z.object({
  departmentId: zId("Подразделение не найдено"),
  hours: departmentHoursSchema.nullable(),
});
export type SaveScheduleInput = z.infer<typeof saveScheduleSchema>;

/** The usual office: Monday-Friday 9:00-18:00 with lunch 13:00-14:00, an hour shorter before holidays. */
export function defaultHours(): DepartmentHours {
  return {
    days: WEEKDAYS.map((weekday) => ({
      weekday,
      open: weekday <= 5,
      from: weekday <= 5 ? "09:00" : "",
      to: weekday <= 5 ? "18:00" : "",
      breakFrom: weekday <= 5 ? "13:00" : "",
      breakTo: weekday <= 5 ? "14:00" : "",
    })),
    preHolidayShortening: 60,
  };
}

/** Stored hours as the schema reads them; anything else (never written by this app) counts as none. */
export function parseHours(json: unknown): DepartmentHours | null {
  if (json === null || json === undefined) return null;
  const parsed = departmentHoursSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** Weekday 1 (Monday) .. 7 (Sunday) of a civil date. */
export function isoWeekday(date: string): number {
  const w = weekdayOf(parseDate(date));
  return w === 0 ? 7 : w;
}

/**
 * Reception intervals of one day, in minutes after local midnight, in order: [from, breakFrom],
 * [breakTo, to], with the pre-holiday shortening taken off the end (never below the start).
 */
export function receptionIntervals(hours: DepartmentHours, day: CalendarDay): [number, number][] {
  if (day.kind === "holiday" || day.kind === "transferred_off") return [];
  let d = hours.days[isoWeekday(day.date) - 1];
  if (day.kind === "transferred_working" && !d?.open) {
    d = [...hours.days.slice(0, 5)].reverse().find((x) => x.open);
  }
  if (!d?.open || !d.from || !d.to) return [];
  const from = minutesOf(d.from);
  const preHoliday = day.working && day.workMinutes > 0 && day.workMinutes < NORMAL_WORK_MINUTES;
  const to = Math.max(from, minutesOf(d.to) - (preHoliday ? hours.preHolidayShortening : 0));
  const parts: [number, number][] =
    d.breakFrom && d.breakTo
      ? [
          [from, Math.min(minutesOf(d.breakFrom), to)],
          [minutesOf(d.breakTo), to],
        ]
      : [[from, to]];
  return parts.filter(([a, b]) => b > a);
}

/** Reception minutes of one day (for the schedule page: "8 ч в день"). */
export function receptionMinutes(hours: DepartmentHours, day: CalendarDay): number {
  return receptionIntervals(hours, day).reduce((s, [a, b]) => s + b - a, 0);
}

/** Days searched before giving up: a schedule always has an open weekday, so a few weeks suffice. */
const MAX_DAYS = 800;

/**
 * The instant `n` working minutes of the office after `from` (R7; S1 p.22). Same conventions as
 * WorkingCalendar.addWorkingMinutes: before opening counting starts at opening, during a break at its
 * end, after closing (or on a closed day) at the next opening; a period may end exactly at closing
 * time (16:50 + 15 min with closing at 18:00 → 17:05; with closing at 17:00 → 9:05 of the next
 * working day); n = 0 returns the moment counting would start.
 */
export function addScheduleMinutes(calendar: WorkingCalendar, hours: DepartmentHours, from: Date, n: number): Date {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  let remaining = n * MS_PER_MINUTE;
  let date = calendar.localDate(from);
  let pos = from.getTime() - calendar.startOfLocalDay(date).getTime();
  for (let i = 0; i < MAX_DAYS; i += 1) {
    const dayStart = calendar.startOfLocalDay(date).getTime();
    for (const [a, b] of receptionIntervals(hours, calendar.day(date))) {
      const start = Math.max(a * MS_PER_MINUTE, pos);
      const end = b * MS_PER_MINUTE;
      if (remaining === 0) {
        if (start < end) return new Date(dayStart + start);
        continue;
      }
      if (start >= end) continue;
      if (remaining <= end - start) return new Date(dayStart + start + remaining);
      remaining -= end - start;
    }
    date = isoDateOf(parseDate(date) + 1);
    pos = 0;
  }
  throw new RangeError("The schedule has no reception hours in the coming years");
}
