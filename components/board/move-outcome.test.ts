import { describe, expect, it } from "vitest";
import { failureAlert, joinSentences } from "./move-outcome";

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

describe("failureAlert", () => {
  it("names what was refreshed where the page is out of date, and keeps the page where only the input was wrong", () => {
    expect(failureAlert({ kind: "gone", message: "заявление на другом этапе." }, "17", "card")).toEqual({
      text: "Действие не выполнено: заявление на другом этапе. Карточка обновлена.",
      refresh: true,
    });
    expect(failureAlert({ kind: "conflict", message: "" }, "17", "board")).toMatchObject({ refresh: true });
    expect(failureAlert({ kind: "conflict", message: "" }, "17", "board").text).toMatch(/^Заявление № 17 .*доска/);
    expect(
      failureAlert(
        {
          kind: "invalid",
          message: "Проверьте поля",
          fieldErrors: { comment: "Напишите комментарий" },
          otherErrors: [],
        },
        null,
        "board",
      ),
    ).toEqual({ text: "Проверьте поля. Напишите комментарий.", refresh: false });
  });
});
