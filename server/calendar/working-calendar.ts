/**
 * Deadline arithmetic over the production calendar (R4: every stage has a deadline the system
 * monitors; R7: deadlines in working days, calendar days or minutes).
 *
 * Time model. Instants are `Date` (UTC). A municipality works in one fixed UTC offset: Russia has
 * had no daylight saving time since 2014, so a constant offset is exact. A "local date" is the civil
 * date at that offset, written YYYY-MM-DD.
 *
 * Performance. The loaded years form one contiguous range of days with prefix sums of working days
 * and of work minutes. Every query is O(1) or a binary search over them: a board that recomputes
 * the status of thousands of applications never walks day by day.
 */
import type { CalendarDay, CalendarYear } from "./types";
import {
  MAX_YEAR,
  MIN_YEAR,
  MS_PER_DAY,
  MS_PER_MINUTE,
  assertCount,
  assertInstant,
  assertYear,
  dayNumberOf,
  daysInYear,
  isoDateOf,
  parseDate,
  yearOf,
} from "./civil-date";
import { calendarYear, calendarYears, deriveYearFromLabourCode, TRANSFER_DECREES } from "./russia";

export type WorkingCalendarOptions = {
  /** Offset of the municipality from UTC, e.g. 300 for UTC+5 (Kurgan oblast, the seeds). */
  utcOffsetMinutes: number;
  /** Start of working hours in minutes after local midnight; default 9:00. */
  workdayStartMinutes?: number;
  /**
   * Source of years that were not loaded. Default: the Labour Code derivation (provisional), so
   * computing never stops at the end of the known data.
   */
  deriveYear?: (year: number) => CalendarYear;
};

type Range = {
  firstYear: number;
  lastYear: number;
  /** Day number of Jan 1 of `firstYear`. */
  firstDay: number;
  days: CalendarDay[];
  /** cumDays[i] = working days among days[0..i-1]; length days.length + 1. */
  cumDays: Int32Array;
  /** cumMinutes[i] = work minutes of days[0..i-1]; Float64 keeps millennia of minutes exact. */
  cumMinutes: Float64Array;
};

/** Smallest m in [0, arr.length) with arr[m] >= value (or > value when strict); arr.length if none. */
function lowerBound(arr: ArrayLike<number>, value: number, strict: boolean): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = arr[mid] as number;
    if (strict ? v > value : v >= value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Rough working days per year, only used to size an extension of the range. */
const MIN_WORKING_DAYS_PER_YEAR = 200;

export class WorkingCalendar {
  readonly utcOffsetMinutes: number;
  readonly workdayStartMinutes: number;
  private readonly offsetMs: number;
  private readonly startMs: number;
  private readonly deriveYear: (year: number) => CalendarYear;
  /** Loaded years and years derived so far; a derived year is derived once and then stable. */
  private readonly years = new Map<number, CalendarYear>();
  private range: Range | null = null;

  constructor(years: readonly CalendarYear[], options: WorkingCalendarOptions) {
    const { utcOffsetMinutes, workdayStartMinutes = 9 * 60 } = options;
    if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 14 * 60) {
      throw new RangeError(`utcOffsetMinutes must be an integer within ±14 h, got ${utcOffsetMinutes}`);
    }
    if (!Number.isInteger(workdayStartMinutes) || workdayStartMinutes < 0 || workdayStartMinutes >= 24 * 60) {
      throw new RangeError(`workdayStartMinutes must be an integer minute of the day, got ${workdayStartMinutes}`);
    }
    this.utcOffsetMinutes = utcOffsetMinutes;
    this.workdayStartMinutes = workdayStartMinutes;
    this.offsetMs = utcOffsetMinutes * MS_PER_MINUTE;
    this.startMs = workdayStartMinutes * MS_PER_MINUTE;
    this.deriveYear = options.deriveYear ?? deriveYearFromLabourCode;
    for (const y of years) {
      if (this.years.has(y.year)) throw new RangeError(`Year ${y.year} is loaded twice`);
      this.years.set(y.year, this.validated(y));
    }
    if (years.length > 0) {
      const ys = years.map((y) => y.year);
      this.rebuild(Math.min(...ys), Math.max(...ys));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Dates

  /** The civil date of an instant at the municipality's offset. */
  localDate(instant: Date): string {
    return isoDateOf(this.localDay(assertInstant(instant, "instant")));
  }

  /** The first instant of a local date. */
  startOfLocalDay(date: string): Date {
    return new Date(this.startMsOf(parseDate(date)));
  }

  /**
   * The last millisecond of a local date (start of the next local day minus 1 ms). Deadlines
   * expire at the end of their last day: ГК РФ ст. 194 p. 1, an act may be done until 24:00 of the
   * last day of the period.
   */
  endOfLocalDay(date: string): Date {
    return new Date(this.endMsOf(parseDate(date)));
  }

  /** The calendar entry of a date (a copy: the calendar's own data stays immutable). */
  day(date: string): CalendarDay {
    const n = parseDate(date);
    return { ...this.dayAt(n) };
  }

  isWorkingDay(date: string): boolean {
    return this.dayAt(parseDate(date)).working;
  }

  /** The first working day on or after `date`. */
  nextWorkingDay(date: string): string {
    return isoDateOf(this.workingDayAtOrAfter(parseDate(date)));
  }

  /**
   * The date an application is taken in: the local date of its arrival, or, when it arrives on a
   * non-working day, the next working day (S2 p.66, R7). Deadlines are counted from it.
   */
  takeInDate(from: Date): string {
    return isoDateOf(this.takeInDay(from));
  }

  // ---------------------------------------------------------------------------------------------
  // Deadlines

  /**
   * Deadline of `n` working days from the event at `from`, as the last instant of its last day.
   *
   * Counting follows ГК РФ ст. 191: a period starts on the day after the event. The event day d0
   * is the take-in date (see `takeInDate`): an arrival on a Saturday is taken on Monday and
   * "1 working day" then ends on Tuesday. The due date is the n-th working day strictly after d0;
   * n = 0 means "the same day" (e.g. registration of a portal application on the day it arrives,
   * S1 p.22). Working days are those of the production calendar (art. 112 ТК РФ and the decree).
   */
  addWorkingDays(from: Date, n: number): Date {
    return new Date(this.endMsOf(this.dueDayAfterWorkingDays(from, n)));
  }

  /**
   * Deadline of a registration term of `n` working days counted from receipt (S2 p.66, S1 p.22):
   * "не позднее 1 рабочего дня с момента подачи заявления …, а в случае его поступления в нерабочий
   * или праздничный день, - в следующий за ним первый рабочий день". An arrival on a working day is
   * counted as in `addWorkingDays`; an arrival on a non-working day is taken on the first working day
   * after it, and that day is the first day of the term: 1 working day ends on it (08.03.2025 → 10.03,
   * 31.12.2025 → 12.01.2026), n working days on the (n-1)-th working day after it; n = 0 ends on it too.
   */
  addRegistrationWorkingDays(from: Date, n: number): Date {
    return new Date(this.endMsOf(this.registrationDueDay(from, n)));
  }

  /** The due date (YYYY-MM-DD) of `addRegistrationWorkingDays`. */
  registrationDueDate(from: Date, n: number): string {
    return isoDateOf(this.registrationDueDay(from, n));
  }

  /**
   * The last instant at most `n` working days from `from` by `countWorkingDays`: the end of the day
   * before the (n+1)-th working day, so the days off after the n-th working day are included (a
   * deadline on a Saturday has no working day left before it, like one on the Friday).
   */
  lastInstantWithinWorkingDays(from: Date, n: number): Date {
    return new Date(this.startMsOf(this.dueDayAfterWorkingDays(from, n + 1)) - 1);
  }

  /** The due date (YYYY-MM-DD) of `addWorkingDays`. */
  dueDateAfterWorkingDays(from: Date, n: number): string {
    return isoDateOf(this.dueDayAfterWorkingDays(from, n));
  }

  /**
   * Deadline of `n` calendar days (e.g. "decision within 30 days", S2 p.58): d0 + n, where d0 is the
   * take-in date as in `addWorkingDays` (ГК РФ ст. 191). When that day is a non-working day the
   * period ends on the next working day (ГК РФ ст. 193). Returns the last instant of that day.
   */
  addCalendarDays(from: Date, n: number): Date {
    return new Date(this.endMsOf(this.dueDayAfterCalendarDays(from, n)));
  }

  /** The due date (YYYY-MM-DD) of `addCalendarDays`. */
  dueDateAfterCalendarDays(from: Date, n: number): string {
    return isoDateOf(this.dueDayAfterCalendarDays(from, n));
  }

  /**
   * The instant `n` working minutes after `from` (e.g. registration of an in-person application
   * within 15 minutes, S1 p.22 / R7).
   *
   * Working hours of a working day run from `workdayStartMinutes` for that day's `workMinutes`
   * (8 h, or 7 h on a shortened day, art. 95 ТК РФ) without a break, i.e. 9:00-17:00 and
   * 9:00-16:00 by default. The lunch break is not modelled: it differs per office and is not
   * working time, so an office open 9:00-18:00 with an hour's lunch still counts 8 working hours;
   * only the clock time at which a multi-hour period ends can differ from such an office's clock. Before the day's hours counting starts at their start; after them, or on a non-working
   * day, at the start of the next working day. A period ending exactly at the close of a day ends
   * then (not at the next morning); n = 0 returns the moment counting would start.
   */
  addWorkingMinutes(from: Date, n: number): Date {
    assertCount(n, "n");
    const t = assertInstant(from, "from");
    const day = this.localDay(t);
    const entry = this.dayAt(day); // ensures the year is loaded
    const range = this.requireRange();
    const i = day - range.firstDay;
    const intoHours = Math.min(
      Math.max(t + this.offsetMs - day * MS_PER_DAY - this.startMs, 0),
      entry.workMinutes * MS_PER_MINUTE,
    );
    // Position on the "work-time axis" (ms of work since the start of the range), then the target.
    const target = (range.cumMinutes[i] as number) * MS_PER_MINUTE + intoHours + n * MS_PER_MINUTE;
    const targetMinutes = target / MS_PER_MINUTE;
    // n = 0: the day whose hours contain the position [start, end); n > 0: the day whose hours
    // contain the end (start, end], so that a period may end exactly at closing time.
    const strict = n === 0;
    for (;;) {
      const r = this.requireRange();
      const m = lowerBound(r.cumMinutes, targetMinutes, strict);
      if (m < r.cumMinutes.length) {
        const j = m - 1;
        const dayStart = this.startMsOf(r.firstDay + j) + this.startMs;
        return new Date(dayStart + (target - (r.cumMinutes[j] as number) * MS_PER_MINUTE));
      }
      // About 2000 work hours a year; extending by the deficit (plus one) always makes progress.
      const deficit = targetMinutes - (r.cumMinutes[r.cumMinutes.length - 1] as number);
      this.extendHigh(Math.ceil(deficit / (MIN_WORKING_DAYS_PER_YEAR * 420)) + 1);
    }
  }

  /**
   * Working days in (d0, localDate(to)], d0 being the take-in date of `from`: how many working days
   * of a period started at `from` have run by `to`, or, read the other way, how many remain from
   * `from` until a deadline `to`. 0 when `to` is not after d0. Inverse of `addWorkingDays`:
   * countWorkingDays(t, addWorkingDays(t, n)) === n.
   */
  countWorkingDays(from: Date, to: Date): number {
    const d0 = this.takeInDay(from);
    const dt = this.localDay(assertInstant(to, "to"));
    if (dt <= d0) return 0;
    this.dayAt(dt); // ensure loaded before reading indexes
    const r = this.requireRange();
    return (r.cumDays[dt - r.firstDay + 1] as number) - (r.cumDays[d0 - r.firstDay + 1] as number);
  }

  // ---------------------------------------------------------------------------------------------
  // Years

  workingDaysInYear(year: number): number {
    const [a, b] = this.yearBounds(year);
    const r = this.requireRange();
    return (r.cumDays[b] as number) - (r.cumDays[a] as number);
  }

  /** Norm of working time of the year in minutes (40-hour week), e.g. 1972 h in 2025. */
  workMinutesInYear(year: number): number {
    const [a, b] = this.yearBounds(year);
    const r = this.requireRange();
    return (r.cumMinutes[b] as number) - (r.cumMinutes[a] as number);
  }

  /** True when the year's data does not come from the transfer decree (Labour Code only). */
  isProvisional(year: number): boolean {
    return this.yearData(year).provisional;
  }

  /**
   * Whether any year between two instants (inclusive, local dates) is provisional: a deadline
   * computed across such a year should be shown as preliminary ("предварительно").
   */
  isProvisionalBetween(from: Date, to: Date): boolean {
    const a = yearOf(this.localDay(assertInstant(from, "from")));
    const b = yearOf(this.localDay(assertInstant(to, "to")));
    for (let y = Math.min(a, b); y <= Math.max(a, b); y += 1) {
      if (this.isProvisional(y)) return true;
    }
    return false;
  }

  /** Source (legal basis) of a year's data, in Russian. */
  sourceOf(year: number): string {
    return this.yearData(year).source;
  }

  // ---------------------------------------------------------------------------------------------
  // Internals: everything below works on day numbers; indexes into the range are computed only
  // after the needed years are loaded, because loading a year before the range shifts them.

  private localDay(t: number): number {
    return Math.floor((t + this.offsetMs) / MS_PER_DAY);
  }

  private startMsOf(dayNumber: number): number {
    return dayNumber * MS_PER_DAY - this.offsetMs;
  }

  private endMsOf(dayNumber: number): number {
    return this.startMsOf(dayNumber + 1) - 1;
  }

  private takeInDay(from: Date): number {
    return this.workingDayAtOrAfter(this.localDay(assertInstant(from, "from")));
  }

  private dueDayAfterWorkingDays(from: Date, n: number): number {
    assertCount(n, "n");
    const d0 = this.takeInDay(from);
    return n === 0 ? d0 : this.nthWorkingDayAfter(d0, n);
  }

  private registrationDueDay(from: Date, n: number): number {
    assertCount(n, "n");
    const arrival = this.localDay(assertInstant(from, "from"));
    if (this.dayAt(arrival).working) return this.dueDayAfterWorkingDays(from, n);
    const d0 = this.workingDayAtOrAfter(arrival);
    return n <= 1 ? d0 : this.nthWorkingDayAfter(d0, n - 1);
  }

  private dueDayAfterCalendarDays(from: Date, n: number): number {
    assertCount(n, "n");
    return this.workingDayAtOrAfter(this.takeInDay(from) + n);
  }

  private workingDayAtOrAfter(dayNumber: number): number {
    return this.dayAt(dayNumber).working ? dayNumber : this.nthWorkingDayAfter(dayNumber, 1);
  }

  /** The n-th (n >= 1) working day strictly after `dayNumber`. */
  private nthWorkingDayAfter(dayNumber: number, n: number): number {
    this.dayAt(dayNumber);
    const first = this.requireRange();
    // The k-th working day of the range (1-based); the range only grows upwards from here on,
    // so k keeps its meaning across extensions.
    const k = (first.cumDays[dayNumber - first.firstDay + 1] as number) + n;
    for (;;) {
      const r = this.requireRange();
      const m = lowerBound(r.cumDays, k, false);
      if (m < r.cumDays.length) return r.firstDay + m - 1;
      const deficit = k - (r.cumDays[r.cumDays.length - 1] as number);
      this.extendHigh(Math.ceil(deficit / MIN_WORKING_DAYS_PER_YEAR) + 1);
    }
  }

  private dayAt(dayNumber: number): CalendarDay {
    const year = yearOf(dayNumber);
    this.ensureYears(year, year);
    const r = this.requireRange();
    const d = r.days[dayNumber - r.firstDay];
    if (!d) throw new Error(`Calendar range does not cover ${isoDateOf(dayNumber)}`);
    return d;
  }

  /** Indexes [start of year, start of next year) into the prefix arrays. */
  private yearBounds(year: number): [number, number] {
    assertYear(year);
    this.ensureYears(year, year);
    const r = this.requireRange();
    const a = dayNumberOf(year, 1, 1) - r.firstDay;
    return [a, a + daysInYear(year)];
  }

  private requireRange(): Range {
    if (!this.range) throw new Error("Calendar range is not initialised");
    return this.range;
  }

  private extendHigh(years: number): void {
    const r = this.requireRange();
    if (r.lastYear >= MAX_YEAR) throw new RangeError(`Deadline falls after ${MAX_YEAR}`);
    this.ensureYears(r.firstYear, Math.min(MAX_YEAR, r.lastYear + years));
  }

  private ensureYears(lo: number, hi: number): void {
    assertYear(lo);
    assertYear(hi);
    const r = this.range;
    if (r && lo >= r.firstYear && hi <= r.lastYear) return;
    // One spare year on the side that grows: a deadline near a year's end usually crosses into it.
    const first = r ? Math.min(r.firstYear, lo < r.firstYear ? Math.max(MIN_YEAR, lo - 1) : lo) : lo;
    const last = r ? Math.max(r.lastYear, hi > r.lastYear ? Math.min(MAX_YEAR, hi + 1) : hi) : hi;
    this.rebuild(first, last);
  }

  private yearData(year: number): CalendarYear {
    assertYear(year);
    let y = this.years.get(year);
    if (!y) {
      y = this.validated(this.deriveYear(year));
      if (y.year !== year) throw new Error(`deriveYear(${year}) returned year ${y.year}`);
      this.years.set(year, y);
    }
    return y;
  }

  /** Rebuilds the contiguous range and its prefix sums: O(days), done rarely (range growth). */
  private rebuild(firstYear: number, lastYear: number): void {
    const days: CalendarDay[] = [];
    for (let y = firstYear; y <= lastYear; y += 1) days.push(...this.yearData(y).days);
    const cumDays = new Int32Array(days.length + 1);
    const cumMinutes = new Float64Array(days.length + 1);
    days.forEach((d, i) => {
      cumDays[i + 1] = (cumDays[i] as number) + (d.working ? 1 : 0);
      cumMinutes[i + 1] = (cumMinutes[i] as number) + d.workMinutes;
    });
    this.range = { firstYear, lastYear, firstDay: dayNumberOf(firstYear, 1, 1), days, cumDays, cumMinutes };
  }

  /**
   * Rejects data the arithmetic would silently misread: a missing or misplaced day, or a day whose
   * `working` flag disagrees with its minutes, or hours running past midnight.
   */
  private validated(y: CalendarYear): CalendarYear {
    assertYear(y.year);
    const first = dayNumberOf(y.year, 1, 1);
    if (y.days.length !== daysInYear(y.year)) {
      throw new RangeError(`Year ${y.year} has ${y.days.length} days`);
    }
    const maxMinutes = 24 * 60 - this.workdayStartMinutes;
    y.days.forEach((d, i) => {
      if (d.date !== isoDateOf(first + i)) throw new RangeError(`Year ${y.year}: day ${i} is ${d.date}`);
      const ok = d.working
        ? Number.isInteger(d.workMinutes) && d.workMinutes > 0 && d.workMinutes <= maxMinutes
        : d.workMinutes === 0;
      if (!ok) throw new RangeError(`Day ${d.date}: working=${d.working} with ${d.workMinutes} minutes`);
    });
    // Frozen copies: the prefix sums must never drift from the days they were built from.
    return Object.freeze({ ...y, days: y.days.map((d) => Object.freeze({ ...d })) });
  }
}

/**
 * The Russian calendar with every decree known to this build, and provisional Labour Code years
 * beyond them. Prefer this over `new WorkingCalendar` with a hand-picked list of years: a year
 * with a decree can then never be silently replaced by its provisional derivation.
 */
export function russianWorkingCalendar(options: Omit<WorkingCalendarOptions, "deriveYear">): WorkingCalendar {
  return new WorkingCalendar(calendarYears([...TRANSFER_DECREES.keys()]), { ...options, deriveYear: calendarYear });
}
