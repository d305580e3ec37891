import { describe, expect, it } from "vitest";
import { formatDate } from "./dates";
import { sentence } from "./sentence";
import { typoDueSoonMessage, typoOverdueMessage, typoRegisteredMessage } from "../typo/notices";

describe("sentence (issue 16 p.9)", () => {
  it("ends a text with one full stop, also after a date's «г.»", () => {
    const date = formatDate(new Date("2026-12-01T07:00:00Z"), "Asia/Yekaterinburg");
    expect(date).toBe("1 декабря 2026 г.");
    expect(sentence(`Срок истекает ${date}`)).toBe("Срок истекает 1 декабря 2026 г.");
    expect(sentence("Пожалуйста, примите меры")).toBe("Пожалуйста, примите меры.");
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
