"use client";
// Moving a department under another one (issue 11): the server refuses a cycle on the field.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { useTRPC } from "@/components/trpc-provider";
import { zMoveDepartmentForm } from "@/server/organisation/schema";
import type { DepartmentOption } from "./department-form";
import { applyRequestError, FailureMessage } from "./form-failure";

type Values = z.input<typeof zMoveDepartmentForm>;

export function MoveDepartmentForm({
  departmentId,
  parentId,
  parents,
}: {
  departmentId: string;
  parentId: string | null;
  parents: DepartmentOption[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const move = useMutation(trpc.organisation.moveDepartment.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const { register, handleSubmit, formState, setError } = useForm<Values>({
    resolver: zodResolver(zMoveDepartmentForm),
    defaultValues: { parentId: parentId ?? "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setStatus("");
    try {
      await move.mutateAsync({ id: departmentId, parentId: values.parentId });
      setStatus("Подразделение перемещено.");
      router.refresh();
    } catch (e) {
      setFailure(applyRequestError(e, setError, ["parentId"]));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Перемещение подразделения">
      <FormField id="move-parent" label="Вышестоящее подразделение" error={formState.errors.parentId?.message}>
        {(c) => (
          <select {...c} {...register("parentId")}>
            <option value="">— верхний уровень —</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {"\u00a0\u00a0".repeat(p.depth)}
                {p.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FailureMessage message={failure} />
      <p role="status" aria-live="polite" className="text-green-900">
        {status}
      </p>
      <Button type="submit" kind="secondary" disabled={move.isPending}>
        Переместить
      </Button>
    </form>
  );
}
