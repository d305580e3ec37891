"use client";
/**
 * Registration of an application that came on paper, in person, by post, from the MFC or by
 * e-mail (R23). One page: the intake data (channel, date and time of receipt, the applicant's
 * identity), then every applicant step of the service's form as a fieldset, rendered by the portal's
 * own field renderers and judged by the same schema builder (R14): a field is checked when it is
 * left and live after that; a refused registration shows the GOV.UK error summary, focused, with a
 * link to each field. File fields are not shown: the documents are paper originals.
 *
 * On success the page shows the registration number, the date and time of registration, the
 * expected completion date, the card link and the two-copy receipt (R23).
 */
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { FormProvider, useForm, useFormState, useWatch } from "react-hook-form";
import type { AppRouter } from "@/server/api/root";
import type { StepDef } from "@/server/regulation/document";
import { FORM_ERROR_KEY, visibleFields } from "@/server/regulation/form-schema";
import { prefillValues } from "@/server/application/prefill";
import { formatPhone } from "@/server/regulation/identifiers";
import { useTRPC } from "@/components/trpc-provider";
import { Button } from "@/components/ui/button";
import { FieldContext, type WizardFieldContext } from "@/components/form/form-context";
import { errorsForFields, flattenErrors, rootKey, type PathError } from "@/components/form/paths";
import { classifyRequestError } from "@/components/form/request-errors";
import { StepErrorSummary } from "@/components/form/step-error-summary";
import { stripEmpty, type FormValues } from "@/components/form/values";
import {
  ChannelField,
  IdentityFields,
  PaperStepFields,
  ReceivedAtField,
  ReceivedDocumentsField,
} from "./intake-fields";
import {
  INTAKE_KEY,
  INTAKE_PATHS,
  emptyIntake,
  intakePaths,
  type ChecklistDocument,
  formPathOf,
  intakeOf,
  intakeResolver,
  paperSteps,
  registerInput,
  type IntakeChannel,
} from "./intake-schema";
import { RegistrationResult } from "./registration-result";
import { toLocalInput } from "./zoned-time";

export type Registered = inferRouterOutputs<AppRouter>["staff"]["registerPaper"];

export type IntakeFormProps = {
  service: { code: string; title: string };
  steps: StepDef[];
  channels: IntakeChannel[];
  /** The regulation's documents the applicant provides: the checklist of what was received (issue 16 p.12). */
  documents: ChecklistDocument[];
  timeZone: string;
  /**
   * The server's "now" (ISO) when the page was made: the browser's clock may be off, and a time of
   * receipt in the server's future is refused, so the form's clock is the server's.
   */
  now: string;
};

const noop = () => {};
const fp = (v: unknown) => JSON.stringify(stripEmpty(v) ?? null);

const noopSubscribe = () => () => {};

/**
 * Rendered in the browser only: an input typed into before hydration would be reset to its default
 * when react-hook-form registers it, silently losing what the registrar entered.
 */
export function IntakeForm(props: IntakeFormProps) {
  const isClient = useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
  if (!isClient) {
    return (
      <p role="status" className="mt-6 text-slate-700">
        Загружаем форму заявления…
      </p>
    );
  }
  return <PaperForm {...props} />;
}

function PaperForm({ service, steps, channels, documents, timeZone, now }: IntakeFormProps) {
  const trpc = useTRPC();
  const paper = useMemo(() => paperSteps(steps), [steps]);
  const formSteps = useMemo(() => paper.map((p) => p.step), [paper]);
  // The server's clock: the browser's shifted by the difference seen when the page arrived (the
  // page was made a moment earlier, so this errs towards the past, never into the future).
  const [skew] = useState(() => new Date(now).getTime() - Date.now());
  const clock = useCallback(() => new Date(Date.now() + skew), [skew]);
  const resolver = useMemo(
    () => intakeResolver(formSteps, { channels, timeZone, now: clock }),
    [formSteps, channels, timeZone, clock],
  );
  const [defaults] = useState<FormValues>(() => ({
    [INTAKE_KEY]: emptyIntake(toLocalInput(new Date(now), timeZone), documents.length),
  }));

  // The error summary takes focus on a refused registration (GOV.UK), not the first field.
  const form = useForm<FormValues>({
    defaultValues: defaults,
    shouldUnregister: false,
    shouldFocusError: false,
    mode: "onTouched",
    reValidateMode: "onChange",
    resolver,
  });
  const { control, handleSubmit, setError, clearErrors, setValue, getValues, getFieldState, reset } = form;
  const values = useWatch({ control }) as FormValues;

  // "Now" stays now while the registrar has not touched the time of receipt: a form opened in the
  // morning and filled in for a visitor at noon is received at noon.
  useEffect(() => {
    const path: string = `${INTAKE_KEY}.receivedAt`;
    const timer = window.setInterval(() => {
      const state = getFieldState(path);
      if (state.isDirty || state.isTouched) return;
      const current = toLocalInput(clock(), timeZone);
      if (getValues(path) !== current) setValue(path, current);
    }, 15_000);
    return () => window.clearInterval(timer);
  }, [clock, timeZone, getFieldState, getValues, setValue]);
  const { errors } = useFormState({ control });

  const [showSummary, setShowSummary] = useState(false);
  const [summaryToken, setSummaryToken] = useState(0);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [result, setResult] = useState<Registered | null>(null);
  const submitErrorRef = useRef<HTMLParagraphElement>(null);
  const busy = useRef(false);
  // One key per application being entered: a repeated request (double click, a retry after a lost
  // answer) returns the first registration instead of creating a second application.
  const [submissionKey, setSubmissionKey] = useState(() => crypto.randomUUID());
  const register = useMutation(trpc.staff.registerPaper.mutationOptions());

  const visibleBySteps = useMemo(
    () => paper.map((p) => visibleFields(p.step, values, formSteps)),
    [paper, values, formSteps],
  );
  // Paper documents whose field would be shown now (a power of attorney only for a representative).
  const documentsBySteps = useMemo(
    () =>
      steps.map((step, i) => {
        const shown = new Set(visibleFields(step, values, steps).map((f) => f.key));
        return [...new Set((paper[i]?.paperDocuments ?? []).filter((d) => shown.has(d.key)).map((d) => d.label))];
      }),
    [steps, paper, values],
  );
  const allVisible = useMemo(() => visibleBySteps.flat(), [visibleBySteps]);

  // Fields the regulation fills from the applicant's profile on the portal (name, phone, e-mail:
  // R6, nothing asked twice) follow the identity entered above, until the registrar edits them.
  const autoFilled = useRef<Record<string, string>>({});
  const applicant = intakeOf(values).applicant;
  useEffect(() => {
    const phone = applicant.phone.trim() ? formatPhone(applicant.phone.trim()) : null;
    const wanted = prefillValues(steps, {
      lastName: applicant.lastName.trim(),
      firstName: applicant.firstName.trim(),
      middleName: applicant.middleName.trim() || null,
      email: applicant.email.trim(),
      phone,
    });
    for (const f of allVisible) {
      if (!(f.key in wanted)) continue;
      const want = fp(wanted[f.key]);
      const current = fp(values[f.key]);
      if (want === "null" || want === current) continue;
      if (current !== "null" && current !== autoFilled.current[f.key]) continue;
      autoFilled.current[f.key] = want;
      setValue(f.key, wanted[f.key], { shouldDirty: true, shouldValidate: !!getFieldState(f.key).error });
    }
  }, [
    applicant.lastName,
    applicant.firstName,
    applicant.middleName,
    applicant.email,
    applicant.phone,
    allVisible,
    steps,
    values,
    setValue,
    getFieldState,
  ]);

  const fieldContext = useMemo<WizardFieldContext>(() => ({ applicationId: "", values, saveNow: noop }), [values]);

  const summaryErrors: PathError[] = useMemo(() => {
    if (!showSummary) return [];
    const flat = flattenErrors(errors);
    const order = new Map<string, number>(intakePaths(documents.length).map((p, i) => [p, i]));
    const intake = flat
      .filter((e) => order.has(e.path))
      .sort((a, b) => order.get(a.path)! - order.get(b.path)!)
      .map((e) => {
        // A document's sheets: the summary names the document (issue 16 p.5).
        const line = /^_intake\.documents\.(\d+)\.sheets$/.exec(e.path);
        return line ? { ...e, label: documents[Number(line[1])]?.title } : e;
      });
    return [...intake, ...errorsForFields(flat, allVisible, values)];
  }, [showSummary, errors, allVisible, values, documents]);

  const openSummary = () => {
    setShowSummary(true);
    setSummaryToken((t) => t + 1);
  };

  /** The server's field messages onto the fields; the rest (if any) becomes the form's message. */
  const showServerErrors = (fieldErrors: Record<string, string>, message: string): boolean => {
    const fieldKeys = new Set(formSteps.flatMap((s) => s.fields.map((f) => f.key)));
    const placed: [string, string][] = [];
    const other: string[] = [];
    for (const [serverPath, text] of Object.entries(fieldErrors)) {
      const path = formPathOf(serverPath);
      if (
        path !== FORM_ERROR_KEY &&
        ((INTAKE_PATHS as readonly string[]).includes(path) || fieldKeys.has(rootKey(path)))
      )
        placed.push([path, text]);
      else other.push(text);
    }
    if (!placed.length) return false;
    clearErrors();
    for (const [path, text] of placed) {
      const def = formSteps.flatMap((s) => s.fields).find((f) => f.key === rootKey(path));
      // A group's own message lives beside its items' messages (react-hook-form's `root`).
      setError(def?.type === "group" && path === def.key ? `${path}.root` : path, { type: "server", message: text });
    }
    setSubmitError(other.length ? `${message}: ${other.join("; ")}` : null);
    openSummary();
    return true;
  };

  const fail = (text: string) => {
    setSubmitError(text);
    requestAnimationFrame(() => submitErrorRef.current?.focus());
  };

  // The values as typed (not the resolver's normalised copy): the server receives exactly what the
  // portal would send and runs the same check again.
  const onValid = async () => {
    if (busy.current) return;
    const input = registerInput(service.code, formSteps, getValues(), timeZone, documents);
    if (!input) return;
    busy.current = true;
    setSubmitError(null);
    try {
      const registered = await register.mutateAsync({ ...input, submissionKey });
      setShowSummary(false);
      setResult(registered);
    } catch (error) {
      const failure = classifyRequestError(error);
      if (failure.kind === "invalid" && showServerErrors(failure.fieldErrors, failure.message)) return;
      if (failure.kind === "offline" || failure.kind === "server") {
        fail(
          "Нет ответа от сервера: заявление, возможно, не зарегистрировано. Нажмите «Зарегистрировать заявление» ещё раз, когда связь восстановится: повторная отправка не создаст второе заявление.",
        );
      } else if (failure.kind === "signed-out") {
        fail(`Заявление не зарегистрировано: ${failure.message}. Если сеанс завершён, войдите снова.`);
      } else fail(`Заявление не зарегистрировано: ${failure.message}`);
    } finally {
      busy.current = false;
    }
  };

  const startOver = () => {
    autoFilled.current = {};
    reset({ [INTAKE_KEY]: emptyIntake(toLocalInput(clock(), timeZone), documents.length) });
    setResult(null);
    setSubmissionKey(crypto.randomUUID());
    setSubmitError(null);
    setShowSummary(false);
  };

  if (result) {
    return (
      <RegistrationResult
        result={result}
        timeZone={timeZone}
        channel={intakeOf(values).channel || null}
        onStartOver={startOver}
      />
    );
  }

  return (
    <FormProvider {...form}>
      <FieldContext.Provider value={fieldContext}>
        <form
          noValidate
          aria-labelledby="intake-form-title"
          onSubmit={(e) => void handleSubmit(onValid, openSummary)(e)}
          className="mt-6 min-w-0 rounded-lg border border-slate-200 bg-white p-5 sm:p-6"
        >
          {/* Focused on each refusal once it is on screen (the errors may arrive a render later). */}
          <StepErrorSummary errors={summaryErrors} focusToken={summaryToken} />
          <h2 id="intake-form-title" className="text-2xl font-bold">
            Заявление «{service.title}»
          </h2>
          <p className="mt-2 text-sm text-slate-600">
            Поля, отмеченные <span aria-hidden>*</span>
            <span className="sr-only">звёздочкой</span>, обязательны для заполнения. Введённые данные проверяются так
            же, как на портале.
          </p>

          <fieldset className="mt-6 space-y-5 rounded border border-slate-300 p-4">
            <legend className="px-1 text-xl font-semibold">Поступление заявления</legend>
            <ChannelField channels={channels} />
            <ReceivedAtField timeZone={timeZone} clock={clock} />
          </fieldset>

          <fieldset className="mt-6 rounded border border-slate-300 p-4">
            <legend className="px-1 text-xl font-semibold">Кто подал заявление</legend>
            <p className="mb-4 text-sm text-slate-600">
              По документу, удостоверяющему личность. Эти данные попадут в расписку и в учётную запись заявителя.
            </p>
            <IdentityFields />
          </fieldset>

          {paper.map((p, i) => (
            <PaperStepFields
              key={p.step.key}
              step={p.step}
              fields={visibleBySteps[i] ?? []}
              documents={documentsBySteps[i] ?? []}
            />
          ))}

          <ReceivedDocumentsField documents={documents} />

          {submitError ? (
            <p
              ref={submitErrorRef}
              tabIndex={-1}
              role="alert"
              className="mt-6 rounded border-2 border-red-700 bg-red-50 p-3 text-red-800"
            >
              {submitError}
            </p>
          ) : null}

          <div className="mt-8 flex flex-wrap items-center gap-3 border-t border-slate-200 pt-5">
            <Button type="submit" disabled={register.isPending} aria-disabled={register.isPending || undefined}>
              {register.isPending ? "Регистрируем…" : "Зарегистрировать заявление"}
            </Button>
            <Link href="/staff/register" className="px-2 py-2 text-brand-700 underline">
              Выбрать другую услугу
            </Link>
          </div>
        </form>
      </FieldContext.Provider>
    </FormProvider>
  );
}
