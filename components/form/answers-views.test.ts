// The HTML views of the answers (the wizard's "check your answers"; the cabinet, print copy and
// staff card) print what the one renderer says: a ticked option list reads as its labels.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ANSWER_STEPS, ANSWER_VALUES } from "@/server/application/answers.fixtures";
import { FormAnswers } from "@/components/form-answers";
import { AnswersSummary } from "./answers-summary";

/** The text a reader sees: tags dropped, entities decoded, whitespace collapsed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("FormAnswers (cabinet, print page, staff card)", () => {
  it("prints the labels of the ticked options and the one way of writing names, dates and phones", () => {
    const html = text(renderToStaticMarkup(createElement(FormAnswers, { steps: ANSWER_STEPS, values: ANSWER_VALUES })));
    expect(html).toContain("Как сообщить о готовности Письмо на электронную почту; Звонок");
    expect(html).toContain("Иванов Иван Петрович");
    expect(html).toContain("03.02.1960");
    expect(html).toContain("+7 (999) 123-45-67");
    expect(html).toContain("ФИО Петрова Анна");
    expect(html).toContain("Сведения О зарплате");
    expect(html).not.toContain("Организация"); // hidden by its condition
    expect(html).not.toMatch(/\b(email|call|pay)\b/);
  });
});

describe("AnswersSummary (the wizard's last step)", () => {
  it("prints the same texts as the other views", () => {
    const html = text(
      renderToStaticMarkup(
        createElement(AnswersSummary, {
          steps: ANSWER_STEPS,
          values: ANSWER_VALUES,
          complete: [true, true],
          onEdit: () => {},
        }),
      ),
    );
    expect(html).toContain("Как сообщить о готовности Письмо на электронную почту; Звонок");
    expect(html).toContain("Иванов Иван Петрович");
    expect(html).toContain("03.02.1960");
    expect(html).toContain("ФИО Петрова Анна");
    expect(html).toContain("Сведения О зарплате");
    expect(html).not.toMatch(/\b(email|call|pay)\b/);
  });
});
