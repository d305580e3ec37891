import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEADLINE_STATUS_LABEL, deadlineLabel, deadlineRanges, deadlineStatus } from "./deadline-status";
import { calendarYears } from "./russia";
import { WorkingCalendar } from "./working-calendar";

const OFFSET = 300;
const cal = new WorkingCalendar(calendarYears({ from: 2025, to: 2027 }), { utcOffsetMinutes: OFFSET });
const at = (local: string) => new Date(Date.parse(`${local}Z`) - OFFSET * 60_000);
const opts = { dueSoonWorkingDays: 1 };

describe("deadlineStatus", () => {
  // Due at the end of Tue 2026-03-10 (Mar 7-9 are off).
  const dueAt = cal.endOfLocalDay("2026-03-10");

  it("none without a deadline", () => {
    expect(deadlineStatus(null, at("2026-03-10T10:00"), cal, opts)).toBe("none");
  });

  it.each([
    ["2026-03-04T10:00", "on_time"], // Mar 5, 6, 10 remain: 3 working days
    ["2026-03-05T10:00", "on_time"], // Mar 6, 10: 2
    ["2026-03-06T10:00", "due_soon"], // Mar 10 only: 1
    ["2026-03-08T10:00", "due_soon"], // Sunday of the holiday: work resumes on the due day
    ["2026-03-10T23:59", "due_soon"], // last minute of the due day (local)
    ["2026-03-11T00:00", "overdue"],
  ] as const)("now %s → %s", (now, expected) => {
    expect(deadlineStatus(dueAt, at(now), cal, opts)).toBe(expected);
  });

  it("threshold 0 flags only the last day", () => {
    expect(deadlineStatus(dueAt, at("2026-03-06T10:00"), cal, { dueSoonWorkingDays: 0 })).toBe("on_time");
    expect(deadlineStatus(dueAt, at("2026-03-10T10:00"), cal, { dueSoonWorkingDays: 0 })).toBe("due_soon");
  });

  it("is overdue exactly when now is after dueAt", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }),
        fc.integer({ min: -40 * 86_400_000, max: 40 * 86_400_000 }),
        fc.integer({ min: 0, max: 10 }),
        (now, delta, threshold) => {
          const status = deadlineStatus(new Date(now + delta), new Date(now), cal, { dueSoonWorkingDays: threshold });
          expect(status === "overdue").toBe(delta < 0);
        },
      ),
    );
  });

  it("a deadline set n working days ahead turns due soon at the threshold", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 10 }),
        (now, n, threshold) => {
          const due = cal.addWorkingDays(new Date(now), n);
          const status = deadlineStatus(due, new Date(now), cal, { dueSoonWorkingDays: threshold });
          expect(status).toBe(n <= threshold ? "due_soon" : "on_time");
        },
      ),
    );
  });

  it("the query ranges hold exactly the due instants of each status", () => {
    const within = (t: number, r: { lt?: Date; gte?: Date; lte?: Date; gt?: Date }) =>
      (r.lt === undefined || t < r.lt.getTime()) &&
      (r.gte === undefined || t >= r.gte.getTime()) &&
      (r.lte === undefined || t <= r.lte.getTime()) &&
      (r.gt === undefined || t > r.gt.getTime());
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }),
        fc.integer({ min: -40 * 86_400_000, max: 40 * 86_400_000 }),
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
        (now, delta, threshold, onDayEnd) => {
          // Stage deadlines are ends of local days; check those and arbitrary instants alike.
          const due = onDayEnd
            ? cal.addCalendarDays(new Date(now - 40 * 86_400_000), Math.round(delta / 86_400_000) + 40)
            : new Date(now + delta);
          const ctx = { now: new Date(now), calendar: cal, dueSoonWorkingDays: threshold };
          const ranges = deadlineRanges(ctx);
          const status = deadlineStatus(due, ctx.now, cal, ctx);
          expect((["overdue", "due_soon", "on_time"] as const).filter((s) => within(due.getTime(), ranges[s]))).toEqual(
            [status],
          );
        },
      ),
    );
  });

  it("counts the days off after the last working day as due soon, in the ranges as in the status", () => {
    // Found by the property above (seed 1214473260): now Friday 27.03.2026 00:00, due on Saturday,
    // threshold 0. No working day is left before a Saturday deadline, so it is due soon, as a Friday
    // one is; the range used to end with Friday and called it on time.
    const now = at("2026-03-27T00:00");
    const ctx = { now, calendar: cal, dueSoonWorkingDays: 0 };
    const ranges = deadlineRanges(ctx);
    for (const due of [at("2026-03-28T00:00"), at("2026-03-29T12:00"), at("2026-03-29T23:59")]) {
      expect(deadlineStatus(due, now, cal, ctx)).toBe("due_soon");
      expect(due.getTime()).toBeLessThanOrEqual(ranges.due_soon.lte.getTime());
    }
    expect(deadlineStatus(at("2026-03-30T00:00"), now, cal, ctx)).toBe("on_time");
    expect(ranges.on_time.gt.getTime()).toBe(at("2026-03-30T00:00").getTime() - 1);
  });

  it("rejects a negative threshold", () => {
    expect(() => deadlineRanges({ now: at("2026-03-04T10:00"), calendar: cal, dueSoonWorkingDays: -1 })).toThrow(
      RangeError,
    );
    expect(() => deadlineStatus(dueAt, at("2026-03-04T10:00"), cal, { dueSoonWorkingDays: -1 })).toThrow(RangeError);
  });

  it("has Russian labels", () => {
    expect(DEADLINE_STATUS_LABEL).toEqual({
      on_time: "В срок",
      due_soon: "Срок истекает",
      overdue: "Просрочено",
      none: "Без срока",
    });
  });
});

describe("deadlineLabel (issue 16 p.10)", () => {
  const dueAt = cal.endOfLocalDay("2026-03-10");
  it.each([
    ["2026-03-04T10:00", "В срок: ещё 3 раб. дня"],
    ["2026-03-06T10:00", "Срок истекает через 1 раб. день"],
    ["2026-03-10T10:00", "Срок истекает сегодня"],
    ["2026-03-11T10:00", "Просрочено на 1 раб. день"],
    ["2026-03-17T10:00", "Просрочено на 5 раб. дней"],
  ] as const)("now %s → «%s»", (now, expected) => {
    const ctx = { now: at(now), calendar: cal, ...opts };
    expect(deadlineLabel(deadlineStatus(dueAt, ctx.now, cal, opts), dueAt, ctx)).toBe(expected);
  });
  it("says only «Без срока» without a deadline", () => {
    expect(deadlineLabel("none", null, { now: at("2026-03-04T10:00"), calendar: cal, ...opts })).toBe("Без срока");
  });
});
