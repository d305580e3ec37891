"use client";
// "Проверьте ответы": every visible answer step by step, with «Изменить» per step (GOV.UK "check
// answers"). Also what prints as the paper copy (R15).
import type { FieldDef, StepDef } from "@/server/regulation/document";
import { visibleFields } from "@/server/regulation/form-schema";
import { visibleSubFields } from "./paths";
import { displayValue, isFileRefs, type FormValues } from "./values";

function Answer({ field, value, values }: { field: FieldDef; value: unknown; values: FormValues }) {
  if (field.type === "group") {
    const items = Array.isArray(value) ? value : [];
    if (!items.length) return <>Не указано</>;
    return (
      <ol className="list-decimal space-y-2 pl-5">
        {items.map((raw, i) => {
          const item = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
          return (
            <li key={i}>
              <dl className="grid gap-x-4 sm:grid-cols-[minmax(0,14rem)_1fr]">
                {visibleSubFields(field, item, values).map((sub) => (
                  <div key={sub.key} className="contents">
                    <dt className="text-slate-600">{sub.label}</dt>
                    <dd className="break-words">{displayValue(sub, item[sub.key])}</dd>
                  </div>
                ))}
              </dl>
            </li>
          );
        })}
      </ol>
    );
  }
  if (field.type === "file" && isFileRefs(value) && value.length) {
    return (
      <ul>
        {value.map((f) => (
          <li key={f.id}>{displayValue(field, [f])}</li>
        ))}
      </ul>
    );
  }
  return <>{displayValue(field, value)}</>;
}

export function AnswersSummary({ steps, values, complete, onEdit }: { steps: StepDef[]; values: FormValues; complete: boolean[]; onEdit: (index: number) => void }) {
  return (
    <div className="space-y-6">
      {steps.map((step, i) => (
        <section key={step.key} aria-labelledby={`answers-${step.key}`} className="rounded border border-slate-300 bg-white p-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 id={`answers-${step.key}`} className="text-lg font-semibold">
              {step.title}
            </h3>
            <button type="button" onClick={() => onEdit(i)} className="text-brand-700 underline no-print">
              Изменить<span className="sr-only"> ответы шага «{step.title}»</span>
            </button>
          </div>
          {!complete[i] ? (
            <p className="mt-1 text-sm font-semibold text-red-700">Шаг заполнен не полностью: нажмите «Изменить», чтобы исправить.</p>
          ) : null}
          <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(0,18rem)_1fr]">
            {visibleFields(step, values, steps).map((f) => (
              <div key={f.key} className="contents">
                <dt className="font-medium text-slate-700">{f.label}</dt>
                <dd className="break-words">
                  <Answer field={f} value={values[f.key]} values={values} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
