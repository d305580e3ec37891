/**
 * The application form schema, built from the regulation's form steps (R14-R16).
 *
 * One function serves both sides: `validateApplication` judges the values in the browser (the
 * wizard's resolver, components/form/group-resolver.ts) and on the server, which rebuilds the very
 * same rules from the regulation version pinned on the application (never from client input).
 * Client-safe and zod-free: plain TypeScript only, so a page that imports it does not take zod
 * (issue 13 p.6). The zod schema around it, `buildApplicationSchema`, is in ./form-zod.
 *
 * Two modes:
 * - "submit": the format-logical check of R14. Required fields, identifier check digits, the
 *   field's validation rules, declared options, `showIf` conditions, group and file limits. Every
 *   message is in Russian and says what is wrong and how to fix it. Hidden fields (condition false)
 *   are neither required nor validated, and their values are dropped from the parsed output.
 *   Valid values come out normalized (phone "+7XXXXXXXXXX", СНИЛС "XXX-XXX-XXX YY", dates ISO,
 *   numbers as numbers, text trimmed); empty optional values are omitted.
 * - "draft": R15 says entered values are saved at any moment, including after input errors. So a
 *   draft accepts every value a person could have typed (an invalid СНИЛС, "12," in a number
 *   field, a half-filled group) and returns it unchanged, hidden fields included (switching a
 *   condition back must restore what was typed). Only structural garbage is refused: a value of a
 *   type no input can produce (an object in a text field), text beyond `DRAFT_LIMITS` (a 10 MB
 *   string), more group items or files than any real form holds, malformed file references.
 *   The structural check runs in submit mode too, so nothing beyond the limits is ever stored.
 *
 * Rules worth knowing:
 * - A `pattern` must match the whole value (as the HTML `pattern` attribute) and is tested on the
 *   normalized value; a pattern that does not compile is skipped (validateDocument reports it).
 * - `minItems` > 0 makes a group required; `required` alone means at least one item.
 * - A field whose condition reads a hidden field treats it as empty: hiding cascades.
 * - Co-applicant steps (section "co_applicant") are validated by building the schema from those
 *   steps and passing one co-applicant's values.
 *
 * Unknown keys are stripped in both modes: only fields of the regulation are stored.
 * `stepKeys` validates only those steps (per-step "Далее" in the form); fields of other steps get
 * the draft treatment and pass through unchanged.
 */
import type { Condition, FieldDef, StepDef } from "./document";
import { IDENTIFIER_FIELD_TYPES } from "./document-plain";
import {
  normalizeEmail,
  normalizeInn,
  normalizeOgrn,
  normalizeOgrnip,
  normalizePassport,
  normalizePhone,
  normalizePostalIndex,
  normalizeSnils,
  validateEmail,
  validateInn,
  validateOgrn,
  validateOgrnip,
  validatePassport,
  validatePhone,
  validatePostalIndex,
  validateSnils,
} from "./identifiers";
import { acceptedMimeTypes, documentFiles, isSignatureMime, mimeTypesLabel, signatureFiles } from "../attachment/sniff";
import { SIGNATURE_MAX_BYTES } from "../signature/limits";
import { isSafeText } from "../text-safe";
import { formatIsoDate } from "../format/dates";
import { plural } from "../format/plural";

// ---------------------------------------------------------------------------------------------
// Types and limits
// ---------------------------------------------------------------------------------------------

/** A reference to an uploaded file, as stored in the form values. */
export type FileRef = { id: string; name: string; size: number; mimeType: string };

/** Form values: field key → value; a group is an array of such records. */
export type ApplicationValues = Record<string, unknown>;

export type SchemaMode = "submit" | "draft";

export type BuildSchemaOptions = {
  mode: SchemaMode;
  /** Validate only these steps (submit mode); other steps' fields are checked structurally only. */
  stepKeys?: string[];
  /** "Now" for relative date bounds ("today", "today-18y"); read at parse time when omitted. */
  today?: Date;
  /**
   * Time zone whose calendar date is "today": the municipality's zone. Every caller passes it — on
   * the server `config().timeZone`, in the browser `displayTimeZone()` (the zone the root layout
   * publishes) — so both sides agree around midnight. Europe/Moscow only when omitted.
   */
  timeZone?: string;
};

export type FieldIssue = { path: (string | number)[]; message: string };

/**
 * Structural limits, the only thing a draft enforces. Generous for anything a person could type,
 * tight enough that a draft cannot be used to store megabytes.
 */
export const DRAFT_LIMITS = {
  /** One-line fields: text, identifiers, address, date, select... */
  textChars: 10_000,
  textareaChars: 100_000,
  groupItems: 200,
  files: 50,
  fileNameChars: 1_000,
  fileIdChars: 200,
  mimeTypeChars: 255,
} as const;

/** The key `fieldErrorsByPath` uses for issues about the form as a whole (no field key starts with "_"). */
export const FORM_ERROR_KEY = "_form";

const DEFAULT_TIME_ZONE = "Europe/Moscow";
const MB = 1024 * 1024;

type Path = (string | number)[];

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** An own property only: a field named "constructor" must not read Object.prototype. */
function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Empty as far as "required" and `notEmpty` are concerned; an unchecked checkbox is empty. */
export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null || v === false) return true;
  if (typeof v === "number") return Number.isNaN(v);
  if (typeof v === "string") return v.trim() === "";
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof Date) return Number.isNaN(v.getTime());
  if (isRecord(v)) return Object.values(v).every(isEmptyValue);
  return false;
}

function formatNumberRu(n: number): string {
  const [int = "", frac] = String(Math.abs(n)).split(".");
  const grouped = int.length > 4 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0") : int;
  return (n < 0 ? "−" : "") + grouped + (frac ? `,${frac}` : "");
}

function formatMb(bytes: number): string {
  const mb = bytes / MB;
  return formatNumberRu(mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10);
}

const CHARS: [string, string, string] = ["символ", "символа", "символов"];

/**
 * "не больше N …" takes the genitive: 1 символа, 2 символов, 21 символа (одного, двух, двадцати
 * одного). Forms: [genitive singular, genitive plural].
 */
function genitive(n: number, forms: readonly [string, string]): string {
  // The plural rule with the genitive plural for "few" too.
  return plural(n, [forms[0], forms[1], forms[1]]);
}
const CHARS_GEN: [string, string] = ["символа", "символов"];
const RECORDS_GEN: [string, string] = ["записи", "записей"];
const FILES_GEN: [string, string] = ["файла", "файлов"];

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

function daysInMonth(y: number, m: number): number {
  // Arithmetic, not Date.UTC: Date.UTC maps years 0-99 onto 1900-1999.
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The calendar date of `now` in `timeZone`, as YYYY-MM-DD. */
export function civilToday(now: Date = new Date(), timeZone: string = DEFAULT_TIME_ZONE): string {
  try {
    const parts = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).formatToParts(now);
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
    return `${get("year")}-${get("month")}-${get("day")}`;
  } catch {
    // An engine without time-zone data: Moscow time is UTC+3 all year round since 2014.
    return new Date(now.getTime() + 3 * 3_600_000).toISOString().slice(0, 10);
  }
}

type ParsedDate = { ok: true; iso: string; year: number } | { ok: false; message: string };

const DATE_FORMAT_MESSAGE = "Введите дату в формате ДД.ММ.ГГГГ, например 05.03.1985";

/** Accepts YYYY-MM-DD (the date input) and ДД.ММ.ГГГГ (typed by hand). */
function parseDateValue(v: unknown): ParsedDate {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, message: DATE_FORMAT_MESSAGE };
    // A date picker's Date is local midnight: its local calendar date is the one the person chose.
    return { ok: true, iso: isoOf(v.getFullYear(), v.getMonth() + 1, v.getDate()), year: v.getFullYear() };
  }
  if (typeof v !== "string") return { ok: false, message: DATE_FORMAT_MESSAGE };
  const s = v.trim();
  let y: number, m: number, d: number;
  const iso = ISO_DATE.exec(s);
  const ru = RU_DATE.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (ru) [d, m, y] = [Number(ru[1]), Number(ru[2]), Number(ru[3])];
  else return { ok: false, message: DATE_FORMAT_MESSAGE };
  if (m < 1 || m > 12)
    return { ok: false, message: `Месяца ${pad2(m)} не бывает: месяц — число от 01 до 12, проверьте дату` };
  if (d < 1 || d > daysInMonth(y, m)) {
    return {
      ok: false,
      message: `Даты ${pad2(d)}.${pad2(m)}.${y} не существует: в этом месяце ${daysInMonth(y, m)} ${plural(daysInMonth(y, m), ["день", "дня", "дней"])}, проверьте день и месяц`,
    };
  }
  return { ok: true, iso: isoOf(y, m, d), year: y };
}

/**
 * The typo guard for a year ("0985", "2985") where the regulation sets no bound of its own on that
 * side: an explicit minDate / maxDate takes precedence (archive requests ask about people born in
 * the 1880s).
 */
function yearTypo(year: number, guard: { lower: boolean; upper: boolean }): string | null {
  if ((guard.lower && year < MIN_YEAR) || (guard.upper && year > MAX_YEAR)) {
    return `Проверьте год: ${year} — вероятно, опечатка (допускаются годы с ${MIN_YEAR} по ${MAX_YEAR})`;
  }
  return null;
}

const RELATIVE_BOUND = /^today\s*(?:([+-])\s*(\d+)\s*([dwmy]))?$/i;

function shiftIso(iso: string, sign: 1 | -1, n: number, unit: string): string {
  const [y = 0, m = 1, d = 1] = iso.split("-").map(Number);
  if (unit === "d" || unit === "w") {
    const days = n * (unit === "w" ? 7 : 1) * sign;
    return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
  }
  // Months and years clamp to the end of a shorter month: 29.02.2024 − 18 y → 28.02.2006, the last
  // birth date of a person who is 18 on 29.02.2024.
  const months = (unit === "y" ? 12 : 1) * n * sign;
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return isoOf(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/**
 * Resolves a date bound of the regulation: an ISO date, "today", or "today±N<d|w|m|y>"
 * ("today-18y": 18 years ago). Returns null for a bound it cannot read (it is then not applied).
 */
export function resolveDateBound(bound: string, todayIso: string): string | null {
  const s = bound.trim();
  if (ISO_DATE.test(s)) return s;
  const m = RELATIVE_BOUND.exec(s);
  if (!m) return null;
  if (!m[1] || !m[2] || !m[3]) return todayIso;
  return shiftIso(todayIso, m[1] === "-" ? -1 : 1, Number(m[2]), m[3].toLowerCase());
}

function describeRelative(bound: string): string | null {
  const m = RELATIVE_BOUND.exec(bound.trim());
  if (!m) return null;
  if (!m[1] || !m[2] || !m[3]) return "сегодня";
  const n = Number(m[2]);
  const unit = m[3].toLowerCase();
  const forms: Record<string, [string, string, string]> = {
    d: ["день", "дня", "дней"],
    w: ["неделю", "недели", "недель"],
    m: ["месяц", "месяца", "месяцев"],
    y: ["год", "года", "лет"],
  };
  const words = `${n} ${plural(n, forms[unit] ?? ["", "", ""])}`;
  return m[1] === "-" ? `${words} назад` : `через ${words}`;
}

function dateBoundMessage(kind: "min" | "max", bound: string, resolved: string): string {
  const shown = formatIsoDate(resolved);
  const rel = describeRelative(bound);
  if (rel === "сегодня") {
    return kind === "max"
      ? `Дата не может быть позже сегодняшнего дня (${shown}): проверьте число, месяц и год`
      : `Дата не может быть раньше сегодняшнего дня (${shown}): укажите сегодняшнюю или будущую дату`;
  }
  const note = rel ? ` (${rel})` : "";
  return kind === "max"
    ? `Дата должна быть не позже ${shown}${note}: исправьте дату`
    : `Дата должна быть не раньше ${shown}${note}: исправьте дату`;
}

// ---------------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------------

/** One level of values a condition can see: the form itself ("") or an item of a group ("persons."). */
type Scope = { prefix: string; values: Record<string, unknown> };

const NOT_FOUND = Symbol("not found");
type Lookup = { value: unknown } | { each: unknown[] };

function lookup(ref: string, scopes: Scope[]): Lookup {
  // Innermost scope first: a sub-field's condition on a sibling sees the same item.
  for (const scope of scopes) {
    if (scope.prefix && ref.startsWith(scope.prefix)) {
      const rest = ref.slice(scope.prefix.length);
      if (!rest.includes(".")) return { value: own(scope.values, rest) };
    }
    if (!ref.includes(".") && Object.prototype.hasOwnProperty.call(scope.values, ref))
      return { value: own(scope.values, ref) };
  }
  // A top-level condition on a group's sub-field ("persons.isForeign"): true if it holds for any item.
  const dot = ref.indexOf(".");
  const root = scopes[scopes.length - 1];
  if (dot > 0 && root) {
    const items = own(root.values, ref.slice(0, dot));
    const sub = ref.slice(dot + 1);
    if (Array.isArray(items)) return { each: items.map((it) => (isRecord(it) ? own(it, sub) : NOT_FOUND)) };
  }
  return { value: undefined };
}

function primitiveEquals(a: unknown, b: string | number | boolean): boolean {
  if (a === b) return true;
  if (a === undefined || a === null || typeof a === "object") return false;
  // Inputs yield strings: radio "true" matches `equals: true`, "5" matches `equals: 5`.
  return String(a) === String(b);
}

function testCondition(cond: Condition, v: unknown): boolean {
  if (v === NOT_FOUND) v = undefined;
  const hasOperator = cond.equals !== undefined || cond.in !== undefined || cond.notEmpty !== undefined;
  if (!hasOperator) return !isEmptyValue(v);
  if (cond.equals !== undefined) {
    const eq = cond.equals;
    if (!(Array.isArray(v) ? v.some((x) => primitiveEquals(x, eq)) : primitiveEquals(v, eq))) return false;
  }
  if (cond.in !== undefined) {
    const list = cond.in;
    const hit = (x: unknown) => x !== undefined && x !== null && typeof x !== "object" && list.includes(String(x));
    if (!(Array.isArray(v) ? v.some(hit) : hit(v))) return false;
  }
  if (cond.notEmpty !== undefined && cond.notEmpty === isEmptyValue(v)) return false;
  return true;
}

function conditionHolds(cond: Condition, scopes: Scope[]): boolean {
  const found = lookup(cond.field, scopes);
  const holds = "each" in found ? found.each.some((v) => testCondition(cond, v)) : testCondition(cond, found.value);
  return holds && (!cond.and || conditionHolds(cond.and, scopes));
}

/**
 * Whether a `showIf` condition holds. All given operators must hold (AND): `equals` (a string
 * value matches its string form; a multiple choice matches when any chosen value does), `in`,
 * `notEmpty`; a condition with no operator holds when the field is filled (a checkbox checked).
 * `item` is the group item a sub-field belongs to: its condition on "persons.x" or on a sibling
 * key "x" reads that item.
 */
export function evaluateCondition(
  cond: Condition,
  values: Record<string, unknown>,
  item?: { group: string; values: Record<string, unknown> },
): boolean {
  const scopes: Scope[] = [{ prefix: "", values }];
  if (item) scopes.unshift({ prefix: `${item.group}.`, values: item.values });
  return conditionHolds(cond, scopes);
}

function without(values: Record<string, unknown>, hidden: Set<string>): Record<string, unknown> {
  if (hidden.size === 0) return values;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (!hidden.has(k)) out[k] = v;
  return out;
}

/**
 * Keys of the hidden fields among `fields`. A field whose condition reads a hidden field sees it
 * as empty (the value is dropped), so hiding cascades; iterate to a fixed point, bounded because
 * a condition cycle (which `validateDocument` does not forbid beyond self-reference) could flip.
 */
function hiddenKeys(fields: FieldDef[], scope: Scope, outer: Scope[]): Set<string> {
  let hidden = new Set<string>();
  for (let round = 0; round <= fields.length; round++) {
    const visibleScope: Scope = { prefix: scope.prefix, values: without(scope.values, hidden) };
    const next = new Set(
      fields.filter((f) => f.showIf && !conditionHolds(f.showIf, [visibleScope, ...outer])).map((f) => f.key),
    );
    if (next.size === hidden.size && [...next].every((k) => hidden.has(k))) break;
    hidden = next;
  }
  return hidden;
}

/** The step's top-level fields that are shown for these values. Pass every step as `allSteps` when conditions cross steps. */
export function visibleFields(step: StepDef, values: Record<string, unknown>, allSteps?: StepDef[]): FieldDef[] {
  const fields = (allSteps ?? [step]).flatMap((s) => s.fields);
  const hidden = hiddenKeys(fields, { prefix: "", values }, []);
  return step.fields.filter((f) => !hidden.has(f.key));
}

/** Sub-fields of a group item that its conditions show (the form, the error list and every answers view). */
export function visibleSubFields(
  group: FieldDef,
  item: Record<string, unknown>,
  values: Record<string, unknown>,
): FieldDef[] {
  return (group.fields ?? []).filter(
    (sub) => !sub.showIf || evaluateCondition(sub.showIf, values, { group: group.key, values: item }),
  );
}

// ---------------------------------------------------------------------------------------------
// Structural check (both modes)
// ---------------------------------------------------------------------------------------------

const STRING_TYPES = new Set<FieldDef["type"]>([
  "text",
  "textarea",
  "address",
  "phone",
  "email",
  ...IDENTIFIER_FIELD_TYPES,
  "select",
  "radio",
  "date",
]);

const NAME_PARTS = ["lastName", "firstName", "middleName"] as const;

function garbage(f: FieldDef, expected: string): string {
  return `Значение поля «${f.label}» не распознано (ожидается ${expected}): обновите страницу и заполните поле заново`;
}

/** NUL or half a character (server/text.ts): no keyboard types it, PostgreSQL cannot keep it. */
function unsafeText(f: FieldDef): string {
  return `В поле «${f.label}» есть недопустимые символы (нулевой символ или повреждённый символ Юникода): удалите их или наберите текст заново`;
}

function tooLongText(f: FieldDef, limit: number, actual: number): string {
  return `Слишком длинный текст в поле «${f.label}»: допускается не больше ${formatNumberRu(limit)} ${genitive(limit, CHARS_GEN)}, сейчас ${formatNumberRu(actual)} — сократите его`;
}

type Structural = { ok: true; value: unknown } | { ok: false };

/**
 * Checks that a value has a shape some input could produce and fits `DRAFT_LIMITS`; returns the
 * value with unknown keys of group items and file references stripped.
 */
function structural(f: FieldDef, v: unknown, path: Path, issues: FieldIssue[]): Structural {
  const fail = (message: string, p: Path = path): Structural => {
    issues.push({ path: p, message });
    return { ok: false };
  };
  if (v === undefined || v === null) return { ok: true, value: v };
  const limit = f.type === "textarea" ? DRAFT_LIMITS.textareaChars : DRAFT_LIMITS.textChars;

  if (STRING_TYPES.has(f.type)) {
    if (typeof v === "number" && f.type !== "date") {
      // A number typed into an identifier field may reach here as a JS number.
      return Number.isFinite(v) ? { ok: true, value: String(v) } : { ok: true, value: undefined };
    }
    if (f.type === "date" && v instanceof Date) return { ok: true, value: v };
    if (typeof v !== "string") return fail(garbage(f, f.type === "date" ? "дата" : "текст"));
    if (v.length > limit) return fail(tooLongText(f, limit, v.length));
    if (!isSafeText(v)) return fail(unsafeText(f));
    return { ok: true, value: v };
  }

  switch (f.type) {
    case "full_name": {
      if (typeof v === "string") {
        if (v.length > limit) return fail(tooLongText(f, limit, v.length));
        return isSafeText(v) ? { ok: true, value: v } : fail(unsafeText(f));
      }
      if (!isRecord(v)) return fail(garbage(f, "фамилия, имя и отчество"));
      const out: Record<string, string> = {};
      for (const part of NAME_PARTS) {
        const p = own(v, part);
        if (p === undefined || p === null) continue;
        if (typeof p !== "string") return fail(garbage(f, "фамилия, имя и отчество текстом"));
        if (p.length > limit) return fail(tooLongText(f, limit, p.length), [...path, part]);
        if (!isSafeText(p)) return fail(unsafeText(f), [...path, part]);
        out[part] = p;
      }
      return { ok: true, value: out };
    }
    case "number": {
      if (typeof v === "number") return { ok: true, value: Number.isFinite(v) ? v : undefined };
      if (typeof v !== "string") return fail(garbage(f, "число"));
      if (v.length > 100) return fail(tooLongText(f, 100, v.length));
      if (!isSafeText(v)) return fail(unsafeText(f));
      return { ok: true, value: v };
    }
    case "checkbox": {
      if (typeof v === "boolean") return { ok: true, value: v };
      if (f.options?.length && Array.isArray(v)) {
        if (
          v.length > 1_000 ||
          !v.every((x) => typeof x === "string" && x.length <= DRAFT_LIMITS.textChars && isSafeText(x))
        ) {
          return fail(garbage(f, "список отмеченных вариантов"));
        }
        return { ok: true, value: v };
      }
      return fail(garbage(f, f.options?.length ? "список отмеченных вариантов" : "отметка"));
    }
    case "file": {
      if (!Array.isArray(v)) return fail(garbage(f, "список приложенных файлов"));
      if (v.length > DRAFT_LIMITS.files) {
        return fail(
          `В поле «${f.label}» слишком много файлов (${v.length}): допускается не больше ${DRAFT_LIMITS.files} — удалите лишние`,
        );
      }
      const out: FileRef[] = [];
      for (const [i, ref] of v.entries()) {
        const okRef =
          isRecord(ref) &&
          typeof ref.id === "string" &&
          ref.id.length > 0 &&
          ref.id.length <= DRAFT_LIMITS.fileIdChars &&
          isSafeText(ref.id) &&
          typeof ref.name === "string" &&
          ref.name.length <= DRAFT_LIMITS.fileNameChars &&
          isSafeText(ref.name) &&
          typeof ref.size === "number" &&
          Number.isFinite(ref.size) &&
          ref.size >= 0 &&
          typeof ref.mimeType === "string" &&
          ref.mimeType.length <= DRAFT_LIMITS.mimeTypeChars &&
          isSafeText(ref.mimeType);
        if (!okRef) {
          return fail(`Файл № ${i + 1} в поле «${f.label}» передан с ошибкой: удалите его и загрузите заново`);
        }
        out.push({
          id: ref.id as string,
          name: ref.name as string,
          size: ref.size as number,
          mimeType: ref.mimeType as string,
        });
      }
      return { ok: true, value: out };
    }
    case "group": {
      if (!Array.isArray(v)) return fail(garbage(f, "список записей"));
      if (v.length > DRAFT_LIMITS.groupItems) {
        return fail(
          `В «${f.label}» слишком много записей (${v.length}): допускается не больше ${DRAFT_LIMITS.groupItems} — удалите лишние`,
        );
      }
      let ok = true;
      const items = v.map((item, i) => {
        if (item === undefined || item === null) return {};
        if (!isRecord(item)) {
          ok = false;
          issues.push({
            path: [...path, i],
            message: `Запись № ${i + 1} в «${f.label}» не распознана: удалите её и добавьте заново`,
          });
          return {};
        }
        const out: Record<string, unknown> = {};
        for (const sub of f.fields ?? []) {
          const r = structural(sub, own(item, sub.key), [...path, i, sub.key], issues);
          if (!r.ok) ok = false;
          else if (r.value !== undefined) out[sub.key] = r.value;
        }
        return out;
      });
      return ok ? { ok: true, value: items } : { ok: false };
    }
    default:
      return fail(garbage(f, "значение другого вида"));
  }
}

// ---------------------------------------------------------------------------------------------
// Submit-mode validation of one field
// ---------------------------------------------------------------------------------------------

type Ctx = { todayIso: string; issues: FieldIssue[] };

function requiredMessage(f: FieldDef): string {
  switch (f.type) {
    case "select":
    case "radio":
      return `Выберите вариант в поле «${f.label}»`;
    case "checkbox":
      return f.options?.length
        ? `Отметьте хотя бы один вариант в поле «${f.label}»`
        : `Отметьте «${f.label}»: без этой отметки заявление не может быть подано`;
    case "date":
      return `Укажите дату в поле «${f.label}»`;
    case "file":
      return `Приложите файл в поле «${f.label}»`;
    case "group":
      return `Добавьте хотя бы одну запись в «${f.label}»`;
    default:
      return `Заполните поле «${f.label}»`;
  }
}

const IDENTIFIERS: Partial<
  Record<FieldDef["type"], { validate: (v: string) => string | null; normalize: (v: string) => string | null }>
> = {
  phone: { validate: validatePhone, normalize: normalizePhone },
  email: { validate: validateEmail, normalize: normalizeEmail },
  snils: { validate: validateSnils, normalize: normalizeSnils },
  inn: { validate: (v) => validateInn(v, "any"), normalize: (v) => normalizeInn(v, "any") },
  inn_legal: { validate: (v) => validateInn(v, "legal"), normalize: (v) => normalizeInn(v, "legal") },
  inn_person: { validate: (v) => validateInn(v, "person"), normalize: (v) => normalizeInn(v, "person") },
  ogrn: { validate: validateOgrn, normalize: normalizeOgrn },
  ogrnip: { validate: validateOgrnip, normalize: normalizeOgrnip },
  passport: { validate: validatePassport, normalize: normalizePassport },
  postal_index: { validate: validatePostalIndex, normalize: normalizePostalIndex },
};

const patternCache = new Map<string, RegExp | null>();

/** Whole-value match, as the HTML `pattern` attribute: the renderer may pass the same pattern to the input. */
function compilePattern(pattern: string): RegExp | null {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`);
    } catch {
      re = null; // validateDocument reports a broken pattern to the administrator; do not block applicants.
    }
    patternCache.set(pattern, re);
  }
  return re;
}

/** minLength / maxLength / pattern on a string value; the first broken rule, or null. */
function stringRules(f: FieldDef, s: string, checkLength: boolean): string | null {
  const rules = f.validation;
  if (!rules) return null;
  const len = [...s].length;
  if (checkLength && rules.minLength !== undefined && len < rules.minLength) {
    const more = rules.minLength - len;
    return `Слишком коротко: нужно не меньше ${rules.minLength} ${genitive(rules.minLength, CHARS_GEN)}, сейчас ${len} — допишите ещё ${more} ${plural(more, CHARS)}`;
  }
  if (checkLength && rules.maxLength !== undefined && len > rules.maxLength) {
    const extra = len - rules.maxLength;
    return `Слишком длинно: допускается не больше ${rules.maxLength} ${genitive(rules.maxLength, CHARS_GEN)}, сейчас ${len} — сократите на ${extra} ${plural(extra, CHARS)}`;
  }
  if (rules.pattern) {
    const re = compilePattern(rules.pattern);
    if (re && !re.test(s)) {
      return (
        rules.patternMessage ??
        `Значение не подходит по формату${f.hint ? `: ${f.hint}` : " — проверьте, нет ли лишних символов или пробелов"}`
      );
    }
  }
  return null;
}

const NAME_WORD = /^\p{L}+(?:[-'’]\p{L}+)*$/u;

/** A name part: letters with inner hyphens or apostrophes, words separated by spaces. */
function nameProblem(s: string, what: string): string | null {
  const bad = /[^\p{L}\s'’-]/u.exec(s);
  if (bad) {
    return `В ${what} допускаются только буквы, пробел, дефис и апостроф: уберите ${/\d/.test(bad[0]) ? `цифру «${bad[0]}»` : `символ «${bad[0]}»`}`;
  }
  for (const word of s.split(/\s+/).filter(Boolean)) {
    if (!NAME_WORD.test(word)) return `Проверьте дефисы и апострофы в «${word}»: они ставятся только между буквами`;
    if (/\p{Script=Cyrillic}/u.test(word) && /\p{Script=Latin}/u.test(word)) {
      return `В «${word}» смешаны русские и латинские буквы: проверьте раскладку клавиатуры и введите слово заново`;
    }
  }
  return null;
}

function validateFullName(f: FieldDef, v: unknown, path: Path, ctx: Ctx): unknown {
  if (typeof v === "string") {
    const s = v.trim().replace(/\s+/g, " ");
    const problem = nameProblem(s, "ФИО");
    if (problem) return void ctx.issues.push({ path, message: problem });
    if (s.split(" ").length < 2) {
      return void ctx.issues.push({
        path,
        message: "Укажите фамилию и имя через пробел, а также отчество, если оно есть: например, Иванов Иван Иванович",
      });
    }
    const rule = stringRules(f, s, true);
    if (rule) return void ctx.issues.push({ path, message: rule });
    return s;
  }
  const parts = v as Partial<Record<(typeof NAME_PARTS)[number], string>>;
  const out: Record<string, string> = {};
  let ok = true;
  const what = { lastName: "фамилии", firstName: "имени", middleName: "отчестве" } as const;
  const ask = { lastName: "Укажите фамилию", firstName: "Укажите имя", middleName: "" } as const;
  for (const part of NAME_PARTS) {
    const s = (parts[part] ?? "").trim().replace(/\s+/g, " ");
    if (s === "") {
      if (part !== "middleName") {
        ok = false;
        ctx.issues.push({ path: [...path, part], message: `${ask[part]}: поле «${f.label}» заполнено не полностью` });
      }
      continue;
    }
    const problem = nameProblem(s, what[part]);
    if (problem) {
      ok = false;
      ctx.issues.push({ path: [...path, part], message: problem });
      continue;
    }
    out[part] = s;
  }
  return ok ? out : undefined;
}

/** A number answer as typed («12,5», «1 200», «−3») or stored; null when it is not a number. */
function parseNumberAnswer(v: unknown): number | null {
  if (typeof v === "number") return v;
  const s = String(v)
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(",", ".")
    .replace(/^[−–]/, "-");
  return /^[-+]?\d+(?:\.\d+)?$/.test(s) ? Number(s) : null;
}

function validateNumber(f: FieldDef, v: unknown, path: Path, ctx: Ctx): unknown {
  const n = parseNumberAnswer(v);
  if (n === null) {
    return void ctx.issues.push({
      path,
      message: "Введите число цифрами, например 12 или 12,5 (без букв и единиц измерения)",
    });
  }
  const { min, max } = f.validation ?? {};
  const range =
    min !== undefined && max !== undefined
      ? `от ${formatNumberRu(min)} до ${formatNumberRu(max)}`
      : min !== undefined
        ? `не меньше ${formatNumberRu(min)}`
        : `не больше ${formatNumberRu(max ?? 0)}`;
  if (min !== undefined && n < min)
    return void ctx.issues.push({
      path,
      message: `Значение ${formatNumberRu(n)} меньше допустимого: введите число ${range}`,
    });
  if (max !== undefined && n > max)
    return void ctx.issues.push({
      path,
      message: `Значение ${formatNumberRu(n)} больше допустимого: введите число ${range}`,
    });
  return n;
}

function validateDate(f: FieldDef, v: unknown, path: Path, ctx: Ctx): unknown {
  const parsed = parseDateValue(v);
  if (!parsed.ok) return void ctx.issues.push({ path, message: parsed.message });
  const { minDate, maxDate } = f.validation ?? {};
  const min = minDate ? resolveDateBound(minDate, ctx.todayIso) : null;
  const max = maxDate ? resolveDateBound(maxDate, ctx.todayIso) : null;
  const typo = yearTypo(parsed.year, { lower: !min, upper: !max });
  if (typo) return void ctx.issues.push({ path, message: typo });
  if (minDate && min && parsed.iso < min)
    return void ctx.issues.push({ path, message: dateBoundMessage("min", minDate, min) });
  if (maxDate && max && parsed.iso > max)
    return void ctx.issues.push({ path, message: dateBoundMessage("max", maxDate, max) });
  return parsed.iso;
}

function optionsList(f: FieldDef): string {
  const labels = (f.options ?? []).map((o) => `«${o.label}»`);
  return labels.length <= 6 ? labels.join(", ") : `${labels.slice(0, 6).join(", ")} и другие`;
}

function validateChoice(f: FieldDef, v: unknown, path: Path, ctx: Ctx): unknown {
  const allowed = f.options?.map((o) => o.value);
  if (f.type === "checkbox") {
    if (!Array.isArray(v)) return v === true;
    const unknown = allowed ? v.filter((x) => !allowed.includes(String(x))) : [];
    if (unknown.length) {
      return void ctx.issues.push({
        path,
        message: `Варианта «${String(unknown[0])}» нет в списке поля «${f.label}»: отметьте варианты из списка (${optionsList(f)})`,
      });
    }
    return [...new Set(v.map(String))];
  }
  const s = String(v);
  if (allowed && !allowed.includes(s)) {
    return void ctx.issues.push({
      path,
      message: `Варианта «${s}» нет в списке: выберите один из вариантов ${optionsList(f)}`,
    });
  }
  return s;
}

function fileAccepted(file: FileRef, types: readonly string[]): boolean {
  // The type of a stored file is the one the upload recognised by its content (checkFileRefs holds
  // the reference to the stored row), so the check is by MIME type only, as the upload's.
  return types.includes(file.mimeType);
}

function validateFiles(f: FieldDef, v: unknown, path: Path, ctx: Ctx): FileRef[] | undefined {
  const files = (v as FileRef[] | null | undefined) ?? [];
  if (files.length === 0) {
    if (f.required) ctx.issues.push({ path, message: requiredMessage(f) });
    return undefined;
  }
  // Issue 15 (R17): a detached signature (.sig) may lie beside the documents, but it is not the
  // document the field asks for, and the field's limit counts documents (as many signatures again).
  const documents = documentFiles(files);
  if (documents.length === 0 && f.required) {
    ctx.issues.push({
      path,
      message: `В поле «${f.label}» приложен только файл подписи: приложите и сам документ, к которому относится подпись`,
    });
    return undefined;
  }
  // One message per field listing every problem: the form shows one message under the input.
  const problems: string[] = [];
  const types = acceptedMimeTypes(f.accept);
  if (f.maxFiles !== undefined && documents.length > f.maxFiles) {
    const extra = documents.length - f.maxFiles;
    problems.push(
      `Можно приложить не больше ${f.maxFiles} ${genitive(f.maxFiles, FILES_GEN)}, сейчас ${documents.length}: удалите ${extra} ${plural(extra, ["лишний", "лишних", "лишних"])}`,
    );
  }
  const signatures = signatureFiles(files).length;
  if (signatures > (f.maxFiles ?? 1)) {
    problems.push(
      `Файлов подписи ${signatures}, а можно не больше ${f.maxFiles ?? 1}, по одному к каждому документу: удалите лишние`,
    );
  }
  for (const file of files) {
    if (isSignatureMime(file.mimeType)) {
      if (file.size === 0) problems.push(`Файл подписи «${file.name}» пустой: загрузите его заново`);
      else if (file.size > SIGNATURE_MAX_BYTES)
        problems.push(`Файл подписи «${file.name}» больше ${SIGNATURE_MAX_BYTES / 1024} КБ: это не файл подписи`);
      continue;
    }
    if (!fileAccepted(file, types)) {
      problems.push(`Файл «${file.name}» неподходящего формата: приложите файл в формате ${mimeTypesLabel(types)}`);
    } else if (file.size === 0) {
      problems.push(`Файл «${file.name}» пустой: загрузите его заново`);
    } else if (f.maxSizeMb !== undefined && file.size > f.maxSizeMb * MB) {
      problems.push(
        `Файл «${file.name}» весит ${formatMb(file.size)} МБ, а допускается не больше ${formatNumberRu(f.maxSizeMb)} МБ: сожмите его или отсканируйте с меньшим разрешением`,
      );
    }
  }
  if (problems.length) {
    ctx.issues.push({ path, message: problems.join(". ") });
    return undefined;
  }
  return files;
}

function validateGroup(f: FieldDef, v: unknown, path: Path, ctx: Ctx, outer: Scope[]): unknown {
  const items = (v as Record<string, unknown>[] | null | undefined) ?? [];
  const min = Math.max(f.minItems ?? 0, f.required ? 1 : 0);
  if (items.length < min) {
    const message =
      items.length === 0 && min === 1
        ? requiredMessage(f)
        : `В «${f.label}» нужно не меньше ${min} ${genitive(min, RECORDS_GEN)}, сейчас ${items.length}: добавьте ещё ${min - items.length}`;
    ctx.issues.push({ path, message });
    if (items.length === 0) return undefined;
  }
  if (f.maxItems !== undefined && items.length > f.maxItems) {
    const extra = items.length - f.maxItems;
    ctx.issues.push({
      path,
      message: `В «${f.label}» можно добавить не больше ${f.maxItems} ${genitive(f.maxItems, RECORDS_GEN)}, сейчас ${items.length}: удалите ${extra} ${plural(extra, ["лишнюю", "лишние", "лишних"])}`,
    });
  }
  const subFields = f.fields ?? [];
  return items.map((item, i) => {
    const scope: Scope = { prefix: `${f.key}.`, values: item };
    const hidden = hiddenKeys(subFields, scope, outer);
    const out: Record<string, unknown> = {};
    const itemScopes = [{ prefix: scope.prefix, values: without(item, hidden) }, ...outer];
    for (const sub of subFields) {
      if (hidden.has(sub.key)) continue;
      const value = validateVisible(sub, own(item, sub.key), [...path, i, sub.key], ctx, itemScopes, subFields);
      if (value !== undefined) out[sub.key] = value;
    }
    return out;
  });
}

/** A date or number answer as a comparable value; null when absent or malformed (its own check speaks). */
function comparable(type: FieldDef["type"], v: unknown): { key: string | number; shown: string } | null {
  if (isEmptyValue(v)) return null;
  if (type === "date") {
    const parsed = parseDateValue(v);
    return parsed.ok ? { key: parsed.iso, shown: formatIsoDate(parsed.iso) } : null;
  }
  const n = parseNumberAnswer(v);
  return n === null ? null : { key: n, shown: String(v).trim() };
}

/**
 * R14 across fields (issue 16 p.1): `validation.notBefore` names the field this one may not precede,
 * looked up as conditions are (the same group item first, then the form), with both labels in the
 * message. Nothing is said while the other value is absent, hidden or malformed.
 */
function notBeforeProblem(f: FieldDef, value: unknown, scopes: Scope[], siblings: FieldDef[]): string | null {
  const ref = f.validation?.notBefore;
  const other = ref ? siblings.find((o) => o.key === ref && o.type === f.type) : undefined;
  if (!other) return null;
  const found = lookup(other.key, scopes);
  const mine = comparable(f.type, value);
  const theirs = "value" in found ? comparable(f.type, found.value) : null;
  if (!mine || !theirs || mine.key >= theirs.key) return null;
  return f.type === "date"
    ? `«${f.label}» не может быть раньше, чем «${other.label}» (${theirs.shown}): проверьте обе даты`
    : `«${f.label}» не может быть меньше, чем «${other.label}» (${theirs.shown}): проверьте оба значения`;
}

/** Validates a shown field (structure already checked); returns the normalized value or undefined. */
function validateVisible(
  f: FieldDef,
  v: unknown,
  path: Path,
  ctx: Ctx,
  scopes: Scope[],
  siblings: FieldDef[],
): unknown {
  if (f.type === "group") return validateGroup(f, v, path, ctx, scopes);
  if (f.type === "file") return validateFiles(f, v, path, ctx);
  if (isEmptyValue(v)) {
    if (f.required) ctx.issues.push({ path, message: requiredMessage(f) });
    return f.type === "checkbox" && !f.options?.length ? false : undefined;
  }
  const push = (message: string) => void ctx.issues.push({ path, message });
  switch (f.type) {
    case "number":
    case "date": {
      const value = f.type === "number" ? validateNumber(f, v, path, ctx) : validateDate(f, v, path, ctx);
      if (value === undefined) return undefined;
      const problem = notBeforeProblem(f, value, scopes, siblings);
      return problem ? push(problem) : value;
    }
    case "select":
    case "radio":
    case "checkbox":
      return validateChoice(f, v, path, ctx);
    case "full_name":
      return validateFullName(f, v, path, ctx);
    default:
      break;
  }
  const s = String(v);
  const id = IDENTIFIERS[f.type];
  if (id) {
    const message = id.validate(s);
    if (message) return push(message);
    const normalized = id.normalize(s) ?? s;
    const rule = stringRules(f, normalized, false);
    return rule ? push(rule) : normalized;
  }
  const text = f.type === "textarea" ? s.replace(/^\s+|\s+$/g, "") : s.trim().replace(/\s+/g, " ");
  if (f.type === "address") {
    if (!/\p{L}/u.test(text) || [...text].length < 5) {
      return push("Адрес слишком короткий: укажите населённый пункт, улицу, дом и, если есть, квартиру");
    }
  }
  const rule = stringRules(f, text, true);
  return rule ? push(rule) : text;
}

// ---------------------------------------------------------------------------------------------
// The whole form
// ---------------------------------------------------------------------------------------------

export type ValidationResult =
  { ok: true; data: ApplicationValues; issues: [] } | { ok: false; data: ApplicationValues; issues: FieldIssue[] };

/**
 * The schema's logic as a plain function: the structural check of every field, then (submit
 * mode) the format-logical check of the fields of the validated steps. `data` is the output the
 * schema returns on success (and a best-effort one alongside issues).
 */
export function validateApplication(
  steps: StepDef[],
  input: Record<string, unknown>,
  opts: BuildSchemaOptions,
): ValidationResult {
  const issues: FieldIssue[] = [];
  const fields = steps.flatMap((s) => s.fields);
  const checked: Record<string, unknown> = {};
  const broken = new Set<string>();
  for (const f of fields) {
    const r = structural(f, own(input, f.key), [f.key], issues);
    if (!r.ok) broken.add(f.key);
    else if (r.value !== undefined) checked[f.key] = r.value;
  }
  if (opts.mode === "draft")
    return issues.length ? { ok: false, data: checked, issues } : { ok: true, data: checked, issues: [] };

  const validated = new Set(
    steps.filter((s) => !opts.stepKeys || opts.stepKeys.includes(s.key)).flatMap((s) => s.fields.map((f) => f.key)),
  );
  const ctx: Ctx = { todayIso: civilToday(opts.today ?? new Date(), opts.timeZone), issues };
  const hidden = hiddenKeys(fields, { prefix: "", values: checked }, []);
  const scopes: Scope[] = [{ prefix: "", values: without(checked, hidden) }];
  const data: ApplicationValues = {};
  for (const f of fields) {
    if (!validated.has(f.key)) {
      if (checked[f.key] !== undefined) data[f.key] = checked[f.key];
      continue;
    }
    if (hidden.has(f.key) || broken.has(f.key)) continue;
    const value = validateVisible(f, own(checked, f.key), [f.key], ctx, scopes, fields);
    if (value !== undefined) data[f.key] = value;
  }
  const selfRepresented = representsThemself(fields, data, validated);
  if (selfRepresented) issues.push(selfRepresented);
  return issues.length ? { ok: false, data, issues } : { ok: true, data, issues: [] };
}

/**
 * Issue 16 p.6: «Я представитель заявителя» ticked with the applicant's name the representative's own
 * (the profile's prefill left in place) would send the application in the representative's name.
 */
function representsThemself(fields: FieldDef[], data: ApplicationValues, validated: Set<string>): FieldIssue | null {
  const byRole = (role: FieldDef["role"]) => fields.find((f) => f.role === role);
  const tick = byRole("representative");
  const applicant = byRole("applicantName");
  const representative = byRole("representativeName");
  if (!tick || !applicant || !representative || !validated.has(applicant.key) || data[tick.key] !== true) return null;
  const name = (v: unknown) =>
    v && typeof v === "object"
      ? NAME_PARTS.map((p) => String((v as Record<string, unknown>)[p] ?? ""))
          .join(" ")
          .trim()
          .toLowerCase()
      : String(v ?? "")
          .trim()
          .toLowerCase();
  const a = name(data[applicant.key]);
  if (!a || a !== name(data[representative.key])) return null;
  return {
    path: [applicant.key],
    message:
      "ФИО заявителя совпадает с ФИО представителя: укажите ФИО человека, которого вы представляете, или снимите отметку о представителе, если подаёте заявление за себя",
  };
}

/** Whether a step passes the submit-mode check. Pass every step as `allSteps` when conditions cross steps. */
export function isStepComplete(
  step: StepDef,
  values: Record<string, unknown>,
  allSteps?: StepDef[],
  opts?: Pick<BuildSchemaOptions, "today" | "timeZone">,
): boolean {
  return validateApplication(allSteps ?? [step], values, { ...opts, mode: "submit", stepKeys: [step.key] }).ok;
}

/**
 * Field path → first message, e.g. { "persons.0.lastName": "Заполните поле «Фамилия»" }. Issues
 * about the form as a whole go under `FORM_ERROR_KEY`.
 */
export function fieldErrorsByPath(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map((p) => String(p)).join(".") : FORM_ERROR_KEY;
    if (!Object.prototype.hasOwnProperty.call(out, key)) out[key] = issue.message;
  }
  return out;
}

/**
 * The steps without their file fields (top level and inside groups): the form of an application
 * that came on paper, whose documents are paper originals and nothing is uploaded (R23). The
 * server judges a paper application by this form, as the registrar's form shows it.
 */
export function withoutFileFields(steps: StepDef[]): StepDef[] {
  // No prefill either: a paper application is typed from the paper, not from the registrar's profile.
  const strip = (fields: FieldDef[]): FieldDef[] =>
    fields
      .filter((f) => f.type !== "file")
      .map((f) => {
        const { prefill: _prefill, ...rest } = f;
        return f.fields ? { ...rest, fields: strip(f.fields) } : rest;
      });
  return steps.map((s) => ({ ...s, fields: strip(s.fields) }));
}
