"use client";
// The staff side of a typo correction (S2 p.72): the check by the executor or the head (the error
// confirmed with the document's corrected text, or no error with the reasons for the letter), then
// the signature, registration and issue of the corrected document by the signer.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { zTypoCheckForm, zTypoSignInput } from "@/server/typo/schema";
import { PIN_MAX } from "@/server/signature/schema";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, FormFieldset } from "@/components/ui/form-field";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";

const zCheckValues = zTypoCheckForm.extend({
  confirmed: z.enum(["yes", "no"], { message: "Укажите результат проверки" }),
});
type CheckValues = z.input<typeof zCheckValues>;
const CHECK_FIELDS = ["confirmed", "text"] as const;
const checkId = (f: (typeof CHECK_FIELDS)[number]) => `typo-check-${f}`;

export function TypoCheckForm({ id, originalBody }: { id: string; originalBody: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.typo.check.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [focusToken, setFocusToken] = useState(0);
  const { register, handleSubmit, formState, setError, control, setValue } = useForm<CheckValues>({
    resolver: zodResolver(zCheckValues),
    // The corrected text starts from the document's own text: the official corrects the typo in place.
    defaultValues: { text: originalBody },
  });
  const confirmed = useWatch({ control, name: "confirmed" });
  const text = useWatch({ control, name: "text" });
  // One registration for both radios (the options of a name's last register call apply to all of its
  // inputs): "confirmed" offers the document's text to correct, "no error" an empty text for the reasons.
  const confirmedField = register("confirmed", {
    onChange: (e: { target: { value: string } }) => {
      if (e.target.value === "yes" && !text?.trim()) setValue("text", originalBody);
      if (e.target.value === "no" && text === originalBody) setValue("text", "");
    },
  });
  const err = (f: (typeof CHECK_FIELDS)[number]) => formState.errors[f]?.message;
  const summary = CHECK_FIELDS.flatMap((f) => (err(f) ? [{ target: checkId(f), message: err(f)! }] : []));

  const onSubmit = handleSubmit(
    async (values) => {
      setFailure(null);
      try {
        await mutation.mutateAsync({ id, confirmed: values.confirmed === "yes", text: values.text });
        router.refresh();
      } catch (e) {
        const f = classifyRequestError(e);
        const fieldErrors = f.kind === "invalid" ? f.fieldErrors : {};
        if (fieldErrors.text) {
          setError("text", { type: "server", message: fieldErrors.text });
          setFocusToken((n) => n + 1);
        } else setFailure(`Результат проверки не внесён: ${f.message}`);
      }
    },
    () => setFocusToken((n) => n + 1),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="typo-check-title" className="space-y-4">
      <h2 id="typo-check-title" className="text-xl font-semibold">
        Результат проверки
      </h2>
      <ErrorSummary errors={summary} titleId="typo-check-errors-title" focusToken={focusToken} />
      <FormFieldset id={checkId("confirmed")} legend="Опечатка (ошибка)" required radio error={err("confirmed")}>
        <label className="flex items-center gap-2">
          <input type="radio" value="yes" {...confirmedField} /> Подтверждена — сформировать исправленный документ
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" value="no" {...confirmedField} /> Не подтверждена — направить письмо об отсутствии
          опечаток
        </label>
      </FormFieldset>
      <FormField
        id={checkId("text")}
        label={confirmed === "no" ? "Основания (текст письма)" : "Исправленный текст документа"}
        hint={
          confirmed === "no"
            ? "Почему опечатки или ошибки нет: на основании каких документов указаны сведения."
            : "Текст документа с исправлениями; документ будет выдан взамен прежнего, прежний сохраняется."
        }
        required
        error={err("text")}
      >
        {(c) => <textarea rows={6} {...c} {...register("text")} />}
      </FormField>
      <Button type="submit" disabled={mutation.isPending}>
        Внести результат проверки
      </Button>
      {failure ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {failure}
        </p>
      ) : null}
    </form>
  );
}

type SignValues = { comment?: string; reviewed: boolean; pin: string };

/** S2 p.72 with issue 15: the signer sees the corrected document and signs it with their key's PIN. */
export function TypoSignForm({ id, document }: { id: string; document: { id: string; title: string } | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.typo.sign.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [focusToken, setFocusToken] = useState(0);
  const { register, handleSubmit, formState, setError } = useForm<SignValues>({
    resolver: zodResolver(
      zTypoSignInput.pick({ comment: true }).extend({
        reviewed: z.boolean().refine((v) => v, "Откройте документ и подтвердите, что ознакомились с ним"),
        pin: z.string().min(1, "Введите PIN-код ключа электронной подписи").max(PIN_MAX),
      }),
    ),
    defaultValues: { comment: "", reviewed: false, pin: "" },
  });
  const error = formState.errors.comment?.message;
  const reviewedError = formState.errors.reviewed?.message;
  const pinError = formState.errors.pin?.message;
  const onSubmit = handleSubmit(
    async (values) => {
      setFailure(null);
      try {
        await mutation.mutateAsync({
          id,
          signing: { pin: values.pin },
          ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
        });
        router.refresh();
      } catch (e) {
        const f = classifyRequestError(e);
        const comment = f.kind === "invalid" ? (f.fieldErrors.comment ?? null) : null;
        const pin = f.kind === "invalid" ? (f.fieldErrors.pin ?? f.fieldErrors["signing.pin"] ?? null) : null;
        if (comment) setError("comment", { type: "server", message: comment });
        if (pin) setError("pin", { type: "server", message: pin });
        if (comment || pin) setFocusToken((n) => n + 1);
        else setFailure(`Документ не подписан: ${f.message}`);
      }
    },
    () => setFocusToken((n) => n + 1),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="typo-sign-title" className="space-y-4">
      <h2 id="typo-sign-title" className="text-xl font-semibold">
        Подписать и выдать исправленный документ
      </h2>
      <ErrorSummary
        errors={[
          ...(reviewedError ? [{ target: "typo-sign-reviewed", message: reviewedError }] : []),
          ...(pinError ? [{ target: "typo-sign-pin", message: pinError }] : []),
          ...(error ? [{ target: "typo-sign-comment", message: error }] : []),
        ]}
        titleId="typo-sign-errors-title"
        focusToken={focusToken}
      />
      {document ? (
        <p>
          Документ к подписанию:{" "}
          <a href={`/api/results/${document.id}`} target="_blank" rel="noopener" className="text-brand-800 underline">
            «{document.title}» (PDF, откроется в новой вкладке)
          </a>
        </p>
      ) : null}
      <FormFieldset id="typo-sign-reviewed" legend="Ознакомление с документом" required error={reviewedError}>
        <label className="flex items-start gap-2">
          <input type="checkbox" className="mt-1" {...register("reviewed")} />
          <span>Я ознакомился (ознакомилась) с документом и подписываю его</span>
        </label>
      </FormFieldset>
      <FormField id="typo-sign-pin" label="PIN-код ключа электронной подписи" required error={pinError} width="w-60">
        {(c) => <input type="password" autoComplete="off" {...c} {...register("pin")} />}
      </FormField>
      <FormField
        id="typo-sign-comment"
        label="Подтверждение выдачи на бумаге (если документ выдаётся лично или по почте)"
        hint="Номер почтового отправления или отметка о расписке заявителя. Для личного кабинета и электронной почты не нужно."
        error={error}
      >
        {(c) => <input {...c} {...register("comment")} />}
      </FormField>
      <Button type="submit" disabled={mutation.isPending}>
        Подписать, зарегистрировать и выдать
      </Button>
      {failure ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {failure}
        </p>
      ) : null}
    </form>
  );
}
