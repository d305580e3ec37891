import { describe, expect, it } from "vitest";
import {
  DECREE_2025,
  DECREE_2026,
  calendarYear,
  calendarYears,
  deriveYearFromLabourCode,
  yearWithDecree,
} from "./russia";
import type { CalendarYear } from "./types";

const byDate = (y: CalendarYear) => new Map(y.days.map((d) => [d.date, d]));
const isSatSun = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const workingDays = (y: CalendarYear) => y.days.filter((d) => d.working).length;
const workHours = (y: CalendarYear) => y.days.reduce((s, d) => s + d.workMinutes, 0) / 60;
/** Non-working Monday-Friday dates: holidays and transferred days off, the decree's visible effect. */
const offWeekdays = (y: CalendarYear) => y.days.filter((d) => !d.working && !isSatSun(d.date)).map((d) => d.date);
const workingWeekends = (y: CalendarYear) => y.days.filter((d) => d.working && isSatSun(d.date)).map((d) => d.date);
const shortened = (y: CalendarYear) => y.days.filter((d) => d.workMinutes === 420).map((d) => d.date);

/** Expands "2025-01-01..08" style lists of the brief into dates. */
function dates(year: number, spec: string): string[] {
  return spec.split(",").flatMap((part) => {
    const [md, endDay] = part.trim().split("..");
    const [m, d] = (md ?? "").split("-").map(Number);
    const last = endDay ? Number(endDay) : (d as number);
    return Array.from(
      { length: last - (d as number) + 1 },
      (_, i) => `${year}-${String(m).padStart(2, "0")}-${String((d as number) + i).padStart(2, "0")}`,
    );
  });
}

describe("2025, decree № 1335 of 04.10.2024", () => {
  const y = calendarYear(2025);
  const days = byDate(y);

  it("is official and cites the decree", () => {
    expect(y.provisional).toBe(false);
    expect(y.source).toContain("№ 1335");
    expect(y.source).toContain("О переносе выходных дней в 2025 году");
    expect(y.days).toHaveLength(365);
  });

  it("has 247 working days and 1972 working hours", () => {
    expect(workingDays(y)).toBe(247);
    expect(workHours(y)).toBe(1972);
  });

  it("has the official working days per month", () => {
    const perMonth = Array.from(
      { length: 12 },
      (_, m) => y.days.filter((d) => d.working && Number(d.date.slice(5, 7)) === m + 1).length,
    );
    expect(perMonth).toEqual([17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22]);
  });

  it("has exactly the decree's non-working periods", () => {
    const listed = dates(2025, "01-01..08, 02-22..23, 03-08..09, 05-01..04, 05-08..11, 06-12..15, 11-02..04, 12-31");
    for (const d of listed) expect(days.get(d)?.working, d).toBe(false);
    // Outside ordinary weekends, nothing else is off.
    expect(offWeekdays(y)).toEqual(listed.filter((d) => !isSatSun(d)));
    expect(workingWeekends(y)).toEqual(["2025-11-01"]);
  });

  it("shortens Mar 7, Apr 30, Jun 11 and the working Saturday Nov 1", () => {
    expect(shortened(y)).toEqual(["2025-03-07", "2025-04-30", "2025-06-11", "2025-11-01"]);
    expect(days.get("2025-03-07")?.kind).toBe("shortened");
    expect(days.get("2025-11-01")).toMatchObject({ kind: "transferred_working", working: true, workMinutes: 420 });
  });

  it("withdraws the art. 112 automatic transfers the decree replaces", () => {
    // Derived alone, Sun Feb 23 and Sat Mar 8 would give Mon Feb 24 and Mon Mar 10 off.
    const derived = byDate(deriveYearFromLabourCode(2025));
    expect(derived.get("2025-02-24")?.kind).toBe("transferred_off");
    expect(derived.get("2025-03-10")?.kind).toBe("transferred_off");
    expect(days.get("2025-02-24")).toMatchObject({ kind: "working", working: true, workMinutes: 480 });
    expect(days.get("2025-03-10")?.working).toBe(true);
    expect(days.get("2025-05-08")).toMatchObject({ kind: "transferred_off", working: false, workMinutes: 0 });
    expect(days.get("2025-05-08")?.note).toContain("с воскресенья 23 февраля на четверг 8 мая");
    expect(days.get("2025-06-13")?.note).toContain("с субботы 8 марта на пятницу 13 июня");
  });

  it("keeps every transfer of the decree as visible data", () => {
    expect(DECREE_2025.transfers.map((t) => `${t.from}>${t.to}`)).toEqual([
      "2025-01-04>2025-05-02",
      "2025-01-05>2025-12-31",
      "2025-02-23>2025-05-08",
      "2025-03-08>2025-06-13",
      "2025-11-01>2025-11-03",
    ]);
    for (const t of DECREE_2025.transfers) expect(days.get(t.to)?.kind).toBe("transferred_off");
  });
});

describe("2026, decree № 1466 of 24.09.2025", () => {
  const y = calendarYear(2026);
  const days = byDate(y);

  it("is official, with 247 working days (4 shortened: 1972 hours)", () => {
    expect(y.provisional).toBe(false);
    expect(y.source).toContain("№ 1466");
    expect(workingDays(y)).toBe(247);
    expect(workHours(y)).toBe(247 * 8 - 4);
  });

  it("has exactly the decree's non-working periods and shortened days", () => {
    const listed = dates(2026, "01-01..11, 02-21..23, 03-07..09, 05-01..03, 05-09..11, 06-12..14, 11-04, 12-31");
    for (const d of listed) expect(days.get(d)?.working, d).toBe(false);
    expect(offWeekdays(y)).toEqual(listed.filter((d) => !isSatSun(d)));
    expect(workingWeekends(y)).toEqual([]);
    expect(shortened(y)).toEqual(["2026-04-30", "2026-05-08", "2026-06-11", "2026-11-03"]);
  });

  it("applies art. 112 part 2 itself where the decree is silent (Mar 9, May 11)", () => {
    expect(days.get("2026-03-09")?.kind).toBe("transferred_off");
    expect(days.get("2026-05-11")?.kind).toBe("transferred_off");
    expect(days.get("2026-05-11")?.note).toContain("ч. 2 ст. 112 ТК РФ");
    // Art. 95 means the day right before the holiday: Fri Feb 20 before Mon Feb 23 stays full.
    expect(days.get("2026-02-20")?.workMinutes).toBe(480);
  });

  it("moves the New Year weekend to Jan 9 and Dec 31", () => {
    expect(DECREE_2026.transfers.map((t) => t.wording)).toEqual([
      "с субботы 3 января на пятницу 9 января",
      "с воскресенья 4 января на четверг 31 декабря",
    ]);
    expect(days.get("2026-01-09")?.kind).toBe("transferred_off");
    expect(days.get("2026-12-31")?.kind).toBe("transferred_off");
  });
});

describe("Labour Code derivation (no decree)", () => {
  it("is provisional and cites art. 112 and 95", () => {
    const y = deriveYearFromLabourCode(2027);
    expect(y.provisional).toBe(true);
    expect(y.source).toContain("ст. 112 и 95");
    expect(calendarYear(2027)).toEqual(y);
  });

  it("moves non-January holidays on a weekend to the next working day, not January ones", () => {
    const d = byDate(deriveYearFromLabourCode(2027));
    // 2027: May 1 Sat -> Mon May 3; May 9 Sun -> Mon May 10; Jun 12 Sat -> Mon Jun 14.
    for (const date of ["2027-05-03", "2027-05-10", "2027-06-14"])
      expect(d.get(date)?.kind, date).toBe("transferred_off");
    // Jan 2-3 2027 are a weekend inside the New Year break: only a decree moves them.
    expect(d.get("2027-01-11")?.working).toBe(true);
    // A working Dec 31 precedes Jan 1 and is shortened.
    expect(d.get("2027-12-31")).toMatchObject({ kind: "shortened", workMinutes: 420 });
    // 2028: Nov 4 Sat -> Mon Nov 6.
    expect(byDate(deriveYearFromLabourCode(2028)).get("2028-11-06")?.kind).toBe("transferred_off");
  });

  it("has a full, ordered, consistent year including leap years", () => {
    for (const year of [2024, 2028, 2100]) {
      const y = deriveYearFromLabourCode(year);
      const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
      expect(y.days).toHaveLength(leap ? 366 : 365);
      for (const d of y.days) expect(d.working).toBe(d.workMinutes > 0);
    }
  });
});

describe("decree data checks", () => {
  it("rejects a transfer onto a day that is not an ordinary working day", () => {
    expect(() =>
      yearWithDecree({ ...DECREE_2026, transfers: [{ from: "2026-01-03", to: "2026-01-10", wording: "опечатка" }] }),
    ).toThrow(RangeError);
  });

  it("rejects a transfer from a weekday", () => {
    expect(() =>
      yearWithDecree({ ...DECREE_2026, transfers: [{ from: "2026-01-12", to: "2026-01-13", wording: "опечатка" }] }),
    ).toThrow(RangeError);
  });

  it("calendarYears mixes official and provisional years", () => {
    expect(calendarYears({ from: 2025, to: 2027 }).map((y) => [y.year, y.provisional])).toEqual([
      [2025, false],
      [2026, false],
      [2027, true],
    ]);
    expect(calendarYears([2026, 2025, 2026]).map((y) => y.year)).toEqual([2025, 2026]);
  });
});
