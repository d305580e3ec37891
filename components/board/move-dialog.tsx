"use client";
// The inputs a transition asks for (executor, refusal grounds, motivation, result type), in the
// shared modal dialog (components/ui/dialog.tsx), labelled by its heading. Which inputs are mandatory
// is decided by the server's state machine; its field errors are shown beside the fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { zMoveForm, type MoveFormValues } from "@/server/workflow/schema";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, FormFieldset } from "@/components/ui/form-field";
import { focusById } from "@/components/ui/aria";
import { useTRPC } from "@/components/trpc-provider";
import { displayTimeZone, formatDate } from "@/server/format/dates";
import { fromLocalInput, toLocalInput, utcOffsetLabel } from "@/components/intake/zoned-time";
import { numberLabel } from "./format";
import { DELIVERY_WAY } from "@/server/regulation/document-plain";
import {
  cryptoProCertificates,
  cryptoProScriptLoaded,
  cryptoProSignDetached,
  type CryptoProCertificate,
} from "./cryptopro";
import { joinSentences, outcomeOfError, type MoveFields, type MoveOutcome } from "./move-outcome";
import type { CardTransition, MoveSubject, StaffCardData } from "./types";

export type MoveDetails = Pick<
  StaffCardData,
  "serviceRefusalGrounds" | "intakeRefusalGrounds" | "resultTypes" | "documents"
>;

/** A file's bytes as base64 (a `.sig` is a few kilobytes; a result PDF some hundreds). */
async function blobToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
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
  /** Open with the «done earlier» time shown (S0 p.7): the card page's «Внести выполненное ранее». */
  backdate?: boolean;
  onDone: (outcome: FinalOutcome) => void;
  onCancel: () => void;
};

const FIELD_ORDER: MoveFields[] = [
  "transition",
  "executorId",
  "refusalGrounds",
  "resultType",
  "comment",
  "reviewed",
  "pin",
  "signature",
  "cryptoProCert",
  "doneAt",
];
const fieldId = (f: MoveFields) => `move-${f}`;

type Invalid = Extract<MoveOutcome, { kind: "invalid" }>;

/** The message for the top of the dialog: what no field shows. */
function formErrorOf(outcome: Invalid): string | null {
  const anyField = FIELD_ORDER.some((f) => outcome.fieldErrors[f]);
  if (!anyField) return joinSentences(outcome.message, ...outcome.otherErrors);
  return outcome.otherErrors.length ? joinSentences(...outcome.otherErrors) : null;
}

// A group (checkboxes, radios) is focused through its first input.
const focusField = (f: MoveFields) => focusById(fieldId(f));

function commentLabel(t: CardTransition): { label: string; hint?: string; required: boolean } {
  if (t.requires.refusalGrounds || t.kind === "refusal" || t.kind === "intake_refusal") {
    return {
      label: "Мотивы отказа",
      hint: "Поясните, почему основание применимо к этому заявлению: ссылки на основание без пояснения недостаточно.",
      required: true,
    };
  }
  if (t.kind === "grant" && t.requires.comment)
    return {
      label: "Текст ответа заявителю",
      hint: "Войдёт в документ, являющийся результатом услуги.",
      required: true,
    };
  if (t.requires.comment) return { label: "Комментарий", required: true };
  // R26: a result handed over on paper needs its proof (the server asks for it as well).
  if (t.issuesVia === "post" || t.issuesVia === "in_person" || t.issuesVia === "mfc")
    return {
      label: "Подтверждение выдачи",
      hint:
        t.issuesVia === "post"
          ? "Номер почтового отправления (РПО) и дата отправки."
          : "Отметка о получении: дата и подпись заявителя в расписке.",
      required: true,
    };
  return { label: "Комментарий (необязательно)", hint: "Сохранится в истории заявления.", required: false };
}

/** What the dialog says of a required comment left empty, as the server words it. */
function missingCommentMessage(t: CardTransition): string {
  if (t.requires.refusalGrounds || t.kind === "refusal" || t.kind === "intake_refusal")
    return "Изложите мотивы отказа: ссылка на основание без пояснения не допускается";
  if (t.kind === "grant" && t.requires.comment) return "Добавьте текст ответа заявителю";
  if (t.requires.comment) return "Добавьте комментарий к действию";
  return "Укажите номер почтового отправления или отметку о получении";
}

const expectedResultKind = (t: CardTransition) =>
  t.kind === "refusal" || t.kind === "intake_refusal" ? "refusal" : t.kind === "grant" ? "positive" : null;

export function MoveDialog({
  subject,
  candidates,
  stageTitle,
  details,
  initialErrors,
  backdate,
  onDone,
  onCancel,
}: Props) {
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

  const { register, control, handleSubmit, setError, clearErrors, formState, setValue, getValues } =
    useForm<MoveFormValues>({
      resolver: zodResolver(zMoveForm),
      defaultValues: {
        transition: candidates.length === 1 ? candidates[0]!.key : "",
        executorId: "",
        refusalGrounds: [],
        resultType: "",
        comment: "",
        doneAt: backdate ? toLocalInput(new Date(), displayTimeZone()) : "",
        reviewed: false,
        signMode: "pin",
        pin: "",
        signature: "",
        cryptoProCert: "",
      },
    });
  const [doneEarlier, setDoneEarlier] = useState(!!backdate || !!initialErrors?.fieldErrors.doneAt);
  const chosenKey = useWatch({ control, name: "transition" });
  const chosen = candidates.find((t) => t.key === chosenKey);
  const req = chosen?.requires ?? {};

  const needsDetails =
    !details && candidates.some((t) => t.requires.refusalGrounds || t.requires.resultType || t.signs);
  const card = useQuery({
    ...trpc.staff.card.queryOptions({ id: subject.id }),
    enabled: needsDetails,
    staleTime: 60_000,
  });
  const loaded: MoveDetails | undefined = details ?? card.data;
  const executors = useQuery({
    ...trpc.staff.executors.queryOptions({ id: subject.id }),
    enabled: candidates.some((t) => t.requires.executor),
    staleTime: 60_000,
  });

  const grounds =
    req.refusalGrounds === "intake"
      ? loaded?.intakeRefusalGrounds
      : req.refusalGrounds === "service"
        ? loaded?.serviceRefusalGrounds
        : undefined;
  const resultTypes =
    chosen && req.resultType
      ? (loaded?.resultTypes ?? []).filter((r) => !expectedResultKind(chosen) || r.kind === expectedResultKind(chosen))
      : [];
  // What is signed: the application's newest result document (issue 15: the signer sees it first).
  const toSign = chosen?.signs ? (loaded?.documents.at(-1) ?? null) : null;
  const signMode = useWatch({ control, name: "signMode" });
  // The CryptoPro plug-in is offered where the installation loads its script (CRYPTOPRO_PLUGIN_SCRIPT);
  // the dialog exists in the browser only, so the check needs no effect.
  const [cryptoProOffered] = useState(() => cryptoProScriptLoaded());
  const [cryptoPro, setCryptoPro] = useState<{ certs: CryptoProCertificate[] | null; error: string | null }>({
    certs: null,
    error: null,
  });
  const loadCryptoProCertificates = () => {
    if (cryptoPro.certs) return;
    cryptoProCertificates().then(
      (certs) =>
        setCryptoPro({ certs, error: certs.length ? null : "В хранилище КриптоПро нет сертификатов с ключом" }),
      (e: unknown) => setCryptoPro({ certs: [], error: e instanceof Error ? e.message : String(e) }),
    );
  };
  const loading = (needsDetails && card.isPending) || (!!req.executor && executors.isPending);
  const loadFailed = (needsDetails && card.isError) || (!!req.executor && executors.isError);

  // One possible result type is a formality: preselect it (it stays visible and can be checked).
  const onlyResultType = resultTypes.length === 1 ? resultTypes[0]!.code : null;
  useEffect(() => {
    if (onlyResultType) setValue("resultType", onlyResultType);
  }, [onlyResultType, setValue]);

  // Issue 10 p.2: the chosen result type's template, rendered for this application by the server,
  // pre-fills the text; it replaces only an empty text or the previous type's untouched one.
  const chosenType = useWatch({ control, name: "resultType" });
  const templateText = resultTypes.find((r) => r.code === chosenType)?.text ?? null;
  const lastPrefill = useRef<string | null>(null);
  useEffect(() => {
    const current = getValues("comment");
    const untouched = current.trim() === "" || current === lastPrefill.current;
    if (!untouched || current === (templateText ?? "")) return;
    setValue("comment", templateText ?? "");
    lastPrefill.current = templateText;
  }, [templateText, getValues, setValue]);

  const focusedFirstField = useRef(false);
  useEffect(() => {
    if (focusedFirstField.current || loading) return;
    focusedFirstField.current = true;
    ref.current
      ?.querySelector<HTMLElement>("input:not([disabled]), select:not([disabled]), textarea:not([disabled])")
      ?.focus();
  }, [loading]);

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
      // Issue 16 p.11: every field the action needs is checked in one pass (the server, the backstop,
      // answers one missing input at a time), in the order of the dialog.
      const missing: [MoveFields, string][] = [];
      let doneAt: Date | undefined;
      if (doneEarlier && values.doneAt.trim()) {
        doneAt = fromLocalInput(values.doneAt, displayTimeZone()) ?? undefined;
        if (!doneAt) missing.push(["doneAt", "Укажите дату и время выполнения полностью"]);
      }
      if (req.executor && !values.executorId) missing.push(["executorId", "Выберите исполнителя"]);
      if (req.refusalGrounds && values.refusalGrounds.length === 0)
        missing.push(["refusalGrounds", "Укажите хотя бы одно основание для отказа из перечня регламента"]);
      if (req.resultType && !values.resultType) missing.push(["resultType", "Выберите вид результата"]);
      const needs = commentLabel(chosen);
      if (needs.required && !comment) missing.push(["comment", missingCommentMessage(chosen)]);
      if (chosen.signs) {
        if (!values.reviewed) missing.push(["reviewed", "Откройте документ и подтвердите, что ознакомились с ним"]);
        if (values.signMode === "pin" && !values.pin)
          missing.push(["pin", "Введите PIN-код ключа электронной подписи"]);
        if (values.signMode === "file" && !values.signature)
          missing.push(["signature", "Приложите файл подписи (.sig), сделанный вашей программой"]);
        if (values.signMode === "cryptopro" && !values.cryptoProCert)
          missing.push(["cryptoProCert", "Выберите сертификат КриптоПро"]);
      }
      for (const [f, message] of missing) setError(f, { type: "client", message });
      if (missing[0]) return focusField(missing[0][0]);
      let signature = values.signature;
      if (chosen.signs && values.signMode === "cryptopro") {
        try {
          const file = await fetch(`/api/results/${toSign!.id}`);
          if (!file.ok) throw new Error("документ не загрузился");
          signature = await cryptoProSignDetached(values.cryptoProCert, await blobToBase64(await file.blob()));
        } catch (e) {
          setError("cryptoProCert", { type: "client", message: e instanceof Error ? e.message : String(e) });
          return focusField("cryptoProCert");
        }
      }
      try {
        const result = await move.mutateAsync({
          id: subject.id,
          expectedRowVersion: subject.rowVersion,
          transition: chosen.key,
          ...(req.executor && values.executorId ? { executorId: values.executorId } : {}),
          ...(req.refusalGrounds ? { refusalGrounds: values.refusalGrounds } : {}),
          ...(req.resultType && values.resultType ? { resultType: values.resultType } : {}),
          ...(comment ? { comment } : {}),
          ...(doneAt ? { doneAt } : {}),
          ...(chosen.signs ? { signing: values.signMode === "pin" ? { pin: values.pin } : { signature } } : {}),
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
  const summary = FIELD_ORDER.flatMap((f) => (err(f) ? [{ target: fieldId(f), message: err(f)! }] : []));
  const title = chosen?.title ?? "Переместить заявление";
  const target = chosen ? (chosen.toTitle ?? stageTitle?.(chosen.to)) : undefined;
  const baseComment = chosen ? commentLabel(chosen) : null;
  // The server may ask for a comment the regulation's `requires` does not mention (proof of issue).
  const comment =
    baseComment && !baseComment.required && err("comment")
      ? { label: "Комментарий", hint: undefined, required: true }
      : baseComment;

  return (
    <Dialog
      ref={ref}
      labelledBy="move-dialog-title"
      describedBy="move-dialog-subject"
      // Until its data arrives the dialog has no field yet: the heading holds the focus meanwhile.
      initialFocus="#move-dialog-title"
      onCancel={(e) => {
        // Escape while a request is in flight would hide its answer.
        if (move.isPending) e.preventDefault();
      }}
      onClose={onCancel}
      testId="move-dialog"
    >
      <h2 id="move-dialog-title" tabIndex={-1} className="text-xl font-bold">
        {title}
      </h2>
      <p id="move-dialog-subject" className="mt-1 text-slate-700">
        Заявление {numberLabel(subject.registrationNumber)}
        {target ? <>: переход на этап «{target}»</> : null}
      </p>
      {chosen?.confirm ? (
        // Issue 16 p.11: what a legally significant action does, said before it is done.
        <p className="mt-3 rounded border-l-4 border-amber-600 bg-amber-50 p-3" data-testid="move-confirm-note">
          {chosen.issuesVia ? (
            <>
              Результат будет выдан заявителю{" "}
              <strong>{DELIVERY_WAY[chosen.issuesVia as keyof typeof DELIVERY_WAY] ?? chosen.issuesVia}</strong> — этот
              способ заявитель выбрал в заявлении.{" "}
            </>
          ) : null}
          Действие будет записано в историю заявления, отменить его нельзя. Проверьте номер заявления и нажмите
          «Выполнить».
        </p>
      ) : null}

      <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5">
        <ErrorSummary errors={summary} titleId="move-error-summary-title" />
        {formError ? (
          <p
            ref={formErrorRef}
            id="move-form-error"
            role="alert"
            tabIndex={-1}
            className="rounded border-2 border-red-700 bg-red-50 p-3 text-red-800"
            data-testid="move-form-error"
          >
            {formError.text}
          </p>
        ) : null}

        {candidates.length > 1 ? (
          <FormFieldset id={fieldId("transition")} legend="Действие" required radio error={err("transition")}>
            {candidates.map((t) => (
              <label key={t.key} className="flex items-start gap-2">
                <input type="radio" value={t.key} className="mt-1" {...register("transition")} />
                <span>{t.title}</span>
              </label>
            ))}
          </FormFieldset>
        ) : null}

        {loading ? (
          <p role="status" className="text-slate-700">
            Загружаем данные для этого действия…
          </p>
        ) : null}
        {loadFailed ? (
          <p role="alert" className="text-red-800">
            Не удалось загрузить данные для этого действия. Закройте окно и попробуйте ещё раз.
          </p>
        ) : null}

        {req.executor && executors.data ? (
          <FormField
            id={fieldId("executorId")}
            label="Исполнитель"
            required
            error={err("executorId")}
            after={
              executors.data.length === 0 ? (
                <p className="mt-1 text-sm text-slate-700">В подразделении нет сотрудников с ролью исполнителя.</p>
              ) : null
            }
          >
            {(control) => (
              <select {...control} {...register("executorId")}>
                <option value="">— выберите исполнителя —</option>
                {executors.data.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : null}

        {grounds ? (
          <Controller
            control={control}
            name="refusalGrounds"
            render={({ field }) => (
              <FormFieldset
                id={fieldId("refusalGrounds")}
                legend={
                  req.refusalGrounds === "intake"
                    ? "Основания для отказа в приёме документов"
                    : "Основания для отказа в предоставлении услуги"
                }
                hint="Только из исчерпывающего перечня регламента; отметьте все, что применимы."
                required
                error={err("refusalGrounds")}
              >
                {grounds.map((g) => (
                  <label key={g.code} className="flex items-start gap-2">
                    <input
                      type="checkbox"
                      className="mt-1"
                      value={g.code}
                      checked={field.value.includes(g.code)}
                      onChange={(e) =>
                        field.onChange(
                          e.target.checked ? [...field.value, g.code] : field.value.filter((c) => c !== g.code),
                        )
                      }
                      onBlur={field.onBlur}
                    />
                    <span>
                      {g.text}
                      {g.ref ? <span className="text-slate-600"> ({g.ref})</span> : null}
                    </span>
                  </label>
                ))}
              </FormFieldset>
            )}
          />
        ) : null}

        {req.resultType && loaded ? (
          <FormFieldset id={fieldId("resultType")} legend="Вид результата" required radio error={err("resultType")}>
            {resultTypes.map((r) => (
              <label key={r.code} className="flex items-start gap-2">
                <input type="radio" value={r.code} className="mt-1" {...register("resultType")} />
                <span>{r.title}</span>
              </label>
            ))}
          </FormFieldset>
        ) : null}

        {comment ? (
          <FormField
            id={fieldId("comment")}
            label={comment.label}
            hint={comment.hint}
            required={comment.required}
            error={err("comment")}
          >
            {(control) => <textarea rows={4} {...control} {...register("comment")} />}
          </FormField>
        ) : null}

        {chosen?.signs && loaded ? (
          <section aria-labelledby="move-signing-title" className="space-y-3 rounded border border-slate-300 p-3">
            <h3 id="move-signing-title" className="font-bold">
              Электронная подпись
            </h3>
            {toSign ? (
              <p>
                Документ к подписанию:{" "}
                <a
                  href={`/api/results/${toSign.id}`}
                  target="_blank"
                  rel="noopener"
                  className="text-brand-800 underline"
                  data-testid="move-sign-document"
                >
                  «{toSign.title}» (PDF, откроется в новой вкладке)
                </a>
                . Подписывается именно этот файл, байт в байт.
              </p>
            ) : (
              <p role="alert" className="text-red-800">
                У заявления нет документа для подписания.
              </p>
            )}
            <FormFieldset id={fieldId("reviewed")} legend="Ознакомление с документом" required error={err("reviewed")}>
              <label className="flex items-start gap-2">
                <input type="checkbox" className="mt-1" {...register("reviewed")} />
                <span>Я ознакомился (ознакомилась) с документом и подписываю его</span>
              </label>
            </FormFieldset>
            <FormFieldset id="move-signMode" legend="Чем подписать" radio>
              <label className="flex items-start gap-2">
                <input type="radio" value="pin" className="mt-1" {...register("signMode")} />
                <span>Ключом, который хранится в системе (введите PIN-код)</span>
              </label>
              <label className="flex items-start gap-2">
                <input type="radio" value="file" className="mt-1" {...register("signMode")} />
                <span>
                  Своей программой (КриптоПро CSP, КриптоАРМ и др.): скачайте документ, подпишите его откреплённой
                  подписью и приложите файл .sig
                </span>
              </label>
              {cryptoProOffered ? (
                <label className="flex items-start gap-2">
                  <input
                    type="radio"
                    value="cryptopro"
                    className="mt-1"
                    {...register("signMode", { onChange: loadCryptoProCertificates })}
                  />
                  <span>КриптоПро ЭЦП Browser plug-in (ключ на токене или в КриптоПро CSP)</span>
                </label>
              ) : null}
            </FormFieldset>
            {signMode === "cryptopro" ? (
              <FormField
                id={fieldId("cryptoProCert")}
                label="Сертификат КриптоПро"
                required
                error={err("cryptoProCert") ?? cryptoPro.error ?? undefined}
              >
                {(control) => (
                  <select {...control} {...register("cryptoProCert")}>
                    <option value="">{cryptoPro.certs ? "— выберите сертификат —" : "Загружаем сертификаты…"}</option>
                    {(cryptoPro.certs ?? []).map((c) => (
                      <option key={c.thumbprint} value={c.thumbprint}>
                        {c.subject} (до {formatDate(c.validTo)})
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            ) : signMode === "pin" ? (
              <FormField id={fieldId("pin")} label="PIN-код ключа" required error={err("pin")} width="w-60">
                {(control) => <input type="password" autoComplete="off" {...control} {...register("pin")} />}
              </FormField>
            ) : (
              <FormField
                id={fieldId("signature")}
                label="Файл откреплённой подписи (.sig, .p7s)"
                hint="Подпись по ГОСТ Р 34.10-2012 (256 бит) сертификатом, добавленным на странице «Моя электронная подпись»."
                required
                error={err("signature")}
              >
                {(control) => (
                  <input
                    type="file"
                    accept=".sig,.p7s,application/pkcs7-signature"
                    {...control}
                    onChange={async (e) => {
                      const file = e.target.files?.[0];
                      setValue("signature", file ? await blobToBase64(file) : "", { shouldValidate: false });
                      clearErrors("signature");
                    }}
                  />
                )}
              </FormField>
            )}
          </section>
        ) : null}

        {/* S0 p.7: a procedure entered later than it was done (at most one working day) records when it was done. */}
        <div>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1"
              checked={doneEarlier}
              onChange={(e) => {
                setDoneEarlier(e.target.checked);
                if (e.target.checked && !getValues("doneAt"))
                  setValue("doneAt", toLocalInput(new Date(), displayTimeZone()));
                if (!e.target.checked) clearErrors("doneAt");
              }}
            />
            <span>Процедура выполнена раньше, чем вносится в систему</span>
          </label>
          {doneEarlier ? (
            <FormField
              id={fieldId("doneAt")}
              label="Когда выполнена"
              hint={`Местное время (${utcOffsetLabel(displayTimeZone())}). Не раньше предыдущего рабочего дня (п. 7 Порядка работы): сроки следующего этапа считаются от этого момента, а запоздание видно руководителю.`}
              required
              error={err("doneAt")}
              width="w-60"
            >
              {(control) => <input type="datetime-local" step={60} {...control} {...register("doneAt")} />}
            </FormField>
          ) : null}
        </div>

        <div className="flex flex-wrap gap-3 pt-2">
          <Button type="submit" disabled={move.isPending || loading || loadFailed}>
            {move.isPending ? "Выполняется…" : "Выполнить"}
          </Button>
          <Button kind="neutral" disabled={move.isPending} onClick={() => ref.current?.close()}>
            Отмена
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
