// Appointment slots (R18, S1 p.32) from a reception schedule and the working calendar, without a
// database: lunch, the pre-holiday shortening, holidays and weekends, the remainder of an interval.
import { describe, expect, it } from "vitest";
import { russianWorkingCalendar } from "../calendar/working-calendar";
import { defaultHours } from "../organisation/schedule";
import { CALENDAR_DAY_HOURS, bookableDates, slotKey, slotsOfDay } from "./slots";

const calendar = russianWorkingCalendar({ utcOffsetMinutes: 5 * 60 });
const local = (d: Date) => new Date(d.getTime() + 5 * 3_600_000).toISOString().slice(11, 16);
const times = (date: string, slot: number, hours = defaultHours()) =>
  slotsOfDay(calendar, hours, slot, date).map((s) => `${local(s.startsAt)}-${local(s.endsAt)}`);

describe("slotsOfDay", () => {
  it("cuts 9:00-18:00 with lunch 13:00-14:00 into slots, none over lunch", () => {
    const t = times("2026-06-03", 45);
    expect(t[0]).toBe("09:00-09:45");
    // 9:00-13:00 holds five 45-minute slots (the last 15 minutes are not offered), 14:00-18:00 five.
    expect(t).toHaveLength(10);
    expect(t).toContain("12:00-12:45");
    expect(t).not.toContain("12:45-13:30");
    expect(t).toContain("14:00-14:45");
    expect(t.at(-1)).toBe("17:00-17:45");
  });

  it("ends an hour early on the day before a holiday, and gives nothing on the holiday or a weekend", () => {
    expect(times("2026-06-11", 60).at(-1)).toBe("16:00-17:00"); // before 12 June
    expect(times("2026-06-12", 60)).toEqual([]);
    expect(times("2026-06-13", 60)).toEqual([]);
  });

  it("a department without a schedule: the calendar's 9:00 + 8 hours", () => {
    expect(times("2026-06-03", 60, CALENDAR_DAY_HOURS)).toHaveLength(8);
  });
});

describe("bookableDates and slotKey", () => {
  it("offer 30 days from tomorrow; the key names the service and the instant", () => {
    const dates = bookableDates(calendar, new Date("2026-06-03T10:00:00Z"));
    expect(dates[0]).toBe("2026-06-04");
    expect(dates).toHaveLength(30);
    expect(slotKey("s1", new Date("2026-06-04T04:00:00Z"))).toBe("s1|2026-06-04T04:00:00.000Z");
  });
});
