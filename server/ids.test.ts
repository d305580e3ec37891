import { describe, expect, it } from "vitest";
import { isUuid, zId } from "./ids";

describe("isUuid / zId", () => {
  it("accepts the ids the database gives (random, version 4), in either case", () => {
    const id = crypto.randomUUID();
    expect(isUuid(id)).toBe(true);
    expect(isUuid(id.toUpperCase())).toBe(true);
    expect(zId().safeParse(id).success).toBe(true);
  });

  it("refuses anything else: wrong length, non-hex, dashes only, not a string", () => {
    for (const bad of [
      "",
      "not-a-uuid",
      "0b9c",
      "------------------------------------",
      "zzzzzzzz-zzzz-4zzz-8zzz-zzzzzzzzzzzz",
      `${crypto.randomUUID()}x`,
      " " + crypto.randomUUID(),
      42,
      null,
      undefined,
    ]) {
      expect(isUuid(bad)).toBe(false);
    }
  });

  it("carries the caller's message", () => {
    const r = zId("Неверный идентификатор заявления").safeParse("x");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Неверный идентификатор заявления");
  });
});
