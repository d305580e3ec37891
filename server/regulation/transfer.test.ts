// The transfer file of an edition (issue 10 p.6): a seed regulation survives the round trip exactly,
// and hostile or mistaken files are refused with a Russian message (and the paths concerned), never
// an exception: huge, deeply nested, not JSON, an array, the wrong marker, unknown keys, a NUL.
import { describe, expect, it } from "vitest";
import { archiveInfoRegulation, roadInfoRegulation } from "../../prisma/seed/regulations";
import { MAX_DOCUMENT_DEPTH } from "./editions/schema";
import {
  MAX_TRANSFER_CHARS,
  nestingDepth,
  readTransferFile,
  transferFile,
  transferFileName,
  transferText,
  type TransferRead,
} from "./transfer";

const s1File = () =>
  transferFile({
    service: { code: "road-info", title: roadInfoRegulation.passport.name },
    edition: {
      version: 1,
      basis: "Постановление администрации сельского поселения Половинка от 03.06.2019 № 193",
      actNumber: "193",
      actDate: new Date("2019-06-03"),
      effectiveFrom: new Date("2019-06-03T00:00:00+05:00"),
    },
    document: structuredClone(roadInfoRegulation),
  });

const refused = (read: TransferRead) => {
  expect(read.ok).toBe(false);
  return read as Extract<TransferRead, { ok: false }>;
};

describe("the transfer file", () => {
  it("carries a seed edition there and back unchanged", () => {
    for (const document of [roadInfoRegulation, archiveInfoRegulation]) {
      const file = { ...s1File(), document: structuredClone(document) };
      const read = readTransferFile(transferText(file));
      expect(read).toEqual({ ok: true, file: JSON.parse(JSON.stringify(file)), problems: [] });
    }
    expect(s1File().edition).toEqual({
      version: 1,
      basis: "Постановление администрации сельского поселения Половинка от 03.06.2019 № 193",
      actNumber: "193",
      actDate: "2019-06-03",
      effectiveFrom: "2019-06-02T19:00:00.000Z",
    });
  });

  it("names the download safely", () => {
    expect(transferFileName("road-info", 2)).toBe("road-info-v2.reglament.json");
    expect(transferFileName('a"b/c', null)).toBe("a-b-c-draft.reglament.json");
  });

  it("refuses a file too big before parsing it", () => {
    const huge = `{"format":"reglament.regulation","pad":"${"x".repeat(5_000_000)}"}`;
    expect(huge.length).toBeGreaterThan(MAX_TRANSFER_CHARS);
    expect(refused(readTransferFile(huge)).message).toMatch(/^Файл больше \d+ КБ/);
  });

  it("refuses nesting 1000 deep without recursing into it", () => {
    const deep = `${"[".repeat(1000)}${"]".repeat(1000)}`;
    expect(nestingDepth(deep, 50)).toBe(51);
    expect(refused(readTransferFile(deep)).message).toMatch(/вложен глубже/);
    const inDocument = transferText(s1File()).replace(
      '"initialStage"',
      `"x": ${'{"a":'.repeat(1000)}1${"}".repeat(1000)}, "initialStage"`,
    );
    expect(refused(readTransferFile(inDocument)).message).toMatch(/вложен глубже/);
    // Brackets inside strings are text, not nesting.
    expect(nestingDepth(`{"a":"${"[".repeat(1000)}"}`, 50)).toBe(1);
    expect(MAX_DOCUMENT_DEPTH).toBeLessThan(1000);
  });

  it("refuses text that is not JSON, an array, a number, the wrong marker or format version", () => {
    expect(refused(readTransferFile("регламент")).message).toMatch(/не в формате JSON/);
    expect(refused(readTransferFile("")).message).toMatch(/не в формате JSON/);
    expect(refused(readTransferFile("[1,2,3]")).message).toMatch(/ожидается объект JSON/);
    expect(refused(readTransferFile("42")).message).toMatch(/ожидается объект JSON/);
    expect(refused(readTransferFile("null")).message).toMatch(/ожидается объект JSON/);
    const other = { ...s1File(), format: "calendar.year" };
    expect(refused(readTransferFile(JSON.stringify(other))).message).toMatch(
      /поле format должно быть «reglament.regulation»/,
    );
    const future = { ...s1File(), formatVersion: 2 };
    expect(refused(readTransferFile(JSON.stringify(future))).message).toMatch(
      /Версия формата файла \(2\) не поддерживается/,
    );
    const arrayDocument = { ...s1File(), document: [] };
    expect(refused(readTransferFile(JSON.stringify(arrayDocument))).message).toMatch(
      /поле document должно быть объектом/,
    );
  });

  it("refuses dates that are no dates or outside the years a calendar is kept for", () => {
    for (const edition of [
      { actDate: "2019-02-30" },
      { actDate: "0000-01-01" },
      { effectiveFrom: "0001-01-01T00:00:00Z" },
      { effectiveFrom: "вчера" },
    ]) {
      const file = { ...s1File(), edition: { ...s1File().edition, ...edition } };
      const read = refused(readTransferFile(JSON.stringify(file)));
      expect(read.message).toBe("Описание услуги или редакции в файле неверно");
      expect(read.problems.map((p) => p.path)).toEqual([`edition.${Object.keys(edition)[0]}`]);
    }
  });

  it("refuses a NUL anywhere in the file", () => {
    const file = s1File();
    file.document.passport.name = "Услуга\u0000";
    expect(refused(readTransferFile(JSON.stringify(file))).message).toMatch(/недопустимые символы/);
    const inKey = JSON.stringify(s1File()).replace('"summary"', '"sum\\u0000mary"');
    expect(refused(readTransferFile(inKey)).message).toMatch(/недопустимые символы/);
  });

  it("names every unknown key of the document and of the envelope", () => {
    const file = s1File() as unknown as { document: Record<string, unknown>; edition: Record<string, unknown> };
    const doc = file.document as unknown as typeof roadInfoRegulation & Record<string, unknown>;
    doc.extra = true;
    (doc.stages[1] as Record<string, unknown>).sla = 3;
    const read = refused(readTransferFile(JSON.stringify(file)));
    expect(read.message).toMatch(/^В документе есть поля, которых нет в формате регламента: /);
    expect(read.problems).toEqual([
      { path: "extra", message: "Неизвестное поле" },
      { path: "stages.1.sla", message: "Неизвестное поле" },
    ]);
    // A key named __proto__ in the text is an own key after JSON.parse, and unknown.
    const proto = transferText(s1File()).replace('"initialStage"', '"__proto__": {"admin": true}, "initialStage"');
    expect(refused(readTransferFile(proto)).problems).toEqual([{ path: "__proto__", message: "Неизвестное поле" }]);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();

    const envelope = { ...s1File(), edition: { ...s1File().edition, signedBy: "x" } };
    expect(refused(readTransferFile(JSON.stringify(envelope))).problems).toEqual([
      { path: "edition", message: "Неизвестные поля: signedBy" },
    ]);
  });

  it("refuses a document that is not a regulation with the problem list of validateDocument", () => {
    const file = s1File() as unknown as { document: Record<string, unknown> };
    delete file.document.stages;
    (file.document.passport as Record<string, unknown>).name = "";
    const read = refused(readTransferFile(JSON.stringify(file)));
    expect(read.message).toMatch(/не является регламентом/);
    expect(read.problems.map((p) => p.path).sort()).toEqual(["passport.name", "stages"]);
  });

  it("accepts a document with semantic problems and lists them", () => {
    const file = s1File();
    file.document.transitions[0]!.to = "nowhere";
    const read = readTransferFile(JSON.stringify(file));
    expect(read.ok).toBe(true);
    expect(read.problems).toContainEqual({ path: "transitions.0.to", message: "Этап «nowhere» не существует" });
  });
});
