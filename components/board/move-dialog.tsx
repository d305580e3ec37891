"use client";
// The inputs a transition asks for (executor, refusal grounds, motivation, result type), in a modal
// dialog: a native <dialog> opened with showModal() (the page behind is inert, Escape closes it),
// labelled by its heading, focus moved into it and kept inside with Tab. Which inputs are mandatory
// is decided by the server's state machine; its field errors are shown beside the fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { ErrorSummary } from "@/components/ui/field";
import { useTRPC } from "@/components/trpc-provider";
import { numberLabel } from "./format";
import { joinSentences, outcomeOfError, type MoveFields, type MoveOutcome } from "./move-outcome";
import type { CardTransition, MoveSubject, StaffCardData } from "./types";

export type MoveDetails = Pick<StaffCardData, "serviceRefusalGrounds" | "intakeRefusalGrounds" | "resultTypes">;
export type FinalOutcome = Extract<MoveOutcome, { kind: "moved" | "conflict" | "gone" }>;

type Props = {
  subject: MoveSubject;
  /** One transition, or several leading to the same column (the user picks one). */
  candidates: CardTransition[];
  stageTitle?: (key: string) => string | undefined;
  /** The card page already has these; the board loads them from `staff.card` when needed. */
  details?: MoveDetails;
  /** What the server said about an attempt made without the dialog. */
  initialErrors?: Invalid;
  onDone: (outcome: FinalOutcome) => void;
  onCancel: () => void;
};

// Shapes and bounds only (the same limits as the `staff.move` input): what each transition requires
// is the state machine's rule, and duplicating it here would let the two drift apart.
const zMoveForm = z.object({
  transition: z.string().min(1, "Выберите действие"),
  executorId: z.string(),
  refusalGrounds: z.array(z.string().max(64)).max(20, "Не больше 20 оснований"),
  resultType: z.string(),
  comment: z.string().max(5000, "Не длиннее 5000 знаков"),
});
type MoveFormValues = z.infer<typeof zMoveForm>;

const FIELD_ORDER: MoveFields[] = ["transition", "executorId", "refusalGrounds", "resultType", "comment"];
const fieldId = (f: MoveFields) => `move-${f}`;

type Invalid = Extract<MoveOutcome, { kind: "invalid" }>;

/** The message for the top of the dialog: what no field shows. */
function formErrorOf(outcome: Invalid): string | null {
  const anyField = FIELD_ORDER.some((f) => outcome.fieldErrors[f]);
  if (!anyField) return joinSentences(outcome.message, ...outcome.otherErrors);
  return outcome.otherErrors.length ? joinSentences(...outcome.otherErrors) : null;
}

function focusField(f: MoveFields) {
  // A group (checkboxes, radios) is focused through its first input.
  const el = document.querySelector<HTMLElement>(`[data-field="${f}"] input`) ?? document.getElementById(fieldId(f));
  el?.focus();
}

function commentLabel(t: CardTransition): { label: string; hint?: string; required: boolean } {
  if (t.requires.refusalGrounds || t.kind === "refusal" || t.kind === "intake_refusal") {
    return { label: "Мотивы отказа", hint: "Поясните, почему основание применимо к этому заявлению: ссылки на основание без пояснения недостаточно.", required: true };
  }
  if (t.kind === "grant" && t.requires.comment) return { label: "Текст ответа заявителю", hint: "Войдёт в документ, являющийся результатом услуги.", required: true };
  if (t.requires.comment) return { label: "Комментарий", required: true };
  return { label: "Комментарий (необязательно)", hint: "Сохранится в истории заявления.", required: false };
}

const expectedResultKind = (t: CardTransition) => (t.kind === "refusal" || t.kind === "intake_refusal" ? "refusal" : t.kind === "grant" ? "positive" : null);

export function MoveDialog({ subject, candidates, stageTitle, details, initialErrors, onDone, onCancel }: Props) {
  const trpc = useTRPC();
  const ref = useRef<HTMLDialogElement>(null);
  // The message at the top: what no field shows. `focus` when it should take the focus (the move
  // failed and was undone, say), so that it is seen and read out; the dialog stays open with every
  // value as it was, for another attempt.
  const [formError, setFormError] = useState<{ text: string; focus: boolean } | null>(() => {
    const text = initialErrors ? formErrorOf(initialErrors) : null;
    return text ? { text, focus: false } : null;
  });
  const formErrorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (formError?.focus) formErrorRef.current?.focus();
  }, [formError]);
  const move = useMutation(trpc.staff.move.mutationOptions());

  const { register, control, handleSubmit, setError, clearErrors, formState, setValue } = useForm<MoveFormValues>({
    resolver: zodResolver(zMoveForm),
    defaultValues: { transition: candidates.length === 1 ? candidates[0]!.key : "", executorId: "", refusalGrounds: [], resultType: "", comment: "" },
  });
  const chosenKey = useWatch({ control, name: "transition" });
  const chosen = candidates.find((t) => t.key === chosenKey);
  const req = chosen?.requires ?? {};

  const needsDetails = !details && candidates.some((t) => t.requires.refusalGrounds || t.requires.resultType);
  const card = useQuery({ ...trpc.staff.card.queryOptions({ id: subject.id }), enabled: needsDetails, staleTime: 60_000 });
  const loaded: MoveDetails | undefined = details ?? card.data;
  const executors = useQuery({ ...trpc.staff.executors.queryOptions({ id: subject.id }), enabled: candidates.some((t) => t.requires.executor), staleTime: 60_000 });

  const grounds = req.refusalGrounds === "intake" ? loaded?.intakeRefusalGrounds : req.refusalGrounds === "service" ? loaded?.serviceRefusalGrounds : undefined;
  const resultTypes = chosen && req.resultType ? (loaded?.resultTypes ?? []).filter((r) => !expectedResultKind(chosen) || r.kind === expectedResultKind(chosen)) : [];
  const loading = (needsDetails && card.isPending) || (!!req.executor && executors.isPending);
  const loadFailed = (needsDetails && card.isError) || (!!req.executor && executors.isError);

  // One possible result type is a formality: preselect it (it stays visible and can be checked).
  const onlyResultType = resultTypes.length === 1 ? resultTypes[0]!.code : null;
  useEffect(() => {
    if (onlyResultType) setValue("resultType", onlyResultType);
  }, [onlyResultType, setValue]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    // Until its data arrives the dialog has no field yet: the heading holds the focus meanwhile.
    dialog.querySelector<HTMLElement>("#move-dialog-title")?.focus();
  }, []);

  const focusedFirstField = useRef(false);
  useEffect(() => {
    if (focusedFirstField.current || loading) return;
    focusedFirstField.current = true;
    ref.current?.querySelector<HTMLElement>("input:not([disabled]), select:not([disabled]), textarea:not([disabled])")?.focus();
  }, [loading]);

  const keepTabInside = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== "Tab") return;
    const focusable = Array.from(
      e.currentTarget.querySelectorAll<HTMLElement>("button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])"),
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };


  const applyFieldErrors = useCallback(
    (outcome: Invalid) => {
      const fields = FIELD_ORDER.filter((f) => outcome.fieldErrors[f]);
      for (const f of fields) setError(f, { type: "server", message: outcome.fieldErrors[f] });
      if (fields[0]) focusField(fields[0]);
    },
    [setError],
  );
  const showInvalid = (outcome: Invalid) => {
    const text = formErrorOf(outcome);
    // A field's error takes the focus to that field; otherwise the message at the top takes it.
    setFormError(text ? { text, focus: !FIELD_ORDER.some((f) => outcome.fieldErrors[f]) } : null);
    applyFieldErrors(outcome);
  };

  // An attempt made without the dialog: its errors are shown once the fields are there.
  useEffect(() => {
    if (initialErrors && !loading) applyFieldErrors(initialErrors);
  }, [initialErrors, loading, applyFieldErrors]);

  const onSubmit = handleSubmit(
    async (values) => {
      if (!chosen) return;
      setFormError(null);
      clearErrors();
      const comment = values.comment.trim();
      try {
        const result = await move.mutateAsync({
          id: subject.id,
          expectedRowVersion: subject.rowVersion,
          transition: chosen.key,
          ...(req.executor && values.executorId ? { executorId: values.executorId } : {}),
          ...(req.refusalGrounds ? { refusalGrounds: values.refusalGrounds } : {}),
          ...(req.resultType && values.resultType ? { resultType: values.resultType } : {}),
          ...(comment ? { comment } : {}),
        });
        onDone({ kind: "moved", transition: chosen, toStage: result.toStage });
      } catch (error) {
        const outcome = outcomeOfError(error);
        // The application changed under us: the board or card is refreshed and says why.
        if (outcome.kind === "conflict" || outcome.kind === "gone") return onDone(outcome);
        // Nothing changed (a result document failed, no connection): keep what was typed.
        if (outcome.kind === "failed") return setFormError({ text: outcome.message, focus: true });
        showInvalid(outcome);
      }
    },
    (errors) => {
      const first = FIELD_ORDER.find((f) => errors[f]);
      if (first) focusField(first);
    },
  );

  const err = (f: MoveFields) => formState.errors[f]?.message;
  const describedBy = (f: MoveFields, hint?: boolean) => [hint ? `${fieldId(f)}-hint` : null, err(f) ? `${fieldId(f)}-error` : null].filter(Boolean).join(" ") || undefined;
  const summary = FIELD_ORDER.flatMap((f) => (err(f) ? [{ field: fieldId(f), message: err(f)! }] : []));
  const title = chosen?.title ?? "Переместить заявление";
  const target = chosen ? stageTitle?.(chosen.to) : undefined;
  const baseComment = chosen ? commentLabel(chosen) : null;
  // The server may ask for a comment the regulation's `requires` does not mention (proof of issue).
  const comment = baseComment && !baseComment.required && err("comment") ? { label: "Комментарий", hint: undefined, required: true } : baseComment;

  return (
    <dialog
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-labelledby="move-dialog-title"
      aria-describedby="move-dialog-subject"
      onCancel={(e) => {
        // Escape while a request is in flight would hide its answer.
        if (move.isPending) e.preventDefault();
      }}
      onClose={onCancel}
      onKeyDown={keepTabInside}
      className="m-auto max-h-[calc(100%-2rem)] w-[min(40rem,calc(100%-2rem))] overflow-y-auto rounded-lg border border-slate-300 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/60"
      data-testid="move-dialog"
    >
      <h2 id="move-dialog-title" tabIndex={-1} className="text-xl font-bold">{title}</h2>
      <p id="move-dialog-subject" className="mt-1 text-slate-700">
        Заявление {numberLabel(subject.registrationNumber)}
        {target ? <>: переход на этап «{target}»</> : null}
      </p>

      <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5">
        <ErrorSummary errors={summary} titleId="move-error-summary-title" />
        {formError ? (
          <p ref={formErrorRef} id="move-form-error" role="alert" tabIndex={-1} className="rounded border-2 border-red-700 bg-red-50 p-3 text-red-800" data-testid="move-form-error">
            {formError.text}
          </p>
        ) : null}

        {candidates.length > 1 ? (
          <fieldset data-field="transition" aria-describedby={describedBy("transition")}>
            <legend className="font-medium">Действие <span className="text-red-700" aria-hidden>*</span></legend>
            <div className="mt-1 space-y-1">
              {candidates.map((t) => (
                <label key={t.key} className="flex items-start gap-2">
                  <input type="radio" value={t.key} className="mt-1" {...register("transition")} />
                  <span>{t.title}</span>
                </label>
              ))}
            </div>
            {err("transition") ? <p id={`${fieldId("transition")}-error`} className="mt-1 text-sm font-medium text-red-700">{err("transition")}</p> : null}
          </fieldset>
        ) : null}

        {loading ? <p role="status" className="text-slate-700">Загружаем данные для этого действия…</p> : null}
        {loadFailed ? <p role="alert" className="text-red-800">Не удалось загрузить данные для этого действия. Закройте окно и попробуйте ещё раз.</p> : null}

        {req.executor && executors.data ? (
          <div>
            <label htmlFor={fieldId("executorId")} className="block font-medium">
              Исполнитель <span className="text-red-700" aria-hidden>*</span>
            </label>
            <select
              id={fieldId("executorId")}
              aria-required="true"
              aria-invalid={err("executorId") ? true : undefined}
              aria-describedby={describedBy("executorId")}
              className={`mt-1 block w-full rounded border bg-white px-3 py-2 ${err("executorId") ? "border-red-700 ring-1 ring-red-700" : "border-slate-400"}`}
              {...register("executorId")}
            >
              <option value="">— выберите исполнителя —</option>
              {executors.data.map((e) => (
                <option key={e.id} value={e.id}>{e.name}</option>
              ))}
            </select>
            {executors.data.length === 0 ? <p className="mt-1 text-sm text-slate-700">В подразделении нет сотрудников с ролью исполнителя.</p> : null}
            {err("executorId") ? <p id={`${fieldId("executorId")}-error`} className="mt-1 text-sm font-medium text-red-700">{err("executorId")}</p> : null}
          </div>
        ) : null}

        {grounds ? (
          <Controller
            control={control}
            name="refusalGrounds"
            render={({ field }) => (
              <fieldset id={fieldId("refusalGrounds")} data-field="refusalGrounds" aria-describedby={describedBy("refusalGrounds", true)}>
                <legend className="font-medium">
                  {req.refusalGrounds === "intake" ? "Основания для отказа в приёме документов" : "Основания для отказа в предоставлении услуги"}{" "}
                  <span className="text-red-700" aria-hidden>*</span>
                </legend>
                <p id={`${fieldId("refusalGrounds")}-hint`} className="text-sm text-slate-600">Только из исчерпывающего перечня регламента; отметьте все, что применимы.</p>
                <div className="mt-2 space-y-2">
                  {grounds.map((g) => (
                    <label key={g.code} className="flex items-start gap-2">
                      <input
                        type="checkbox"
                        className="mt-1"
                        value={g.code}
                        checked={field.value.includes(g.code)}
                        onChange={(e) => field.onChange(e.target.checked ? [...field.value, g.code] : field.value.filter((c) => c !== g.code))}
                        onBlur={field.onBlur}
                      />
                      <span>
                        {g.text}
                        {g.ref ? <span className="text-slate-600"> ({g.ref})</span> : null}
                      </span>
                    </label>
                  ))}
                </div>
                {err("refusalGrounds") ? <p id={`${fieldId("refusalGrounds")}-error`} className="mt-1 text-sm font-medium text-red-700">{err("refusalGrounds")}</p> : null}
              </fieldset>
            )}
          />
        ) : null}

        {req.resultType && loaded ? (
          <fieldset id={fieldId("resultType")} data-field="resultType" aria-describedby={describedBy("resultType")}>
            <legend className="font-medium">Вид результата <span className="text-red-700" aria-hidden>*</span></legend>
            <div className="mt-2 space-y-2">
              {resultTypes.map((r) => (
                <label key={r.code} className="flex items-start gap-2">
                  <input type="radio" value={r.code} className="mt-1" {...register("resultType")} />
                  <span>{r.title}</span>
                </label>
              ))}
            </div>
            {err("resultType") ? <p id={`${fieldId("resultType")}-error`} className="mt-1 text-sm font-medium text-red-700">{err("resultType")}</p> : null}
          </fieldset>
        ) : null}

        {comment ? (
          <div>
            <label htmlFor={fieldId("comment")} className="block font-medium">
              {comment.label}
              {comment.required ? <span className="text-red-700" aria-hidden> *</span> : null}
            </label>
            {comment.hint ? <p id={`${fieldId("comment")}-hint`} className="text-sm text-slate-600">{comment.hint}</p> : null}
            <textarea
              id={fieldId("comment")}
              rows={4}
              aria-required={comment.required || undefined}
              aria-invalid={err("comment") ? true : undefined}
              aria-describedby={describedBy("comment", !!comment.hint)}
              className={`mt-1 block w-full rounded border px-3 py-2 ${err("comment") ? "border-red-700 ring-1 ring-red-700" : "border-slate-400"}`}
              {...register("comment")}
            />
            {err("comment") ? <p id={`${fieldId("comment")}-error`} className="mt-1 text-sm font-medium text-red-700">{err("comment")}</p> : null}
          </div>
        ) : null}

        <div className="flex flex-wrap gap-3 pt-2">
          <button type="submit" disabled={move.isPending || loading || loadFailed} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60">
            {move.isPending ? "Выполняется…" : "Выполнить"}
          </button>
          <button type="button" disabled={move.isPending} onClick={() => ref.current?.close()} className="rounded border-2 border-slate-400 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60">
            Отмена
          </button>
        </div>
      </form>
    </dialog>
  );
}
