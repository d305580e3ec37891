/**
 * The Russian production calendar: the Labour Code rules (art. 112, 95 ТК РФ) plus the yearly
 * Government decrees that move days off. Deadlines of municipal services are counted in working
 * days (R4, R7), so a wrong day here silently shifts every deadline of every application.
 *
 * A decree year is built as "Labour Code derivation + the decree's transfers as data", never as a
 * hand-typed list of 365 days: each deviation from the code is a visible record quoting the decree,
 * and the tests check the totals the Ministry of Labour publishes (247 days in 2025 and 2026).
 */
import type { CalendarDay, CalendarYear, DayKind } from "./types";
import { assertYear, dayNumberOf, daysInYear, isoDateOf, isWeekend, parseDate, yearOf } from "./civil-date";

export const NORMAL_WORK_MINUTES = 480;
/** Art. 95 ТК РФ: the working day right before a non-working holiday is one hour shorter. */
export const SHORTENED_WORK_MINUTES = 420;

export type LabourCodeHoliday = {
  month: number;
  day: number;
  name: string;
  /**
   * Art. 112 part 2 ТК РФ does not move a weekend that coincides with the New Year holidays
   * (Jan 1-8) to the next working day: the Government moves those by decree to other dates.
   */
  newYearBreak: boolean;
};

/** Non-working public holidays, art. 112 part 1 ТК РФ (wording in force since 2013). */
export const LABOUR_CODE_HOLIDAYS: readonly LabourCodeHoliday[] = [
  ...[1, 2, 3, 4, 5, 6, 8].map((day) => ({ month: 1, day, name: "Новогодние каникулы", newYearBreak: true })),
  { month: 1, day: 7, name: "Рождество Христово", newYearBreak: true },
  { month: 2, day: 23, name: "День защитника Отечества", newYearBreak: false },
  { month: 3, day: 8, name: "Международный женский день", newYearBreak: false },
  { month: 5, day: 1, name: "Праздник Весны и Труда", newYearBreak: false },
  { month: 5, day: 9, name: "День Победы", newYearBreak: false },
  { month: 6, day: 12, name: "День России", newYearBreak: false },
  { month: 11, day: 4, name: "День народного единства", newYearBreak: false },
].sort((a, b) => a.month - b.month || a.day - b.day);

/** One "перенести выходной день с X на Y" item of a decree. */
export type DayOffTransfer = {
  /** The weekend day whose rest is moved (a Saturday/Sunday, possibly coinciding with a holiday). */
  from: string;
  /** The weekday that becomes a day off instead. */
  to: string;
  /** The decree's own wording of the item. */
  wording: string;
};

/**
 * A change of the length of a working day that the decree itself does not state but the official
 * production calendar applies (see the 2025 entry for the one case known).
 */
export type WorkMinutesAdjustment = {
  date: string;
  workMinutes: number;
  basis: string;
};

export type TransferDecree = {
  year: number;
  /** Full citation, in Russian. */
  title: string;
  /** Short form used in day notes. */
  shortTitle: string;
  transfers: readonly DayOffTransfer[];
  adjustments: readonly WorkMinutesAdjustment[];
};

export const DECREE_2025: TransferDecree = {
  year: 2025,
  title: "Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»",
  shortTitle: "постановление Правительства РФ от 04.10.2024 № 1335",
  transfers: [
    { from: "2025-01-04", to: "2025-05-02", wording: "с субботы 4 января на пятницу 2 мая" },
    { from: "2025-01-05", to: "2025-12-31", wording: "с воскресенья 5 января на среду 31 декабря" },
    // Feb 23 and Mar 8 fall on a weekend: without the decree art. 112 part 2 would give
    // Mon Feb 24 and Mon Mar 10 off; the decree places those days off in May and June instead.
    { from: "2025-02-23", to: "2025-05-08", wording: "с воскресенья 23 февраля на четверг 8 мая" },
    { from: "2025-03-08", to: "2025-06-13", wording: "с субботы 8 марта на пятницу 13 июня" },
    { from: "2025-11-01", to: "2025-11-03", wording: "с субботы 1 ноября на понедельник 3 ноября" },
  ],
  adjustments: [
    {
      // Art. 95 literally shortens the day "immediately preceding" a holiday; Sat Nov 1 is followed
      // by Sun Nov 2 and the transferred Mon Nov 3. The official calendar (1972 hours, 4 shortened
      // days) nevertheless treats this worked Saturday as the pre-holiday day, so we record it.
      date: "2025-11-01",
      workMinutes: SHORTENED_WORK_MINUTES,
      basis:
        "Рабочая суббота перед нерабочими днями 2–4 ноября сокращается на 1 час (ст. 95 ТК РФ; производственный календарь на 2025 год: 1972 часа при 40-часовой неделе)",
    },
  ],
};

export const DECREE_2026: TransferDecree = {
  year: 2026,
  title: "Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»",
  shortTitle: "постановление Правительства РФ от 24.09.2025 № 1466",
  transfers: [
    { from: "2026-01-03", to: "2026-01-09", wording: "с субботы 3 января на пятницу 9 января" },
    { from: "2026-01-04", to: "2026-12-31", wording: "с воскресенья 4 января на четверг 31 декабря" },
  ],
  adjustments: [],
};

/** Decrees known to this build. A year missing here is derived provisionally. */
export const TRANSFER_DECREES: ReadonlyMap<number, TransferDecree> = new Map([
  [DECREE_2025.year, DECREE_2025],
  [DECREE_2026.year, DECREE_2026],
]);

const LABOUR_CODE_SOURCE =
  "Расчёт по ст. 112 и 95 Трудового кодекса РФ; постановление Правительства РФ о переносе выходных дней на этот год не учтено (предварительные данные)";

const MONTHS_GENITIVE = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
];

/** "23 февраля" — the form used in Russian legal texts. */
function ruDate(dayNumber: number): string {
  const [, month, day] = isoDateOf(dayNumber).split("-").map(Number);
  return `${day} ${MONTHS_GENITIVE[(month ?? 1) - 1]}`;
}

type Draft = {
  kind: DayKind;
  workMinutes: number;
  notes: string[];
  /** Day number of the holiday whose weekend rest art. 112 part 2 moved onto this day. */
  autoTransferFrom?: number;
};

function isWorkingKind(kind: DayKind): boolean {
  return kind === "working" || kind === "shortened" || kind === "transferred_working";
}

function buildYear(year: number, decree: TransferDecree | undefined): CalendarYear {
  assertYear(year);
  const first = dayNumberOf(year, 1, 1);
  const length = daysInYear(year);
  const drafts: Draft[] = Array.from({ length }, (_, i) => ({
    kind: isWeekend(first + i) ? "weekend" : "working",
    workMinutes: 0,
    notes: [],
  }));
  const at = (dayNumber: number, what: string): Draft => {
    const d = drafts[dayNumber - first];
    if (!d) throw new RangeError(`${what}: ${isoDateOf(dayNumber)} is outside ${year}`);
    return d;
  };

  // 1. Holidays of art. 112 part 1.
  for (const h of LABOUR_CODE_HOLIDAYS) {
    const d = at(dayNumberOf(year, h.month, h.day), "holiday");
    d.kind = "holiday";
    d.notes.push(`${h.name} — нерабочий праздничный день (ст. 112 ТК РФ)`);
  }

  // 2. Art. 112 part 2: a weekend coinciding with a (non-January) holiday moves to the next
  //    working day after the holiday. Holidays are processed in date order, so a chain of
  //    collisions (never the case under the current list, but cheap to handle) still resolves.
  for (const h of LABOUR_CODE_HOLIDAYS) {
    const hn = dayNumberOf(year, h.month, h.day);
    if (h.newYearBreak || !isWeekend(hn)) continue;
    let target = hn + 1;
    while (at(target, "art. 112 transfer").kind !== "working") target += 1;
    const d = at(target, "art. 112 transfer");
    d.kind = "transferred_off";
    d.autoTransferFrom = hn;
    d.notes.push(`Выходной день, перенесённый с ${ruDate(hn)} (${h.name} в выходной день) — ч. 2 ст. 112 ТК РФ`);
  }

  // 3. The decree's transfers.
  for (const t of decree?.transfers ?? []) {
    const from = parseDate(t.from);
    const to = parseDate(t.to);
    if (yearOf(from) !== year || yearOf(to) !== year) {
      throw new RangeError(`Transfer ${t.from} → ${t.to} is not within ${year}`);
    }
    const toDay = at(to, "decree transfer");
    if (toDay.kind !== "working") {
      throw new RangeError(`Transfer target ${t.to} is not an ordinary working day (${toDay.kind})`);
    }
    toDay.kind = "transferred_off";
    toDay.notes.push(`Выходной день перенесён ${t.wording} (${decree?.shortTitle})`);

    const fromDay = at(from, "decree transfer");
    if (fromDay.kind === "weekend") {
      // An ordinary Saturday/Sunday becomes a working day.
      fromDay.kind = "transferred_working";
      fromDay.notes.push(`Рабочий день: выходной перенесён ${t.wording} (${decree?.shortTitle})`);
    } else if (fromDay.kind === "holiday" && isWeekend(from)) {
      // The weekend rest coinciding with a holiday is placed by the decree instead of by
      // art. 112 part 2, so the automatic transfer (if there was one) is withdrawn.
      const auto = drafts.find((d) => d.autoTransferFrom === from);
      if (auto) {
        auto.kind = "working";
        delete auto.autoTransferFrom;
        auto.notes = [
          `Рабочий день: выходной, совпавший с праздником ${ruDate(from)}, перенесён ${t.wording} (${decree?.shortTitle}), а не по ч. 2 ст. 112 ТК РФ`,
        ];
      }
      fromDay.notes.push(`Совпадающий выходной перенесён ${t.wording} (${decree?.shortTitle})`);
    } else {
      throw new RangeError(`Transfer source ${t.from} is not a weekend day (${fromDay.kind})`);
    }
  }

  // 4. Lengths, with art. 95 part 1: the working day "immediately preceding" a non-working holiday
  //    is one hour shorter. Literally the next calendar day, so a Friday before a Monday holiday
  //    is not shortened (the official calendars agree: Fri 20 Feb 2026 is a full day).
  //    Jan 1 is always a holiday, so a working Dec 31 is always shortened.
  drafts.forEach((d, i) => {
    if (!isWorkingKind(d.kind)) {
      d.workMinutes = 0;
      return;
    }
    const next = drafts[i + 1];
    const preHoliday = next ? next.kind === "holiday" : true;
    d.workMinutes = preHoliday ? SHORTENED_WORK_MINUTES : NORMAL_WORK_MINUTES;
    if (preHoliday) {
      if (d.kind === "working") d.kind = "shortened";
      d.notes.push("Предпраздничный день: продолжительность работы уменьшена на 1 час (ст. 95 ТК РФ)");
    }
  });

  // 5. Explicit length adjustments of the official calendar.
  for (const a of decree?.adjustments ?? []) {
    const d = at(parseDate(a.date), "adjustment");
    if (!isWorkingKind(d.kind) || a.workMinutes <= 0) {
      throw new RangeError(`Adjustment ${a.date} must concern a working day`);
    }
    d.workMinutes = a.workMinutes;
    if (d.kind === "working" && a.workMinutes < NORMAL_WORK_MINUTES) d.kind = "shortened";
    d.notes.push(a.basis);
  }

  const days: CalendarDay[] = drafts.map((d, i) => {
    const day: CalendarDay = {
      date: isoDateOf(first + i),
      kind: d.kind,
      working: isWorkingKind(d.kind),
      workMinutes: d.workMinutes,
    };
    if (d.notes.length > 0) day.note = d.notes.join("; ");
    return day;
  });

  return {
    year,
    provisional: decree === undefined,
    source: decree ? `${decree.title}; ст. 112, 95 Трудового кодекса РФ` : LABOUR_CODE_SOURCE,
    days,
  };
}

/**
 * The year as the Labour Code alone defines it (art. 112: holidays and the automatic transfer of
 * a weekend coinciding with a non-January holiday; art. 95: shortened pre-holiday days).
 * Provisional: the decree of that year usually also moves the two New Year weekend days, which
 * cannot be predicted, so a derived year typically has one or two working days too many.
 */
export function deriveYearFromLabourCode(year: number): CalendarYear {
  return buildYear(year, undefined);
}

/** Applies a decree on top of the Labour Code derivation of its year. */
export function yearWithDecree(decree: TransferDecree): CalendarYear {
  return buildYear(decree.year, decree);
}

/** Official data when a decree is known, otherwise the provisional derivation. */
export function calendarYear(year: number): CalendarYear {
  const decree = TRANSFER_DECREES.get(year);
  return decree ? yearWithDecree(decree) : deriveYearFromLabourCode(year);
}

/** Years of a range (inclusive) or of a list, each official where known, else provisional. */
export function calendarYears(years: readonly number[] | { from: number; to: number }): CalendarYear[] {
  const list = Array.isArray(years)
    ? [...new Set(years as readonly number[])].sort((a, b) => a - b)
    : rangeOf(years as { from: number; to: number });
  return list.map(calendarYear);
}

function rangeOf({ from, to }: { from: number; to: number }): number[] {
  assertYear(from);
  assertYear(to);
  if (to < from) throw new RangeError(`Empty year range ${from}-${to}`);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
