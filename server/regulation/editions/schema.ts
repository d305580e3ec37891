// Client-safe inputs and names of the regulation editor (issue 10): the editor's forms and the
// procedures of server/api/routers/regulation.ts parse with these very schemas.
import { z } from "zod";
import { zId } from "../../ids";
import { UNSAFE_TEXT_MESSAGE, isSafeText, zText } from "../../text";

/**
 * What an edition is to its service (issue 10 p.1). Stored status is DRAFT, PUBLISHED or DISCARDED;
 * a published edition is in force, scheduled (its date is ahead) or superseded (a later one is in
 * force), which depends on the instant asked about, so it is derived, never stored.
 */
export const EDITION_STATES = ["draft", "in_force", "scheduled", "superseded", "discarded"] as const;
export type EditionState = (typeof EDITION_STATES)[number];
export const EDITION_STATE_LABEL: Record<EditionState, string> = {
  draft: "Черновик",
  in_force: "Действует",
  scheduled: "Вступит в силу",
  superseded: "Утратила силу",
  discarded: "Удалена",
};

/** The largest document the editor saves or imports (the seeds are about 40 KB). */
export const MAX_DOCUMENT_BYTES = 1_000_000;
/** A whole transfer file (server/regulation/transfer.ts): the document's limit and room for the envelope. */
export const MAX_TRANSFER_CHARS = MAX_DOCUMENT_BYTES + 10_000;
/** How deep a document may nest: the real shape is about 8 levels (a field in a group in a step). */
export const MAX_DOCUMENT_DEPTH = 24;

export const zServiceCode = z
  .string()
  .trim()
  .min(3, "Код услуги: не меньше 3 символов")
  .max(60, "Код услуги: не больше 60 символов")
  .regex(
    /^[a-z][a-z0-9-]*[a-z0-9]$/,
    "Код услуги: латинские буквы в нижнем регистре, цифры и дефис, например land-extract",
  );

const zTitle = zText()
  .trim()
  .min(3, "Укажите наименование услуги")
  .max(500, "Наименование услуги: не больше 500 символов");

export const zCreateServiceInput = z.object({
  code: zServiceCode,
  title: zTitle,
  departmentId: zId("Выберите подразделение"),
});
export type CreateServiceInput = z.infer<typeof zCreateServiceInput>;

export const zUpdateServiceInput = z.object({
  serviceId: zId(),
  title: zTitle,
  departmentId: zId("Выберите подразделение"),
});

export const zServiceActiveInput = z.object({ serviceId: zId(), active: z.boolean() });
export const zServiceCodeInput = z.object({ code: z.string().min(1).max(60) });
export const zEditionIdInput = z.object({ id: zId() });

/** A draft begins blank (a new service), from the edition in force, or from any earlier one (a restore). */
export const zStartDraftInput = z.object({ serviceId: zId(), fromVersionId: zId().optional() });

/**
 * The document travels as parsed JSON; its content is checked by validateDocument (a draft may be
 * incomplete), its size and depth here, so a hostile body is refused before anything reads it.
 */
export const zDocumentJson = z.record(z.string(), z.unknown()).superRefine((doc, ctx) => {
  const problem = jsonShapeProblem(doc);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const zSaveDraftInput = z.object({
  id: zId(),
  expectedRowVersion: z.number().int().nonnegative(),
  document: zDocumentJson,
});

export const zDiscardDraftInput = z.object({ id: zId(), expectedRowVersion: z.number().int().nonnegative() });

/** Size, depth and safe text of a JSON value, walked without recursion (a hostile file cannot blow the stack). */
export function jsonShapeProblem(value: unknown): string | null {
  let bytes = 0;
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 1 }];
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (depth > MAX_DOCUMENT_DEPTH) return `Документ вложен глубже ${MAX_DOCUMENT_DEPTH} уровней`;
    if (typeof v === "string") {
      // PostgreSQL's jsonb refuses a NUL and half characters (server/text.ts): refused here, on input.
      if (!isSafeText(v)) return UNSAFE_TEXT_MESSAGE;
      bytes += v.length * 2 + 2;
    } else if (v !== null && typeof v === "object") {
      const entries = Array.isArray(v) ? v : Object.entries(v).flat();
      bytes += 2 + entries.length;
      for (const e of entries) stack.push({ v: e, depth: depth + 1 });
    } else bytes += 8;
    if (bytes > MAX_DOCUMENT_BYTES)
      return `Документ больше ${Math.round(MAX_DOCUMENT_BYTES / 1000)} КБ: регламент столько не занимает`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Publishing and import (issue 10 p.4, p.6)

/** The years an act or an effective date may fall in: the working calendar is built over them. */
export const MIN_ACT_YEAR = 2000;
export const MAX_ACT_YEAR = 2100;

/** A civil date as the date inputs give it, YYYY-MM-DD, that exists (no 31 February). */
export const zLocalDate = (required: string) =>
  z
    .string(required)
    .trim()
    .min(1, required)
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Укажите дату в виде ДД.ММ.ГГГГ")
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, "Такой даты нет")
    .refine(
      (s) => s >= `${MIN_ACT_YEAR}` && s < `${MAX_ACT_YEAR + 1}`,
      `Укажите дату с ${MIN_ACT_YEAR} по ${MAX_ACT_YEAR} год`,
    );

/**
 * The publish form (the page's resolver) and, with the edition and its row version, the procedure.
 * The dates are the municipality's civil dates: the edition takes effect at the start of that day.
 * "Today or later" and "not in the future" depend on the municipality's today: the server checks
 * them and answers on the field.
 */
export const zPublishForm = z.object({
  effectiveFrom: zLocalDate("Укажите дату вступления в силу"),
  actNumber: zText().trim().min(1, "Укажите номер акта").max(100, "Номер акта: не больше 100 символов"),
  actDate: zLocalDate("Укажите дату акта"),
  basis: zText()
    .trim()
    .min(5, "Укажите наименование акта, например «Постановление администрации … о внесении изменений …»")
    .max(2000, "Наименование акта: не больше 2000 символов"),
});
export type PublishForm = z.infer<typeof zPublishForm>;

export const zPublishInput = zPublishForm.extend({
  id: zId(),
  expectedRowVersion: z.number().int().nonnegative(),
});

/** What the page asks while the form is filled: the dates may be half typed, so they are optional and loose. */
export const zPublishPreviewInput = z.object({
  id: zId(),
  effectiveFrom: z.string().max(20).optional(),
  actDate: z.string().max(20).optional(),
});

/** The file's text as the browser read it; its size is checked with a message before it is parsed. */
export const zImportEditionInput = z.object({
  serviceId: zId(),
  content: z.string().max(16_000_000, "Файл слишком большой"),
});
