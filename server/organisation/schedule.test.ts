import { describe, expect, it } from "vitest";
import { calendarYears } from "../calendar/russia";
import { WorkingCalendar } from "../calendar/working-calendar";
import {
  addScheduleMinutes,
  defaultHours,
  departmentHoursSchema,
  parseHours,
  receptionIntervals,
  type DepartmentHours,
} from "./schedule";

const OFFSET = 300;
const cal = new WorkingCalendar(calendarYears({ from: 2025, to: 2026 }), { utcOffsetMinutes: OFFSET });
/** Local wall-clock time at UTC+5 as an instant. */
const at = (local: string) => new Date(Date.parse(`${local}Z`) - OFFSET * 60_000);
const local = (d: Date) => new Date(d.getTime() + OFFSET * 60_000).toISOString().slice(0, 16);

/** Monday-Friday 9:00-18:00, lunch 13:00-14:00 (the default form). */
const office = defaultHours();
const withDay = (h: DepartmentHours, weekday: number, patch: Partial<DepartmentHours["days"][number]>) => ({
  ...h,
  days: h.days.map((d) => (d.weekday === weekday ? { ...d, ...patch } : d)),
});

describe("addScheduleMinutes (R7; S1 p.22: in person within 15 minutes)", () => {
  it("closing at 18:00: received at 16:50, due at 17:05 the same day (issue 11 acceptance)", () => {
    expect(local(addScheduleMinutes(cal, office, at("2026-03-04T16:50"), 15))).toBe("2026-03-04T17:05");
    // The calendar's fixed 9:00-17:00 day would carry it over to the next morning.
    expect(local(cal.addWorkingMinutes(at("2026-03-04T16:50"), 15))).toBe("2026-03-05T09:05");
  });

  it("carries over the lunch break, the closing time and the weekend", () => {
    expect(local(addScheduleMinutes(cal, office, at("2026-03-04T12:50"), 15))).toBe("2026-03-04T14:05");
    expect(local(addScheduleMinutes(cal, office, at("2026-03-06T17:55"), 15))).toBe("2026-03-10T09:10"); // Mon 9 Mar: holiday moved from Sun 8 Mar
    expect(local(addScheduleMinutes(cal, office, at("2026-03-04T07:00"), 15))).toBe("2026-03-04T09:15");
    expect(local(addScheduleMinutes(cal, office, at("2026-03-04T17:45"), 15))).toBe("2026-03-04T18:00"); // ends at closing
    expect(local(addScheduleMinutes(cal, office, at("2026-03-04T18:00"), 0))).toBe("2026-03-05T09:00");
  });

  it("closes earlier before a holiday by the shortening (art. 95 ТК РФ)", () => {
    // Tue 3 Nov 2026 precedes the holiday of 4 November: 9:00-13:00 and 14:00-17:00.
    expect(receptionIntervals(office, cal.day("2026-11-03"))).toEqual([
      [540, 780],
      [840, 1020],
    ]);
    expect(local(addScheduleMinutes(cal, office, at("2026-11-03T16:50"), 15))).toBe("2026-11-05T09:05");
  });

  it("an office open on Saturdays receives then, but never on a holiday", () => {
    const mfc = withDay(office, 6, { open: true, from: "10:00", to: "14:00", breakFrom: "", breakTo: "" });
    expect(local(addScheduleMinutes(cal, mfc, at("2026-03-06T17:55"), 15))).toBe("2026-03-07T10:10");
    expect(receptionIntervals(mfc, cal.day("2026-01-03"))).toEqual([]); // New Year holidays
  });
});

describe("departmentHoursSchema: Russian messages on the field", () => {
  const issues = (h: DepartmentHours) =>
    departmentHoursSchema.safeParse(h).error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];

  it("accepts the default office and round-trips through parseHours", () => {
    expect(issues(office)).toEqual([]);
    expect(parseHours(office)).toEqual(office);
    expect(parseHours(null)).toBeNull();
    expect(parseHours({ days: "garbage" })).toBeNull();
  });

  it("end before start, break outside hours, half a break", () => {
    expect(issues(withDay(office, 1, { from: "18:00", to: "09:00" }))).toEqual([
      ["days.0.to", "Окончание приёма должно быть позже его начала"],
    ]);
    expect(issues(withDay(office, 2, { breakFrom: "08:00", breakTo: "09:30" }))).toEqual([
      ["days.1.breakFrom", "Перерыв должен быть внутри часов приёма (09:00–18:00)"],
    ]);
    expect(issues(withDay(office, 3, { breakTo: "" }))).toEqual([
      ["days.2.breakTo", "Укажите и начало, и окончание перерыва"],
    ]);
    expect(issues(withDay(office, 4, { from: "9" }))[0]?.[1]).toBe("Укажите время в формате ЧЧ:ММ, например 09:00");
  });
});
