"use client";
// The profiling questions of a regulation with variants (issue 10 p.8, Government Decree No. 1228):
// the applicant answers about themself before the form, is told the variant in words with the
// documents it needs, and goes on to the form of that variant. While the application is a draft the
// answers may be changed here again (the draft keeps the values of the fields the new variant has).
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { formatDuration } from "@/components/ui/format";
import { classifyRequestError } from "@/components/form/request-errors";
import { matchVariant, type Answers } from "@/server/regulation/variants";
import type { Duration } from "@/server/regulation/document";

export type ProfilingData = {
  questions: { key: string; label: string; hint?: string; options: { value: string; label: string }[] }[];
  variants: {
    code: string;
    title: string;
    description: string | null;
    when: Record<string, string[]>;
    term: Duration;
    documents: { title: string; required: string; condition: string | null }[];
  }[];
  variant: { code: string; title: string } | null;
};

/** The answers that surely led to the draft's variant: where its `when` allows one answer only. */
function answersOf(profiling: ProfilingData): Answers {
  const chosen = profiling.variants.find((v) => v.code === profiling.variant?.code);
  if (!chosen) return {};
  return Object.fromEntries(
    Object.entries(chosen.when)
      .filter(([, values]) => values.length === 1)
      .map(([q, values]) => [q, values[0]!]),
  );
}

const REQUIRED_LABEL: Record<string, string> = {
  always: "",
  conditional: " (при необходимости)",
  optional: " (по желанию)",
};

export function ProfilingForm({ applicationId, profiling }: { applicationId: string; profiling: ProfilingData }) {
  const trpc = useTRPC();
  const router = useRouter();
  const choose = useMutation(trpc.application.chooseVariant.mutationOptions());
  const [answers, setAnswers] = useState<Answers>(() => answersOf(profiling));
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [leaving, setLeaving] = useState(false);
  const code = matchVariant(profiling, answers);
  const variant = profiling.variants.find((v) => v.code === code);
  const allAnswered = profiling.questions.every((q) => answers[q.key]);
  const busy = choose.isPending || leaving;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    const missing = profiling.questions.filter((q) => !answers[q.key]);
    if (missing.length) {
      setFieldErrors(Object.fromEntries(missing.map((q) => [q.key, "Выберите один из ответов"])));
      setError("Ответьте на все вопросы");
      document.getElementById(`profiling-${missing[0]!.key}-0`)?.focus();
      return;
    }
    setFieldErrors({});
    try {
      await choose.mutateAsync({ id: applicationId, answers });
      setLeaving(true);
      router.push(`/applications/${applicationId}`);
      router.refresh();
    } catch (e) {
      const failure = classifyRequestError(e);
      if (failure.kind === "invalid") setFieldErrors(failure.fieldErrors);
      setError(`Ответы не сохранены: ${failure.message}`);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="mt-6 space-y-6">
      <p className="text-slate-700">
        От ответов зависит вариант предоставления услуги: форма заявления, перечень документов и сроки.
      </p>
      {profiling.questions.map((q) => {
        const hintId = q.hint ? `profiling-${q.key}-hint` : undefined;
        const errorId = fieldErrors[q.key] ? `profiling-${q.key}-error` : undefined;
        return (
          <fieldset
            key={q.key}
            className="rounded-lg border border-slate-300 bg-white p-5"
            aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
            aria-invalid={errorId ? true : undefined}
          >
            <legend className="px-1 text-lg font-semibold">{q.label}</legend>
            {q.hint ? (
              <p id={hintId} className="mt-1 text-sm text-slate-600">
                {q.hint}
              </p>
            ) : null}
            <div className="mt-3 space-y-2">
              {q.options.map((o, i) => (
                <label key={o.value} className="flex items-center gap-3">
                  <input
                    id={`profiling-${q.key}-${i}`}
                    type="radio"
                    name={`profiling-${q.key}`}
                    value={o.value}
                    checked={answers[q.key] === o.value}
                    onChange={() => setAnswers((a) => ({ ...a, [q.key]: o.value }))}
                    className="h-5 w-5"
                  />
                  <span>{o.label}</span>
                </label>
              ))}
            </div>
            {errorId ? (
              <p id={errorId} className="mt-2 font-semibold text-red-800">
                {fieldErrors[q.key]}
              </p>
            ) : null}
          </fieldset>
        );
      })}

      <section aria-live="polite" aria-labelledby="profiling-variant" className="rounded-lg bg-slate-50 p-5">
        <h2 id="profiling-variant" className="text-lg font-semibold">
          {variant ? `Ваш вариант: ${variant.title}` : "Ваш вариант"}
        </h2>
        {variant ? (
          <div data-testid="profiling-variant">
            {variant.description ? <p className="mt-1">{variant.description}</p> : null}
            <p className="mt-2">Срок предоставления услуги: {formatDuration(variant.term)}.</p>
            {variant.documents.length ? (
              <>
                <p className="mt-2">Понадобятся:</p>
                <ul className="mt-1 list-disc space-y-1 pl-6">
                  {variant.documents.map((d) => (
                    <li key={d.title}>
                      {d.title}
                      {REQUIRED_LABEL[d.required] ?? ""}
                      {d.condition ? ` — ${d.condition}` : ""}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : (
          <p className="mt-1 text-slate-700">
            {allAnswered
              ? "Эти ответы не ведут ни к одному варианту услуги. Обратитесь в орган, предоставляющий услугу."
              : "Ответьте на вопросы, и мы покажем ваш вариант и документы, которые понадобятся."}
          </p>
        )}
      </section>

      {error ? (
        <p role="alert" className="font-semibold text-red-800">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={busy}
        className="rounded bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900 disabled:opacity-60"
      >
        {busy ? "Сохраняем ответы…" : "Перейти к заполнению заявления"}
      </button>
    </form>
  );
}
