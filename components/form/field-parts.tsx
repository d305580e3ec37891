// The pieces every field shares: label with the required mark, hint, and the error message that
// the input points at with aria-describedby (R14: the message is in the form, beside the field).
import type { ReactNode } from "react";
import { errorId, hintId } from "./paths";

/**
 * The visual "*". Inputs carry aria-required, so the mark itself is hidden from screen readers;
 * a legend of a fieldset without that attribute (groups, files) says it in words (`announce`).
 */
export function RequiredMark({ required, announce = false }: { required?: boolean; announce?: boolean }) {
  if (!required) return null;
  return (
    <>
      <span className="text-red-700" aria-hidden>
        {" "}*
      </span>
      {announce ? <span className="sr-only"> (обязательно)</span> : null}
    </>
  );
}

export function FieldHint({ path, children }: { path: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={hintId(path)} className="mt-1 text-sm text-slate-600">
      {children}
    </p>
  );
}

export function FieldError({ path, message }: { path: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={errorId(path)} className="mt-1 text-sm font-semibold text-red-700" data-testid="field-error">
      <span className="sr-only">Ошибка: </span>
      {message}
    </p>
  );
}

/** The left bar GOV.UK puts beside a field in error, so the problem is visible without colour alone. */
export function fieldBox(error: boolean, extra = ""): string {
  return `${extra} ${error ? "border-l-4 border-red-700 pl-3" : ""}`.trim();
}

export function inputClass(error: boolean, width = "w-full"): string {
  return `mt-1 block ${width} rounded border bg-white px-3 py-2 ${error ? "border-red-700 ring-1 ring-red-700" : "border-slate-500"}`;
}
