"use client";
// The applicant's pre-trial complaint (R21; 210-FZ art. 11.1): what is complained of, the text and
// optional files, sent as one multipart request (POST /api/applications/:id/complaint). The same
// schema as the route checks (server/complaint/schema.ts); the route's field messages come back to
// the fields, with the error summary above the form as on the application form.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldErrors } from "react-hook-form";
import { z } from "zod";
import {
  COMPLAINT_FILE_RULE,
  COMPLAINT_FILES_MAX,
  COMPLAINT_SUBJECTS,
  zComplaintForm,
} from "@/server/complaint/schema";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField } from "@/components/ui/form-field";
import { formatDate } from "@/components/ui/format";

const zValues = zComplaintForm.extend({
  files: z
    .custom<FileList | undefined>()
    .optional()
    .refine((f) => !f || f.length <= COMPLAINT_FILES_MAX, `Приложите не больше ${COMPLAINT_FILES_MAX} файлов`),
});
type Values = z.input<typeof zValues>;
const FIELDS = ["subject", "text", "files"] as const;
type Field = (typeof FIELDS)[number];
const fieldId = (f: Field) => `complaint-${f}`;

type Answer = { number?: string; dueAt?: string; error?: string; fieldErrors?: Partial<Record<Field, string>> | null };

export function ComplaintForm({ applicationId, defaultSubject }: { applicationId: string; defaultSubject?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [focusToken, setFocusToken] = useState(0);
  const { register, handleSubmit, formState, setError, clearErrors, reset } = useForm<Values>({
    resolver: zodResolver(zValues),
    defaultValues: { subject: (defaultSubject ?? "") as Values["subject"], text: "" },
  });
  const err = (f: Field) => formState.errors[f]?.message as string | undefined;
  const summary = FIELDS.flatMap((f) => (err(f) ? [{ target: fieldId(f), message: err(f)! }] : []));
  const onInvalid = (_: FieldErrors<Values>) => setFocusToken((n) => n + 1);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setStatus("");
    clearErrors();
    const body = new FormData();
    body.append("subject", values.subject);
    body.append("text", values.text.trim());
    for (const file of Array.from(values.files ?? [])) body.append("files", file);
    setPending(true);
    try {
      const res = await fetch(`/api/applications/${encodeURIComponent(applicationId)}/complaint`, {
        method: "POST",
        body,
      });
      const answer = (await res.json().catch(() => ({}))) as Answer;
      if (res.ok) {
        reset({ subject: values.subject, text: "" });
        setStatus(
          `Жалоба зарегистрирована под номером ${answer.number}. Срок рассмотрения — до ${answer.dueAt ? formatDate(answer.dueAt) : "—"}.`,
        );
        router.refresh();
        return;
      }
      const fieldErrors = answer.fieldErrors ?? {};
      const fields = FIELDS.filter((f) => fieldErrors[f]);
      if (fields.length) {
        for (const f of fields) setError(f, { type: "server", message: fieldErrors[f] });
        setFocusToken((n) => n + 1);
        return;
      }
      setFailure(
        `Жалоба не подана: ${res.status === 401 ? "сеанс завершён, войдите в систему снова" : (answer.error ?? "сервер не принял жалобу, попробуйте ещё раз")}`,
      );
    } catch {
      setFailure("Жалоба не подана: нет связи с сервером. Проверьте подключение и отправьте ещё раз");
    } finally {
      setPending(false);
    }
  }, onInvalid);

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="complaint-form-title" className="mt-4 space-y-4">
      <h2 id="complaint-form-title" className="text-xl font-semibold">
        Подать жалобу
      </h2>
      <ErrorSummary errors={summary} titleId="complaint-errors-title" focusToken={focusToken} />
      <FormField id={fieldId("subject")} label="Что вы обжалуете" required error={err("subject")}>
        {(control) => (
          <select {...control} {...register("subject")}>
            <option value="">— выберите —</option>
            {COMPLAINT_SUBJECTS.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id={fieldId("text")}
        label="Текст жалобы"
        hint="Какое решение или действие (бездействие) вы обжалуете, почему вы с ним не согласны и чего просите."
        required
        error={err("text")}
      >
        {(control) => <textarea rows={6} {...control} {...register("text")} />}
      </FormField>
      <FormField
        id={fieldId("files")}
        label="Документы, подтверждающие доводы (необязательно)"
        hint={`PDF, JPEG или PNG, до ${COMPLAINT_FILE_RULE.maxSizeMb} МБ каждый, не больше ${COMPLAINT_FILES_MAX} файлов.`}
        error={err("files")}
      >
        {({ className: _frame, ...control }) => (
          <input
            type="file"
            multiple
            accept={COMPLAINT_FILE_RULE.accept.join(",")}
            {...control}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-500 file:bg-white file:px-3 file:py-2 file:font-medium"
            {...register("files")}
          />
        )}
      </FormField>
      <Button type="submit" disabled={pending}>
        Подать жалобу
      </Button>
      {failure ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {failure}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="text-sm text-green-900" data-testid="complaint-status">
        {pending ? "Отправляем жалобу…" : status}
      </p>
    </form>
  );
}
