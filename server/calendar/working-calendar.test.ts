import { describe, expect, it } from "vitest";
import { calendarYears } from "./russia";
import { WorkingCalendar, russianWorkingCalendar } from "./working-calendar";

// The seeds' municipalities (Kurgan oblast) are at UTC+5.
const OFFSET = 300;
const cal = new WorkingCalendar(calendarYears({ from: 2025, to: 2026 }), { utcOffsetMinutes: OFFSET });

/** An instant given as local wall-clock time at UTC+5, e.g. "2025-12-30T10:00". */
const at = (local: string) => new Date(Date.parse(`${local}Z`) - OFFSET * 60_000);
const due = (local: string, n: number) => cal.dueDateAfterWorkingDays(at(local), n);

describe("years", () => {
  it("247 working days in 2025 and 2026, 1972 hours in 2025", () => {
    expect(cal.workingDaysInYear(2025)).toBe(247);
    expect(cal.workingDaysInYear(2026)).toBe(247);
    expect(cal.workMinutesInYear(2025)).toBe(1972 * 60);
    expect(cal.isProvisional(2025)).toBe(false);
    expect(cal.sourceOf(2026)).toContain("№ 1466");
  });

  it("derives a missing year (2028) provisionally and still computes", () => {
    expect(cal.isProvisional(2028)).toBe(true);
    expect(cal.sourceOf(2028)).toContain("предварительные");
    expect(cal.isWorkingDay("2028-06-12")).toBe(false); // Monday, Russia Day
    expect(cal.isWorkingDay("2028-11-06")).toBe(false); // Nov 4 on Saturday, art. 112 part 2
    expect(cal.workingDaysInYear(2028)).toBeGreaterThan(240);
    expect(cal.dueDateAfterWorkingDays(at("2028-11-03T10:00"), 1)).toBe("2028-11-07");
    expect(cal.isProvisionalBetween(at("2026-12-01T10:00"), at("2027-01-20T10:00"))).toBe(true);
    expect(cal.isProvisionalBetween(at("2025-12-01T10:00"), at("2026-01-20T10:00"))).toBe(false);
  });

  it("reaches far years and earlier years without stopping", () => {
    const c = new WorkingCalendar([], { utcOffsetMinutes: OFFSET });
    expect(c.dueDateAfterWorkingDays(at("2030-01-09T10:00"), 2500)).toMatch(/^20(39|40)-/);
    expect(c.isWorkingDay("2019-05-01")).toBe(false);
    expect(c.countWorkingDays(at("2019-01-01T10:00"), at("2030-01-01T10:00"))).toBeGreaterThan(2600);
  });

  it("russianWorkingCalendar uses the decrees it knows, whatever year comes first", () => {
    const c = russianWorkingCalendar({ utcOffsetMinutes: OFFSET });
    expect(c.isProvisional(2026)).toBe(false);
    expect(c.isWorkingDay("2026-01-09")).toBe(false);
    expect(c.isProvisional(2027)).toBe(true);
  });
});

describe("holidays and transfers (1 working day after a request)", () => {
  it.each([
    // New Year break: Dec 31 off (both years), Jan 1-11 2026 off.
    ["2025-12-30T10:00", 1, "2026-01-12"],
    ["2025-12-29T10:00", 1, "2025-12-30"],
    ["2026-12-30T10:00", 1, "2027-01-11"], // 2027 provisional: Jan 1-8 plus the weekend
    // 23 February: 2025 the day off went to May 8 (Mon Feb 24 works); 2026 Monday holiday.
    ["2025-02-21T10:00", 1, "2025-02-24"],
    ["2026-02-20T10:00", 1, "2026-02-24"],
    // 8 March: 2025 moved to Jun 13 (Mon Mar 10 works); 2026 Sunday -> Mon Mar 9 off.
    ["2025-03-07T10:00", 1, "2025-03-10"],
    ["2026-03-06T10:00", 1, "2026-03-10"],
    // May: 2025 May 1-4 and 8-11 off; 2026 May 1-3 and 9-11 off.
    ["2025-04-30T10:00", 1, "2025-05-05"],
    ["2025-05-07T10:00", 1, "2025-05-12"],
    ["2026-04-30T10:00", 1, "2026-05-04"],
    ["2026-05-08T10:00", 1, "2026-05-12"],
    // 12 June 2025: Jun 12-15 off (13th transferred from Mar 8).
    ["2025-06-11T10:00", 1, "2025-06-16"],
    // 4 November 2025: Saturday Nov 1 works, Nov 2-4 off.
    ["2025-10-31T10:00", 1, "2025-11-01"],
    ["2025-11-01T10:00", 1, "2025-11-05"],
    ["2026-11-03T10:00", 1, "2026-11-05"],
  ])("%s + %i → %s", (local, n, expected) => {
    expect(due(local, n)).toBe(expected);
  });

  it("marks the holidays themselves", () => {
    expect(cal.isWorkingDay("2025-05-08")).toBe(false);
    expect(cal.isWorkingDay("2026-05-11")).toBe(false);
    expect(cal.isWorkingDay("2025-06-13")).toBe(false);
    expect(cal.isWorkingDay("2025-11-01")).toBe(true);
    expect(cal.isWorkingDay("2025-11-03")).toBe(false);
    expect(cal.isWorkingDay("2025-12-31")).toBe(false);
    expect(cal.isWorkingDay("2026-12-31")).toBe(false);
    expect(cal.day("2025-11-01")).toMatchObject({ kind: "transferred_working", workMinutes: 420 });
    expect(cal.nextWorkingDay("2025-12-31")).toBe("2026-01-12");
    expect(cal.nextWorkingDay("2026-01-12")).toBe("2026-01-12");
  });
});

describe("counting rules", () => {
  it("counts an arrival on Saturday from Monday (S2 p.66)", () => {
    const saturday = at("2026-03-14T12:00");
    expect(cal.takeInDate(saturday)).toBe("2026-03-16");
    expect(cal.dueDateAfterWorkingDays(saturday, 0)).toBe("2026-03-16");
    expect(cal.dueDateAfterWorkingDays(saturday, 1)).toBe("2026-03-17");
    expect(cal.countWorkingDays(saturday, at("2026-03-16T17:00"))).toBe(0);
    expect(cal.countWorkingDays(saturday, at("2026-03-17T09:00"))).toBe(1);
  });

  it("S2 p.66: a registration term from an arrival on a non-working day ends on the first working day after it", () => {
    // "не позднее 1 рабочего дня … а в случае его поступления в нерабочий или праздничный день, - в
    // следующий за ним первый рабочий день"
    expect(cal.registrationDueDate(at("2025-03-08T12:00"), 1)).toBe("2025-03-10");
    expect(cal.registrationDueDate(at("2025-12-31T12:00"), 1)).toBe("2026-01-12");
    expect(cal.addRegistrationWorkingDays(at("2025-03-08T12:00"), 1)).toEqual(at("2025-03-10T23:59:59.999"));
    expect(cal.registrationDueDate(at("2025-03-08T12:00"), 0)).toBe("2025-03-10");
    expect(cal.registrationDueDate(at("2025-03-08T12:00"), 3)).toBe("2025-03-12");
    // An arrival on a working day: the term starts the next day (ГК РФ ст. 191), as before.
    expect(cal.registrationDueDate(at("2025-03-07T12:00"), 1)).toBe("2025-03-10");
    expect(cal.registrationDueDate(at("2025-03-07T12:00"), 0)).toBe("2025-03-07");
    expect(cal.registrationDueDate(at("2025-12-30T12:00"), 1)).toBe("2026-01-12");
  });

  it("uses the UTC+5 local date: 2026-03-05T20:30Z is already March 6", () => {
    const t = new Date("2026-03-05T20:30:00Z");
    expect(cal.localDate(t)).toBe("2026-03-06");
    expect(cal.localDate(new Date("2026-03-05T18:59:59.999Z"))).toBe("2026-03-05");
    // March 6 (Fri) is the take-in day; Mar 7-9 are off, so 1 working day ends on Mar 10.
    expect(cal.addWorkingDays(t, 1).toISOString()).toBe("2026-03-10T18:59:59.999Z");
    expect(cal.startOfLocalDay("2026-03-06").toISOString()).toBe("2026-03-05T19:00:00.000Z");
    expect(cal.endOfLocalDay("2026-03-06").toISOString()).toBe("2026-03-06T18:59:59.999Z");
  });

  it("returns the end of the local due day; n = 0 is the same day", () => {
    expect(cal.addWorkingDays(at("2026-03-11T10:00"), 0).toISOString()).toBe("2026-03-11T18:59:59.999Z");
    expect(cal.addWorkingDays(at("2026-03-11T10:00"), 15).toISOString()).toBe("2026-04-01T18:59:59.999Z");
  });

  it("calendar days: 30 days, moved to the next working day when the end is off (ГК РФ ст. 193)", () => {
    // Apr 8 + 30 = May 8 2025, a day off: the period ends on Mon May 12.
    expect(cal.dueDateAfterCalendarDays(at("2025-04-08T10:00"), 30)).toBe("2025-05-12");
    expect(cal.dueDateAfterCalendarDays(at("2025-04-09T10:00"), 30)).toBe("2025-05-12");
    expect(cal.dueDateAfterCalendarDays(at("2025-04-10T10:00"), 30)).toBe("2025-05-12");
    expect(cal.dueDateAfterCalendarDays(at("2025-04-15T10:00"), 30)).toBe("2025-05-15");
    expect(cal.addCalendarDays(at("2025-04-15T10:00"), 0).toISOString()).toBe("2025-04-15T18:59:59.999Z");
  });

  it("counts working days between instants", () => {
    expect(cal.countWorkingDays(at("2025-01-01T00:00"), at("2025-12-31T23:59"))).toBe(246); // Jan 9 is take-in
    expect(cal.countWorkingDays(at("2024-12-31T10:00"), at("2025-12-31T10:00"))).toBe(247);
    expect(cal.countWorkingDays(at("2025-06-10T10:00"), at("2025-06-01T10:00"))).toBe(0);
  });
});

describe("working minutes", () => {
  it("15 minutes inside working hours", () => {
    expect(cal.addWorkingMinutes(at("2026-03-11T10:00:30"), 15)).toEqual(at("2026-03-11T10:15:30"));
  });

  it("continues on the next working day across holidays", () => {
    // Hours are 9:00-17:00 (8 h, no lunch break modelled). Fri Mar 6 2026, 16:50: 10 minutes
    // left today, Mar 7-9 off, 5 minutes on Mar 10.
    expect(cal.addWorkingMinutes(at("2026-03-06T16:50"), 15)).toEqual(at("2026-03-10T09:05"));
  });

  it("ends an hour earlier on a shortened day (art. 95)", () => {
    expect(cal.addWorkingMinutes(at("2025-04-30T15:50"), 15)).toEqual(at("2025-05-05T09:05"));
    expect(cal.addWorkingMinutes(at("2025-04-30T15:50"), 10)).toEqual(at("2025-04-30T16:00"));
  });

  it("starts at opening time before hours, next working morning after them", () => {
    expect(cal.addWorkingMinutes(at("2026-03-11T07:00"), 15)).toEqual(at("2026-03-11T09:15"));
    expect(cal.addWorkingMinutes(at("2026-03-11T19:00"), 15)).toEqual(at("2026-03-12T09:15"));
    expect(cal.addWorkingMinutes(at("2026-03-14T12:00"), 15)).toEqual(at("2026-03-16T09:15"));
    expect(cal.addWorkingMinutes(at("2026-03-11T17:00"), 0)).toEqual(at("2026-03-12T09:00"));
    expect(cal.addWorkingMinutes(at("2026-03-11T16:59:59.999"), 0)).toEqual(at("2026-03-11T16:59:59.999"));
    expect(cal.addWorkingMinutes(at("2026-03-11T12:34:56"), 0)).toEqual(at("2026-03-11T12:34:56"));
    // A period may end exactly at closing time.
    expect(cal.addWorkingMinutes(at("2026-03-11T16:00"), 60)).toEqual(at("2026-03-11T17:00"));
    expect(cal.addWorkingMinutes(at("2026-03-11T16:00"), 61)).toEqual(at("2026-03-12T09:01"));
  });

  it("honours a custom opening time", () => {
    const early = new WorkingCalendar(calendarYears([2026]), { utcOffsetMinutes: OFFSET, workdayStartMinutes: 8 * 60 });
    // 8:00-16:00.
    expect(early.addWorkingMinutes(at("2026-03-11T15:50"), 15)).toEqual(at("2026-03-12T08:05"));
    expect(early.addWorkingMinutes(at("2026-03-11T07:59"), 1)).toEqual(at("2026-03-11T08:01"));
  });
});

describe("input checks", () => {
  it("rejects malformed dates, counts and data", () => {
    expect(() => cal.isWorkingDay("2025-02-30")).toThrow(RangeError);
    expect(() => cal.isWorkingDay("2025-2-3")).toThrow(RangeError);
    expect(() => cal.addWorkingDays(at("2025-02-03T10:00"), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(at("2025-02-03T10:00"), 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(new Date(Number.NaN), 1)).toThrow(RangeError);
    const [y2025] = calendarYears([2025]);
    if (!y2025) throw new Error("no 2025");
    expect(() => new WorkingCalendar([{ ...y2025, days: y2025.days.slice(1) }], { utcOffsetMinutes: OFFSET })).toThrow(
      RangeError,
    );
    expect(() => new WorkingCalendar([y2025, y2025], { utcOffsetMinutes: OFFSET })).toThrow(RangeError);
  });

  it("does not let callers mutate the calendar through day()", () => {
    const d = cal.day("2025-05-08");
    d.working = true;
    expect(cal.isWorkingDay("2025-05-08")).toBe(false);
  });
});
