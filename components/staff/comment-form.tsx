"use client";
// An internal comment on the application: an event of its history like any other (R3), seen by
// staff only, never edited.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { zCommentForm } from "@/server/workflow/schema";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";

type CommentValues = z.input<typeof zCommentForm>;

export function CommentForm({ applicationId }: { applicationId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useMutation(trpc.staff.comment.mutationOptions());
  const { register, handleSubmit, formState, reset, setError, setFocus } = useForm<CommentValues>({
    resolver: zodResolver(zCommentForm),
    defaultValues: { text: "" },
  });
  const error = formState.errors.text?.message;

  const onSubmit = handleSubmit(async ({ text }) => {
    if (mutation.isPending) return;
    setFailure(null);
    setStatus("");
    try {
      await mutation.mutateAsync({ id: applicationId, text: text.trim() });
      reset({ text: "" });
      setStatus("Комментарий добавлен в историю заявления.");
      router.refresh();
    } catch (e) {
      const f = classifyRequestError(e);
      if (f.kind === "invalid" && f.fieldErrors.text) {
        setError("text", { message: f.fieldErrors.text });
        setFocus("text");
      } else setFailure(`Комментарий не добавлен: ${f.message}`);
    }
  });

  return (
    <section aria-labelledby="comment-title" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="comment-title" className="text-lg font-semibold">
        Внутренний комментарий
      </h2>
      <form onSubmit={onSubmit} noValidate className="mt-2">
        <FormField
          id="comment-text"
          label="Текст комментария"
          hint="Виден сотрудникам и сохраняется в истории заявления; изменить или удалить его нельзя."
          required
          error={error}
        >
          {(control) => <textarea rows={3} {...control} {...register("text")} />}
        </FormField>
        {/* aria-disabled, not disabled: the focus stays on the button while the comment is saved (issue 16 p.13). */}
        <Button type="submit" aria-disabled={mutation.isPending || undefined} className="mt-3">
          Добавить комментарий
        </Button>
      </form>
      {failure ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-800">
          {failure}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="mt-2 text-sm text-green-900">
        {status}
      </p>
    </section>
  );
}
