"use client";
// The error summary of the regulation's forms (wizard step, co-applicant's section, paper intake):
// the shared one (components/ui/error-summary.tsx) with errors given by field path.
import type { Ref } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { fieldId, type PathError } from "./paths";

export function StepErrorSummary({
  errors,
  ref,
  focusToken,
}: {
  errors: PathError[];
  ref?: Ref<HTMLDivElement>;
  focusToken?: number;
}) {
  return (
    <ErrorSummary
      ref={ref}
      errors={errors.map((e) => ({ target: fieldId(e.path), message: e.message, label: e.label, record: e.record }))}
      title="Есть ошибки: исправьте их, чтобы продолжить"
      titleId="step-errors-title"
      focusToken={focusToken}
    />
  );
}
