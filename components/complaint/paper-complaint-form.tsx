"use client";
// A complaint received on paper (210-FZ art. 11.2 part 1: in writing, by post, in person), entered by
// the registrar with the complainant's name and postal address. Same schema as the procedure.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { COMPLAINT_SUBJECTS, zPaperComplaintForm } from "@/server/complaint/schema";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField } from "@/components/ui/form-field";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";

type Values = z.input<typeof zPaperComplaintForm>;
const FIELDS = [
  "registrationNumber",
  "complainantName",
  "complainantAddress",
  "complainantEmail",
  "subject",
  "text",
] as const;
const fieldId = (f: (typeof FIELDS)[number]) => `paper-${f}`;

export function PaperComplaintForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.complaint.registerPaper.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [focusToken, setFocusToken] = useState(0);
  const { register, handleSubmit, formState, setError } = useForm<Values>({
    resolver: zodResolver(zPaperComplaintForm),
    defaultValues: {
      registrationNumber: "",
      complainantName: "",
      complainantAddress: "",
      complainantEmail: "",
      text: "",
    },
  });
  const err = (f: (typeof FIELDS)[number]) => formState.errors[f]?.message;
  const summary = FIELDS.flatMap((f) => (err(f) ? [{ target: fieldId(f), message: err(f)! }] : []));

  const onSubmit = handleSubmit(
    async (values) => {
      setFailure(null);
      try {
        const c = await mutation.mutateAsync(values);
        router.push(`/staff/complaints/${c.id}`);
      } catch (e) {
        const f = classifyRequestError(e);
        const fieldErrors = f.kind === "invalid" ? f.fieldErrors : {};
        const fields = FIELDS.filter((k) => fieldErrors[k]);
        if (fields.length) {
          for (const k of fields) setError(k, { type: "server", message: fieldErrors[k] });
          setFocusToken((n) => n + 1);
        } else setFailure(`Жалоба не зарегистрирована: ${f.message}`);
      }
    },
    () => setFocusToken((n) => n + 1),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Жалоба на бумаге" className="max-w-3xl space-y-4">
      <ErrorSummary errors={summary} titleId="paper-errors-title" focusToken={focusToken} />
      <FormField
        id={fieldId("complainantName")}
        label="Фамилия, имя, отчество заявителя"
        required
        error={err("complainantName")}
      >
        {(c) => <input {...c} {...register("complainantName")} />}
      </FormField>
      <FormField
        id={fieldId("complainantAddress")}
        label="Почтовый адрес для ответа"
        required
        error={err("complainantAddress")}
      >
        {(c) => <input {...c} {...register("complainantAddress")} />}
      </FormField>
      <FormField
        id={fieldId("complainantEmail")}
        label="Адрес электронной почты (если указан)"
        hint="Решение будет направлено и на этот адрес."
        error={err("complainantEmail")}
      >
        {(c) => <input type="email" {...c} {...register("complainantEmail")} />}
      </FormField>
      <FormField
        id={fieldId("registrationNumber")}
        label="Номер заявления, на которое подана жалоба (если указан)"
        error={err("registrationNumber")}
      >
        {(c) => <input {...c} {...register("registrationNumber")} />}
      </FormField>
      <FormField id={fieldId("subject")} label="Что обжалуется" required error={err("subject")}>
        {(c) => (
          <select {...c} {...register("subject")}>
            <option value="">— выберите —</option>
            {COMPLAINT_SUBJECTS.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id={fieldId("text")} label="Текст жалобы" required error={err("text")}>
        {(c) => <textarea rows={6} {...c} {...register("text")} />}
      </FormField>
      <Button type="submit" disabled={mutation.isPending}>
        Зарегистрировать жалобу
      </Button>
      {failure ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {failure}
        </p>
      ) : null}
    </form>
  );
}
