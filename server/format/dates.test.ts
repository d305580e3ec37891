// Dates are shown in the configured municipality's zone on the server and in the browser alike,
// by the one set of helpers pages, e-mails and PDFs share.
import { afterEach, describe, expect, it, vi } from "vitest";

// 31 March 2026, 20:30 UTC: still the 31st in Kaliningrad (UTC+2), already 1 April in Yekaterinburg (UTC+5).
const AT = "2026-03-31T20:30:00Z";
const TZ = "Asia/Yekaterinburg";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.resetModules();
});

/**
 * Fresh copies of the modules, the environment read as a server instance reads it at start
 * (server/env.ts, from instrumentation.ts): the dates take the zone it leaves.
 */
const load = async () => {
  (await import("../env")).reloadEnv();
  return import("./dates");
};

describe("formatDate / formatTime / formatDateTime", () => {
  it("on the server, use REGLAMENT_TIMEZONE", async () => {
    vi.stubEnv("REGLAMENT_TIMEZONE", "Europe/Kaliningrad");
    const { displayTimeZone, formatDate, formatDateTime, formatTime } = await load();
    expect(displayTimeZone()).toBe("Europe/Kaliningrad");
    expect(formatDate(AT)).toBe("31 марта 2026 г.");
    expect(formatTime(AT)).toBe("22:30");
    expect(formatDateTime(new Date(AT))).toBe("31 марта 2026 г. в 22:30");
  });

  it("on the server, default to the seeds' municipality (UTC+5)", async () => {
    vi.stubEnv("REGLAMENT_TIMEZONE", undefined);
    const { displayTimeZone, formatDate, formatDateTime } = await load();
    expect(displayTimeZone()).toBe(TZ);
    expect(formatDate(AT)).toBe("1 апреля 2026 г.");
    expect(formatDateTime(AT)).toBe("1 апреля 2026 г. в 01:30");
    expect(formatDate(new Date("2026-01-01T20:00:00Z"))).toBe("2 января 2026 г.");
  });

  it("in the browser, use the zone the root layout wrote on <html>, not the computer's own", async () => {
    vi.stubEnv("REGLAMENT_TIMEZONE", TZ); // the server's, never read in the browser
    const attributes: Record<string, string> = { "data-time-zone": "Europe/Kaliningrad" };
    vi.stubGlobal("window", {});
    vi.stubGlobal("document", { documentElement: { getAttribute: (name: string) => attributes[name] ?? null } });
    const { displayTimeZone, formatDate } = await load();
    expect(displayTimeZone()).toBe("Europe/Kaliningrad");
    expect(formatDate(AT)).toBe("31 марта 2026 г.");
  });

  it("an explicit zone wins", async () => {
    const { formatDate } = await load();
    expect(formatDate(AT, TZ)).toBe("1 апреля 2026 г.");
    expect(formatDate(AT, "Europe/Moscow")).toBe("31 марта 2026 г.");
  });

  it("shows a minute deadline with its time and a day's deadline as the whole day (S1 p.22, issue 12)", async () => {
    const { formatDueBy } = await load();
    // 27 November 2026, 15:15 at UTC+5: registration of an in-person application within 15 minutes.
    expect(formatDueBy(new Date("2026-11-27T10:15:00Z"), TZ)).toBe("15:15 27 ноября 2026 г.");
    expect(formatDueBy(new Date("2026-11-27T18:59:59.999Z"), TZ)).toBe("27 ноября 2026 г. включительно");
  });

  it("a due instant (the end of the due day locally) stays on its day, the next instant is the next day", async () => {
    const { formatDate, formatDateTime } = await load();
    expect(formatDate(new Date("2026-03-30T18:59:59.999Z"), TZ)).toBe("30 марта 2026 г.");
    expect(formatDate(new Date("2026-03-30T19:00:00Z"), TZ)).toBe("31 марта 2026 г.");
    expect(formatDateTime(new Date("2026-03-30T18:59:00Z"), TZ)).toBe("30 марта 2026 г. в 23:59");
    expect(formatDateTime(new Date("2026-03-30T19:00:00Z"), TZ)).toBe("31 марта 2026 г. в 00:00");
  });

  it("prints ordinary spaces whatever the ICU build puts in", async () => {
    const { formatDate, formatDateTime } = await load();
    expect(formatDate(AT, TZ)).not.toMatch(/[\u00a0\u202f]/);
    expect(formatDateTime(AT, TZ)).not.toMatch(/[\u00a0\u202f]/);
  });

  it("creates one formatter per shape and zone", async () => {
    const { zonedFormat } = await load();
    expect(zonedFormat({ day: "numeric" }, TZ)).toBe(zonedFormat({ day: "numeric" }, TZ));
    expect(zonedFormat({ day: "numeric" }, TZ)).not.toBe(zonedFormat({ day: "numeric" }, "Europe/Moscow"));
  });
});

describe("formatIsoDate", () => {
  it("prints a civil date as ДД.ММ.ГГГГ with no zone shift, and leaves anything else alone", async () => {
    const { formatIsoDate } = await load();
    expect(formatIsoDate("2026-03-05")).toBe("05.03.2026");
    expect(formatIsoDate("1990-01-01")).toBe("01.01.1990");
    expect(formatIsoDate("5 марта")).toBe("5 марта");
  });
});
