// Every date the app prints, on every page, e-mail and PDF, in the municipality's zone
// (REGLAMENT_TIMEZONE, server/config.ts), whichever side renders it and whatever zone the reader's
// computer is set to. Client-safe: server code, server components and client components all call
// these same functions, so a date reads the same on the board, in the letter and on the receipt.
//
// Where the zone comes from: on the server, the runtime configuration itself; in the browser, the
// `data-time-zone` attribute the root layout (app/layout.tsx) writes on <html> from that same
// configuration. So server-rendered pages and client components agree (no hydration mismatch), a
// changed REGLAMENT_TIMEZONE takes effect on restart without a rebuild, and these stay plain
// functions. (A React context would reach client components only and make every call site pass the
// zone along, and a build-time NEXT_PUBLIC_ variable would freeze the zone into the build.)
//
// This module is in client bundles, so it does not import the server's configuration (server/env.ts
// must stay out of them): on the server it takes the zone env() leaves under a global registry
// symbol when it parses (and validates) the environment at start (instrumentation.ts, the scripts);
// before that has happened in a process, the same variable is read raw.

/** The attribute on <html> that carries the zone to the browser (written by app/layout.tsx). */
export const TIME_ZONE_ATTRIBUTE = "data-time-zone";
const FALLBACK_TIME_ZONE = "Asia/Yekaterinburg";
/** server/env.ts DISPLAY_ZONE_KEY. */
const SERVER_ZONE = Symbol.for("reglament.displayTimeZone");

/** The municipality's IANA time zone, on the server and in the browser alike. */
export function displayTimeZone(): string {
  if (typeof window === "undefined") {
    return (
      ((globalThis as Record<symbol, unknown>)[SERVER_ZONE] as string | undefined) ??
      (process.env.REGLAMENT_TIMEZONE || FALLBACK_TIME_ZONE)
    );
  }
  return document.documentElement.getAttribute(TIME_ZONE_ATTRIBUTE) || FALLBACK_TIME_ZONE;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A Russian date format in the municipality's zone (or the one given); created once per shape and zone. */
export function zonedFormat(
  options: Omit<Intl.DateTimeFormatOptions, "timeZone">,
  timeZone: string = displayTimeZone(),
): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("ru-RU", { ...options, timeZone });
    formats.set(key, format);
  }
  return format;
}

// Some ICU builds put no-break spaces into Russian dates ("2026 г."): plain-text mail, PDFs and
// tests want ordinary spaces, and the server's ICU and the browser's must print the same text or
// React reports a hydration mismatch.
const plainSpaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

const toDate = (d: Date | string) => (typeof d === "string" ? new Date(d) : d);

const DATE = { day: "numeric", month: "long", year: "numeric" } as const;
const TIME = { hour: "2-digit", minute: "2-digit" } as const;

/** «1 апреля 2026 г.» */
export const formatDate = (d: Date | string, timeZone?: string) =>
  plainSpaces(zonedFormat(DATE, timeZone).format(toDate(d)));

/** «09:30» */
export const formatTime = (d: Date | string, timeZone?: string) =>
  plainSpaces(zonedFormat(TIME, timeZone).format(toDate(d)));

/**
 * «1 апреля 2026 г. в 09:30». Joined here rather than by ICU, whose joiner differs between
 * versions («г., 09:30» in older ones).
 */
export const formatDateTime = (d: Date | string, timeZone?: string) =>
  `${formatDate(d, timeZone)} в ${formatTime(d, timeZone)}`;

/**
 * A deadline after «до»: a day's deadline (the last instant of its local day) is «27 ноября 2026 г.
 * включительно»; a minute deadline (S1 p.22: registration within 15 minutes) shows its time,
 * «15:15 27 ноября 2026 г.» (issue 12).
 */
export function formatDueBy(d: Date | string, timeZone?: string): string {
  const time = formatTime(d, timeZone);
  return time === "23:59" ? `${formatDate(d, timeZone)} включительно` : `${time} ${formatDate(d, timeZone)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * «05.03.2026» from the civil date "2026-03-05" (a form's date answer, a date bound). A civil date
 * is no instant, so no zone applies; anything that is not such a date is returned as it is.
 */
export function formatIsoDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}
