import { describe, expect, it } from "vitest";
import type { FieldDef } from "@/server/regulation/document";
import { errorsForFields, fieldId, flattenErrors, stepIndexOfPath } from "./paths";
import { validateApplication } from "@/server/regulation/form-schema";
import { RECOGNISED_MIME_TYPES, sniffMimeType } from "@/server/attachment/sniff";
import { formatValue } from "@/server/application/answers";
import {
  dateFromInput,
  dateToInput,
  failureText,
  fileLimitsText,
  fingerprint,
  knownValues,
  numberFromInput,
} from "./values";

describe("date input", () => {
  it("stores a complete date as ISO and keeps anything else as typed", () => {
    expect(dateFromInput("05.03.1985")).toBe("1985-03-05");
    expect(dateFromInput("5.3.1985")).toBe("1985-03-05");
    expect(dateFromInput("05031985")).toBe("1985-03-05");
    // Not a real date, still ISO: the check then explains what is wrong with it.
    expect(dateFromInput("31.02.1965")).toBe("1965-02-31");
    expect(dateFromInput("05.03.19")).toBe("05.03.19");
    expect(dateToInput("1985-03-05")).toBe("05.03.1985");
    expect(dateToInput("05.03.19")).toBe("05.03.19");
    expect(dateToInput(undefined)).toBe("");
  });
});

describe("number input", () => {
  it("becomes a number only when it reads back the same", () => {
    expect(numberFromInput("1990")).toBe(1990);
    expect(numberFromInput("12.5")).toBe(12.5);
    expect(numberFromInput("12,5")).toBe("12,5");
    expect(numberFromInput("007")).toBe("007");
    expect(numberFromInput("")).toBe("");
  });
});

describe("fingerprint", () => {
  it("ignores key order and empty inputs, not real changes", () => {
    expect(fingerprint({ a: "1", b: "" }, "s")).toBe(fingerprint({ a: "1" }, "s"));
    expect(fingerprint({ n: { x: "", y: "2" } }, "s")).toBe(fingerprint({ n: { y: "2" } }, "s"));
    expect(fingerprint({ a: "1" }, "s")).not.toBe(fingerprint({ a: "2" }, "s"));
    expect(fingerprint({ a: "1" }, "s")).not.toBe(fingerprint({ a: "1" }, "t"));
    expect(fingerprint({ g: [{}] }, null)).not.toBe(fingerprint({ g: [] }, null));
  });
});

const steps = [
  {
    key: "one",
    title: "Один",
    fields: [
      { key: "name", type: "full_name", label: "ФИО" },
      { key: "snils", type: "snils", label: "СНИЛС" },
    ] as FieldDef[],
  },
  {
    key: "two",
    title: "Два",
    fields: [
      {
        key: "persons",
        type: "group",
        label: "Лица",
        minItems: 1,
        fields: [
          { key: "born", type: "date", label: "Дата рождения" },
          { key: "kind", type: "radio", label: "Вид", options: [{ value: "x", label: "Икс" }] },
          { key: "note", type: "text", label: "Примечание", showIf: { field: "kind", equals: "x" } },
        ],
      },
    ] as FieldDef[],
  },
];

describe("paths", () => {
  it("flattens react-hook-form errors, a group's own message included", () => {
    const errors = {
      name: { lastName: { type: "custom", message: "Укажите фамилию", ref: {} } },
      persons: Object.assign([{ born: { message: "Укажите дату" } }], { root: { message: "Добавьте запись" } }),
    };
    expect(flattenErrors(errors)).toEqual(
      expect.arrayContaining([
        { path: "name.lastName", message: "Укажите фамилию" },
        { path: "persons.0.born", message: "Укажите дату" },
        { path: "persons", message: "Добавьте запись" },
      ]),
    );
  });

  it("lists errors of the shown fields in screen order", () => {
    const values = { persons: [{ kind: "" }] };
    const list = errorsForFields(
      [
        { path: "persons.0.note", message: "скрыто" },
        { path: "persons.0.born", message: "дата" },
        { path: "persons", message: "группа" },
      ],
      steps[1]!.fields,
      values,
    );
    expect(list.map((e) => e.message)).toEqual(["группа", "дата"]);
    // Issue 16 p.5: the summary says whose message it is; a sub-field with its record.
    expect(list.map((e) => [e.label, e.record])).toEqual([
      ["Лица", undefined],
      ["Дата рождения", 1],
    ]);
  });

  it("maps a path to its step and a DOM id", () => {
    expect(stepIndexOfPath(steps, "persons.0.born")).toBe(1);
    expect(stepIndexOfPath(steps, "snils")).toBe(0);
    expect(stepIndexOfPath(steps, "unknown")).toBe(-1);
    expect(fieldId("persons.0.born")).toBe("field-persons-0-born");
  });
});

describe("values for the server and the summary", () => {
  it("keeps only the regulation's fields", () => {
    expect(knownValues(steps, { snils: "1", stray: "x" })).toEqual({ snils: "1" });
  });
  it("reads answers as the applicant typed or chose them", () => {
    expect(formatValue({ key: "n", type: "full_name", label: "" }, { lastName: "Иванов", firstName: "Иван" })).toBe(
      "Иванов Иван",
    );
    expect(formatValue({ key: "c", type: "checkbox", label: "" }, undefined)).toBe("Нет");
    expect(
      formatValue({ key: "r", type: "radio", label: "", options: [{ value: "post", label: "Почтой" }] }, "post"),
    ).toBe("Почтой");
    expect(formatValue({ key: "d", type: "date", label: "" }, "1990-01-01")).toBe("01.01.1990");
    expect(formatValue({ key: "t", type: "text", label: "" }, "")).toBe("Не указано");
  });
});

describe("file types: the field's label, the form check and the upload read one list", () => {
  const field: FieldDef = {
    key: "scan",
    type: "file",
    label: "Скан",
    accept: ["application/pdf", "image/tiff"],
    maxSizeMb: 10,
    maxFiles: 3,
  };
  const steps = [{ key: "s", title: "Шаг", fields: [field] }];
  const ref = (mimeType: string, name = "file") => ({ id: `id-${mimeType}`, name, size: 100, mimeType });
  const formCheck = (mimeType: string, name?: string) =>
    validateApplication(steps, { scan: [ref(mimeType, name)] }, { mode: "submit" });

  it("names exactly the accepted types, never a type the upload would refuse (no DOC/DOCX)", () => {
    expect(fileLimitsText(field, 3)).toBe("Формат: PDF, TIFF; до 10 МБ каждый; не больше 3 файлов.");
    expect(fileLimitsText({}, 1)).toBe("Формат: PDF, JPEG, PNG, TIFF, WebP; не больше 1 файла.");
    expect(fileLimitsText({ accept: ["application/pdf"] }, 5)).not.toMatch(/DOC/);
  });

  it("accepts in the form check what the upload's content check accepts, and nothing else", () => {
    // The upload stores the type it sniffed; the form check compares that type with the same list.
    const tiff = Uint8Array.from([0x49, 0x49, 0x2a, 0x00, ...new Array(16).fill(0)]);
    expect(sniffMimeType(tiff)).toBe("image/tiff");
    expect(formCheck("image/tiff").ok).toBe(true);
    expect(formCheck("application/pdf").ok).toBe(true);
    // A name proves nothing: a JPEG called .pdf is a JPEG, not accepted by this field.
    const jpeg = formCheck("image/jpeg", "scan.pdf");
    expect(jpeg.ok ? null : jpeg.issues[0]!.message).toBe(
      "Файл «scan.pdf» неподходящего формата: приложите файл в формате PDF, TIFF",
    );
    // No accept: every type the sniffer recognises.
    const open = [{ key: "s", title: "Шаг", fields: [{ ...field, accept: undefined }] }];
    for (const mime of RECOGNISED_MIME_TYPES)
      expect(validateApplication(open, { scan: [ref(mime)] }, { mode: "submit" }).ok).toBe(true);
    expect(validateApplication(open, { scan: [ref("application/msword")] }, { mode: "submit" }).ok).toBe(false);
  });
});

describe("a file's error (issue 16 p.9)", () => {
  it("names the file once and goes on in lower case after the colon", () => {
    expect(failureText("скан.pdf", "не загружен", "Файл «скан.pdf» пустой: выберите файл с содержимым")).toBe(
      "Файл «скан.pdf» пустой: выберите файл с содержимым",
    );
    expect(failureText("скан.pdf", "не загружен", "Сервер не принял файл, попробуйте ещё раз")).toBe(
      "«скан.pdf» не загружен: сервер не принял файл, попробуйте ещё раз",
    );
    expect(failureText("скан.pdf", "не удалён", "МФЦ закрыт")).toBe("«скан.pdf» не удалён: МФЦ закрыт");
  });
});
