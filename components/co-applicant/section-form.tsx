"use client";
// The co-applicant's own section of a joint application (R15), filled from their account with the
// same field renderers and checks as the main form (R14).
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import type { StepDef } from "@/server/regulation/document";
import { validateApplication } from "@/server/regulation/form-schema";
import { buildApplicationSchema } from "@/server/regulation/form-zod";
import { useTRPC } from "@/components/trpc-provider";
import { Button } from "@/components/ui/button";
import { displayTimeZone } from "@/components/ui/format";
import { FieldContext } from "@/components/form/form-context";
import { FieldRenderer } from "@/components/form/field-renderer";
import { classifyRequestError } from "@/components/form/request-errors";
import { groupsJudgeOnlyThemselves } from "@/components/form/group-resolver";
import { visibleFields } from "@/server/regulation/form-schema";
import { StepErrorSummary } from "@/components/form/step-error-summary";
import type { PathError } from "@/components/form/paths";

type Props = {
  applicationId: string;
  steps: StepDef[];
  values: Record<string, unknown>;
  completed: boolean;
  ownerName: string;
  serviceTitle: string;
};

export function CoApplicantSectionForm({ applicationId, steps, values, completed, ownerName, serviceTitle }: Props) {
  const trpc = useTRPC();
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(
    completed ? { kind: "ok", text: "Раздел заполнен и подтверждён. Заявитель сможет подать заявление." } : null,
  );
  // "Today" of the checks is the municipality's date (the zone the root layout publishes), as on the server.
  const [timeZone] = useState(displayTimeZone);
  const resolver = useMemo(
    () => groupsJudgeOnlyThemselves(zodResolver(buildApplicationSchema(steps, { mode: "submit", timeZone })), steps),
    [steps, timeZone],
  );
  const form = useForm<Record<string, unknown>>({
    defaultValues: values,
    shouldUnregister: false,
    mode: "onTouched",
    reValidateMode: "onChange",
    resolver,
  });
  const watched = useWatch({ control: form.control }) as Record<string, unknown>;
  const save = useMutation(trpc.application.saveCoApplicantSection.mutationOptions());
  // R14: a refused confirmation lists every problem at the top, focused, each linking to its field,
  // as the main form does; the status line below only says what happened.
  const [summary, setSummary] = useState<{ errors: PathError[]; serial: number } | null>(null);
  // Every refusal asks for the focus again, even with the summary cleared in between.
  const serial = useRef(0);
  const showSummary = (errors: PathError[]) => setSummary({ errors, serial: (serial.current += 1) });

  async function send(complete: boolean) {
    setStatus(null);
    setSummary(null);
    if (complete) {
      // The same check the server applies (the shared schema builder), field by field.
      const checked = validateApplication(steps, form.getValues(), { mode: "submit", timeZone });
      if (!checked.ok) {
        for (const issue of checked.issues)
          form.setError(issue.path.join("."), { type: "submit", message: issue.message });
        showSummary(checked.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
        setStatus({ kind: "error", text: "Исправьте отмеченные поля, затем подтвердите раздел." });
        return;
      }
    }
    try {
      await save.mutateAsync({ id: applicationId, values: form.getValues(), complete });
      setStatus({
        kind: "ok",
        text: complete
          ? "Раздел заполнен и подтверждён. Заявитель сможет подать заявление."
          : "Раздел сохранён. Не забудьте подтвердить его, когда всё будет готово.",
      });
    } catch (error) {
      const failure = classifyRequestError(error);
      if (failure.kind === "invalid") {
        for (const [path, message] of Object.entries(failure.fieldErrors))
          form.setError(path, { type: "server", message });
        showSummary(Object.entries(failure.fieldErrors).map(([path, message]) => ({ path, message })));
      }
      setStatus({ kind: "error", text: failure.message });
    }
  }

  return (
    <FormProvider {...form}>
      <FieldContext.Provider value={{ applicationId, values: watched, saveNow: () => void send(false) }}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send(true);
          }}
          className="space-y-6"
        >
          <StepErrorSummary errors={summary?.errors ?? []} focusToken={summary?.serial} />
          <p className="text-slate-700">
            {ownerName} приглашает вас подать совместный запрос на услугу «{serviceTitle}». Заполните свой раздел —
            остальную часть заявления заполняет заявитель.
          </p>
          {steps.map((step) => (
            <fieldset key={step.key} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
              <legend className="px-1 text-lg font-semibold">{step.title}</legend>
              {step.description ? <p className="text-slate-700">{step.description}</p> : null}
              {visibleFields(step, watched, steps).map((f) => (
                <FieldRenderer key={f.key} field={f} path={f.key} />
              ))}
            </fieldset>
          ))}
          <div role="status" aria-live="polite">
            {status ? (
              <p
                className={
                  status.kind === "ok"
                    ? "rounded bg-green-50 p-3 text-green-900"
                    : "rounded border-2 border-red-700 bg-red-50 p-3 text-red-800"
                }
              >
                {status.text}
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-3">
            <Button kind="secondary" onClick={() => void send(false)} disabled={save.isPending}>
              Сохранить
            </Button>
            <Button type="submit" disabled={save.isPending}>
              Подтвердить раздел
            </Button>
          </div>
        </form>
      </FieldContext.Provider>
    </FormProvider>
  );
}
