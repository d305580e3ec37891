// The notice a moved draft shows at the top of its form (R11): the edition, the date it took effect
// and what changed, in Russian.
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
  it("names the edition, the date it took effect and the fields removed, added and changed", () => {
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
    expect(text(html)).toContain(
      "С 1 декабря 2026 г. действует новая редакция административного регламента услуги (№ 2)",
    );
    expect(text(html)).toContain("Проверьте заявление перед подачей");
    expect(text(html)).toContain("Больше не нужны (ответы на них удалены из черновика): «Цель запроса».");
    expect(text(html)).toContain("Новые поля — заполните их: «Номер архивного фонда».");
    expect(text(html)).not.toContain("Изменились поля");
  });
});
