import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("Пароль-надёжный-2026");
    expect(hash.startsWith("scrypt$")).toBe(true);
    expect(await verifyPassword("Пароль-надёжный-2026", hash)).toBe(true);
    expect(await verifyPassword("Пароль-надёжный-2027", hash)).toBe(false);
  });
  it("salts every hash", async () => {
    expect(await hashPassword("same-password-1")).not.toBe(await hashPassword("same-password-1"));
  });
  it("rejects malformed stored hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "plain")).toBe(false);
  });
});
