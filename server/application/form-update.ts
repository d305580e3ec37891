// A draft that outlives its edition of the regulation (R11): its values carried over to the form of
// the edition in force, and what the applicant is told. Pure and client-safe.
import type { StepDef } from "../regulation/document";
import { validateApplication } from "../regulation/form-schema";
import { prefillValues, type IdentityProfile } from "./prefill";

export const FORM_UPDATED = (version: number) =>
  `Вступила в силу новая редакция регламента услуги (№ ${version}): форма заявления обновлена. Проверьте заявление в обновлённой форме и подайте его снова.`;

/**
 * Values of a draft carried over to the form of another edition of the regulation (R11): the keys
 * the new form still has, each as the new form's draft check reads it. A key the new form no longer
 * has is dropped, and so is a value its field can no longer hold (the field's type changed: text
 * where a list of files is now expected); `dropped` names both, and the form's notice names those
 * fields to the applicant. Fields new in this edition are prefilled from the profile as a new draft's.
 */
export function carryValues(
  steps: StepDef[],
  values: Record<string, unknown>,
  prefill?: { previousSteps: StepDef[]; profile: IdentityProfile },
): { values: Record<string, unknown>; dropped: string[] } {
  const known = new Set(steps.flatMap((s) => s.fields.map((f) => f.key)));
  const kept = Object.fromEntries(Object.entries(values).filter(([k]) => known.has(k)));
  const checked = validateApplication(steps, kept, { mode: "draft" }).data;
  const dropped = Object.keys(values).filter(
    (k) =>
      !Object.prototype.hasOwnProperty.call(checked, k) &&
      values[k] !== undefined &&
      values[k] !== null &&
      values[k] !== "",
  );
  if (!prefill) return { values: checked, dropped };
  const before = new Set(prefill.previousSteps.flatMap((s) => s.fields.map((f) => f.key)));
  const added = steps.map((s) => ({ ...s, fields: s.fields.filter((f) => !before.has(f.key)) }));
  return { values: prefillValues(added, prefill.profile, checked), dropped };
}
