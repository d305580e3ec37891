// The working-day calendar in the database (R7): loading decree years, reading them back into a
// WorkingCalendar. Years stored here win over the built-in data, so administrators can replace a
// provisional year once its decree is published.
import "server-only";
import type { Db } from "../db/client";
import type { DayKind as DbDayKind } from "../generated/prisma/client";
import { config } from "../config";
import { calendarYear } from "./russia";
import type { CalendarYear, DayKind } from "./types";
import { WorkingCalendar } from "./working-calendar";
import type { DeadlineContext } from "./deadline-status";

export const TO_DB: Record<DayKind, DbDayKind> = {
  working: "WORKING",
  shortened: "SHORTENED",
  weekend: "WEEKEND",
  holiday: "HOLIDAY",
  transferred_off: "TRANSFERRED_OFF",
  transferred_working: "TRANSFERRED_WORKING",
};
const FROM_DB = Object.fromEntries(Object.entries(TO_DB).map(([k, v]) => [v, k])) as Record<DbDayKind, DayKind>;

/** Stores a whole year in one transaction, replacing what was there. */
export async function saveCalendarYear(db: Db, year: CalendarYear): Promise<void> {
  const from = new Date(Date.UTC(year.year, 0, 1));
  const to = new Date(Date.UTC(year.year + 1, 0, 1));
  await db.$transaction([
    db.calendarDay.deleteMany({ where: { date: { gte: from, lt: to } } }),
    db.calendarDay.createMany({
      data: year.days.map((d) => ({
        date: new Date(`${d.date}T00:00:00Z`),
        kind: TO_DB[d.kind],
        working: d.working,
        workMinutes: d.workMinutes,
        note: d.note ?? null,
      })),
    }),
    db.calendarYear.upsert({
      where: { year: year.year },
      create: { year: year.year, provisional: year.provisional, source: year.source },
      update: { provisional: year.provisional, source: year.source, loadedAt: new Date() },
    }),
  ]);
}

/**
 * Loads the years that are missing (decree data where known, else the Labour Code), and replaces a
 * stored provisional year once this build knows its decree: a year stored as derived from the Labour
 * Code alone must not shadow the official calendar later. Returns how many years were written.
 */
export async function loadCalendarYears(db: Db, years: number[]): Promise<number> {
  const stored = new Map(
    (await db.calendarYear.findMany({ select: { year: true, provisional: true } })).map((y) => [y.year, y.provisional]),
  );
  let loaded = 0;
  for (const y of years) {
    const known = calendarYear(y);
    const provisional = stored.get(y);
    if (provisional === false || (provisional === true && known.provisional)) continue;
    await saveCalendarYear(db, known);
    loaded += 1;
  }
  return loaded;
}

export async function readCalendarYears(db: Pick<Db, "calendarYear" | "calendarDay">): Promise<CalendarYear[]> {
  const [years, days] = await Promise.all([
    db.calendarYear.findMany({ orderBy: { year: "asc" } }),
    db.calendarDay.findMany({ orderBy: { date: "asc" } }),
  ]);
  const byYear = new Map<number, CalendarYear>(
    years.map((y) => [y.year, { year: y.year, provisional: y.provisional, source: y.source, days: [] }]),
  );
  for (const d of days) {
    const iso = d.date.toISOString().slice(0, 10);
    byYear.get(d.date.getUTCFullYear())?.days.push({
      date: iso,
      kind: FROM_DB[d.kind],
      working: d.working,
      workMinutes: d.workMinutes,
      note: d.note ?? undefined,
    });
  }
  return [...byYear.values()].filter((y) => y.days.length > 0);
}

/**
 * The calendar of the municipality. Years missing from the database fall back to the built-in
 * decree data, then to the Labour Code, so deadlines are always computable.
 */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  return new WorkingCalendar(await readCalendarYears(db), {
    utcOffsetMinutes: config().utcOffsetMinutes,
    deriveYear: calendarYear,
  });
}

/**
 * What every deadline check at this moment is given (the board, the card, the deadlines page and
 * the monitoring job): the loaded calendar and the configured due-soon threshold, read in one place.
 */
export async function deadlineContext(db: Db, now: Date = new Date()): Promise<DeadlineContext> {
  return { now, calendar: await loadWorkingCalendar(db), dueSoonWorkingDays: config().dueSoonWorkingDays };
}

// ---------------------------------------------------------------------------------------------
// The calendar administration (issue 11, /admin/calendar)

export type AdminYear = {
  year: number;
  /** False: not in the database, the deadlines use the Labour Code derivation (or the built-in decree). */
  stored: boolean;
  provisional: boolean;
  source: string;
  decreeNumber: string | null;
  decreeDate: string | null;
  loadedAt: Date | null;
};

const isoOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Stored years, and the current and next year even when nothing is stored for them. */
export async function calendarYearsForAdmin(db: Db, now: Date = new Date()): Promise<AdminYear[]> {
  const stored = await db.calendarYear.findMany({ orderBy: { year: "asc" } });
  const byYear = new Map(stored.map((y) => [y.year, y]));
  const current = now.getUTCFullYear();
  const years = [...new Set([...byYear.keys(), current, current + 1])].sort((a, b) => a - b);
  return years.map((year) => {
    const y = byYear.get(year);
    if (y)
      return {
        year,
        stored: true,
        provisional: y.provisional,
        source: y.source,
        decreeNumber: y.decreeNumber,
        decreeDate: isoOf(y.decreeDate),
        loadedAt: y.loadedAt,
      };
    const built = calendarYear(year);
    return {
      year,
      stored: false,
      provisional: built.provisional,
      source: built.source,
      decreeNumber: null,
      decreeDate: null,
      loadedAt: null,
    };
  });
}

/** One year with its days: stored, else what the deadlines use for it (built-in decree or the Labour Code). */
export async function calendarYearForAdmin(
  db: Pick<Db, "calendarYear" | "calendarDay">,
  year: number,
): Promise<{ meta: AdminYear; data: CalendarYear }> {
  const from = new Date(Date.UTC(year, 0, 1));
  const to = new Date(Date.UTC(year + 1, 0, 1));
  const [meta, days] = await Promise.all([
    db.calendarYear.findUnique({ where: { year } }),
    db.calendarDay.findMany({ where: { date: { gte: from, lt: to } }, orderBy: { date: "asc" } }),
  ]);
  if (!meta || days.length === 0) {
    const built = calendarYear(year);
    return {
      meta: {
        year,
        stored: false,
        provisional: built.provisional,
        source: built.source,
        decreeNumber: null,
        decreeDate: null,
        loadedAt: null,
      },
      data: built,
    };
  }
  return {
    meta: {
      year,
      stored: true,
      provisional: meta.provisional,
      source: meta.source,
      decreeNumber: meta.decreeNumber,
      decreeDate: isoOf(meta.decreeDate),
      loadedAt: meta.loadedAt,
    },
    data: {
      year,
      provisional: meta.provisional,
      source: meta.source,
      days: days.map((d) => ({
        date: d.date.toISOString().slice(0, 10),
        kind: FROM_DB[d.kind],
        working: d.working,
        workMinutes: d.workMinutes,
        note: d.note ?? undefined,
      })),
    },
  };
}
