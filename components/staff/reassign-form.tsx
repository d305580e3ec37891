"use client";
// «Передать другому исполнителю» on the card (R2, S2 p.50): the head or the registrar hands an
// assigned application over, with the reason; the stage and its deadline stay as they are.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { zReassignForm } from "@/server/workflow/schema";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";

type ReassignValues = z.input<typeof zReassignForm>;

export function ReassignForm({
  applicationId,
  rowVersion,
  executors,
}: {
  applicationId: string;
  rowVersion: number;
  executors: { id: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const failureRef = useRef<HTMLParagraphElement>(null);
  const mutation = useMutation(trpc.staff.reassign.mutationOptions());
  const { register, handleSubmit, formState, reset, setError, setFocus } = useForm<ReassignValues>({
    resolver: zodResolver(zReassignForm),
    defaultValues: { executorId: "", reason: "" },
  });
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
      await mutation.mutateAsync({
        id: applicationId,
        expectedRowVersion: rowVersion,
        executorId: values.executorId,
        reason: values.reason.trim(),
      });
      const name = executors.find((e) => e.id === values.executorId)?.name ?? "другому исполнителю";
      reset();
      setOpen(false);
      setStatus(`Заявление передано: ${name}.`);
      router.refresh();
      requestAnimationFrame(() => document.getElementById("reassign-toggle")?.focus());
    } catch (e) {
      const f = classifyRequestError(e);
      if (f.kind === "invalid" && (f.fieldErrors.executorId || f.fieldErrors.reason)) {
        for (const key of ["executorId", "reason"] as const)
          if (f.fieldErrors[key]) setError(key, { message: f.fieldErrors[key] });
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
      <p role="status" aria-live="polite" className="text-sm text-green-900">
        {status}
      </p>
      {open ? (
        <form
          id="reassign-form"
          onSubmit={onSubmit}
          noValidate
          className="mt-2 space-y-3 rounded border border-slate-300 bg-slate-50 p-3"
          aria-label="Передача заявления другому исполнителю"
        >
          <FormField id="reassign-executor" label="Новый исполнитель" required error={errors.executorId?.message}>
            {(control) => (
              <select {...control} {...register("executorId")}>
                <option value="">— выберите —</option>
                {executors.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            id="reassign-reason"
            label="Причина передачи"
            hint="Сохраняется в истории заявления; новый исполнитель получит уведомление."
            required
            error={errors.reason?.message}
          >
            {(control) => <textarea rows={2} {...control} {...register("reason")} />}
          </FormField>
          {failure ? (
            <p
              ref={failureRef}
              tabIndex={-1}
              role="alert"
              className="rounded border-2 border-amber-700 bg-amber-50 p-2 text-amber-950"
            >
              {failure}
            </p>
          ) : null}
          <div className="flex gap-3">
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? "Передаём…" : "Передать"}
            </Button>
            <Button
              kind="link"
              onClick={() => {
                setOpen(false);
                reset();
                setFailure(null);
              }}
            >
              Отмена
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
