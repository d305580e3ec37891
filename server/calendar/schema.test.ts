// The calendar administration's pure parts (issue 11): the decree form's year and its preview, and
// the import of a year from a file, with the Russian messages of bad input.
import { describe, expect, it } from "vitest";
import { calendarYear, deriveYearFromLabourCode, yearWithDecree, DECREE_2026 } from "./russia";
import { buildDecreeYear, exportYear, parseYearFile, summarizeYear, type DecreeInput } from "./schema";
import { DECREE_2027_STAND_IN } from "./fixtures";

const decree2026: DecreeInput = {
  year: 2026,
  decreeNumber: "1466",
  decreeDate: "2025-09-24",
  transfers: DECREE_2026.transfers.map(({ from, to }) => ({ from, to })),
  holidays: [],
  shortened: [],
};

describe("buildDecreeYear", () => {
  it("gives the official 2026 from the form's data: the same days as the built-in decree, 247 days", () => {
    const built = buildDecreeYear(decree2026);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const official = yearWithDecree(DECREE_2026);
    expect(built.year.provisional).toBe(false);
    expect(built.year.days.map((d) => [d.date, d.kind, d.workMinutes])).toEqual(
      official.days.map((d) => [d.date, d.kind, d.workMinutes]),
    );
    expect(summarizeYear(built.year.days).workingDays).toBe(247);
  });

  it("previews the 2027 stand-in against the Labour Code year: 249 → 247 working days", () => {
    const built = buildDecreeYear(DECREE_2027_STAND_IN);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const before = summarizeYear(deriveYearFromLabourCode(2027).days);
    const after = summarizeYear(built.year.days);
    expect([before.workingDays, after.workingDays]).toEqual([249, 247]);
    expect(after.workMinutes / 60).toBe(1972); // the norm of 2021, a year on the same weekdays
    expect(after.months[1]).toEqual({ month: 2, workingDays: 19, workMinutes: before.months[1]!.workMinutes });
    expect(after.months[11]!.workingDays).toBe(before.months[11]!.workingDays - 1); // Dec 31 off
  });

  it("an extra holiday shortens the working day before it (art. 95 ТК РФ)", () => {
    const built = buildDecreeYear({ ...DECREE_2027_STAND_IN, holidays: [{ date: "2027-04-15", note: "Праздник" }] });
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const day = (d: string) => built.year.days.find((x) => x.date === d)!;
    expect(day("2027-04-15")).toMatchObject({ kind: "holiday", working: false, workMinutes: 0 });
    expect(day("2027-04-14")).toMatchObject({ kind: "shortened", workMinutes: 420 });
  });

  it("names the field of each bad date, in Russian", () => {
    const built = buildDecreeYear({
      ...DECREE_2027_STAND_IN,
      transfers: [
        { from: "2027-01-04", to: "2027-01-09" },
        { from: "2027-02-20", to: "2027-02-22" },
        { from: "2027-02-21", to: "2027-02-22" },
      ],
      holidays: [{ date: "2027-05-09", note: "" }],
      shortened: [{ date: "2028-01-03" }],
    });
    expect(built).toEqual({
      ok: false,
      errors: {
        "transfers.0.from": "04.01.2027 — не суббота и не воскресенье: переносится выходной день",
        "transfers.0.to": "09.01.2027 — не рабочий день по Трудовому кодексу: выходной на него не переносится",
        "transfers.2.to": "Дата 22.02.2027 уже указана выше",
        "holidays.0.date": "09.05.2027 уже праздничный день по ст. 112 ТК РФ",
        "shortened.0.date": "Дата 03.01.2028 не относится к 2027 году",
      },
    });
  });
});

describe("parseYearFile", () => {
  it("reads back what the export writes", () => {
    const y = calendarYear(2026);
    const parsed = parseYearFile(
      2026,
      JSON.stringify(exportYear({ ...y, decreeNumber: "1466", decreeDate: "2025-09-24" })),
    );
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.year.days).toEqual(y.days);
  });

  it("refuses a file of another year, naming both", () => {
    const other = JSON.stringify(exportYear(calendarYear(2026)));
    expect(parseYearFile(2027, other)).toEqual({
      ok: false,
      message: "В файле календарь 2026 года, а загружается 2027 год",
    });
  });

  it("refuses minutes that do not fit the kind", () => {
    const e = exportYear(calendarYear(2026));
    e.days[0] = { ...e.days[0]!, workMinutes: 480 }; // Jan 1, a holiday
    expect(parseYearFile(2026, JSON.stringify(e))).toEqual({
      ok: false,
      message: "День 1: продолжительность 480 мин не подходит для дня вида «Нерабочий праздничный день»",
    });
  });
});
