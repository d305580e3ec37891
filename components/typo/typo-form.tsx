"use client";
// The applicant's request to correct a typo or an error in an issued document (S2 p.72): which
// document, and what is wrong. One schema for the form and the procedure (server/typo/schema.ts).
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { zTypoForm } from "@/server/typo/schema";
import { Button } from "@/components/ui/button";
import { sentence } from "@/server/format/sentence";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField } from "@/components/ui/form-field";
import { formatDate } from "@/components/ui/format";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";

type Values = z.input<typeof zTypoForm>;
const FIELDS = ["documentId", "description"] as const;
const fieldId = (f: (typeof FIELDS)[number]) => `typo-${f}`;

export function TypoForm({
  applicationId,
  documents,
}: {
  applicationId: string;
  documents: { id: string; title: string; outgoingNumber: string | null; registeredAt: Date | null }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.typo.file.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [focusToken, setFocusToken] = useState(0);
  const { register, handleSubmit, formState, setError, reset } = useForm<Values>({
    resolver: zodResolver(zTypoForm),
    defaultValues: { documentId: documents.length === 1 ? documents[0]!.id : "", description: "" },
  });
  const err = (f: (typeof FIELDS)[number]) => formState.errors[f]?.message;
  const summary = FIELDS.flatMap((f) => (err(f) ? [{ target: fieldId(f), message: err(f)! }] : []));

  const onSubmit = handleSubmit(
    async (values) => {
      setFailure(null);
      setStatus("");
      try {
        const r = await mutation.mutateAsync({ applicationId, ...values });
        reset({ documentId: values.documentId, description: "" });
        setStatus(
          sentence(
            `Заявление зарегистрировано под номером ${r.number}. Проверка — до ${formatDate(r.checkDueAt)}, исправление — до ${formatDate(r.fixDueAt)}`,
          ),
        );
        router.refresh();
      } catch (e) {
        const f = classifyRequestError(e);
        const fieldErrors = f.kind === "invalid" ? f.fieldErrors : {};
        const fields = FIELDS.filter((k) => fieldErrors[k]);
        if (fields.length) {
          for (const k of fields) setError(k, { type: "server", message: fieldErrors[k] });
          setFocusToken((n) => n + 1);
        } else setFailure(`Заявление не подано: ${f.message}`);
      }
    },
    () => setFocusToken((n) => n + 1),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="typo-form-title" className="space-y-4">
      <h2 id="typo-form-title" className="text-xl font-semibold">
        Подать заявление об исправлении
      </h2>
      <ErrorSummary errors={summary} titleId="typo-errors-title" focusToken={focusToken} />
      <FormField id={fieldId("documentId")} label="Документ с опечаткой" required error={err("documentId")}>
        {(control) => (
          <select {...control} {...register("documentId")}>
            <option value="">— выберите документ —</option>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
                {d.outgoingNumber ? `, исх. № ${d.outgoingNumber}` : ""}
                {d.registeredAt ? ` от ${formatDate(d.registeredAt)}` : ""}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id={fieldId("description")}
        label="Опечатка или ошибка"
        hint="Где допущена опечатка или ошибка и как должно быть написано правильно."
        required
        error={err("description")}
      >
        {(control) => <textarea rows={4} {...control} {...register("description")} />}
      </FormField>
      <Button type="submit" disabled={mutation.isPending}>
        Подать заявление
      </Button>
      {failure ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {failure}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="text-sm text-green-900" data-testid="typo-status">
        {status}
      </p>
    </form>
  );
}
