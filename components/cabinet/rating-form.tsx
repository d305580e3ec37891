"use client";
// Rating the quality of the service (R21, R27; S1 p.27, S2 p.73): 1-5 and a comment, once per
// application, after the result is issued.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { SCORE_LABEL, zRateForm, type RateFormValues } from "@/server/rating/schema";
import { Button } from "@/components/ui/button";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { FormField, FormFieldset } from "@/components/ui/form-field";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";

export function RatingForm({ applicationId }: { applicationId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.rating.rate.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { register, control, handleSubmit, formState, setError } = useForm<RateFormValues>({
    resolver: zodResolver(zRateForm),
    defaultValues: { comment: "" },
  });
  const errors = formState.errors;
  const summary: SummaryError[] = [
    errors.score?.message ? { target: "rating-score", message: errors.score.message } : null,
    errors.comment?.message ? { target: "rating-comment", message: errors.comment.message } : null,
  ].filter((e): e is SummaryError => !!e);

  const onSubmit = handleSubmit(
    async (values) => {
      setFailure(null);
      try {
        await mutation.mutateAsync({ applicationId, ...values });
        router.refresh();
      } catch (e) {
        const f = classifyRequestError(e);
        if (f.kind === "invalid" && (f.fieldErrors.score || f.fieldErrors.comment)) {
          if (f.fieldErrors.score) setError("score", { message: f.fieldErrors.score });
          if (f.fieldErrors.comment) setError("comment", { message: f.fieldErrors.comment });
        } else setFailure(f.message);
        setAttempt((n) => n + 1);
      }
    },
    () => setAttempt((n) => n + 1),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <ErrorSummary errors={summary} focusToken={attempt} titleId="rating-errors-title" />
      {failure ? (
        <p role="alert" className="font-medium text-red-800">
          Оценка не сохранена: {failure}
        </p>
      ) : null}
      <Controller
        control={control}
        name="score"
        render={({ field }) => (
          <FormFieldset id="rating-score" legend="Ваша оценка" required radio error={errors.score?.message}>
            <div className="flex flex-wrap gap-2">
              {[1, 2, 3, 4, 5].map((score) => (
                <label
                  key={score}
                  className="flex items-center gap-2 rounded border border-slate-400 bg-white px-3 py-2"
                >
                  <input
                    type="radio"
                    name={field.name}
                    value={score}
                    checked={field.value === score}
                    onChange={() => field.onChange(score)}
                    onBlur={field.onBlur}
                  />
                  {SCORE_LABEL[score]}
                </label>
              ))}
            </div>
          </FormFieldset>
        )}
      />
      <FormField
        id="rating-comment"
        label="Комментарий"
        hint="Необязательно: что понравилось, что стоит улучшить."
        error={errors.comment?.message}
      >
        {(c) => <textarea rows={3} {...c} {...register("comment")} />}
      </FormField>
      <Button type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? "Сохраняем…" : "Оценить"}
      </Button>
    </form>
  );
}
