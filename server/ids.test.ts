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

  it("isUuid (zod-free, ./uuid) agrees with zId (zod's z.uuid())", () => {
    const nil = "00000000-0000-0000-0000-000000000000";
    const samples = [
      crypto.randomUUID(),
      nil,
      "ffffffff-ffff-ffff-ffff-ffffffffffff",
      "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
      "123e4567-e89b-92d3-a456-426614174000",
      "123e4567-e89b-12d3-c456-426614174000",
      "123e4567-e89b-02d3-a456-426614174000",
      "123e4567e89b12d3a456426614174000",
      `{${nil}}`,
      "",
      1,
    ];
    for (const v of samples) expect(isUuid(v)).toBe(zId().safeParse(v).success);
  });
});
