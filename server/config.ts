// Municipality-level configuration, read once from the environment and validated.
import { z } from "zod";

/** Offset of an IANA zone at an instant, in minutes east of UTC (Russia has had no DST since 2014). */
export function utcOffsetMinutes(timeZone: string, at = new Date()): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at);
  const name = parts.find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

const zConfig = z.object({
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat("ru-RU", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "REGLAMENT_TIMEZONE must be an IANA time zone such as Asia/Yekaterinburg"),
  dueSoonWorkingDays: z.coerce.number().int().min(0).max(30),
});

export type Config = z.infer<typeof zConfig> & { utcOffsetMinutes: number };

let cached: Config | undefined;
export function config(): Config {
  if (!cached) {
    // The seeds' municipalities (Половинка, ХМАО – Югра) are on UTC+5.
    const parsed = zConfig.parse({
      timeZone: process.env.REGLAMENT_TIMEZONE ?? "Asia/Yekaterinburg",
      dueSoonWorkingDays: process.env.REGLAMENT_DUE_SOON_DAYS ?? 2,
    });
    cached = { ...parsed, utcOffsetMinutes: utcOffsetMinutes(parsed.timeZone) };
  }
  return cached;
}
