// Value helpers of the form: change fingerprints, the conversions inputs need (dates typed as
// ДД.ММ.ГГГГ but stored as ISO, numbers stored as numbers once they read as one) and the file
// field's hints. How an answer reads is the answers renderer's (server/application/answers.ts).
import type { FieldDef, StepDef } from "@/server/regulation/document";
import { formatIsoDate } from "@/server/format/dates";
import { formatFileSize, isFileRefs } from "@/server/application/answers";
import { plural } from "@/server/format/plural";
import { acceptedMimeTypes, mimeTypesLabel } from "@/server/attachment/sniff";
import { afterColon } from "@/server/format/sentence";
import { displayTimeZone, formatTime, zonedFormat } from "@/components/ui/format";

export type FormValues = Record<string, unknown>;

/**
 * Drops what means "nothing entered" (undefined, null, ""), recursively. Mounting an input turns
 * an absent value into "" in react-hook-form; that must not count as a change to save.
 */
export function stripEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripEmpty);
  if (typeof v === "object" && v !== null && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) {
      const inner = stripEmpty((v as Record<string, unknown>)[key]);
      if (inner !== undefined) out[key] = inner;
    }
    return out;
  }
  if (v === null || v === "" || v === undefined) return undefined;
  return v;
}

/** A stable string for "did anything change": key order and empty inputs do not matter. */
export function fingerprint(values: FormValues, step: string | null): string {
  return `${step ?? ""}\u0000${JSON.stringify(stripEmpty(values) ?? {})}`;
}

/** Only the regulation's own top-level keys: the server refuses anything else in a draft. */
export function knownValues(steps: StepDef[], values: FormValues): FormValues {
  const out: FormValues = {};
  for (const step of steps) for (const f of step.fields) if (values[f.key] !== undefined) out[f.key] = values[f.key];
  return out;
}

/** A deep copy safe to send or store (react-hook-form mutates nested objects in place). */
export function cloneValues(values: FormValues): FormValues {
  return JSON.parse(JSON.stringify(values)) as FormValues;
}

// ---------------------------------------------------------------------------------------------
// Dates: typed by hand as ДД.ММ.ГГГГ (a date picker hides a half-typed date from the draft and
// from the check); stored as YYYY-MM-DD once complete, kept as typed otherwise.
// ---------------------------------------------------------------------------------------------

const RU_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
/** Eight digits typed on a numeric keypad without dots: ДДММГГГГ. */
const RU_DATE_DIGITS = /^(\d{2})(\d{2})(\d{4})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "05.03.1985" → "1985-03-05"; anything else is returned as typed (the check explains it). */
export function dateFromInput(text: string): string {
  const t = text.trim();
  const m = RU_DATE.exec(t) ?? RU_DATE_DIGITS.exec(t);
  if (!m) return text;
  return `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
}

/** What the date input shows for a stored value. */
export function dateToInput(value: unknown): string {
  if (typeof value !== "string") return "";
  return ISO_DATE.test(value) ? formatIsoDate(value) : value;
}

/** Numbers are stored as numbers when the text reads back identically ("1990"), else as typed ("12,5"). */
export function numberFromInput(text: string): string | number {
  const t = text.trim();
  if (t === "") return "";
  const n = Number(t);
  return Number.isFinite(n) && String(n) === t ? n : text;
}

// The file field and the requests panel take these from here; the answers renderer owns them.
export { formatFileSize, isFileRefs };

/**
 * The file field's hint: "Формат: PDF, JPEG, PNG; до 10 МБ каждый; не больше 3 файлов." The types
 * are the field's accepted ones exactly as the upload and the form check read them (one definition:
 * server/attachment/sniff.ts).
 */
export function fileLimitsText(field: Pick<FieldDef, "accept" | "maxSizeMb">, max: number): string {
  const parts: string[] = [mimeTypesLabel(acceptedMimeTypes(field.accept))];
  if (field.maxSizeMb) parts.push(`до ${field.maxSizeMb} МБ каждый`);
  parts.push(`не больше ${max} ${plural(max, ["файла", "файлов", "файлов"])}`);
  return `Формат: ${parts.join("; ")}.`;
}

/** The time a draft was saved, in the municipality's zone (as everywhere in the app):
 *  "в 12:41" today, "12 марта в 12:41" on another day. */
export function formatSavedAt(at: Date, now: Date = new Date(), timeZone: string = displayTimeZone()): string {
  const dayFormat = zonedFormat({ day: "numeric", month: "long" }, timeZone);
  const sameDay = dayFormat.format(at) === dayFormat.format(now);
  return sameDay ? `в ${formatTime(at, timeZone)}` : `${dayFormat.format(at)} в ${formatTime(at, timeZone)}`;
}

/**
 * «report.pdf» не загружен: <why>. The server's reason often names the file itself («Файл
 * «report.pdf» пустой: …»): then it is said as it is, the name once (issue 16 p.9); otherwise after
 * the name, lower-cased after the colon.
 */
export function failureText(fileName: string, action: "не загружен" | "не удалён", reason: string): string {
  if (reason.includes(`«${fileName}»`)) return reason;
  return `«${fileName}» ${action}: ${afterColon(reason)}`;
}
