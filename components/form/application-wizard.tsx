"use client";
/**
 * The applicant's form, step by step, built from the regulation's form steps (R13-R16).
 *
 * - One react-hook-form instance for all steps (`shouldUnregister: false`): moving between steps
 *   keeps every value, invalid ones included. The resolver is the schema of the shared builder
 *   (`validateApplication`, as `regulationResolver`: no zod in the page) limited to the current step, so a field is judged when it is left
 *   and live after that (R14), with the builder's Russian messages.
 * - "Далее" is refused while the step has errors: the GOV.UK error summary appears and takes focus.
 * - The draft is saved by DraftSync (debounced autosave, browser copy, retries, conflicts), R15.
 * - Submission validates every step first and lands on the first step with an error; the server
 *   validates again and its field errors are mapped the same way.
 *
 * Rendered in the browser only: the browser copy of the draft (localStorage) decides the initial
 * values, and rendering them on the server would show other values for a moment.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { FormProvider, useForm, useFormState, useWatch } from "react-hook-form";
import type { AppRouter } from "@/server/api/root";
import type { StepDef } from "@/server/regulation/document";
import {
  FORM_ERROR_KEY,
  fieldErrorsByPath,
  isStepComplete,
  validateApplication,
  visibleFields,
} from "@/server/regulation/form-schema";
import { useTRPC } from "@/components/trpc-provider";
import { displayTimeZone } from "@/components/ui/format";
import dynamic from "next/dynamic";
import { DraftSync, type SyncSnapshot } from "./draft-sync";
import { FieldRenderer, preloadDeferredFields } from "./field-renderer";
import { FieldContext, type WizardFieldContext } from "./form-context";
import { browserDraftStorage, shouldRestore } from "./local-draft";
import { errorsForFields, flattenErrors, rootKey, stepIndexOfPath } from "./paths";
import { classifyRequestError } from "./request-errors";
import { StepErrorSummary } from "./step-error-summary";
import { buttonClass } from "@/components/ui/button";
import { StepNav } from "./step-nav";
import { forgetSubmissionKey, submissionKeyFor } from "./submission-key";
import { groupsJudgeOnlyThemselves, regulationResolver } from "./group-resolver";
import { fingerprint, formatSavedAt, knownValues, type FormValues } from "./values";
import { useRepresentativeSwap } from "./use-representative-swap";
import { printInFrame } from "./print-frame";

// Not needed for the first step to work, so not in the JavaScript the page waits for (issue 13 p.6):
// the review step's summary (with the answers renderer), the two-tab conflict dialog, and the file
// and group fields (./field-renderer). All of them are fetched as soon as the browser is idle after
// the page is up, so a connection lost later (the form keeps working offline: drafts) never finds a
// part missing.
const loadAnswersSummary = () => import("./answers-summary");
const loadConflictDialog = () => import("./conflict-dialog");
const AnswersSummary = dynamic(() => loadAnswersSummary().then((m) => m.AnswersSummary));
const ConflictDialog = dynamic(() => loadConflictDialog().then((m) => m.ConflictDialog));
function preloadDeferredParts() {
  void Promise.all([loadAnswersSummary(), loadConflictDialog(), preloadDeferredFields()]).catch(() => undefined);
}

export type DraftPayload = inferRouterOutputs<AppRouter>["application"]["getDraft"];

const noopSubscribe = () => () => {};

/** False during server rendering and hydration, true after: no hydration mismatch, no effect. */
function useIsClient(): boolean {
  return useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}

export function ApplicationWizard({ draft }: { draft: DraftPayload }) {
  const isClient = useIsClient();
  if (!isClient) {
    return (
      <p role="status" className="mt-6 text-slate-700">
        Загружаем форму заявления…
      </p>
    );
  }
  // A new edition of the regulation gives the draft another form (R11): a fresh wizard for it.
  return <Wizard key={`${draft.id}:${draft.version}`} draft={draft} />;
}

type Initial = { values: FormValues; stepIndex: number; rowVersion: number; restored: boolean; discardLocal: boolean };

/** Server values, or the browser copy when it holds changes the server never received. */
function initialState(draft: DraftPayload): Initial {
  const steps = draft.steps;
  const indexOf = (key: string | null | undefined) =>
    Math.max(
      0,
      steps.findIndex((s) => s.key === key),
    );
  const local = browserDraftStorage(draft.id).read();
  if (local) {
    const same = fingerprint(local.values, null) === fingerprint(draft.values, null);
    if (shouldRestore(local, { rowVersion: draft.rowVersion, savedAt: new Date(draft.savedAt) }, same)) {
      return {
        values: knownValues(steps, local.values),
        stepIndex: indexOf(local.currentStep ?? draft.currentStep),
        rowVersion: local.baseRowVersion,
        restored: true,
        discardLocal: false,
      };
    }
  }
  return {
    values: draft.values,
    stepIndex: indexOf(draft.currentStep),
    rowVersion: draft.rowVersion,
    restored: false,
    discardLocal: !!local,
  };
}

/** A 503 at submission: nothing was done (issue 13 p.7), so the same click is safe again. */
const BUSY_SUBMIT =
  "Сервер сейчас перегружен: заявление не отправлено. Данные сохранены — нажмите «Подать заявление» ещё раз через несколько секунд.";

function StatusLine({
  state,
  onChoose,
  signInHref,
}: {
  state: SyncSnapshot;
  onChoose: () => void;
  signInHref: string;
}) {
  const f = state.failure;
  let text: string;
  let tone = "text-slate-700";
  if (state.closed) text = "Заявление отправлено";
  else if (f?.kind === "conflict") {
    text = "Черновик изменён в другой вкладке или на другом устройстве: выберите, какую версию сохранить.";
    tone = "text-red-800";
  } else if (f?.kind === "offline") {
    text = "Нет связи: данные сохранены в браузере и будут отправлены при восстановлении связи";
    tone = "text-amber-900";
  } else if (f?.kind === "busy") {
    // Saturated for a moment (503): the values are in the browser and the save is retried shortly.
    text = "Сохраняем… Сервер сейчас загружен, повторим через несколько секунд";
  } else if (f?.kind === "server") {
    text = "Сервер не ответил: данные сохранены в браузере, повторим попытку автоматически";
    tone = "text-amber-900";
  } else if (f?.kind === "invalid") {
    text = `Черновик не сохранён: ${f.message}. Исправьте отмеченные поля — введённые данные сохранены в браузере`;
    tone = "text-red-800";
  } else if (f?.kind === "signed-out") {
    text = "Сеанс завершён: данные сохранены в браузере. Войдите снова, чтобы сохранить их на сервере";
    tone = "text-red-800";
  } else if (f?.kind === "closed") {
    text = f.message;
    tone = "text-red-800";
  } else if (state.saving) text = "Сохраняем…";
  else if (state.restored) text = "Восстановлены изменения, которые не успели сохраниться на сервере. Сохраняем…";
  else text = `Черновик сохранён ${formatSavedAt(state.savedAt)}`;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className={`text-sm font-medium ${tone}`}
        data-testid="draft-status"
      >
        {text}
      </p>
      {f?.kind === "conflict" ? (
        <button type="button" onClick={onChoose} className="text-sm font-semibold text-brand-700 underline">
          Выбрать версию
        </button>
      ) : null}
      {f?.kind === "signed-out" ? (
        <Link href={signInHref} className="text-sm font-semibold text-brand-700 underline">
          Войти
        </Link>
      ) : null}
    </div>
  );
}

const primaryButton = buttonClass("primary");
const secondaryButton = buttonClass("secondary", "bg-white");
const linkButton = buttonClass("link");

function Wizard({ draft }: { draft: DraftPayload }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const steps: StepDef[] = draft.steps;
  const reviewIndex = steps.length;
  // "Today" of the checks is the municipality's date (the zone the root layout publishes), as on the server.
  const [timeZone] = useState(displayTimeZone);

  const [initial] = useState(() => initialState(draft));
  const [stepIndex, setStepIndex] = useState(initial.stepIndex);
  const [summaryFor, setSummaryFor] = useState<number | null>(null);
  const [summaryToken, setSummaryToken] = useState(0);
  const [headingToken, setHeadingToken] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [conflictBusy, setConflictBusy] = useState(false);
  const [conflictError, setConflictError] = useState<string | null>(null);
  const submittingRef = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const isReview = stepIndex >= reviewIndex;
  const step = isReview ? undefined : steps[stepIndex];
  const stepKeyForSave = (isReview ? steps[steps.length - 1]?.key : step?.key) ?? null;

  // Only the current step is judged; the others pass through (their values are kept as typed).
  const resolver = useMemo(
    () =>
      groupsJudgeOnlyThemselves(
        regulationResolver(steps, { mode: "submit", stepKeys: step ? [step.key] : [], timeZone }),
        steps,
      ),
    [steps, step, timeZone],
  );
  const form = useForm<FormValues>({
    defaultValues: initial.values,
    shouldUnregister: false,
    mode: "onTouched",
    reValidateMode: "onChange",
    resolver,
  });
  const { control, setError, clearErrors, getValues, trigger, reset, subscribe } = form;

  const saveMutation = useMutation(trpc.application.saveDraft.mutationOptions());
  const submitMutation = useMutation(trpc.application.submit.mutationOptions());
  const saveDraft = saveMutation.mutateAsync;

  const [sync] = useState(
    () =>
      new DraftSync({
        id: draft.id,
        values: initial.values,
        currentStep: steps[initial.stepIndex]?.key ?? null,
        rowVersion: initial.rowVersion,
        savedAt: new Date(draft.savedAt),
        restored: initial.restored,
        storage: browserDraftStorage(draft.id),
        send: async (input) => {
          const saved = await saveDraft({ ...input, formVersion: draft.version });
          // The draft is on a newer edition than this form (R11): its values were carried over to
          // the new form on the server; show that form and its notice.
          if (saved.version !== draft.version) router.refresh();
          return saved;
        },
        onConflict: () => setDialogOpen(true),
        onInvalid: (fieldErrors) => {
          for (const [path, message] of Object.entries(fieldErrors))
            if (path !== FORM_ERROR_KEY) setError(path, { type: "server", message });
        },
      }),
  );
  const syncState = useSyncExternalStore(sync.subscribe, sync.getSnapshot, sync.getSnapshot);

  useEffect(() => sync.start(), [sync]);
  useEffect(() => {
    // Once the page is up and the browser idle (Safari has no requestIdleCallback: a short delay).
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(preloadDeferredParts);
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(preloadDeferredParts, 200);
    return () => window.clearTimeout(id);
  }, []);
  useEffect(() => {
    if (initial.discardLocal) browserDraftStorage(draft.id).remove();
  }, [draft.id, initial.discardLocal]);
  // Every change of the values (typing, an upload, a reset) goes to the saver, which ignores no-ops.
  useEffect(() => {
    const unsubscribe = subscribe({
      formState: { values: true },
      callback: ({ values }) => sync.change(knownValues(steps, values)),
    });
    return unsubscribe;
  }, [subscribe, sync, steps]);
  useEffect(() => sync.setStep(stepKeyForSave), [sync, stepKeyForSave]);
  useEffect(() => {
    if (headingToken) headingRef.current?.focus();
  }, [headingToken]);

  const values = useWatch({ control }) as FormValues;
  const representativeNote = useRepresentativeSwap(form, steps, draft.profileValues, values);
  const { errors } = useFormState({ control });
  const complete = useMemo(
    () => steps.map((s) => isStepComplete(s, values, steps, { timeZone })),
    [steps, values, timeZone],
  );
  const visible = useMemo(() => (step ? visibleFields(step, values, steps) : []), [step, values, steps]);
  // Issue 16 p.7: a step with nothing to ask for these answers (S2's persons for a thematic request)
  // is not shown, counted or stopped at; the form's one-thing-per-screen steps stay short on a phone.
  const shown = useMemo(() => steps.map((s) => visibleFields(s, values, steps).length > 0), [steps, values]);
  const shownIndices = steps.map((_, i) => i).filter((i) => shown[i]);
  const nextShown = (from: number, dir: 1 | -1) => {
    let i = from + dir;
    while (i >= 0 && i < reviewIndex && !shown[i]) i += dir;
    return i;
  };
  const stepErrors = summaryFor === stepIndex && step ? errorsForFields(flattenErrors(errors), visible, values) : [];

  const fieldContext = useMemo<WizardFieldContext>(
    () => ({ applicationId: draft.id, values, saveNow: () => void sync.saveNow() }),
    [draft.id, values, sync],
  );

  const goTo = (index: number) => {
    setStepIndex(Math.min(Math.max(index, 0), reviewIndex));
    setSummaryFor(null);
    setSubmitError(null);
    setHeadingToken((t) => t + 1);
  };

  /** Field errors (path → message) onto the fields; opens the first step that has one with its summary. */
  const showErrors = (fieldErrors: Record<string, string>) => {
    const entries = Object.entries(fieldErrors).filter(
      ([path]) => path !== FORM_ERROR_KEY && stepIndexOfPath(steps, path) >= 0,
    );
    if (!entries.length) return false;
    clearErrors();
    for (const [path, message] of entries) {
      const def = steps.flatMap((s) => s.fields).find((f) => f.key === rootKey(path));
      // A group's own message lives beside its items' messages (react-hook-form's `root`).
      setError(def?.type === "group" && path === def.key ? `${path}.root` : path, { type: "submit", message });
    }
    const first = Math.min(...entries.map(([path]) => stepIndexOfPath(steps, path)));
    setStepIndex(first);
    setSummaryFor(first);
    setSummaryToken((t) => t + 1);
    return true;
  };

  const next = async () => {
    const ok = await trigger(undefined, { shouldTouch: true });
    if (!ok) {
      setSummaryFor(stepIndex);
      setSummaryToken((t) => t + 1);
      return;
    }
    goTo(nextShown(stepIndex, 1));
  };

  const submit = async () => {
    // A second click while the first is on its way: nothing to do (and the server is idempotent).
    if (submittingRef.current) return;
    submittingRef.current = true;
    setSubmitting(true);
    setSubmitError(null);
    let leaving = false;
    try {
      const check = validateApplication(steps, knownValues(steps, getValues()), { mode: "submit", timeZone });
      if (!check.ok) {
        showErrors(fieldErrorsByPath({ issues: check.issues }));
        return;
      }
      if (!(await sync.flush())) {
        const failure = sync.getSnapshot().failure;
        if (failure?.kind !== "conflict") {
          setSubmitError(
            failure?.kind === "busy"
              ? BUSY_SUBMIT
              : failure?.kind === "offline" || failure?.kind === "server"
                ? "Нет связи с сервером: заявление не отправлено. Данные сохранены в браузере — попробуйте подать заявление ещё раз, когда связь восстановится."
                : `Заявление не отправлено: ${failure?.message ?? "не удалось сохранить последние изменения"}.`,
          );
        }
        return;
      }
      const result = await submitMutation.mutateAsync({
        id: draft.id,
        submissionKey: submissionKeyFor(draft.id),
        expectedRowVersion: sync.currentRowVersion,
      });
      leaving = true;
      sync.close();
      forgetSubmissionKey(draft.id);
      router.replace(`/cabinet/applications/${result.id}`);
    } catch (error) {
      const failure = classifyRequestError(error);
      if (failure.kind === "invalid" && showErrors(failure.fieldErrors)) return;
      if (failure.kind === "form-updated") {
        // A new edition came into force: the draft moved to it; the updated form replaces this one.
        setSubmitError(failure.message);
        router.refresh();
      } else if (failure.kind === "conflict") sync.reportConflict(failure);
      else if (failure.kind === "busy") setSubmitError(BUSY_SUBMIT);
      else if (failure.kind === "offline" || failure.kind === "server") {
        setSubmitError(
          "Нет ответа от сервера: возможно, заявление не отправлено. Нажмите «Подать заявление» ещё раз — повторная отправка не создаст второе заявление.",
        );
      } else setSubmitError(`Заявление не отправлено: ${failure.message}`);
    } finally {
      if (!leaving) {
        submittingRef.current = false;
        setSubmitting(false);
      }
    }
  };

  // Issue 16 p.2: the print page's copy of what the server holds, so whatever is unsaved goes first.
  const [printing, setPrinting] = useState(false);
  const [printError, setPrintError] = useState<string | null>(null);
  const printCopy = async () => {
    setPrintError(null);
    setPrinting(true);
    try {
      const saved = await sync.flush();
      if (!saved) {
        setPrintError(
          "Копию для печати не подготовить: последние изменения ещё не сохранены на сервере. Проверьте связь и нажмите «Распечатать» ещё раз.",
        );
        return;
      }
      if (!(await printInFrame(`/applications/${draft.id}/print`)))
        setPrintError("Не удалось подготовить копию для печати. Обновите страницу и попробуйте ещё раз.");
    } finally {
      setPrinting(false);
    }
  };

  const loadServerVersion = async () => {
    setConflictBusy(true);
    setConflictError(null);
    try {
      const fresh = await queryClient.fetchQuery({
        ...trpc.application.getDraft.queryOptions({ id: draft.id }),
        staleTime: 0,
      });
      if (fresh.status !== "DRAFT") {
        sync.close();
        router.replace(`/cabinet/applications/${draft.id}`);
        return;
      }
      if (fresh.version !== draft.version) {
        // The saved draft is on a newer edition of the regulation: load its form.
        sync.stop();
        setDialogOpen(false);
        router.refresh(); // the page loads the draft's form afresh (the wizard is keyed by the edition)
        return;
      }
      sync.acceptServer({ values: fresh.values, rowVersion: fresh.rowVersion, savedAt: new Date(fresh.savedAt) });
      reset(fresh.values);
      setDialogOpen(false);
    } catch {
      setConflictError("Не удалось загрузить сохранённую версию: нет связи с сервером. Попробуйте ещё раз.");
    } finally {
      setConflictBusy(false);
    }
  };

  const keepMine = () => {
    setDialogOpen(false);
    void sync.keepMine();
  };

  const navItems = [
    ...shownIndices.map((i) => ({ key: steps[i]!.key, title: steps[i]!.title, complete: complete[i] ?? false })),
    { key: "__review", title: "Проверка и подача", complete: null },
  ];
  const navCurrent = isReview ? shownIndices.length : shownIndices.indexOf(stepIndex);
  const incomplete = steps.filter((_, i) => shown[i] && !complete[i]);
  const previous = nextShown(stepIndex, -1);

  return (
    <FormProvider {...form}>
      <FieldContext.Provider value={fieldContext}>
        <div className="mt-6 grid gap-8 md:grid-cols-[16rem_minmax(0,1fr)] print:block">
          <StepNav
            items={navItems}
            current={navCurrent}
            onSelect={(k) => goTo(k < shownIndices.length ? shownIndices[k]! : reviewIndex)}
          />
          <form
            noValidate
            aria-labelledby="step-title"
            onSubmit={(e) => {
              e.preventDefault();
              void (isReview ? submit() : next());
            }}
            className="min-w-0 rounded-lg border border-slate-200 bg-white p-5 sm:p-6"
          >
            <StepErrorSummary errors={stepErrors} focusToken={summaryToken} />
            <h2 id="step-title" ref={headingRef} tabIndex={-1} className="text-2xl font-bold">
              {isReview
                ? "Проверка и подача заявления"
                : `Шаг ${shownIndices.indexOf(stepIndex) + 1} из ${shownIndices.length}. ${step?.title ?? ""}`}
            </h2>
            {step?.description ? <p className="mt-2 text-slate-700">{step.description}</p> : null}
            <div className="mt-3">
              <StatusLine
                state={syncState}
                onChoose={() => setDialogOpen(true)}
                signInHref={`/sign-in?callbackUrl=${encodeURIComponent(`/applications/${draft.id}`)}`}
              />
            </div>

            {isReview ? (
              <div className="mt-6">
                <p className="text-slate-700">
                  Проверьте ответы. Чтобы исправить ответ, нажмите «Изменить» у нужного шага.
                </p>
                {incomplete.length ? (
                  <div className="mt-4 rounded border-l-4 border-amber-600 bg-amber-50 p-4">
                    <p className="font-semibold">Заявление пока нельзя подать: заполнены не все шаги.</p>
                    <ul className="mt-1 list-disc pl-6">
                      {incomplete.map((s) => (
                        <li key={s.key}>
                          <button
                            type="button"
                            className="text-brand-700 underline"
                            onClick={() => goTo(steps.indexOf(s))}
                          >
                            {s.title}
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <div className="mt-6">
                  <AnswersSummary steps={steps} values={values} complete={complete} onEdit={goTo} shown={shown} />
                </div>
                <p className="mt-6 text-sm text-slate-700">
                  Нажимая «Подать заявление», вы подписываете его простой электронной подписью: заявление будет
                  подписано от имени вашей учётной записи.
                </p>
              </div>
            ) : (
              <>
                <p className="mt-4 text-sm text-slate-600">
                  Поля, отмеченные <span aria-hidden>*</span>
                  <span className="sr-only">звёздочкой</span>, обязательны для заполнения.
                </p>
                <div className="mt-6 space-y-6">
                  {visible.map((f) =>
                    f.role === "representative" ? (
                      <div key={f.key}>
                        <FieldRenderer field={f} path={f.key} />
                        {/* Issue 16 p.6: what the tick did to the applicant's fields, said where it was ticked. */}
                        <p role="status" className="mt-2 text-slate-800 empty:hidden" data-testid="representative-note">
                          {representativeNote ?? ""}
                        </p>
                      </div>
                    ) : (
                      <FieldRenderer key={f.key} field={f} path={f.key} />
                    ),
                  )}
                </div>
              </>
            )}

            {printError ? (
              <p role="alert" className="mt-6 rounded border-2 border-red-700 bg-red-50 p-3 text-red-800">
                {printError}
              </p>
            ) : null}
            {submitError ? (
              <p role="alert" className="mt-6 rounded border-2 border-red-700 bg-red-50 p-3 text-red-800">
                {submitError}
              </p>
            ) : null}

            {/* The field being left is judged on blur, and its new message pushes these buttons down
                between the press and the release: the click would land beside the button and do
                nothing. Pressing a button here keeps the focus where it is; the click itself judges
                the whole step (and focuses the summary or the next step's heading). */}
            <div
              className="mt-8 flex flex-wrap items-center gap-3 border-t border-slate-200 pt-5 no-print"
              onMouseDown={(e) => {
                if ((e.target as HTMLElement).closest("button")) e.preventDefault();
              }}
            >
              {isReview ? (
                <button type="submit" className={primaryButton} disabled={submitting}>
                  {submitting ? "Отправляем…" : "Подать заявление"}
                </button>
              ) : (
                <button type="submit" className={primaryButton}>
                  Далее
                </button>
              )}
              <button
                type="button"
                className={secondaryButton}
                onClick={() => void sync.saveNow({ force: true })}
                disabled={syncState.closed}
              >
                Сохранить черновик
              </button>
              {isReview ? (
                <button type="button" className={linkButton} onClick={() => void printCopy()} disabled={printing}>
                  {printing ? "Готовим копию…" : "Распечатать"}
                </button>
              ) : null}
              {previous >= 0 ? (
                <button type="button" className={linkButton} onClick={() => goTo(previous)}>
                  Назад
                </button>
              ) : null}
            </div>
          </form>
        </div>
        <ConflictDialog
          open={dialogOpen}
          message={
            conflictError ??
            (syncState.failure?.kind === "conflict"
              ? syncState.failure.message
              : "Черновик изменён в другой вкладке или на другом устройстве.")
          }
          busy={conflictBusy}
          onLoadServer={() => void loadServerVersion()}
          onKeepMine={keepMine}
          onClose={() => setDialogOpen(false)}
        />
      </FieldContext.Provider>
    </FormProvider>
  );
}
