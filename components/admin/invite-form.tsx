"use client";
// Inviting a staff member (issue 11): name, e-mail, the first department and role. The account gets
// no password: the e-mailed one-time link sets it. An address already in use comes back on its field.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { useTRPC } from "@/components/trpc-provider";
import { DEPARTMENT_ROLES, STAFF_ROLE_LABEL, zInviteForm, type InviteFormValues } from "@/server/organisation/schema";
import type { DepartmentOption } from "./department-form";
import { applyRequestError, FailureMessage } from "./form-failure";
import { PersonFields } from "./person-fields";

const FIELDS = ["email", "lastName", "firstName", "middleName", "phone", "departmentId", "role"] as const;

export function InviteForm({ departments }: { departments: DepartmentOption[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const invite = useMutation(trpc.organisation.invite.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<InviteFormValues>({
    resolver: zodResolver(zInviteForm),
    defaultValues: {
      email: "",
      lastName: "",
      firstName: "",
      middleName: "",
      phone: "",
      departmentId: "",
      role: "EXECUTOR",
    },
  });
  const { register, handleSubmit, formState, setError } = form;
  const errors = formState.errors;

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const { id } = await invite.mutateAsync(values);
      router.push(`/admin/staff/${id}?invited=1`);
    } catch (e) {
      setFailure(applyRequestError(e, setError, FIELDS));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Приглашение сотрудника">
      <PersonFields prefix="invite" form={form} />
      <FormField id="invite-department" label="Подразделение" required error={errors.departmentId?.message}>
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
      <FormField id="invite-role" label="Роль в подразделении" required error={errors.role?.message} width="w-auto">
        {(c) => (
          <select {...c} {...register("role")}>
            {DEPARTMENT_ROLES.map((r) => (
              <option key={r} value={r}>
                {STAFF_ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FailureMessage message={failure} />
      <Button type="submit" disabled={invite.isPending}>
        {invite.isPending ? "Отправляем приглашение…" : "Пригласить"}
      </Button>
    </form>
  );
}
