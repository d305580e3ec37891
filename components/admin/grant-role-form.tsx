"use client";
// Granting a role (issue 11): a department role in a department (it counts there and in the units
// under it), or a global one (administrator, auditor) that names none.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { useTRPC } from "@/components/trpc-provider";
import {
  DEPARTMENT_ROLES,
  GLOBAL_ROLES,
  STAFF_ROLE_LABEL,
  zRoleForm,
  type RoleFormValues,
} from "@/server/organisation/schema";
import type { DepartmentOption } from "./department-form";
import { applyRequestError, FailureMessage } from "./form-failure";

export function GrantRoleForm({ userId, departments }: { userId: string; departments: DepartmentOption[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const grant = useMutation(trpc.organisation.grantRole.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const { register, handleSubmit, formState, setError, control } = useForm<RoleFormValues>({
    resolver: zodResolver(zRoleForm),
    defaultValues: { role: "EXECUTOR", departmentId: "" },
  });
  const role = useWatch({ control, name: "role" });
  const global = (GLOBAL_ROLES as readonly string[]).includes(role);
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setStatus("");
    try {
      await grant.mutateAsync({ ...values, userId, departmentId: global ? "" : values.departmentId });
      setStatus(`Роль «${STAFF_ROLE_LABEL[values.role]}» назначена.`);
      router.refresh();
    } catch (e) {
      setFailure(applyRequestError(e, setError, ["role", "departmentId"]));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Назначение роли">
      <FormField id="grant-role" label="Роль" required error={formState.errors.role?.message} width="w-auto">
        {(c) => (
          <select {...c} {...register("role")}>
            {[...DEPARTMENT_ROLES, ...GLOBAL_ROLES].map((r) => (
              <option key={r} value={r}>
                {STAFF_ROLE_LABEL[r]}
                {(GLOBAL_ROLES as readonly string[]).includes(r) ? " (во всей системе)" : ""}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {global ? null : (
        <FormField
          id="grant-department"
          label="Подразделение"
          hint="Роль действует в этом подразделении и в подчинённых ему"
          required
          error={formState.errors.departmentId?.message}
        >
          {(c) => (
            <select {...c} {...register("departmentId")}>
              <option value="">— выберите —</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {"\u00a0\u00a0".repeat(d.depth)}
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FailureMessage message={failure} />
      <p role="status" aria-live="polite" className="text-green-900">
        {status}
      </p>
      <Button type="submit" kind="secondary" disabled={grant.isPending}>
        Назначить роль
      </Button>
    </form>
  );
}
