"use client";
// The public check's form (issue 15 p.4): the document and its .sig go to POST /api/verify as they
// are (multipart); the answer is the verdict in words, or the refusal attached to its field with an
// error summary above the form.
import { useState, type FormEvent } from "react";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { SignatureVerdict, type VerdictView } from "@/components/signature/verdict";

type Answer = { document: string; signature: string; verdict: VerdictView };
const FIELDS = { document: "verify-document", signature: "verify-signature" } as const;

export function VerifyForm() {
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof typeof FIELDS | "form", string>>>({});
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const missing: typeof errors = {};
    const chosen = (name: string) => {
      const f = form.get(name);
      return f instanceof File && f.name !== "";
    };
    if (!chosen("document")) missing.document = "Выберите документ, подпись которого нужно проверить";
    if (!chosen("signature")) missing.signature = "Выберите файл электронной подписи (.sig или .p7s) к документу";
    setAnswer(null);
    setAttempt((n) => n + 1);
    if (Object.keys(missing).length) return setErrors(missing);
    setErrors({});
    setBusy(true);
    try {
      const res = await fetch("/api/verify", { method: "POST", body: form });
      const body = (await res.json().catch(() => null)) as
        (Answer & { error?: undefined }) | { error?: string; fieldErrors?: Record<string, string> } | null;
      if (res.ok && body && "verdict" in body) setAnswer(body);
      else {
        const fieldErrors = (body && "fieldErrors" in body && body.fieldErrors) || {};
        const message = body?.error ?? "Проверка не выполнена: попробуйте ещё раз";
        setErrors(
          fieldErrors.document || fieldErrors.signature
            ? { document: fieldErrors.document, signature: fieldErrors.signature }
            : { form: message },
        );
      }
    } catch {
      setErrors({ form: "Нет связи с сервером: проверьте подключение и повторите" });
    } finally {
      setBusy(false);
    }
  }

  const summary: SummaryError[] = [
    ...(errors.form ? [{ target: FIELDS.document, message: errors.form }] : []),
    ...(errors.document ? [{ target: FIELDS.document, message: errors.document }] : []),
    ...(errors.signature ? [{ target: FIELDS.signature, message: errors.signature }] : []),
  ];
  const field = (name: keyof typeof FIELDS, label: string, accept: string, hint: string) => (
    <div className="mt-4">
      <label htmlFor={FIELDS[name]} className="block font-medium">
        {label}
      </label>
      <p id={`${FIELDS[name]}-hint`} className="text-sm text-slate-600">
        {hint}
      </p>
      {errors[name] ? (
        <p id={`${FIELDS[name]}-error`} className="mt-1 text-sm font-semibold text-red-700">
          {errors[name]}
        </p>
      ) : null}
      <input
        id={FIELDS[name]}
        name={name}
        type="file"
        accept={accept}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={[`${FIELDS[name]}-hint`, errors[name] ? `${FIELDS[name]}-error` : null]
          .filter(Boolean)
          .join(" ")}
        className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-500 file:bg-white file:px-3 file:py-2 file:font-medium"
      />
    </div>
  );

  return (
    <div className="mt-6">
      <ErrorSummary errors={summary} focusToken={summary.length ? attempt : undefined} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="rounded-lg border border-slate-200 bg-white p-5">
        {field("document", "Документ", "", "Файл, который был подписан, например PDF.")}
        {field(
          "signature",
          "Файл электронной подписи",
          "application/pkcs7-signature,.sig,.p7s",
          "Открепленная подпись: файл .sig или .p7s.",
        )}
        <button
          type="submit"
          disabled={busy}
          className="mt-5 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {busy ? "Проверяем…" : "Проверить подпись"}
        </button>
      </form>
      <div aria-live="polite" className="mt-6">
        {answer ? (
          <section aria-labelledby="verify-result">
            <h2 id="verify-result" className="text-xl font-semibold">
              Результат проверки
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              Документ «{answer.document}», подпись «{answer.signature}»
            </p>
            <SignatureVerdict verdict={answer.verdict} detailed testId="verify-verdict" />
          </section>
        ) : null}
      </div>
    </div>
  );
}
