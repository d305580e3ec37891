"use client";
// The GOV.UK error summary at the top of a step: shown when "Далее" or "Подать заявление" is
// refused, focused so a screen reader reads it, each message a link that moves focus to its field.
import type { Ref } from "react";
import { fieldId, focusPath, type PathError } from "./paths";

export function StepErrorSummary({ errors, ref }: { errors: PathError[]; ref?: Ref<HTMLDivElement> }) {
  if (!errors.length) return null;
  return (
    <div ref={ref} role="alert" aria-labelledby="step-errors-title" tabIndex={-1} className="mb-6 rounded border-4 border-red-700 bg-white p-4" data-testid="error-summary">
      <h2 id="step-errors-title" className="text-lg font-bold text-red-800">
        Есть ошибки: исправьте их, чтобы продолжить
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {errors.map((e) => (
          <li key={e.path}>
            <a
              href={`#${fieldId(e.path)}`}
              className="font-medium text-red-800 underline"
              onClick={(ev) => {
                if (focusPath(e.path)) ev.preventDefault();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
