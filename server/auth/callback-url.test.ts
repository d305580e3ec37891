// The callbackUrl table (issue 9, item 5): only the app's own origin is followed after signing in.
import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackUrl } from "./callback-url";

const APP = "https://reglament.example.ru";

describe("safeCallbackUrl", () => {
  it.each([
    ["/cabinet", "/cabinet"],
    ["/staff/applications/6a1f?tab=files#history", "/staff/applications/6a1f?tab=files#history"],
    ["/applications/1/print", "/applications/1/print"],
    [`${APP}/cabinet`, "/cabinet"],
    ["cabinet", "/cabinet"],
    [`${APP}//evil.example/x`, "/evil.example/x"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("keeps %s as %s", (raw, expected) => {
    expect(safeCallbackUrl(raw, APP)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "//evil.example/cabinet",
    "https://evil.example",
    "https://evil.example/cabinet",
    "http://reglament.example.ru/cabinet", // another scheme is another origin
    "https://reglament.example.ru.evil.example/",
    "https://reglament.example.ru@evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://reglament.example.ru/",
    "",
    undefined,
    null,
    ["/cabinet"],
    "/" + "a".repeat(3000),
  ])("refuses %j", (raw) => {
    expect(safeCallbackUrl(raw, APP)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("never returns something a browser would read as another host", () => {
    for (const raw of ["//evil.example", "https://evil.example", "/\\evil.example", `${APP}//evil.example`, "///evil"])
      expect(safeCallbackUrl(raw, APP)).not.toMatch(/^\/\/|^[a-z]+:/i);
  });
});
