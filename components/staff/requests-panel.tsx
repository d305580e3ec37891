"use client";
// Inter-agency and intra-agency requests of an application (R5, S0 p.11): the requests sent, each
// with its own response deadline; a form to send one more of a type the regulation lists (while the
// application is under consideration); and for every open request a form to record the answer, with
// the file the agency sent if there is one. The page is rendered on the server: after a change it is
// simply rendered again (router.refresh()).
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type FieldErrors } from "react-hook-form";
import { z } from "zod";
import { ANSWER_FILE_RULE, zAnswerRequestInput, zSendRequestForm } from "@/server/workflow/schema";
import { DeadlineBadge } from "@/components/board/deadline-badge";
import { formatDate, formatDateTime } from "@/components/ui/format";
import type { StaffCardData } from "@/components/board/types";
import { classifyRequestError } from "@/components/form/request-errors";
import { formatFileSize } from "@/components/form/values";
import { useTRPC } from "@/components/trpc-provider";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField } from "@/components/ui/form-field";
import { formatDuration } from "@/components/ui/format";

type InteragencyRequest = StaffCardData["requests"][number];
type RequestType = StaffCardData["requestTypes"][number];

const MIME_SHORT: Record<string, string> = { "application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG" };
/** The server's rule (checked there again, by content). */
const ANSWER_FILE_MAX_MB = ANSWER_FILE_RULE.maxSizeMb;
const ANSWER_FILE_ACCEPT = [...ANSWER_FILE_RULE.accept, ".pdf", ".jpg", ".jpeg", ".png"].join(",");

export function RequestsPanel({
  applicationId,
  requests,
  requestTypes,
  canSend,
}: {
  applicationId: string;
  requests: InteragencyRequest[];
  requestTypes: RequestType[];
  canSend: boolean;
}) {
  // The answer form disappears with its request answered: the panel announces the outcome.
  const [answered, setAnswered] = useState("");
  return (
    <section aria-labelledby="requests-title" className="mt-8" data-testid="requests-panel">
      <h2 id="requests-title" className="text-xl font-semibold">
        Межведомственные запросы
      </h2>
      {requests.length ? (
        <ul className="mt-2 space-y-3" aria-label="Направленные запросы">
          {requests.map((r) => (
            <RequestItem key={r.id} request={r} onAnswered={setAnswered} />
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-slate-700">Запросы не направлялись.</p>
      )}
      <p role="status" aria-live="polite" className="mt-2 text-sm text-green-900" data-testid="answer-status">
        {answered}
      </p>
      {canSend && requestTypes.length ? (
        <SendRequestForm applicationId={applicationId} requestTypes={requestTypes} />
      ) : null}
    </section>
  );
}

function RequestItem({
  request: r,
  onAnswered,
}: {
  request: InteragencyRequest;
  onAnswered: (message: string) => void;
}) {
  const headingId = `request-${r.id}-title`;
  return (
    <li
      className="rounded border border-slate-200 bg-white p-3"
      aria-labelledby={headingId}
      data-testid="interagency-request"
    >
      <h3 id={headingId} tabIndex={-1} className="font-medium">
        {r.title}
        {r.agency ? ` — ${r.agency}` : ""}
      </h3>
      <p className="text-sm text-slate-700">
        Направлен {formatDateTime(r.sentAt)} ·{" "}
        <span data-testid="request-due">срок ответа до {formatDate(r.dueAt)}</span> ·{" "}
        {r.answeredAt ? (
          `ответ получен ${formatDateTime(r.answeredAt)}`
        ) : (
          <DeadlineBadge
            status={r.overdue ? "overdue" : "on_time"}
            label={r.overdue ? "Срок ответа истёк" : "Ожидается ответ"}
          />
        )}
      </p>
      <p className="mt-1 whitespace-pre-line text-sm">
        <span className="font-medium">Запрошено:</span> {r.text}
      </p>
      {r.answeredAt ? (
        <div className="mt-2 rounded bg-slate-50 p-2 text-sm">
          {r.answerText ? (
            <p className="whitespace-pre-line">
              <span className="font-medium">Ответ:</span> {r.answerText}
            </p>
          ) : null}
          {r.answerFile ? (
            <p className="mt-1">
              Файл ответа:{" "}
              <a href={`/api/files/${r.answerFile.id}`} className="text-brand-700 underline">
                {r.answerFile.fileName}
              </a>{" "}
              <span className="text-slate-600">
                ({formatFileSize(r.answerFile.size)}, {MIME_SHORT[r.answerFile.mimeType] ?? r.answerFile.mimeType})
              </span>
            </p>
          ) : null}
        </div>
      ) : (
        <AnswerForm request={r} onAnswered={onAnswered} />
      )}
    </li>
  );
}

// ------------------------------------------------------------------------------------------------
// Sending a request
// ------------------------------------------------------------------------------------------------

// The `staff.sendRequest` input's own rules; the type must also be one the regulation lists.
const zSend = zSendRequestForm;
type SendValues = z.input<typeof zSend>;
const SEND_FIELDS = ["typeCode", "text"] as const;
const sendId = (f: (typeof SEND_FIELDS)[number]) => (f === "typeCode" ? "request-type" : "request-text");

function SendRequestForm({ applicationId, requestTypes }: { applicationId: string; requestTypes: RequestType[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useMutation(trpc.staff.sendRequest.mutationOptions());
  const { register, control, handleSubmit, formState, reset, setError, clearErrors } = useForm<SendValues>({
    resolver: zodResolver(zSend),
    // One type in the regulation is a formality: preselect it (it stays visible).
    defaultValues: { typeCode: requestTypes.length === 1 ? requestTypes[0]!.code : "", text: "" },
  });
  const typeCode = useWatch({ control, name: "typeCode" });
  const chosen = requestTypes.find((t) => t.code === typeCode);
  const err = (f: (typeof SEND_FIELDS)[number]) => formState.errors[f]?.message;
  const summary = SEND_FIELDS.flatMap((f) => (err(f) ? [{ target: sendId(f), message: err(f)! }] : []));
  const focusFirst = (errors: FieldErrors<SendValues>) => {
    const first = SEND_FIELDS.find((f) => errors[f]);
    if (first) document.getElementById(sendId(first))?.focus();
  };

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setStatus("");
    clearErrors();
    try {
      const sent = await mutation.mutateAsync({
        id: applicationId,
        typeCode: values.typeCode,
        text: values.text.trim(),
      });
      reset({ typeCode: values.typeCode, text: "" });
      setStatus(`Запрос направлен, срок ответа — до ${formatDate(sent.dueAt)}`);
      router.refresh();
    } catch (e) {
      const f = classifyRequestError(e);
      const fieldErrors = f.kind === "invalid" ? f.fieldErrors : {};
      const fields = SEND_FIELDS.filter((k) => fieldErrors[k]);
      if (fields.length) {
        for (const k of fields) setError(k, { type: "server", message: fieldErrors[k] });
        document.getElementById(sendId(fields[0]!))?.focus();
        return;
      }
      setFailure(`Запрос не направлен: ${f.message}`);
      // The application may have left consideration meanwhile: show the card as it now is.
      if (f.kind === "closed") router.refresh();
    }
  }, focusFirst);

  return (
    <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <h3 id="send-request-title" className="text-lg font-semibold">
        Направить запрос
      </h3>
      <p className="text-sm text-slate-600">
        Только виды запросов, предусмотренные регламентом услуги. Срок ответа считается со дня направления.
      </p>
      <form onSubmit={onSubmit} noValidate aria-labelledby="send-request-title" className="mt-3 space-y-4">
        <ErrorSummary errors={summary} titleId="send-request-errors-title" />
        <FormField
          id="request-type"
          label="Вид запроса"
          required
          error={err("typeCode")}
          describedByExtra={chosen ? "request-type-details" : undefined}
          after={
            chosen ? (
              <dl
                id="request-type-details"
                className="mt-2 grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-3"
                data-testid="request-type-details"
              >
                <dt className="text-slate-600">Куда направляется:</dt>
                <dd>{chosen.agency}</dd>
                <dt className="text-slate-600">Срок ответа:</dt>
                <dd>
                  {formatDuration(chosen.responseDeadline)}
                  {chosen.ref ? <span className="text-slate-600"> (регламент, {chosen.ref})</span> : null}
                </dd>
              </dl>
            ) : null
          }
        >
          {(control) => (
            <select {...control} {...register("typeCode")}>
              <option value="">— выберите вид запроса —</option>
              {requestTypes.map((t) => (
                <option key={t.code} value={t.code}>
                  {t.title}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id="request-text"
          label="Какие сведения запрашиваются"
          hint="Например: о местонахождении документов за период, указанный заявителем. Данные заявления повторно у заявителя не запрашиваются."
          required
          error={err("text")}
        >
          {(control) => <textarea rows={3} {...control} {...register("text")} />}
        </FormField>
        <Button type="submit" disabled={mutation.isPending}>
          Направить запрос
        </Button>
      </form>
      {failure ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-800" data-testid="send-request-alert">
          {failure}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="mt-2 text-sm text-green-900" data-testid="send-request-status">
        {status}
      </p>
    </div>
  );
}

// ------------------------------------------------------------------------------------------------
// Recording the answer
// ------------------------------------------------------------------------------------------------

// The text as the `staff.answerRequest` input and the upload route take it; the file's type is
// checked by the server from its content.
const zAnswer = zAnswerRequestInput.pick({ answerText: true }).extend({
  file: z.custom<FileList | null | undefined>().superRefine((list, ctx) => {
    const file = list?.[0];
    if (file && file.size > ANSWER_FILE_MAX_MB * 1024 * 1024) {
      ctx.addIssue({
        code: "custom",
        message: `Файл «${file.name}» весит ${formatFileSize(file.size)}, а допускается не больше ${ANSWER_FILE_MAX_MB} МБ: уменьшите разрешение скана или разделите документ`,
      });
    }
  }),
});
type AnswerValues = z.input<typeof zAnswer>;
const ANSWER_FIELDS = ["answerText", "file"] as const;
type AnswerField = (typeof ANSWER_FIELDS)[number];

type AnswerResponse = { error?: string; fieldErrors?: Partial<Record<AnswerField, string>> | null };

async function readAnswerResponse(res: Response): Promise<AnswerResponse> {
  try {
    return (await res.json()) as AnswerResponse;
  } catch {
    return {}; // not JSON: a proxy's page
  }
}

function AnswerForm({ request, onAnswered }: { request: InteragencyRequest; onAnswered: (message: string) => void }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, clearErrors } = useForm<AnswerValues>({
    resolver: zodResolver(zAnswer),
    defaultValues: { answerText: "", file: undefined },
  });
  const base = `answer-${request.id}`;
  const fieldId = (f: AnswerField) => `${base}-${f === "answerText" ? "text" : "file"}`;
  const err = (f: AnswerField) => formState.errors[f]?.message;
  const summary = ANSWER_FIELDS.flatMap((f) => (err(f) ? [{ target: fieldId(f), message: err(f)! }] : []));
  const focusFirst = (errors: FieldErrors<AnswerValues>) => {
    const first = ANSWER_FIELDS.find((f) => errors[f]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    onAnswered("");
    clearErrors();
    const body = new FormData();
    body.append("answerText", values.answerText.trim());
    const file = values.file?.[0];
    if (file) body.append("file", file);
    setPending(true);
    try {
      const res = await fetch(`/api/staff/requests/${encodeURIComponent(request.id)}/answer`, { method: "POST", body });
      if (res.ok) {
        onAnswered(`Ответ на запрос «${request.title}» внесён${file ? ` с файлом «${file.name}»` : ""}.`);
        // The form goes away with the refresh: the request's heading keeps the keyboard in place.
        document.getElementById(`request-${request.id}-title`)?.focus();
        router.refresh();
        return;
      }
      const answer = await readAnswerResponse(res);
      const fieldErrors = answer.fieldErrors ?? {};
      const fields = ANSWER_FIELDS.filter((f) => fieldErrors[f]);
      if (fields.length) {
        for (const f of fields) setError(f, { type: "server", message: fieldErrors[f] });
        document.getElementById(fieldId(fields[0]!))?.focus();
        return;
      }
      const reason =
        res.status === 401
          ? "сеанс завершён, войдите в систему снова"
          : (answer.error ?? "сервер не принял ответ, попробуйте ещё раз");
      setFailure(`Ответ не внесён: ${reason}`);
      // Answered meanwhile by a colleague, or no longer visible: show the card as it now is.
      if (res.status === 412 || res.status === 404) router.refresh();
    } catch {
      setFailure("Ответ не внесён: нет связи с сервером. Проверьте подключение и отправьте ещё раз");
    } finally {
      setPending(false);
    }
  }, focusFirst);

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${base}-title`}
      className="mt-3 space-y-3 border-t border-slate-200 pt-3"
      data-testid="answer-form"
    >
      <h4 id={`${base}-title`} className="font-semibold">
        Внести ответ на запрос
      </h4>
      <ErrorSummary errors={summary} titleId={`${base}-errors-title`} />
      <FormField
        id={fieldId("answerText")}
        label="Содержание ответа"
        hint="Кто ответил, реквизиты ответа и сведения по существу."
        required
        error={err("answerText")}
      >
        {(control) => <textarea rows={3} {...control} {...register("answerText")} />}
      </FormField>
      <FormField
        id={fieldId("file")}
        label="Файл ответа (необязательно)"
        hint={`PDF, JPEG или PNG, до ${ANSWER_FILE_MAX_MB} МБ. Заявителю файл не показывается.`}
        error={err("file")}
      >
        {({ className: _frame, ...control }) => (
          <input
            type="file"
            accept={ANSWER_FILE_ACCEPT}
            {...control}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-500 file:bg-white file:px-3 file:py-2 file:font-medium"
            {...register("file")}
          />
        )}
      </FormField>
      <Button type="submit" disabled={pending}>
        Внести ответ
      </Button>
      {failure ? (
        <p role="alert" className="text-sm font-medium text-red-800" data-testid="answer-alert">
          {failure}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="text-sm text-slate-700">
        {pending ? "Отправляем ответ…" : ""}
      </p>
    </form>
  );
}
