// A labelled input whose error is announced and tied to it for screen readers (R14):
// aria-invalid on the input, aria-describedby pointing at the hint and the message.
import type { InputHTMLAttributes, ReactNode } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; hint?: ReactNode; error?: string; required?: boolean };

export function TextField({ id, label, hint, error, required, className, ...input }: Props) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
        {required ? <span className="text-red-700" aria-hidden> *</span> : null}
      </label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-600">{hint}</p> : null}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        className={`mt-1 block w-full rounded border px-3 py-2 ${error ? "border-red-700 ring-1 ring-red-700" : "border-slate-400"}`}
        {...input}
      />
      {error ? <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">{error}</p> : null}
    </div>
  );
}

/** The GOV.UK error summary: focused on a failed submit, each message links to its field. */
export function ErrorSummary({ errors, titleId = "error-summary-title" }: { errors: { field: string; message: string }[]; titleId?: string }) {
  if (!errors.length) return null;
  return (
    <div role="alert" aria-labelledby={titleId} tabIndex={-1} className="mb-6 rounded border-2 border-red-700 bg-red-50 p-4" data-testid="error-summary">
      <h2 id={titleId} className="font-semibold text-red-800">Исправьте ошибки</h2>
      <ul className="mt-2 list-disc pl-6">
        {errors.map((e) => (
          <li key={e.field + e.message}>
            <a href={`#${e.field}`} className="text-red-800 underline">{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
