/**
 * Property tests: the prefix-sum fast paths against a naive day-by-day reference that reads the
 * calendar data directly, over random instants in 2025-2027 (deadlines spill into a derived 2028).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarYear, calendarYears } from "./russia";
import type { CalendarDay } from "./types";
import { WorkingCalendar } from "./working-calendar";

const MS_MIN = 60_000;
const MS_DAY = 86_400_000;

// ------------------------------------------------------------------------------------------------
// Reference implementation: walks one day at a time over plain data, sharing no code with the
// calendar except the year data itself (built by russia.ts, which has its own table tests).

const dataByDate = new Map<string, CalendarDay>();
function refDay(date: string): CalendarDay {
  let d = dataByDate.get(date);
  if (!d) {
    for (const day of calendarYear(Number(date.slice(0, 4))).days) dataByDate.set(day.date, day);
    d = dataByDate.get(date);
  }
  if (!d) throw new Error(`no data for ${date}`);
  return d;
}
const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + MS_DAY).toISOString().slice(0, 10);

function makeReference(offsetMinutes: number, startMinutes: number) {
  const localDate = (t: number) => new Date(t + offsetMinutes * MS_MIN).toISOString().slice(0, 10);
  const startOf = (date: string) => Date.parse(`${date}T00:00:00Z`) - offsetMinutes * MS_MIN;
  const endOf = (date: string) => startOf(nextDate(date)) - 1;
  const takeIn = (t: number) => {
    let d = localDate(t);
    while (!refDay(d).working) d = nextDate(d);
    return d;
  };
  return {
    addWorkingDays(t: number, n: number): number {
      let d = takeIn(t);
      for (let left = n; left > 0;) {
        d = nextDate(d);
        if (refDay(d).working) left -= 1;
      }
      return endOf(d);
    },
    addCalendarDays(t: number, n: number): number {
      let d = takeIn(t);
      for (let i = 0; i < n; i += 1) d = nextDate(d);
      while (!refDay(d).working) d = nextDate(d);
      return endOf(d);
    },
    countWorkingDays(from: number, to: number): number {
      const last = localDate(to);
      let count = 0;
      for (let d = takeIn(from); d < last;) {
        d = nextDate(d);
        if (refDay(d).working) count += 1;
      }
      return count;
    },
    addWorkingMinutes(t: number, n: number): number {
      const hoursStart = (date: string) => startOf(date) + startMinutes * MS_MIN;
      const hoursEnd = (date: string) => hoursStart(date) + refDay(date).workMinutes * MS_MIN;
      let d = localDate(t);
      let cur = t;
      // Move to the first moment inside working hours, [start, end) of a working day.
      while (!(refDay(d).working && cur < hoursEnd(d))) {
        d = nextDate(d);
        cur = hoursStart(d);
      }
      cur = Math.max(cur, hoursStart(d));
      // Consume day by day; a period may end exactly at closing time.
      for (let left = n * MS_MIN; ;) {
        const available = hoursEnd(d) - cur;
        if (left <= available) return cur + left;
        left -= available;
        do d = nextDate(d);
        while (!refDay(d).working);
        cur = hoursStart(d);
      }
    },
  };
}

// ------------------------------------------------------------------------------------------------
// Generators

const SETUPS = [
  { offset: 300, start: 9 * 60 }, // the seeds' municipalities, UTC+5
  { offset: 180, start: 9 * 60 }, // Moscow
  { offset: 720, start: 8 * 60 }, // Kamchatka, an office opening at 8:00
  { offset: 0, start: 9 * 60 },
] as const;
const years = calendarYears({ from: 2025, to: 2027 });
const calendars = SETUPS.map((s) => ({
  ...s,
  cal: new WorkingCalendar(years, { utcOffsetMinutes: s.offset, workdayStartMinutes: s.start }),
  ref: makeReference(s.offset, s.start),
}));
const setupArb = fc.constantFrom(...calendars);

const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 0, 1) - 1;
/**
 * Instants in 2025-2027: uniformly random, or near the edges where off-by-one errors live (local
 * midnight, opening and closing times, each ±1 ms). Edges are relative to UTC+5 local days and
 * are edges for the other setups too only by coincidence, which the uniform branch covers.
 */
const instantArb = fc
  .oneof(
    fc.integer({ min: FROM, max: TO }),
    fc
      .tuple(
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.constantFrom(0, 9 * 60, 8 * 60, 16 * 60, 17 * 60, 18 * 60, 20 * 60),
        fc.constantFrom(-1, 0, 1),
      )
      .map(([day, minute, ms]) => FROM + day * MS_DAY - 300 * MS_MIN + minute * MS_MIN + ms),
  )
  .map((t) => new Date(t));
const nArb = fc.integer({ min: 0, max: 60 });
const RUNS = { numRuns: 400 };

describe("addWorkingDays / countWorkingDays properties", () => {
  it("countWorkingDays(t, addWorkingDays(t, n)) === n", () => {
    fc.assert(
      fc.property(setupArb, instantArb, nArb, ({ cal }, t, n) => {
        expect(cal.countWorkingDays(t, cal.addWorkingDays(t, n))).toBe(n);
      }),
      RUNS,
    );
  });

  it("the due date is a working day and the result is the end of that local day", () => {
    fc.assert(
      fc.property(setupArb, instantArb, nArb, ({ cal }, t, n) => {
        const dueAt = cal.addWorkingDays(t, n);
        const date = cal.localDate(dueAt);
        expect(cal.isWorkingDay(date)).toBe(true);
        expect(date).toBe(cal.dueDateAfterWorkingDays(t, n));
        expect(dueAt).toEqual(cal.endOfLocalDay(date));
        expect(dueAt.getTime() + 1).toBe(cal.startOfLocalDay(nextDate(date)).getTime());
        expect(dueAt.getTime()).toBeGreaterThanOrEqual(t.getTime());
      }),
      RUNS,
    );
  });

  it("is monotonic in n and in t", () => {
    fc.assert(
      fc.property(setupArb, instantArb, instantArb, nArb, nArb, ({ cal }, a, b, n1, n2) => {
        const [t1, t2] = a <= b ? [a, b] : [b, a];
        const [m1, m2] = n1 <= n2 ? [n1, n2] : [n2, n1];
        expect(cal.addWorkingDays(t1, m1).getTime()).toBeLessThanOrEqual(cal.addWorkingDays(t1, m2).getTime());
        expect(cal.addWorkingDays(t1, m1).getTime()).toBeLessThanOrEqual(cal.addWorkingDays(t2, m1).getTime());
        expect(cal.addCalendarDays(t1, m1).getTime()).toBeLessThanOrEqual(cal.addCalendarDays(t2, m2).getTime());
        expect(cal.countWorkingDays(t1, t1)).toBe(0);
        expect(cal.countWorkingDays(t1, t2)).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it("addWorkingDays equals the reference", () => {
    fc.assert(
      fc.property(setupArb, instantArb, nArb, ({ cal, ref }, t, n) => {
        expect(cal.addWorkingDays(t, n).getTime()).toBe(ref.addWorkingDays(t.getTime(), n));
      }),
      RUNS,
    );
  });

  it("addCalendarDays equals the reference", () => {
    fc.assert(
      fc.property(setupArb, instantArb, nArb, ({ cal, ref }, t, n) => {
        expect(cal.addCalendarDays(t, n).getTime()).toBe(ref.addCalendarDays(t.getTime(), n));
      }),
      RUNS,
    );
  });

  it("countWorkingDays equals the reference for any pair of instants", () => {
    fc.assert(
      fc.property(setupArb, instantArb, instantArb, ({ cal, ref }, a, b) => {
        expect(cal.countWorkingDays(a, b)).toBe(ref.countWorkingDays(a.getTime(), b.getTime()));
      }),
      RUNS,
    );
  });
});

describe("addWorkingMinutes properties", () => {
  const minutesArb = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constantFrom(0, 1, 15, 420, 479, 480, 481, 960));

  it("equals the reference for n in 0..5000", () => {
    fc.assert(
      fc.property(setupArb, instantArb, minutesArb, ({ cal, ref }, t, n) => {
        expect(cal.addWorkingMinutes(t, n).getTime()).toBe(ref.addWorkingMinutes(t.getTime(), n));
      }),
      RUNS,
    );
  });

  it("is additive and monotonic", () => {
    fc.assert(
      fc.property(setupArb, instantArb, minutesArb, minutesArb, ({ cal }, t, a, b) => {
        const [m1, m2] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkingMinutes(t, m1).getTime()).toBeLessThanOrEqual(cal.addWorkingMinutes(t, m2).getTime());
        // Two steps land where one does, except that a zero second step after a first step ending
        // exactly at closing time returns the next opening (n = 0 means "when counting starts").
        if (m2 > 0 || m1 === 0) {
          expect(cal.addWorkingMinutes(cal.addWorkingMinutes(t, m1), m2).getTime()).toBe(
            cal.addWorkingMinutes(t, m1 + m2).getTime(),
          );
        }
      }),
      RUNS,
    );
  });
});
