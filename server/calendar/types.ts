/**
 * Shapes of the production calendar ("производственный календарь").
 *
 * A day carries both `kind` (why it is or is not a working day) and `working`/`workMinutes`
 * (what the arithmetic uses), so callers never have to re-derive the legal reasoning.
 */

/**
 * - `working`: an ordinary Monday-Friday working day.
 * - `shortened`: a pre-holiday working day, one hour shorter (art. 95 ТК РФ).
 * - `weekend`: an ordinary Saturday or Sunday.
 * - `holiday`: a non-working public holiday of art. 112 ТК РФ (even when it falls on a weekend).
 * - `transferred_off`: a weekday made a day off, either by art. 112 part 2 ТК РФ (a holiday
 *   falling on a weekend) or by a Government decree moving a day off.
 * - `transferred_working`: a Saturday/Sunday made a working day by decree. Such a day may also be
 *   pre-holiday: it keeps this kind and has `workMinutes` 420 (the shortening is read from the
 *   minutes, the kind records that it is a weekend day worked by decree).
 */
export type DayKind = "working" | "shortened" | "weekend" | "holiday" | "transferred_off" | "transferred_working";

export type CalendarDay = {
  /** Local civil date, YYYY-MM-DD. */
  date: string;
  kind: DayKind;
  working: boolean;
  /** 480 for a normal day, 420 for a shortened one, 0 for a day off (40-hour week, 5 days). */
  workMinutes: number;
  /** Russian explanation with the legal basis, shown to staff next to a deadline. */
  note?: string;
};

export type CalendarYear = {
  year: number;
  /** True when the year is derived from the Labour Code alone, without the transfer decree. */
  provisional: boolean;
  /** Legal basis of the data, in Russian. */
  source: string;
  /** Every day of the year, in order, January 1 first. */
  days: CalendarDay[];
};
