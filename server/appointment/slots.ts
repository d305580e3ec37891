// Appointment slots (R18; S1 p.32: a visit may be booked at any free date and time within the
// reception schedule). Pure: the department's reception intervals over the working calendar
// (server/organisation/schedule.ts: lunch breaks, pre-holiday shortening, days moved by decree) cut
// into the service's slot length. The database only says which slots are held.
import type { WorkingCalendar } from "../calendar/working-calendar";
import { isoDateOf, parseDate, MS_PER_MINUTE } from "../calendar/civil-date";
import { WEEKDAYS, receptionIntervals, type DepartmentHours } from "../organisation/schedule";

/** How far ahead a visit may be booked, in calendar days from today. */
export const BOOKING_DAYS_AHEAD = 30;

/**
 * A department without a schedule of its own: the working calendar's day from 9:00, 8 hours (7 before
 * a holiday), as minute deadlines count it (README, Decisions: the calendar).
 */
export const CALENDAR_DAY_HOURS: DepartmentHours = {
  days: WEEKDAYS.map((weekday) => ({
    weekday,
    open: weekday <= 5,
    from: weekday <= 5 ? "09:00" : "",
    to: weekday <= 5 ? "17:00" : "",
    breakFrom: "",
    breakTo: "",
  })),
  preHolidayShortening: 60,
};

export type Slot = { startsAt: Date; endsAt: Date };

/** The slots of one local date: each reception interval cut from its start; a remainder shorter than a slot is not offered. */
export function slotsOfDay(
  calendar: WorkingCalendar,
  hours: DepartmentHours,
  slotMinutes: number,
  date: string,
): Slot[] {
  const dayStart = calendar.startOfLocalDay(date).getTime();
  const slots: Slot[] = [];
  for (const [from, to] of receptionIntervals(hours, calendar.day(date))) {
    for (let m = from; m + slotMinutes <= to; m += slotMinutes) {
      slots.push({
        startsAt: new Date(dayStart + m * MS_PER_MINUTE),
        endsAt: new Date(dayStart + (m + slotMinutes) * MS_PER_MINUTE),
      });
    }
  }
  return slots;
}

/** The local dates a visit may be booked on: from tomorrow for BOOKING_DAYS_AHEAD days (closed days give no slots). */
export function bookableDates(calendar: WorkingCalendar, now: Date): string[] {
  const today = parseDate(calendar.localDate(now));
  return Array.from({ length: BOOKING_DAYS_AHEAD }, (_, i) => isoDateOf(today + 1 + i));
}

/** The key that makes a double booking impossible: unique while the booking stands, null once cancelled. */
export function slotKey(serviceId: string, startsAt: Date): string {
  return `${serviceId}|${startsAt.toISOString()}`;
}
