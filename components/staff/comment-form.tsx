"use client";
// An internal comment on the application: an event of its history like any other (R3), seen by
// staff only, never edited.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";

// The same rule as the `staff.comment` input.
const zComment = z.object({ text: z.string().trim().min(1, "Напишите комментарий").max(5000, "Комментарий не длиннее 5000 знаков") });
type CommentValues = z.input<typeof zComment>;

export function CommentForm({ applicationId }: { applicationId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useMutation(trpc.staff.comment.mutationOptions());
  const { register, handleSubmit, formState, reset, setError, setFocus } = useForm<CommentValues>({ resolver: zodResolver(zComment), defaultValues: { text: "" } });
  const error = formState.errors.text?.message;

  const onSubmit = handleSubmit(async ({ text }) => {
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
      <h2 id="comment-title" className="text-lg font-semibold">Внутренний комментарий</h2>
      <form onSubmit={onSubmit} noValidate className="mt-2">
        <label htmlFor="comment-text" className="block font-medium">Текст комментария</label>
        <p id="comment-text-hint" className="text-sm text-slate-600">Виден сотрудникам и сохраняется в истории заявления; изменить или удалить его нельзя.</p>
        <textarea
          id="comment-text"
          rows={3}
          aria-invalid={error ? true : undefined}
          aria-describedby={["comment-text-hint", error ? "comment-text-error" : null].filter(Boolean).join(" ")}
          className={`mt-1 block w-full rounded border px-3 py-2 ${error ? "border-red-700 ring-1 ring-red-700" : "border-slate-400"}`}
          {...register("text")}
        />
        {error ? <p id="comment-text-error" className="mt-1 text-sm font-medium text-red-700">{error}</p> : null}
        <button type="submit" disabled={mutation.isPending} className="mt-3 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60">
          Добавить комментарий
        </button>
      </form>
      {failure ? <p role="alert" className="mt-2 text-sm font-medium text-red-800">{failure}</p> : null}
      <p role="status" aria-live="polite" className="mt-2 text-sm text-green-900">{status}</p>
    </section>
  );
}
