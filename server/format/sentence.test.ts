import { describe, expect, it } from "vitest";
import { formatDate } from "./dates";
import { afterColon, namedMessage, sentence } from "./sentence";
import { typoDueSoonMessage, typoOverdueMessage, typoRegisteredMessage } from "../typo/notices";

describe("sentence (issue 16 p.9)", () => {
  it("ends a text with one full stop, also after a date's «г.»", () => {
    const date = formatDate(new Date("2026-12-01T07:00:00Z"), "Asia/Yekaterinburg");
    expect(date).toBe("1 декабря 2026 г.");
    expect(sentence(`Срок истекает ${date}`)).toBe("Срок истекает 1 декабря 2026 г.");
    expect(sentence("Пожалуйста, примите меры")).toBe("Пожалуйста, примите меры.");
  });
});

describe("a message named by its field (issue 16 p.5, p.9)", () => {
  it("says the field first, in lower case after the colon, unless the message names it", () => {
    expect(namedMessage("Дата рождения", "Даты 31.02.1965 не существует", 1)).toBe(
      "Дата рождения (запись 1): даты 31.02.1965 не существует",
    );
    expect(namedMessage("Почтовый индекс", "Заполните поле «Почтовый индекс»")).toBe(
      "Заполните поле «Почтовый индекс»",
    );
    expect(namedMessage("Почтовый индекс", "Почтовый индекс содержит 6 цифр")).toBe("Почтовый индекс содержит 6 цифр");
    expect(namedMessage("Номер", "СНИЛС указан с ошибкой")).toBe("Номер: СНИЛС указан с ошибкой");
    expect(namedMessage("Год окончания", "«Год окончания» не может быть меньше 1990", 2)).toBe(
      "Запись 2: «Год окончания» не может быть меньше 1990",
    );
    expect(afterColon("«Паспорт» не приложен")).toBe("«Паспорт» не приложен");
  });
});

describe("notices that end on a date", () => {
  it("print «г.» once", () => {
    const at = new Date("2026-12-01T07:00:00Z");
    const due = { recipientName: "Иван Петрович", number: "ТО-1", what: "проверки", dueAt: at, url: "u" };
    const texts = [
      typoRegisteredMessage({
        number: "ТО-1",
        documentTitle: "Архивная справка",
        outgoingNumber: null,
        registeredAt: at,
        checkDueAt: at,
        fixDueAt: at,
        cabinetUrl: "u",
      }).body,
      typoDueSoonMessage(due).body,
      typoOverdueMessage(due).body,
    ];
    for (const text of texts) {
      expect(text).toContain("2026 г.");
      expect(text).not.toContain("г..");
    }
  });
});
