// The answers of a filled form as plain text (label → value), for the PDF copy, e-mails and the
// staff card. Pure and client-safe: the HTML view (components/form-answers.tsx) uses formatValue too.
import type { FieldDef, StepDef } from "../regulation/document";
import { formatDateRu, visibleFields, type FileRef } from "../regulation/form-schema";

export function formatValue(field: FieldDef, value: unknown): string {
  if (value === undefined || value === null || value === "") return "не указано";
  switch (field.type) {
    case "full_name": {
      const v = value as { lastName?: string; firstName?: string; middleName?: string } | string;
      return typeof v === "string" ? v : [v.lastName, v.firstName, v.middleName].filter(Boolean).join(" ");
    }
    case "checkbox":
      return value === true ? "Да" : "Нет";
    case "select":
    case "radio":
      return field.options?.find((o) => o.value === value)?.label ?? String(value);
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDateRu(value) : String(value);
    case "file":
      return (value as FileRef[]).map((f) => f.name).join("; ") || "не приложены";
    case "group":
      return (value as Record<string, unknown>[])
        .map((item, i) => `${i + 1}) ${(field.fields ?? []).filter((s) => item[s.key] !== undefined && item[s.key] !== "").map((s) => `${s.label}: ${formatValue(s, item[s.key])}`).join("; ")}`)
        .join("\n");
    default:
      return String(value);
  }
}

export type AnswerSection = { title: string; rows: { label: string; value: string }[] };

export function answerSections(steps: StepDef[], values: Record<string, unknown>): AnswerSection[] {
  return steps
    .map((step) => ({ title: step.title, rows: visibleFields(step, values, steps).map((f) => ({ label: f.label, value: formatValue(f, values[f.key]) })) }))
    .filter((s) => s.rows.length > 0);
}
