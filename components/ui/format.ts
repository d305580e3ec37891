// Dates as the municipality reads them: in its time zone (REGLAMENT_TIMEZONE, server/env.ts),
// whichever side renders them and whatever zone the official's computer is set to.
//
// Where the zone comes from: on the server, the runtime configuration itself; in the browser, the
// `data-time-zone` attribute the root layout (app/layout.tsx) writes on <html> from that same
// configuration. So server-rendered pages and client components agree (no hydration mismatch), a
// changed REGLAMENT_TIMEZONE takes effect on restart without a rebuild, and these stay plain
// functions that server components, client components and event handlers all call alike. (A React
// context would reach client components only and make every call site pass the zone along, and a
// build-time NEXT_PUBLIC_ variable would freeze the zone into the build.)
//
// This module is in client bundles, so it does not import the server's configuration module (which
// must stay out of them): on the server it takes the zone that server/env.ts leaves in a global
// registry symbol when it parses the environment, which every server instance does at start
// (instrumentation.ts). Where nothing parsed it (a unit test of other code), the default zone applies.
import { formatDuration, type Duration } from "@/server/regulation/document";
export { formatDuration };
export type { Duration };

/** The attribute on <html> that carries the zone to the browser (written by app/layout.tsx). */
const TIME_ZONE_ATTRIBUTE = "data-time-zone";
const FALLBACK_TIME_ZONE = "Asia/Yekaterinburg";
/** server/env.ts: DISPLAY_ZONE_KEY. */
const SERVER_ZONE = Symbol.for("reglament.displayTimeZone");

/** The municipality's IANA time zone, on the server and in the browser alike. */
export function displayTimeZone(): string {
  if (typeof window === "undefined") return ((globalThis as Record<symbol, unknown>)[SERVER_ZONE] as string | undefined) ?? FALLBACK_TIME_ZONE;
  return document.documentElement.getAttribute(TIME_ZONE_ATTRIBUTE) || FALLBACK_TIME_ZONE;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A Russian date format in the municipality's zone (or the one given); created once per shape and zone. */
export function zonedFormat(options: Omit<Intl.DateTimeFormatOptions, "timeZone">, timeZone: string = displayTimeZone()): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("ru-RU", { ...options, timeZone });
    formats.set(key, format);
  }
  return format;
}

const toDate = (d: Date | string) => (typeof d === "string" ? new Date(d) : d);

/** «1 апреля 2026 г.» */
export const formatDate = (d: Date | string, timeZone?: string) => zonedFormat({ day: "numeric", month: "long", year: "numeric" }, timeZone).format(toDate(d));

/** «1 апреля 2026 г. в 09:30» */
export const formatDateTime = (d: Date | string, timeZone?: string) =>
  zonedFormat({ day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" }, timeZone).format(toDate(d));
