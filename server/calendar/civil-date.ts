/**
 * Civil-date helpers on "day numbers" (days since 1970-01-01). Calendar arithmetic on integers
 * avoids every time-zone pitfall of `Date`: a civil date is never an instant.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/** Years the calendar accepts. Before 1900 `Date.UTC` quirks and pre-1992 holiday law apply. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year out of supported range ${MIN_YEAR}-${MAX_YEAR}: ${year}`);
  }
}

export function dayNumberOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Parses a strict YYYY-MM-DD string; rejects impossible dates such as 2025-02-30. */
export function parseDate(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  assertYear(year);
  const n = dayNumberOf(year, month, day);
  if (isoDateOf(n) !== date) throw new RangeError(`Not a calendar date: "${date}"`);
  return n;
}

/** The civil date of a day number as YYYY-MM-DD: storage and keys, not display (server/format/dates.ts). */
export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday ... 6 = Saturday, as `Date#getUTCDay`. */
export function weekdayOf(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCDay();
}

export function isWeekend(dayNumber: number): boolean {
  const w = weekdayOf(dayNumber);
  return w === 0 || w === 6;
}

export function daysInYear(year: number): number {
  return dayNumberOf(year + 1, 1, 1) - dayNumberOf(year, 1, 1);
}

export function assertInstant(instant: Date, name: string): number {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new RangeError(`${name} is an invalid Date`);
  return t;
}

export function assertCount(n: number, name: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
  }
}
