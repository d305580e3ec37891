// The one answers renderer: what every answer reads as, on the screen, on paper and in the PDF.
import { describe, expect, it } from "vitest";
import { PDFParse } from "pdf-parse";
import type { FieldDef } from "../regulation/document";
import { answerSections, formatValue, NOT_GIVEN } from "./answers";
import { applicationCopyPdf } from "./http";
import { ANSWER_STEPS, ANSWER_VALUES, CHANNELS_FIELD } from "./answers.fixtures";

describe("formatValue", () => {
  it("prints the labels of the ticked options, never their codes", () => {
    expect(formatValue(CHANNELS_FIELD, ["email", "call"])).toBe("Письмо на электронную почту; Звонок");
    expect(formatValue(CHANNELS_FIELD, ["sms"])).toBe("СМС на телефон");
    expect(formatValue(CHANNELS_FIELD, [])).toBe(NOT_GIVEN);
    // A code the regulation no longer lists is shown as stored rather than dropped.
    expect(formatValue(CHANNELS_FIELD, ["fax"])).toBe("fax");
  });

  it("reads a single checkbox as yes or no, unticked included", () => {
    const f: FieldDef = { key: "c", type: "checkbox", label: "" };
    expect(formatValue(f, true)).toBe("Да");
    expect(formatValue(f, false)).toBe("Нет");
    expect(formatValue(f, undefined)).toBe("Нет");
  });

  it("writes names, dates, phones, options, files and groups the one way", () => {
    expect(formatValue({ key: "n", type: "full_name", label: "" }, { lastName: "Иванов", firstName: "Иван" })).toBe(
      "Иванов Иван",
    );
    expect(formatValue({ key: "n", type: "full_name", label: "" }, {})).toBe(NOT_GIVEN);
    expect(formatValue({ key: "d", type: "date", label: "" }, "1990-01-01")).toBe("01.01.1990");
    expect(formatValue({ key: "p", type: "phone", label: "" }, "+79991234567")).toBe("+7 (999) 123-45-67");
    expect(
      formatValue({ key: "r", type: "radio", label: "", options: [{ value: "post", label: "Почтой" }] }, "post"),
    ).toBe("Почтой");
    expect(
      formatValue({ key: "f", type: "file", label: "" }, [
        { id: "1", name: "скан.pdf", size: 2048, mimeType: "application/pdf" },
      ]),
    ).toBe("скан.pdf (2 КБ)");
    const group = ANSWER_STEPS[1]!.fields[0]!;
    expect(formatValue(group, ANSWER_VALUES.people)).toBe("1) ФИО: Петрова Анна; Сведения: О зарплате");
    expect(formatValue({ key: "t", type: "text", label: "" }, "")).toBe(NOT_GIVEN);
  });
});

describe("answerSections", () => {
  it("lists the fields the conditions show, with a group's items as rows of their own", () => {
    const sections = answerSections(ANSWER_STEPS, ANSWER_VALUES);
    expect(sections.map((s) => s.title)).toEqual(["Сведения о заявителе", "Лица"]);
    expect(sections[0]!.rows.map((r) => [r.label, r.text])).toEqual([
      ["Фамилия, имя, отчество", "Иванов Иван Петрович"],
      ["Согласен на обработку персональных данных", "Да"],
      ["Как сообщить о готовности", "Письмо на электронную почту; Звонок"],
      ["Телефон", "+7 (999) 123-45-67"],
      ["Дата рождения", "03.02.1960"],
    ]);
    expect(sections[1]!.rows[0]!.items!.map((item) => item.map((r) => r.text))).toEqual([
      ["Петрова Анна", "О зарплате"],
    ]);
  });
});

describe("the applicant's PDF copy", () => {
  it("prints the ticked options' labels, the applicant's and the co-applicants' alike", async () => {
    const pdf = await applicationCopyPdf({
      steps: [...ANSWER_STEPS, { key: "co", title: "Созаявитель", section: "co_applicant", fields: [CHANNELS_FIELD] }],
      values: ANSWER_VALUES,
      service: { code: "S", title: "Предоставление архивной информации" },
      registrationNumber: "ARCHIVE-2026-00001",
      registeredAt: new Date("2026-03-30T19:00:00Z"),
      dueAt: null,
      coApplicants: [{ email: "co@example.ru", values: { channels: ["sms"] } }],
      contentHash: null,
      signedOnPortal: true,
    });
    const text = (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text.replace(/\s+/g, " ");
    expect(text).toContain("Письмо на электронную почту; Звонок");
    expect(text).toContain("СМС на телефон");
    expect(text).toContain("О зарплате");
    expect(text).not.toMatch(/\bemail\b|\bcall\b|\bsms\b|\bpay\b/);
    // The registration date in the municipality's zone: 19:00 UTC is already the 31st at UTC+5.
    expect(text).toContain("ARCHIVE-2026-00001 от 31 марта 2026 г.");
  });

  it("claims the applicant's simple electronic signature only for a portal submission (R17; issue 15 p.1)", async () => {
    const copy = {
      steps: ANSWER_STEPS,
      values: ANSWER_VALUES,
      service: { code: "S", title: "Предоставление архивной информации" },
      registrationNumber: "ARCHIVE-2026-00002",
      registeredAt: new Date("2026-03-30T09:00:00Z"),
      dueAt: null,
      coApplicants: [],
      contentHash: "ab".repeat(32),
    };
    const textOf = async (signedOnPortal: boolean) =>
      (
        await new PDFParse({ data: new Uint8Array(await applicationCopyPdf({ ...copy, signedOnPortal })) }).getText()
      ).text.replace(/\s+/g, " ");
    expect(await textOf(true)).toContain("Подписано простой электронной подписью");
    const paper = await textOf(false);
    expect(paper).not.toMatch(/подписан/i);
    expect(paper).toContain("Контрольная сумма содержимого:");
    // Issue 16 p.8: the applicant's copy names no algorithm.
    expect(`${paper} ${await textOf(true)}`).not.toContain("SHA");
    expect(paper.replace(/\s/g, "")).toContain("ab".repeat(32));
  });
});
