// Wall-clock time in the municipality's zone for <input type="datetime-local">. The input knows no
// zone and the browser would read it in its own; the registrar types the time written on the paper
// (or shown by the office clock), which is the municipality's time. Pure functions, client-safe.

export const DEFAULT_TIME_ZONE = "Asia/Yekaterinburg";

type WallTime = { year: number; month: number; day: number; hour: number; minute: number };

function wallTimeIn(at: Date, timeZone: string): WallTime {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  return { year: n("year"), month: n("month"), day: n("day"), hour: n("hour") % 24, minute: n("minute") };
}

/** Minutes the zone is ahead of UTC at an instant. */
function offsetMinutes(at: number, timeZone: string): number {
  const w = wallTimeIn(new Date(at), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(at / 60_000) * 60_000) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "2026-03-06T12:05": the value a datetime-local input shows for an instant, in the zone. */
export function toLocalInput(at: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const w = wallTimeIn(at, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/**
 * The instant of a datetime-local value read in the zone, or null when the text is not a real
 * date and time (the 31st of February, 25 o'clock).
 */
export function fromLocalInput(text: string, timeZone: string = DEFAULT_TIME_ZONE): Date | null {
  const m = LOCAL_INPUT.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute
  ) {
    return null;
  }
  // Two passes: the offset at the guessed instant may differ from the offset at the real one
  // around a clock change (none in Russia since 2014, but the zone is configurable).
  let instant = asUtc - offsetMinutes(asUtc, timeZone) * 60_000;
  instant = asUtc - offsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant);
}

/** "UTC+5", "UTC+3", "UTC+5:30": the zone's offset now, for hints beside time inputs. */
export function utcOffsetLabel(timeZone: string = DEFAULT_TIME_ZONE, at: Date = new Date()): string {
  const minutes = offsetMinutes(at.getTime(), timeZone);
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ""}`;
}
