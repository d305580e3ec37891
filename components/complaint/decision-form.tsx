"use client";
// The head's decision on a complaint (210-FZ art. 11.2 parts 7-8): upheld with the remedy, or rejected
// with reasons. The same schema as the procedure (server/complaint/schema.ts).
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { zComplaintDecisionForm } from "@/server/complaint/schema";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, FormFieldset } from "@/components/ui/form-field";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";

type Values = z.input<typeof zComplaintDecisionForm>;
const FIELDS = ["outcome", "decisionText", "remedy"] as const;
const fieldId = (f: (typeof FIELDS)[number]) => `decision-${f}`;

export function DecisionForm({ complaintId }: { complaintId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.complaint.decide.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [focusToken, setFocusToken] = useState(0);
  const { register, handleSubmit, formState, setError, control } = useForm<Values>({
    resolver: zodResolver(zComplaintDecisionForm),
    defaultValues: { decisionText: "", remedy: "" },
  });
  const outcome = useWatch({ control, name: "outcome" });
  const err = (f: (typeof FIELDS)[number]) => formState.errors[f]?.message;
  const summary = FIELDS.flatMap((f) => (err(f) ? [{ target: fieldId(f), message: err(f)! }] : []));

  const onSubmit = handleSubmit(
    async (values) => {
      setFailure(null);
      try {
        await mutation.mutateAsync({ id: complaintId, ...values });
        router.refresh();
      } catch (e) {
        const f = classifyRequestError(e);
        const fieldErrors = f.kind === "invalid" ? f.fieldErrors : {};
        const fields = FIELDS.filter((k) => fieldErrors[k]);
        if (fields.length) {
          for (const k of fields) setError(k, { type: "server", message: fieldErrors[k] });
          setFocusToken((n) => n + 1);
        } else setFailure(`Решение не принято: ${f.message}`);
      }
    },
    () => setFocusToken((n) => n + 1),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="decision-title" className="space-y-4">
      <h2 id="decision-title" className="text-xl font-semibold">
        Решение по жалобе
      </h2>
      <ErrorSummary errors={summary} titleId="decision-errors-title" focusToken={focusToken} />
      <FormFieldset id={fieldId("outcome")} legend="Решение" required radio error={err("outcome")}>
        <label className="flex items-center gap-2">
          <input type="radio" value="UPHELD" {...register("outcome")} /> Удовлетворить жалобу
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" value="REJECTED" {...register("outcome")} /> Отказать в удовлетворении жалобы
        </label>
      </FormFieldset>
      <FormField id={fieldId("decisionText")} label="Мотивы решения" required error={err("decisionText")}>
        {(c) => <textarea rows={4} {...c} {...register("decisionText")} />}
      </FormField>
      {outcome === "UPHELD" ? (
        <FormField
          id={fieldId("remedy")}
          label="Меры по устранению нарушения"
          hint="Что будет сделано и в какой срок (например: выдача результата, возврат платы, повторное рассмотрение)."
          required
          error={err("remedy")}
        >
          {(c) => <textarea rows={3} {...c} {...register("remedy")} />}
        </FormField>
      ) : null}
      <p className="text-sm text-slate-600">
        Письмо с решением будет сформировано и направлено заявителю в личный кабинет и по электронной почте.
      </p>
      <Button type="submit" disabled={mutation.isPending}>
        Принять решение
      </Button>
      {failure ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {failure}
        </p>
      ) : null}
    </form>
  );
}
