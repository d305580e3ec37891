// Result document templates (issue 10 p.2): the body text of a result type with placeholders, rendered
// for an application (the staff's move dialog is pre-filled with it; the official edits it and the
// generated PDF carries what was sent, as before) or for sample data (the editor's PDF preview).
// The syntax and its check are in ./template-syntax.ts: `{{field_key}}` for a top-level field of the
// applicant's steps, printed as the answers are printed everywhere (server/application/answers.ts: an
// option's label, a date as 05.03.2026, a full name in one line), and the Russian built-ins
// {{заявитель}}, {{номер_регистрации}}, {{дата_регистрации}}, {{услуга}}, {{сегодня}}.
// Client-safe and pure.
import { formatValue } from "../application/answers";
import { applicantOf } from "../application/applicant";
import { formatDate } from "../format/dates";
import type { FieldDef, RegulationDocument } from "./document";
import {
  isBuiltin,
  parseTemplate,
  TEMPLATE_BUILTIN_LABEL,
  TEMPLATE_BUILTINS,
  type TemplateBuiltin,
} from "./template-syntax";

export { parseTemplate, templatePlaceholders, templateProblems, TEMPLATE_BUILTINS } from "./template-syntax";
export type { TemplateBuiltin } from "./template-syntax";

export type TemplateContext = {
  doc: Pick<RegulationDocument, "form">;
  /** The application's values (Application.data). */
  data: Record<string, unknown>;
  applicantName: string;
  registrationNumber: string | null;
  registeredAt: Date | null;
  serviceTitle: string;
  today: Date;
};

const isApplicantStep = (s: RegulationDocument["form"]["steps"][number]) => (s.section ?? "applicant") === "applicant";

/** The fields a template may name: top-level fields of the applicant's steps, files aside. */
export function templateFields(doc: Pick<RegulationDocument, "form">): FieldDef[] {
  return doc.form.steps.filter(isApplicantStep).flatMap((s) => s.fields.filter((f) => f.type !== "file"));
}

/** What the editor's «Вставить поле» menu offers: the built-ins, then the form's fields. */
export function templateInsertions(doc: Pick<RegulationDocument, "form">): { token: string; label: string }[] {
  return [
    ...TEMPLATE_BUILTINS.map((b) => ({ token: `{{${b}}}`, label: TEMPLATE_BUILTIN_LABEL[b] })),
    ...templateFields(doc).map((f) => ({ token: `{{${f.key}}}`, label: f.label })),
  ];
}

function builtinValue(name: TemplateBuiltin, ctx: TemplateContext): string {
  switch (name) {
    case "заявитель":
      return ctx.applicantName;
    case "номер_регистрации":
      return ctx.registrationNumber ?? "—";
    case "дата_регистрации":
      return ctx.registeredAt ? formatDate(ctx.registeredAt) : "—";
    case "услуга":
      return ctx.serviceTitle;
    case "сегодня":
      return formatDate(ctx.today);
  }
}

/**
 * The text of a template for one application. A placeholder naming no field is left as written (a
 * draft may have one; validateDocument reports it, and a published edition has none), and so is a
 * malformed template as a whole: the official sees it and corrects the text.
 */
export function renderTemplate(template: string, ctx: TemplateContext): string {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return template;
  const fields = new Map(templateFields(ctx.doc).map((f) => [f.key, f]));
  return parsed.parts
    .map((part) => {
      if ("text" in part) return part.text;
      const name = part.placeholder;
      if (isBuiltin(name)) return builtinValue(name, ctx);
      const field = fields.get(name);
      return field ? formatValue(field, ctx.data[name]) : `{{${name}}}`;
    })
    .join("");
}

// ---------------------------------------------------------------------------------------------
// Sample data for the PDF preview

const SAMPLE_NAME = { lastName: "Иванов", firstName: "Иван", middleName: "Иванович" };
const SAMPLE_ADDRESS = "628000, Ханты-Мансийский автономный округ — Югра, с. Половинка, ул. Центральная, д. 1, кв. 1";

const SAMPLE_IDENTIFIER: Partial<Record<FieldDef["type"], string>> = {
  snils: "112-233-445 95",
  inn: "500100732259",
  inn_person: "500100732259",
  inn_legal: "7707083893",
  ogrn: "1027700132195",
  ogrnip: "304500116000157",
  passport: "4510 123456",
  postal_index: "628000",
};

/** A plausible answer for a field, by its type: what the preview letter shows in its place. */
export function sampleValue(f: FieldDef): unknown {
  switch (f.type) {
    case "text":
      return `Образец: ${f.label}`;
    case "textarea":
      return `Образец текста для поля «${f.label}»`;
    case "number":
      return f.validation?.min ?? 1;
    case "date":
      return "2026-03-02";
    case "select":
    case "radio":
      return f.options?.[0]?.value;
    case "checkbox":
      return f.options?.length ? [f.options[0]!.value] : true;
    case "address":
      return SAMPLE_ADDRESS;
    case "full_name":
      return SAMPLE_NAME;
    case "phone":
      return "+79001234567";
    case "email":
      return "ivanov@example.ru";
    case "file":
      return [{ id: "sample", name: "документ.pdf", size: 102_400, mimeType: "application/pdf" }];
    case "group":
      return [Object.fromEntries((f.fields ?? []).map((sub) => [sub.key, sampleValue(sub)]))];
    default:
      return SAMPLE_IDENTIFIER[f.type] ?? "Образец";
  }
}

/** Sample answers for every field of the applicant's steps. */
export function sampleData(doc: Pick<RegulationDocument, "form">): Record<string, unknown> {
  return Object.fromEntries(
    doc.form.steps.filter(isApplicantStep).flatMap((s) => s.fields.map((f) => [f.key, sampleValue(f)])),
  );
}

/** The sample application of the preview: its answers, the applicant as the field roles read them, a registration. */
export function sampleApplication(doc: Pick<RegulationDocument, "form">, at: Date) {
  const data = sampleData(doc);
  const applicant = applicantOf(doc, data, { ...SAMPLE_NAME, email: "ivanov@example.ru" });
  return {
    data,
    applicant,
    registrationNumber: `ОБРАЗЕЦ-${at.getUTCFullYear()}-00001`,
    registeredAt: at,
  };
}
