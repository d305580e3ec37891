// The notice a moved draft shows at the top of its form (R11): the date the rules changed and what
// changed, in plain Russian (issue 16 p.8: no edition numbers for the applicant).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FormUpdateNotice } from "./form-update-notice";

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

describe("FormUpdateNotice", () => {
  it("says since when the rules changed and which fields were removed, added and changed, without edition numbers", () => {
    const html = renderToStaticMarkup(
      createElement(FormUpdateNotice, {
        version: 2,
        effectiveFrom: new Date("2026-12-01T07:00:00Z"),
        removed: ["Цель запроса"],
        added: ["Номер архивного фонда"],
        changed: [],
      }),
    );
    expect(text(html)).toContain("Форма заявления обновлена");
    expect(text(html)).toContain("С 1 декабря 2026 г. изменились правила подачи заявления на эту услугу.");
    expect(text(html)).not.toMatch(/редакци|№/);
    expect(text(html)).toContain("Проверьте заявление перед подачей");
    expect(text(html)).toContain("Больше не нужны (ответы на них удалены из черновика): «Цель запроса».");
    expect(text(html)).toContain("Новые поля — заполните их: «Номер архивного фонда».");
    expect(text(html)).not.toContain("Изменились поля");
  });
});
