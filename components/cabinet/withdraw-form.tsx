"use client";
// Withdrawing a submitted application before the decision (issue 14 p.5): the reason is recorded in
// the application's history and sent to the staff handling it; the deadlines stop.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zWithdrawForm, type WithdrawFormValues } from "@/server/cabinet/schema";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField } from "@/components/ui/form-field";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";

export function WithdrawForm({ applicationId }: { applicationId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.cabinet.withdraw.mutationOptions());
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { register, handleSubmit, formState, setError } = useForm<WithdrawFormValues>({
    resolver: zodResolver(zWithdrawForm),
    defaultValues: { reason: "" },
  });
  const error = formState.errors.reason?.message;

  const onSubmit = handleSubmit(
    async ({ reason }) => {
      setFailure(null);
      try {
        await mutation.mutateAsync({ id: applicationId, reason });
        router.refresh();
      } catch (e) {
        const f = classifyRequestError(e);
        if (f.kind === "invalid" && f.fieldErrors.reason) setError("reason", { message: f.fieldErrors.reason });
        else setFailure(f.message);
        setAttempt((n) => n + 1);
      }
    },
    () => setAttempt((n) => n + 1),
  );

  if (!open)
    return (
      <Button kind="neutral" onClick={() => setOpen(true)}>
        Отозвать заявление
      </Button>
    );
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4" aria-labelledby="withdraw-title">
      <h3 id="withdraw-title" className="text-lg font-semibold">
        Отзыв заявления
      </h3>
      <p>
        Рассмотрение заявления будет прекращено. Отозвать заявление можно, пока по нему не принято решение; отменить
        отзыв нельзя — при необходимости подайте заявление заново.
      </p>
      <ErrorSummary errors={error ? [{ target: "withdraw-reason", message: error }] : []} focusToken={attempt} />
      {failure ? (
        <p role="alert" className="font-medium text-red-800">
          Заявление не отозвано: {failure}
        </p>
      ) : null}
      <FormField id="withdraw-reason" label="Причина отзыва" required error={error}>
        {(c) => <textarea rows={3} {...c} {...register("reason")} />}
      </FormField>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Отзываем…" : "Отозвать заявление"}
        </Button>
        <Button kind="link" onClick={() => setOpen(false)}>
          Не отзывать
        </Button>
      </div>
    </form>
  );
}
