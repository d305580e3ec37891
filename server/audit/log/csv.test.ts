// The export's CSV cells (issue 11): Excel's Russian locale, RFC 4180 quoting, no formula ever evaluated.
import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, csvLine } from "./csv";
import { changedKeys, changesText } from "./changes";

describe("csvCell", () => {
  it("leaves plain text alone and writes nothing for a missing value", () => {
    expect(csvCell("Петрова Мария")).toBe("Петрова Мария");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("quotes a cell with the separator, a quote or a line break, doubling its quotes", () => {
    expect(csvCell("а;б")).toBe('"а;б"');
    expect(csvCell('ООО "Ромашка"')).toBe('"ООО ""Ромашка"""');
    expect(csvCell("строка\nвторая")).toBe('"строка\nвторая"');
    expect(csvCell("a,b")).toBe("a,b");
  });

  it("puts an apostrophe before anything a spreadsheet would take for a formula", () => {
    for (const s of ["=1+1", "+7 999", "-2", "@SUM(A1)", "\t=1", "\r=1"]) expect(csvCell(s)).toMatch(/^"?'/);
    expect(csvCell('=HYPERLINK("x";1)')).toBe('"\'=HYPERLINK(""x"";1)"');
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("joins a line with `;` and CRLF; the file starts with the BOM", () => {
    expect(csvLine(["a", null, "=b"])).toBe("a;;'=b\r\n");
    expect(CSV_BOM).toBe("\uFEFF");
  });
});

describe("changedKeys", () => {
  it("lists only the keys that changed, creations and removals whole", () => {
    expect(changedKeys({ name: "А", phone: "1" }, { name: "Б", phone: "1" })).toEqual([
      { key: "name", before: "А", after: "Б" },
    ]);
    expect(changedKeys(null, { name: "А", hours: { mon: ["09:00", "18:00"] } })).toEqual([
      { key: "name", before: "—", after: "А" },
      { key: "hours", before: "—", after: '{"mon":["09:00","18:00"]}' },
    ]);
    expect(changedKeys({ active: true }, null)).toEqual([{ key: "active", before: "true", after: "—" }]);
    expect(changedKeys(["A"], ["A", "B"])).toEqual([{ key: "значение", before: '["A"]', after: '["A","B"]' }]);
    expect(changesText(changedKeys({ a: 1 }, { a: 2 }))).toBe("a: 1 → 2");
  });
});
