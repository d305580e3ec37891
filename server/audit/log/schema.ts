// The auditors' log (issue 11, R3; 152-FZ: access to personal data is recorded): its filters and its
// page cursor, client-safe. One schema for the page's filter form (read from the address), the
// procedure and the CSV export, so the three filter alike.
import { z } from "zod";
import { ADMIN_EVENT_LABEL, type AdminEventType } from "../admin-event-types";
import { EVENT_LABEL } from "../event-labels";

/** A kind in the filter: which log it is in, and its type there ("application:card_viewed", "admin:role_granted"). */
export const AUDIT_KINDS: { value: string; label: string }[] = [
  ...Object.entries(EVENT_LABEL).map(([type, label]) => ({ value: `application:${type}`, label })),
  ...Object.entries(ADMIN_EVENT_LABEL).map(([type, label]) => ({ value: `admin:${type}`, label })),
];
const KIND_VALUES = new Set(AUDIT_KINDS.map((k) => k.value));

export type AuditKind = { source: "application"; type: string } | { source: "admin"; type: AdminEventType };

export function parseKind(value: string): AuditKind {
  const [source, type] = value.split(":") as ["application" | "admin", string];
  return source === "admin" ? { source, type: type as AdminEventType } : { source, type };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const realDate = (s: string) => {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};

/** An empty field of the form (the address carries `person=`) means no filter. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const date = (label: string) =>
  optional(z.string().trim().refine(realDate, `${label}: укажите дату в формате ГГГГ-ММ-ДД`));

export const auditFilterSchema = z
  .object({
    /** A part of the person's name or e-mail. */
    person: optional(z.string().trim().max(200, "Не больше 200 символов")),
    kind: optional(z.string().refine((v) => KIND_VALUES.has(v), "Выберите вид действия из списка")),
    /** The application's registration number, exactly (letter case aside). */
    application: optional(z.string().trim().max(64, "Не больше 64 символов")),
    /** The period, both days included, in the municipality's time zone. */
    from: date("Начало периода"),
    to: date("Конец периода"),
  })
  .superRefine((f, ctx) => {
    if (f.from && f.to && f.from > f.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "Конец периода раньше его начала" });
  });

export type AuditFilter = z.output<typeof auditFilterSchema>;

/**
 * Where a page of the log ends: the last row's time (the column's own text, microseconds, no zone
 * conversion on the way), its log (1: applications, 0: administration) and its id. The log is read
 * newest first in (at, log, id) order, so the next page starts strictly below this key.
 */
export const CURSOR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}_[01]_\d{1,19}$/;

export const AUDIT_PAGE_SIZE = 50;

export const auditLogInputSchema = z.object({
  filter: auditFilterSchema,
  after: optional(z.string().regex(CURSOR, "Неверная ссылка на страницу журнала")),
  limit: z.number().int().min(1).max(200).default(AUDIT_PAGE_SIZE),
});
