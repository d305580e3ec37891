// Municipality-level configuration: the time zone and the "due soon" threshold, from the
// environment as server/env.ts parsed and validated it.
import { env } from "./env";

/** Offset of an IANA zone at an instant, in minutes east of UTC (Russia has had no DST since 2014). */
export function utcOffsetMinutes(timeZone: string, at = new Date()): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at);
  const name = parts.find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

export type Config = { timeZone: string; dueSoonWorkingDays: number; utcOffsetMinutes: number };

let cached: Config | undefined;
export function config(): Config {
  if (!cached) {
    const { timeZone, dueSoonWorkingDays } = env();
    cached = { timeZone, dueSoonWorkingDays, utcOffsetMinutes: utcOffsetMinutes(timeZone) };
  }
  return cached;
}
