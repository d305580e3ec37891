import { describe, expect, it } from "vitest";
import { countOf, plural } from "./plural";

const APPS = ["заявление", "заявления", "заявлений"] as const;

describe("plural", () => {
  it.each([
    [0, "заявлений"],
    [1, "заявление"],
    [2, "заявления"],
    [4, "заявления"],
    [5, "заявлений"],
    [11, "заявлений"],
    [12, "заявлений"],
    [14, "заявлений"],
    [21, "заявление"],
    [22, "заявления"],
    [25, "заявлений"],
    [101, "заявление"],
    [111, "заявлений"],
    [112, "заявлений"],
    [122, "заявления"],
  ])("%i → %s", (n, form) => {
    expect(plural(n, APPS)).toBe(form);
  });

  it("reads a negative count by its magnitude", () => {
    expect(plural(-1, APPS)).toBe("заявление");
    expect(plural(-12, APPS)).toBe("заявлений");
  });

  it("countOf puts the number before the agreeing noun", () => {
    expect(countOf(3, ["рабочий день", "рабочих дня", "рабочих дней"])).toBe("3 рабочих дня");
    expect(countOf(21, APPS)).toBe("21 заявление");
  });
});
