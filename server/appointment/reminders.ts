// The day-before reminder (R18, R19): every booking standing tomorrow (the municipality's local
// date) is reminded once. The job runs every hour, so a booking made today for tomorrow is reminded
// in the next run; sendReminder's conditional update makes any number of runs send one reminder.
import type { Db } from "../db/client";
import { loadWorkingCalendar } from "../calendar/data";
import { isoDateOf, parseDate } from "../calendar/civil-date";
import { appointmentsToRemind, bookingTarget } from "./data";
import { sendReminder } from "./mutations";

const BATCH = 200;

export async function remindAppointments(db: Db, now: Date): Promise<{ reminded: number }> {
  const calendar = await loadWorkingCalendar(db);
  const tomorrow = isoDateOf(parseDate(calendar.localDate(now)) + 1);
  const from = calendar.startOfLocalDay(tomorrow);
  const to = new Date(calendar.endOfLocalDay(tomorrow).getTime() + 1);
  // The place as the confirmation named it (the department's address, else the authority's).
  const places = new Map<string, Promise<string | null>>();
  const placeOf = (code: string) => {
    if (!places.has(code))
      places.set(
        code,
        bookingTarget(db, code, now).then(
          (t) => t.place,
          () => null, // the service stopped taking appointments since: the department's own address
        ),
      );
    return places.get(code)!;
  };
  let reminded = 0;
  for (;;) {
    const page = await appointmentsToRemind(db, from, to, BATCH);
    for (const a of page) if (await sendReminder(db, a, now, await placeOf(a.service.code))) reminded += 1;
    // Each row of a page leaves the filter (reminded, or cancelled meanwhile): the next page is new work.
    if (page.length < BATCH) return { reminded };
  }
}
