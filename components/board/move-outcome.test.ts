import { describe, expect, it } from "vitest";
import { joinSentences } from "./move-outcome";

describe("joinSentences", () => {
  it("ends each message with one full stop, whether or not it had one", () => {
    expect(joinSentences("Действие не выполнено: заявление осталось на прежнем этапе.", "Доска обновлена")).toBe(
      "Действие не выполнено: заявление осталось на прежнем этапе. Доска обновлена.",
    );
    expect(
      joinSentences("Проверьте правильность заполнения полей", "Выберите исполнителя.", "Укажите мотивы отказа;"),
    ).toBe("Проверьте правильность заполнения полей. Выберите исполнителя. Укажите мотивы отказа.");
  });

  it("keeps a question, an exclamation or an ellipsis, and skips empty parts", () => {
    expect(joinSentences("Сохранить?", "", null, "  Готово!  ", "Ждём…")).toBe("Сохранить? Готово! Ждём…");
    expect(joinSentences()).toBe("");
  });
});
