"use client";
// Creating and editing a department (issue 11): the fields of zDepartmentFields, checked in the
// browser by the same schema the procedure parses with; a duplicate code comes back on its field.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { useTRPC } from "@/components/trpc-provider";
import {
  DEPARTMENT_KINDS,
  DEPARTMENT_KIND_LABEL,
  zCreateDepartmentForm,
  type CreateDepartmentFormValues,
} from "@/server/organisation/schema";
import { applyRequestError, FailureMessage } from "./form-failure";

export type DepartmentOption = { id: string; name: string; depth: number };

const FIELDS = ["name", "code", "kind", "parentId", "address", "phone", "email", "schedule"] as const;

export function DepartmentForm({
  departmentId,
  defaults,
  parents,
}: {
  /** Editing this department; none: creating one. */
  departmentId?: string;
  defaults: CreateDepartmentFormValues;
  /** The parents to choose from, when creating. */
  parents?: DepartmentOption[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.organisation.createDepartment.mutationOptions());
  const update = useMutation(trpc.organisation.updateDepartment.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const { register, handleSubmit, formState, setError, reset } = useForm<CreateDepartmentFormValues>({
    resolver: zodResolver(zCreateDepartmentForm),
    defaultValues: defaults,
  });
  const errors = formState.errors;
  const prefix = departmentId ? "edit" : "new";

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setStatus("");
    try {
      if (departmentId) {
        const { parentId: _, ...fields } = values;
        await update.mutateAsync({ ...fields, id: departmentId });
        setStatus("Изменения сохранены.");
      } else {
        await create.mutateAsync(values);
        reset(defaults);
        setStatus(`Подразделение «${values.name}» создано.`);
      }
      router.refresh();
    } catch (e) {
      setFailure(applyRequestError(e, setError, FIELDS));
    }
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-3"
      aria-label={departmentId ? "Изменение подразделения" : "Новое подразделение"}
    >
      <FormField id={`${prefix}-name`} label="Название" required error={errors.name?.message}>
        {(c) => <input {...c} {...register("name")} />}
      </FormField>
      <FormField
        id={`${prefix}-code`}
        label="Код"
        hint="Строчные латинские буквы, цифры и дефис; код уникален"
        required
        error={errors.code?.message}
        width="w-64"
      >
        {(c) => <input {...c} {...register("code")} autoComplete="off" />}
      </FormField>
      <FormField id={`${prefix}-kind`} label="Вид" required error={errors.kind?.message} width="w-auto">
        {(c) => (
          <select {...c} {...register("kind")}>
            {DEPARTMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {DEPARTMENT_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {parents ? (
        <FormField id={`${prefix}-parent`} label="Вышестоящее подразделение" error={errors.parentId?.message}>
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
      ) : null}
      <FormField id={`${prefix}-address`} label="Адрес" error={errors.address?.message}>
        {(c) => <input {...c} {...register("address")} autoComplete="off" />}
      </FormField>
      <FormField id={`${prefix}-phone`} label="Телефон" error={errors.phone?.message} width="w-64">
        {(c) => <input {...c} {...register("phone")} type="tel" autoComplete="off" />}
      </FormField>
      <FormField id={`${prefix}-email`} label="Электронная почта" error={errors.email?.message}>
        {(c) => <input {...c} {...register("email")} type="email" autoComplete="off" />}
      </FormField>
      <FormField
        id={`${prefix}-schedule`}
        label="Режим работы (описание)"
        hint="Как его прочтут заявители, например «Пн–Чт 9:00–17:15, Пт 9:00–13:00». Часы приёма для сроков задаются в графике приёма."
        error={errors.schedule?.message}
      >
        {(c) => <textarea rows={2} {...c} {...register("schedule")} />}
      </FormField>
      <FailureMessage message={failure} />
      <p role="status" aria-live="polite" className="text-green-900">
        {status}
      </p>
      <Button type="submit" disabled={create.isPending || update.isPending}>
        {departmentId ? "Сохранить" : "Создать подразделение"}
      </Button>
    </form>
  );
}
