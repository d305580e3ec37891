"use client";
// "Проверьте ответы": every visible answer step by step, with «Изменить» per step (GOV.UK "check
// answers"). Also what prints as the paper copy (R15).
import type { StepDef } from "@/server/regulation/document";
import { visibleFields } from "@/server/regulation/form-schema";
import { answerRows, formatValue, NOT_GIVEN, type AnswerRow } from "@/server/application/answers";
import { isFileRefs, type FormValues } from "./values";

// What each answer reads as is the one renderer's (server/application/answers.ts), shared with the
// cabinet, the print copy, the staff card and the PDF; this lays it out.
function Answer({ row }: { row: AnswerRow }) {
  if (row.items) {
    if (!row.items.length) return <>{NOT_GIVEN}</>;
    return (
      <ol className="list-decimal space-y-2 pl-5">
        {row.items.map((item, i) => (
          <li key={i}>
            <dl className="grid gap-x-4 sm:grid-cols-[minmax(0,14rem)_1fr]">
              {item.map((sub) => (
                <div key={sub.key} className="contents">
                  <dt className="text-slate-600">{sub.label}</dt>
                  <dd className="break-words">{sub.text}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    );
  }
  if (row.field.type === "file" && isFileRefs(row.value) && row.value.length) {
    return (
      <ul>
        {row.value.map((f) => (
          <li key={f.id}>{formatValue(row.field, [f])}</li>
        ))}
      </ul>
    );
  }
  return <>{row.text}</>;
}

export function AnswersSummary({
  steps,
  values,
  complete,
  onEdit,
  shown,
}: {
  steps: StepDef[];
  values: FormValues;
  complete: boolean[];
  onEdit: (index: number) => void;
  /** Steps with nothing to ask for these answers are left out (issue 16 p.7); default: all shown. */
  shown?: boolean[];
}) {
  return (
    <div className="space-y-6">
      {steps.map((step, i) =>
        shown?.[i] === false ? null : (
          <section
            key={step.key}
            aria-labelledby={`answers-${step.key}`}
            className="rounded border border-slate-300 bg-white p-4"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 id={`answers-${step.key}`} className="text-lg font-semibold">
                {step.title}
              </h3>
              <button type="button" onClick={() => onEdit(i)} className="text-brand-700 underline no-print">
                Изменить<span className="sr-only"> ответы шага «{step.title}»</span>
              </button>
            </div>
            {!complete[i] ? (
              <p className="mt-1 text-sm font-semibold text-red-700">
                Шаг заполнен не полностью: нажмите «Изменить», чтобы исправить.
              </p>
            ) : null}
            <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(0,18rem)_1fr]">
              {answerRows(visibleFields(step, values, steps), values).map((row) => (
                <div key={row.key} className="contents">
                  <dt className="font-medium text-slate-700">{row.label}</dt>
                  <dd className="break-words">
                    <Answer row={row} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ),
      )}
    </div>
  );
}
