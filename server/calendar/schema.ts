/**
 * The calendar administration's input (issue 11): the decree form, one day's edit, a year's import
 * and export. Client-safe: the form runs the same checks and the same preview (the pure functions of
 * russia.ts) as the procedure, so what the administrator previews is what is saved.
 */
import { z } from "zod";
import { zText } from "../text";
import type { CalendarDay, CalendarYear, DayKind } from "./types";
import { NORMAL_WORK_MINUTES, SHORTENED_WORK_MINUTES, deriveYearFromLabourCode, yearWithDecree } from "./russia";
import { dayNumberOf, isoDateOf, isWeekend, parseDate } from "./civil-date";

export const DAY_KINDS = [
  "working",
  "shortened",
  "weekend",
  "holiday",
  "transferred_off",
  "transferred_working",
] as const satisfies readonly DayKind[];

export const DAY_KIND_LABEL: Record<DayKind, string> = {
  working: "Рабочий день",
  shortened: "Предпраздничный (сокращённый) день",
  weekend: "Выходной день",
  holiday: "Нерабочий праздничный день",
  transferred_off: "Перенесённый выходной день",
  transferred_working: "Рабочий день по переносу",
};

/** Years an administrator may load (the calendar itself accepts more; these are the sensible ones). */
export const MIN_ADMIN_YEAR = 2000;
export const MAX_ADMIN_YEAR = 2100;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = "Укажите дату в формате ГГГГ-ММ-ДД";

function validDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  try {
    parseDate(s);
    return true;
  } catch {
    return false;
  }
}

export const isoDate = zText().trim().refine(validDate, DATE_MESSAGE);
const yearField = z
  .number({ error: "Укажите год" })
  .int("Укажите год числом")
  .min(MIN_ADMIN_YEAR, `Год — от ${MIN_ADMIN_YEAR} до ${MAX_ADMIN_YEAR}`)
  .max(MAX_ADMIN_YEAR, `Год — от ${MIN_ADMIN_YEAR} до ${MAX_ADMIN_YEAR}`);

export const yearInputSchema = z.object({ year: yearField });

export const decreeSchema = z.object({
  year: yearField,
  decreeNumber: zText()
    .trim()
    .min(1, "Укажите номер постановления")
    .max(40, "Номер постановления — не длиннее 40 знаков"),
  decreeDate: isoDate,
  transfers: z.array(z.object({ from: isoDate, to: isoDate })).max(20, "Не больше 20 переносов"),
  holidays: z
    .array(z.object({ date: isoDate, note: zText().trim().max(200, "Не длиннее 200 знаков") }))
    .max(20, "Не больше 20 дополнительных праздничных дней"),
  shortened: z.array(z.object({ date: isoDate })).max(20, "Не больше 20 сокращённых дней"),
});
export type DecreeInput = z.infer<typeof decreeSchema>;

export const setDaySchema = z.object({
  date: isoDate.refine(
    (d) => Number(d.slice(0, 4)) >= MIN_ADMIN_YEAR && Number(d.slice(0, 4)) <= MAX_ADMIN_YEAR,
    `Дата должна относиться к годам с ${MIN_ADMIN_YEAR} по ${MAX_ADMIN_YEAR}`,
  ),
  kind: z.enum(DAY_KINDS, { error: "Выберите вид дня из списка" }),
  note: zText().trim().max(300, "Примечание — не длиннее 300 знаков"),
});
export type SetDayInput = z.infer<typeof setDaySchema>;

/** Files up to this size (a year as JSON with notes is about 60 KB). */
export const MAX_IMPORT_CHARS = 300_000;

export const importYearSchema = z.object({
  year: yearField,
  content: zText()
    .min(1, "Выберите файл")
    .max(MAX_IMPORT_CHARS, "Файл слишком большой: календарь года занимает не больше 300 КБ"),
  /** When given, the imported year is official (not provisional). */
  decreeNumber: zText().trim().max(40, "Номер постановления — не длиннее 40 знаков"),
  decreeDate: z.union([z.literal(""), isoDate]),
});
export type ImportYearInput = z.infer<typeof importYearSchema>;

/** Field → Russian message; the keys are the form's field paths ("transfers.0.to"). */
export type FieldErrors = Record<string, string>;
export type Built = { ok: true; year: CalendarYear } | { ok: false; errors: FieldErrors };

const dec = (d: string) => d.split("-").reverse().join(".");

/** "постановление Правительства РФ от 04.10.2024 № 1335" */
export function decreeShortTitle(number: string, date: string): string {
  return `постановление Правительства РФ от ${dec(date)} № ${number}`;
}

/**
 * The year a decree gives: the Labour Code derivation, the decree's transfers, extra holidays and
 * shortened days (art. 95: the working day before an extra holiday is shortened too). Errors are
 * attached to the field that causes them, in Russian; nothing is thrown for bad input.
 */
export function buildDecreeYear(input: DecreeInput): Built {
  const errors: FieldErrors = {};
  const { year } = input;
  const base = deriveYearFromLabourCode(year);
  const first = dayNumberOf(year, 1, 1);
  const kindOf = (date: string) => base.days[parseDate(date) - first]?.kind;
  // A date once per section (transfers: either end); a worked Saturday may also be shortened.
  const seen = { transfers: new Set<string>(), holidays: new Set<string>(), shortened: new Set<string>() };
  const inYear = (date: string, path: string): boolean => {
    if (date.slice(0, 4) !== String(year)) {
      errors[path] = `Дата ${dec(date)} не относится к ${year} году`;
      return false;
    }
    const section = seen[path.split(".")[0] as keyof typeof seen];
    if (section.has(date)) {
      errors[path] = `Дата ${dec(date)} уже указана выше`;
      return false;
    }
    section.add(date);
    return true;
  };
  if (input.decreeDate.slice(0, 4) > String(year))
    errors.decreeDate = `Постановление о переносе на ${year} год не может быть принято после ${year} года`;

  input.transfers.forEach((t, i) => {
    if (inYear(t.from, `transfers.${i}.from`) && !isWeekend(parseDate(t.from)))
      errors[`transfers.${i}.from`] = `${dec(t.from)} — не суббота и не воскресенье: переносится выходной день`;
    if (inYear(t.to, `transfers.${i}.to`)) {
      const k = kindOf(t.to);
      if (k !== "working" && k !== "shortened")
        errors[`transfers.${i}.to`] =
          `${dec(t.to)} — не рабочий день по Трудовому кодексу: выходной на него не переносится`;
    }
  });
  input.holidays.forEach((h, i) => {
    if (inYear(h.date, `holidays.${i}.date`) && kindOf(h.date) === "holiday")
      errors[`holidays.${i}.date`] = `${dec(h.date)} уже праздничный день по ст. 112 ТК РФ`;
  });
  input.shortened.forEach((s, i) => {
    if (inYear(s.date, `shortened.${i}.date`)) {
      const k = kindOf(s.date);
      const transferredWorking = input.transfers.some((t) => t.from === s.date);
      if (k !== "working" && k !== "shortened" && !transferredWorking)
        errors[`shortened.${i}.date`] = `${dec(s.date)} — нерабочий день: сократить можно только рабочий`;
    }
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const shortTitle = decreeShortTitle(input.decreeNumber, input.decreeDate);
  let built: CalendarYear;
  try {
    built = yearWithDecree({
      year,
      title: `Постановление Правительства РФ от ${dec(input.decreeDate)} № ${input.decreeNumber} «О переносе выходных дней в ${year} году»`,
      shortTitle,
      transfers: input.transfers.map((t) => ({
        from: t.from,
        to: t.to,
        wording: `с ${dec(t.from)} на ${dec(t.to)}`,
      })),
      adjustments: input.shortened.map((s) => ({
        date: s.date,
        workMinutes: SHORTENED_WORK_MINUTES,
        basis: `Предпраздничный день сокращён на 1 час (${shortTitle})`,
      })),
    });
  } catch {
    // The per-field checks above catch what the derivation refuses; this is a transfer chain that
    // collides with another (two transfers onto one day are caught as a duplicate date).
    return { ok: false, errors: { transfers: "Переносы противоречат друг другу: проверьте даты" } };
  }
  const days = built.days.map((d) => ({ ...d }));
  for (const h of input.holidays) {
    const i = parseDate(h.date) - first;
    const day = days[i]!;
    days[i] = {
      date: day.date,
      kind: "holiday",
      working: false,
      workMinutes: 0,
      note: `${h.note || "Нерабочий праздничный день"} (${shortTitle})`,
    };
    // Art. 95: the working day immediately before a non-working holiday is one hour shorter.
    const prev = days[i - 1];
    if (prev?.working && prev.workMinutes === NORMAL_WORK_MINUTES) {
      days[i - 1] = {
        ...prev,
        kind: prev.kind === "working" ? "shortened" : prev.kind,
        workMinutes: SHORTENED_WORK_MINUTES,
        note: [prev.note, "Предпраздничный день: продолжительность работы уменьшена на 1 час (ст. 95 ТК РФ)"]
          .filter(Boolean)
          .join("; "),
      };
    }
  }
  return { ok: true, year: { ...built, days } };
}

/** Working time of a day of a given kind (40-hour week). A worked Saturday is a full day unless edited. */
export function workMinutesOfKind(kind: DayKind): number {
  if (kind === "working" || kind === "transferred_working") return NORMAL_WORK_MINUTES;
  if (kind === "shortened") return SHORTENED_WORK_MINUTES;
  return 0;
}

export type MonthSummary = { month: number; workingDays: number; workMinutes: number };
export type YearSummary = { months: MonthSummary[]; workingDays: number; workMinutes: number };

/** Working days and hours per month and for the year: the preview and the norm it is checked against. */
export function summarizeYear(days: readonly CalendarDay[]): YearSummary {
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, workingDays: 0, workMinutes: 0 }));
  for (const d of days) {
    const m = months[Number(d.date.slice(5, 7)) - 1]!;
    if (d.working) m.workingDays += 1;
    m.workMinutes += d.workMinutes;
  }
  return {
    months,
    workingDays: months.reduce((s, m) => s + m.workingDays, 0),
    workMinutes: months.reduce((s, m) => s + m.workMinutes, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Import and export

export const EXPORT_FORMAT = "reglament-calendar-year";

export type YearExport = {
  format: typeof EXPORT_FORMAT;
  version: 1;
  year: number;
  provisional: boolean;
  source: string;
  decreeNumber: string | null;
  decreeDate: string | null;
  days: { date: string; kind: DayKind; workMinutes: number; note?: string }[];
};

export function exportYear(y: CalendarYear & { decreeNumber?: string | null; decreeDate?: string | null }): YearExport {
  return {
    format: EXPORT_FORMAT,
    version: 1,
    year: y.year,
    provisional: y.provisional,
    source: y.source,
    decreeNumber: y.decreeNumber ?? null,
    decreeDate: y.decreeDate ?? null,
    days: y.days.map((d) => ({
      date: d.date,
      kind: d.kind,
      workMinutes: d.workMinutes,
      ...(d.note ? { note: d.note } : {}),
    })),
  };
}

const KIND_BY_NAME = new Map<string, DayKind>([
  ...DAY_KINDS.map((k) => [k, k] as const),
  ...DAY_KINDS.map((k) => [DAY_KIND_LABEL[k].toLowerCase(), k] as const),
]);

const MALFORMED =
  "Файл не читается: нужен CSV со строками «дата,вид[,примечание]» или JSON, выгруженный со страницы календаря";

/** Splits one CSV line with quoted fields ("a, b" and "" inside quotes). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === "," || c === ";") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out.map((f) => f.trim());
}

type Row = { line: number; date: string; kind: string; workMinutes?: unknown; note?: string };

/**
 * A whole year from a file: the JSON the export writes, or CSV lines `date,kind[,note]` (a header
 * line is allowed; kinds as the export writes them or as their Russian names). Every day of the year
 * once; the first error stops with a message naming the line. Pure: nothing is written here.
 */
export function parseYearFile(
  year: number,
  content: string,
): { ok: true; year: CalendarYear } | { ok: false; message: string } {
  const text = content.replace(/^\uFEFF/, "").trim();
  let rows: Row[];
  let source = `Загружено из файла администратором`;
  if (text.startsWith("{")) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, message: MALFORMED };
    }
    const j = json as Partial<YearExport>;
    if (j.format !== EXPORT_FORMAT || !Array.isArray(j.days)) return { ok: false, message: MALFORMED };
    if (j.year !== year)
      return { ok: false, message: `В файле календарь ${String(j.year)} года, а загружается ${year} год` };
    if (typeof j.source === "string" && j.source.trim()) source = j.source.trim().slice(0, 500);
    rows = j.days.map((d, i) => {
      const o = (d ?? {}) as Record<string, unknown>;
      return {
        line: i + 1,
        date: typeof o.date === "string" ? o.date : "",
        kind: typeof o.kind === "string" ? o.kind : "",
        workMinutes: o.workMinutes,
        note: typeof o.note === "string" ? o.note : undefined,
      };
    });
  } else {
    const lines = text.split(/\r?\n/);
    if (lines.length === 0 || !text) return { ok: false, message: MALFORMED };
    rows = [];
    for (const [i, raw] of lines.entries()) {
      if (!raw.trim()) continue;
      const [date = "", kind = "", ...rest] = csvFields(raw);
      if (rows.length === 0 && i === 0 && !DATE_RE.test(date) && /date|дата/i.test(date)) continue; // header
      rows.push({ line: i + 1, date, kind, note: rest.join(", ") || undefined });
    }
  }
  const what = text.startsWith("{") ? "День" : "Строка";
  const first = dayNumberOf(year, 1, 1);
  const total = dayNumberOf(year + 1, 1, 1) - first;
  const days: (CalendarDay | undefined)[] = Array.from({ length: total });
  const lineOf = new Map<string, number>();
  for (const r of rows) {
    const where = `${what} ${r.line}`;
    if (!validDate(r.date)) return { ok: false, message: `${where}: «${r.date}» — не дата в формате ГГГГ-ММ-ДД` };
    if (r.date.slice(0, 4) !== String(year))
      return { ok: false, message: `${where}: дата ${dec(r.date)} не относится к ${year} году` };
    const kind = KIND_BY_NAME.get(r.kind.toLowerCase());
    if (!kind)
      return {
        ok: false,
        message: `${where}: неизвестный вид дня «${r.kind}»; допустимы: ${DAY_KINDS.join(", ")}`,
      };
    const dup = lineOf.get(r.date);
    if (dup !== undefined)
      return { ok: false, message: `${where}: дата ${dec(r.date)} уже указана (${what.toLowerCase()} ${dup})` };
    lineOf.set(r.date, r.line);
    const working = workMinutesOfKind(kind) > 0;
    let workMinutes = workMinutesOfKind(kind);
    if (r.workMinutes !== undefined) {
      const m = r.workMinutes;
      const ok =
        typeof m === "number" && Number.isInteger(m) && (working ? m > 0 && m <= NORMAL_WORK_MINUTES : m === 0);
      if (!ok)
        return {
          ok: false,
          message: `${where}: продолжительность ${String(m)} мин не подходит для дня вида «${DAY_KIND_LABEL[kind]}»`,
        };
      workMinutes = m;
    }
    days[parseDate(r.date) - first] = {
      date: r.date,
      kind,
      working,
      workMinutes,
      ...(r.note?.trim() ? { note: r.note.trim().slice(0, 300) } : {}),
    };
  }
  const missing = days.flatMap((d, i) => (d ? [] : [isoDateOf(first + i)]));
  if (missing.length > 0)
    return {
      ok: false,
      message: `В файле нет ${missing.length} из ${total} дней ${year} года, например ${missing.slice(0, 3).map(dec).join(", ")}: нужен весь год`,
    };
  return { ok: true, year: { year, provisional: true, source, days: days as CalendarDay[] } };
}
