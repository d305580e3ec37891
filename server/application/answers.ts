// The answers of a filled form, read-only: the one renderer behind the wizard's "check your
// answers", the cabinet and print copy (components/form-answers.tsx), the staff card and the PDF
// copy (http.ts). Pure and client-safe. Each view only lays the rows out (a table, a list, links to
// files); what a value reads as is decided here once, so a ticked option prints its label on the
// screen, on paper and in the PDF alike.
import type { FieldDef, StepDef } from "../regulation/document";
import { visibleFields, visibleSubFields, type FileRef } from "../regulation/form-schema";
import { formatPhone } from "../regulation/identifiers";
import { formatIsoDate } from "../format/dates";
import { fullNameOf } from "../people";

/** What a field without an answer reads as. */
export const NOT_GIVEN = "Не указано";

export function isFileRefs(v: unknown): v is FileRef[] {
  return Array.isArray(v) && v.every((x) => typeof x === "object" && x !== null && "id" in x && "name" in x);
}

/** «512 Б», «12 КБ», «1,5 МБ». */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Б`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} КБ`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} МБ`;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
const asItem = (raw: unknown): Record<string, unknown> =>
  typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
const optionLabel = (f: FieldDef, v: unknown) => f.options?.find((o) => o.value === String(v))?.label ?? String(v);

/** «Иванов Иван», «01.01.1990», the labels of the options chosen... one line of text per answer. */
export function formatValue(field: FieldDef, value: unknown): string {
  // A single checkbox is a yes/no question: left unticked, its answer is "no", not "not given".
  if (field.type === "checkbox" && !field.options?.length) return value === true ? "Да" : "Нет";
  if (isEmpty(value)) return NOT_GIVEN;
  switch (field.type) {
    case "full_name":
      return fullNameOf(value) || NOT_GIVEN;
    case "select":
    case "radio":
      return optionLabel(field, value);
    case "checkbox":
      // A list of options ticked: the values stored are codes, the reader wants the labels.
      return (Array.isArray(value) ? value : [value]).map((v) => optionLabel(field, v)).join("; ");
    case "date":
      return formatIsoDate(String(value));
    case "phone":
      return formatPhone(String(value));
    case "file":
      return isFileRefs(value) ? value.map((f) => `${f.name} (${formatFileSize(f.size)})`).join("; ") : NOT_GIVEN;
    case "group":
      return (Array.isArray(value) ? value : [])
        .map((raw, i) => {
          const item = asItem(raw);
          const parts = (field.fields ?? [])
            .filter((s) => !isEmpty(item[s.key]))
            .map((s) => `${s.label}: ${formatValue(s, item[s.key])}`);
          return `${i + 1}) ${parts.join("; ")}`;
        })
        .join("\n");
    default:
      return String(value);
  }
}

export type AnswerRow = {
  key: string;
  label: string;
  field: FieldDef;
  value: unknown;
  /** The answer as one text (a group's items numbered, one per line). */
  text: string;
  /** A group's items, each as its own rows (the sub-fields its conditions show). */
  items?: AnswerRow[][];
};

export type AnswerSection = { key: string; title: string; rows: AnswerRow[] };

/** The rows of the given fields: one per field, a group's items broken down into rows of their own. */
export function answerRows(
  fields: FieldDef[],
  values: Record<string, unknown>,
  root: Record<string, unknown> = values,
): AnswerRow[] {
  return fields.map((f) => {
    const value = values[f.key];
    const row: AnswerRow = { key: f.key, label: f.label, field: f, value, text: formatValue(f, value) };
    if (f.type === "group") {
      row.items = (Array.isArray(value) ? value : []).map((raw) => {
        const item = asItem(raw);
        return answerRows(visibleSubFields(f, item, root), item, root);
      });
    }
    return row;
  });
}

/** Every step with the fields its conditions show; steps with nothing to show are left out. */
export function answerSections(steps: StepDef[], values: Record<string, unknown>): AnswerSection[] {
  return steps
    .map((step) => ({ key: step.key, title: step.title, rows: answerRows(visibleFields(step, values, steps), values) }))
    .filter((s) => s.rows.length > 0);
}
