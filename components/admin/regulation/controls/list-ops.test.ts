import { describe, expect, it } from "vitest";
import { codeProblem, freeCode, moveItem, removeItem } from "./list-ops";

describe("moveItem", () => {
  it("moves an item up and down", () => {
    const list = ["a", "b", "c"];
    expect(moveItem(list, 2, -1)).toBe(true);
    expect(list).toEqual(["a", "c", "b"]);
    expect(moveItem(list, 0, 1)).toBe(true);
    expect(list).toEqual(["c", "a", "b"]);
  });

  it("refuses to move past either end and leaves the list as it was", () => {
    const list = ["a", "b"];
    expect(moveItem(list, 0, -1)).toBe(false);
    expect(moveItem(list, 1, 1)).toBe(false);
    expect(moveItem(list, 5, -1)).toBe(false);
    expect(list).toEqual(["a", "b"]);
  });
});

describe("removeItem", () => {
  it("removes the item at the index only", () => {
    const list = [1, 2, 3];
    expect(removeItem(list, 1)).toBe(true);
    expect(list).toEqual([1, 3]);
    expect(removeItem(list, 2)).toBe(false);
    expect(removeItem(list, -1)).toBe(false);
    expect(list).toEqual([1, 3]);
  });
});

describe("freeCode", () => {
  it("gives the first number not taken", () => {
    expect(freeCode([], "stage")).toBe("stage_1");
    expect(freeCode(["stage_1", "stage_3"], "stage")).toBe("stage_2");
  });
});

describe("codeProblem", () => {
  it("accepts a well-formed free code", () => {
    expect(codeProblem("review_2", ["review"])).toBeNull();
  });

  it("names what is wrong", () => {
    expect(codeProblem("", [])).toBe("Укажите код");
    expect(codeProblem("Review", [])).toMatch(/латинскими строчными/);
    expect(codeProblem("2nd", [])).toMatch(/начинается с буквы/);
    expect(codeProblem("рассмотрение", [])).toMatch(/латинскими/);
    expect(codeProblem("review", ["registration", "review"])).toBe("Код «review» уже занят");
  });
});
