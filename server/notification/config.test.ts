import { describe, expect, it } from "vitest";
import { appBaseUrl, DEFAULT_MAIL_FROM, isMailSendingConfigured, mailConfig } from "./config";

describe("mailConfig", () => {
  it("sends nothing and uses the default sender when nothing is set (the demo)", () => {
    expect(mailConfig({})).toEqual({ smtpUrl: null, from: DEFAULT_MAIL_FROM });
    expect(mailConfig({ SMTP_URL: "  " }).smtpUrl).toBeNull();
    expect(isMailSendingConfigured({})).toBe(false);
    expect(DEFAULT_MAIL_FROM).toBe('"Регламент" <no-reply@reglament.local>');
  });

  it("takes smtp:// and smtps:// URLs and MAIL_FROM", () => {
    const env = { SMTP_URL: "smtps://user:p%40ss@mail.example:465", MAIL_FROM: '"Администрация" <adm@example.ru>' };
    expect(mailConfig(env)).toEqual({
      smtpUrl: "smtps://user:p%40ss@mail.example:465",
      from: '"Администрация" <adm@example.ru>',
    });
    expect(isMailSendingConfigured({ SMTP_URL: "smtp://host:587" })).toBe(true);
  });

  it("stops on a malformed SMTP_URL instead of silently keeping mail unsent", () => {
    expect(() => mailConfig({ SMTP_URL: "mail.example:587" })).toThrow(/smtp:\/\//);
    expect(() => mailConfig({ SMTP_URL: "https://mail.example" })).toThrow(/smtp:\/\//);
  });
});

describe("appBaseUrl", () => {
  it("follows NEXTAUTH_URL, else localhost and PORT", () => {
    expect(appBaseUrl({ NEXTAUTH_URL: "https://reglament.example/" })).toBe("https://reglament.example");
    expect(appBaseUrl({ PORT: "4000" })).toBe("http://localhost:4000");
    expect(appBaseUrl({})).toBe("http://localhost:3000");
  });
});
