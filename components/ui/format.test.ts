// Dates are shown in the configured municipality's zone on the server and in the browser alike.
import { afterEach, describe, expect, it, vi } from "vitest";

// 31 March 2026, 20:30 UTC: still the 31st in Kaliningrad (UTC+2), already 1 April in Yekaterinburg (UTC+5).
const AT = "2026-03-31T20:30:00Z";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.resetModules();
});

/**
 * Fresh copies of the modules, the environment read as a server instance reads it at start
 * (server/env.ts, from instrumentation.ts): format.ts takes the zone it leaves.
 */
const load = async () => {
  (await import("@/server/env")).reloadEnv();
  return import("./format");
};

describe("formatDate / formatDateTime", () => {
  it("on the server, use REGLAMENT_TIMEZONE", async () => {
    vi.stubEnv("REGLAMENT_TIMEZONE", "Europe/Kaliningrad");
    const { displayTimeZone, formatDate, formatDateTime } = await load();
    expect(displayTimeZone()).toBe("Europe/Kaliningrad");
    expect(formatDate(AT)).toBe("31 марта 2026 г.");
    expect(formatDateTime(new Date(AT))).toMatch(/^31 марта 2026 г\.,? (в )?22:30$/);
  });

  it("on the server, default to the seeds' municipality (UTC+5)", async () => {
    vi.stubEnv("REGLAMENT_TIMEZONE", undefined);
    const { displayTimeZone, formatDate } = await load();
    expect(displayTimeZone()).toBe("Asia/Yekaterinburg");
    expect(formatDate(AT)).toBe("1 апреля 2026 г.");
  });

  it("in the browser, use the zone the root layout wrote on <html>, not the computer's own", async () => {
    vi.stubEnv("REGLAMENT_TIMEZONE", "Asia/Yekaterinburg"); // the server's, never read in the browser
    const attributes: Record<string, string> = { "data-time-zone": "Europe/Kaliningrad" };
    vi.stubGlobal("window", {});
    vi.stubGlobal("document", { documentElement: { getAttribute: (name: string) => attributes[name] ?? null } });
    const { displayTimeZone, formatDate } = await load();
    expect(displayTimeZone()).toBe("Europe/Kaliningrad");
    expect(formatDate(AT)).toBe("31 марта 2026 г.");
  });

  it("an explicit zone wins", async () => {
    const { formatDate } = await load();
    expect(formatDate(AT, "Asia/Yekaterinburg")).toBe("1 апреля 2026 г.");
    expect(formatDate(AT, "Europe/Moscow")).toBe("31 марта 2026 г.");
  });
});
