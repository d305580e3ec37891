"use client";
/**
 * The form of the edition as the applicant will see it (issue 10 p.2, R13-R16): the wizard's own
 * parts (step list, field renderer, error summary, answers review) and the same checks
 * (buildApplicationSchema, limited to the current step as in the wizard), so «Далее» refuses what
 * the portal would refuse and show-if conditions work live. Nothing is saved: no draft, no upload
 * (the field context's `preview`), and the values are forgotten when the form is edited.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm, useFormState, useWatch } from "react-hook-form";
import type { RegulationDocument, StepDef } from "@/server/regulation/document";
import { isStepComplete, visibleFields } from "@/server/regulation/form-schema";
import { buildApplicationSchema } from "@/server/regulation/form-zod";
import { AnswersSummary } from "@/components/form/answers-summary";
import { FieldRenderer } from "@/components/form/field-renderer";
import { FieldContext, type WizardFieldContext } from "@/components/form/form-context";
import { groupsJudgeOnlyThemselves } from "@/components/form/group-resolver";
import { errorsForFields, flattenErrors } from "@/components/form/paths";
import { StepErrorSummary } from "@/components/form/step-error-summary";
import { StepNav } from "@/components/form/step-nav";
import type { FormValues } from "@/components/form/values";
import { Button } from "@/components/ui/button";
import { displayTimeZone } from "@/components/ui/format";

const noop = () => {};

export function FormPreview({ doc }: { doc: RegulationDocument }) {
  const steps = useMemo(() => (doc.form?.steps ?? []).filter((s) => (s.section ?? "applicant") === "applicant"), [doc]);
  // A form the renderer cannot build (a half-typed pattern, say) is named, not crashed on.
  const broken = useMemo(() => {
    try {
      buildApplicationSchema(steps, { mode: "submit", timeZone: displayTimeZone() });
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }, [steps]);
  const key = useMemo(() => JSON.stringify(steps), [steps]);
  if (!steps.length)
    return <p className="text-slate-700">В форме нет шагов заявителя: добавьте шаг в разделе «Форма».</p>;
  if (broken)
    return (
      <p className="text-slate-700">
        Предпросмотр недоступен, пока в форме есть ошибка: {broken}. Исправьте её по списку проблем.
      </p>
    );
  return (
    <div data-editor-preview data-testid="form-preview">
      <p className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-sm">
        Так форму увидит заявитель. Введённое здесь никуда не отправляется и не сохраняется; после изменения формы
        предпросмотр начинается заново.
      </p>
      <PreviewWizard key={key} steps={steps} />
    </div>
  );
}

function PreviewWizard({ steps }: { steps: StepDef[] }) {
  const [timeZone] = useState(displayTimeZone);
  const [stepIndex, setStepIndex] = useState(0);
  const [summaryFor, setSummaryFor] = useState<number | null>(null);
  const [summaryToken, setSummaryToken] = useState(0);
  const [headingToken, setHeadingToken] = useState(0);
  const [done, setDone] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reviewIndex = steps.length;
  const isReview = stepIndex >= reviewIndex;
  const step = isReview ? undefined : steps[stepIndex];

  const resolver = useMemo(
    () =>
      groupsJudgeOnlyThemselves(
        zodResolver(buildApplicationSchema(steps, { mode: "submit", stepKeys: step ? [step.key] : [], timeZone })),
        steps,
      ),
    [steps, step, timeZone],
  );
  const form = useForm<FormValues>({
    defaultValues: {},
    shouldUnregister: false,
    mode: "onTouched",
    reValidateMode: "onChange",
    resolver,
  });
  const { control, trigger } = form;
  const values = useWatch({ control }) as FormValues;
  const { errors } = useFormState({ control });
  useEffect(() => {
    if (headingToken) headingRef.current?.focus();
  }, [headingToken]);

  const complete = useMemo(
    () => steps.map((s) => isStepComplete(s, values, steps, { timeZone })),
    [steps, values, timeZone],
  );
  const visible = useMemo(() => (step ? visibleFields(step, values, steps) : []), [step, values, steps]);
  const stepErrors = summaryFor === stepIndex && step ? errorsForFields(flattenErrors(errors), visible, values) : [];
  const fieldContext = useMemo<WizardFieldContext>(
    () => ({ applicationId: "preview", values, saveNow: noop, preview: true }),
    [values],
  );

  const goTo = (index: number) => {
    setStepIndex(Math.min(Math.max(index, 0), reviewIndex));
    setSummaryFor(null);
    setDone(false);
    setHeadingToken((t) => t + 1);
  };
  const next = async () => {
    if (!(await trigger(undefined, { shouldTouch: true }))) {
      setSummaryFor(stepIndex);
      setSummaryToken((t) => t + 1);
      return;
    }
    goTo(stepIndex + 1);
  };

  const navItems = [
    ...steps.map((s, i) => ({ key: s.key, title: s.title, complete: complete[i] ?? false })),
    { key: "__review", title: "Проверка и подача", complete: null },
  ];
  const incomplete = steps.filter((_, i) => !complete[i]);

  return (
    <FormProvider {...form}>
      <FieldContext.Provider value={fieldContext}>
        <div className="mt-4 grid gap-6 xl:grid-cols-[14rem_minmax(0,1fr)]">
          <StepNav items={navItems} current={stepIndex} onSelect={goTo} />
          <form
            noValidate
            aria-labelledby="preview-step-title"
            onSubmit={(e) => {
              e.preventDefault();
              if (isReview) setDone(incomplete.length === 0);
              else void next();
            }}
            className="min-w-0 rounded-lg border border-slate-200 bg-white p-5"
          >
            <StepErrorSummary errors={stepErrors} focusToken={summaryToken} />
            <h3 id="preview-step-title" ref={headingRef} tabIndex={-1} className="text-2xl font-bold">
              {isReview
                ? "Проверка и подача заявления"
                : `Шаг ${stepIndex + 1} из ${steps.length}. ${step?.title ?? ""}`}
            </h3>
            {step?.description ? <p className="mt-2 text-slate-700">{step.description}</p> : null}
            {isReview ? (
              <div className="mt-6">
                {incomplete.length ? (
                  <p className="rounded border-l-4 border-amber-600 bg-amber-50 p-4 font-semibold">
                    Заявление пока нельзя подать: заполнены не все шаги ({incomplete.map((s) => s.title).join(", ")}).
                  </p>
                ) : null}
                <div className="mt-4">
                  <AnswersSummary steps={steps} values={values} complete={complete} onEdit={goTo} />
                </div>
                {done ? (
                  <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 p-3">
                    Проверка пройдена: заявитель смог бы подать такое заявление. В предпросмотре оно не отправляется.
                  </p>
                ) : null}
              </div>
            ) : (
              <div className="mt-6 space-y-6">
                {visible.map((f) => (
                  <FieldRenderer key={f.key} field={f} path={f.key} />
                ))}
              </div>
            )}
            <div className="mt-8 flex flex-wrap items-center gap-3 border-t border-slate-200 pt-5">
              <Button type="submit">{isReview ? "Подать заявление (проверка)" : "Далее"}</Button>
              {stepIndex > 0 ? (
                <Button kind="link" onClick={() => goTo(stepIndex - 1)}>
                  Назад
                </Button>
              ) : null}
            </div>
          </form>
        </div>
      </FieldContext.Provider>
    </FormProvider>
  );
}
