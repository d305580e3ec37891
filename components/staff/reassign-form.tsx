"use client";
// «Передать другому исполнителю» on the card (R2, S2 p.50): the head or the registrar hands an
// assigned application over, with the reason; the stage and its deadline stay as they are.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";

// The same rules as the `staff.reassign` input.
const zReassign = z.object({
  executorId: z.string().min(1, "Выберите исполнителя"),
  reason: z.string().trim().min(1, "Укажите причину передачи").max(1000, "Причина не длиннее 1000 знаков"),
});
type ReassignValues = z.input<typeof zReassign>;

export function ReassignForm({ applicationId, rowVersion, executors }: { applicationId: string; rowVersion: number; executors: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const failureRef = useRef<HTMLParagraphElement>(null);
  const mutation = useMutation(trpc.staff.reassign.mutationOptions());
  const { register, handleSubmit, formState, reset, setError, setFocus } = useForm<ReassignValues>({ resolver: zodResolver(zReassign), defaultValues: { executorId: "", reason: "" } });
  const errors = formState.errors;

  useEffect(() => {
    if (open) setFocus("executorId");
  }, [open, setFocus]);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await mutation.mutateAsync({ id: applicationId, expectedRowVersion: rowVersion, executorId: values.executorId, reason: values.reason.trim() });
      const name = executors.find((e) => e.id === values.executorId)?.name ?? "другому исполнителю";
      reset();
      setOpen(false);
      setStatus(`Заявление передано: ${name}.`);
      router.refresh();
      requestAnimationFrame(() => document.getElementById("reassign-toggle")?.focus());
    } catch (e) {
      const f = classifyRequestError(e);
      if (f.kind === "invalid" && (f.fieldErrors.executorId || f.fieldErrors.reason)) {
        for (const key of ["executorId", "reason"] as const) if (f.fieldErrors[key]) setError(key, { message: f.fieldErrors[key] });
        setFocus(f.fieldErrors.executorId ? "executorId" : "reason");
      } else {
        setFailure(`Заявление не передано: ${f.message}`);
        if (f.kind === "conflict") router.refresh();
      }
    }
  });

  if (!executors.length) return null;
  return (
    <div className="mt-2">
      <button
        id="reassign-toggle"
        type="button"
        aria-expanded={open}
        aria-controls="reassign-form"
        onClick={() => setOpen((o) => !o)}
        className="text-sm font-semibold text-brand-700 underline"
      >
        Передать другому исполнителю
      </button>
      <p role="status" aria-live="polite" className="text-sm text-green-900">{status}</p>
      {open ? (
        <form id="reassign-form" onSubmit={onSubmit} noValidate className="mt-2 space-y-3 rounded border border-slate-300 bg-slate-50 p-3" aria-label="Передача заявления другому исполнителю">
          <div>
            <label htmlFor="reassign-executor" className="block font-medium">Новый исполнитель</label>
            <select
              id="reassign-executor"
              aria-invalid={errors.executorId ? true : undefined}
              aria-describedby={errors.executorId ? "reassign-executor-error" : undefined}
              className={`mt-1 block w-full rounded border bg-white px-3 py-2 ${errors.executorId ? "border-red-700 ring-1 ring-red-700" : "border-slate-400"}`}
              {...register("executorId")}
            >
              <option value="">— выберите —</option>
              {executors.map((e) => (
                <option key={e.id} value={e.id}>{e.name}</option>
              ))}
            </select>
            {errors.executorId ? <p id="reassign-executor-error" className="mt-1 text-sm font-medium text-red-700">{errors.executorId.message}</p> : null}
          </div>
          <div>
            <label htmlFor="reassign-reason" className="block font-medium">Причина передачи</label>
            <p id="reassign-reason-hint" className="text-sm text-slate-600">Сохраняется в истории заявления; новый исполнитель получит уведомление.</p>
            <textarea
              id="reassign-reason"
              rows={2}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={["reassign-reason-hint", errors.reason ? "reassign-reason-error" : null].filter(Boolean).join(" ")}
              className={`mt-1 block w-full rounded border px-3 py-2 ${errors.reason ? "border-red-700 ring-1 ring-red-700" : "border-slate-400"}`}
              {...register("reason")}
            />
            {errors.reason ? <p id="reassign-reason-error" className="mt-1 text-sm font-medium text-red-700">{errors.reason.message}</p> : null}
          </div>
          {failure ? (
            <p ref={failureRef} tabIndex={-1} role="alert" className="rounded border-2 border-amber-700 bg-amber-50 p-2 text-amber-950">{failure}</p>
          ) : null}
          <div className="flex gap-3">
            <button type="submit" disabled={mutation.isPending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60">
              {mutation.isPending ? "Передаём…" : "Передать"}
            </button>
            <button type="button" onClick={() => { setOpen(false); reset(); setFailure(null); }} className="px-2 py-2 text-brand-700 underline">Отмена</button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
