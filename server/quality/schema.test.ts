// The dashboard's filter (issue 14 p.6): one schema for the page's form, the procedure and the CSV, so
// its messages are the form's (Russian, per field), and the figures' formatting shared by page and CSV.
import { describe, expect, it } from "vitest";
import { defaultPeriod, qualityFilterSchema, qualityQuery } from "./schema";
import { decimal, percent, shown } from "./format";

const errorsOf = (input: unknown) => {
  const r = qualityFilterSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the quality filter", () => {
  it("takes a period of real dates, both included, and empty selects as no filter", () => {
    expect(qualityFilterSchema.parse({ service: "", department: "", from: "2026-03-01", to: "2026-03-01" })).toEqual({
      from: "2026-03-01",
      to: "2026-03-01",
    });
  });

  it("refuses, field by field, a missing or impossible date, a reversed period and a made-up id", () => {
    expect(errorsOf({ from: "", to: "2026-02-30" })).toEqual({
      from: "Начало периода: укажите дату",
      to: "Конец периода: укажите дату в формате ГГГГ-ММ-ДД",
    });
    expect(errorsOf({ from: "2026-03-31", to: "2026-03-01" })).toEqual({ to: "Конец периода раньше его начала" });
    expect(errorsOf({ from: "2026-03-01", to: "2026-03-31", service: "road-info" })).toEqual({
      service: "Выберите услугу из списка",
    });
  });

  it("writes the address the page and the CSV link share; the default period is the year so far", () => {
    expect(qualityQuery({ from: "2026-01-01", to: "2026-03-31", service: undefined })).toBe(
      "?from=2026-01-01&to=2026-03-31",
    );
    expect(defaultPeriod("2026-11-30")).toEqual({ from: "2026-01-01", to: "2026-11-30" });
  });
});

describe("the figures' text", () => {
  it("a decimal comma, and no figure (a dash on the page) where nothing was averaged, never NaN", () => {
    expect(decimal(11.25)).toBe("11,3");
    expect(percent(2 / 3)).toBe("66,7");
    expect(decimal(null)).toBeNull();
    expect(decimal(Number.NaN)).toBeNull();
    expect(shown(percent(null))).toBe("—");
  });
});
