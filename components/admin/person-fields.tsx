"use client";
// The person's fields of a staff account (e-mail, name, phone), shared by the invitation and the edit form.
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import type { AccountFormValues } from "@/server/organisation/schema";

export function PersonFields<T extends AccountFormValues & FieldValues>({
  prefix,
  form,
}: {
  prefix: string;
  form: UseFormReturn<T>;
}) {
  const { register, formState } = form;
  const errors = formState.errors as Partial<Record<keyof AccountFormValues, { message?: string }>>;
  const field = (name: keyof AccountFormValues) => register(name as Path<T>);
  return (
    <>
      <FormField id={`${prefix}-email`} label="Электронная почта" required error={errors.email?.message}>
        {(c) => <input {...c} {...field("email")} type="email" autoComplete="off" />}
      </FormField>
      <FormField id={`${prefix}-last-name`} label="Фамилия" required error={errors.lastName?.message}>
        {(c) => <input {...c} {...field("lastName")} autoComplete="off" />}
      </FormField>
      <FormField id={`${prefix}-first-name`} label="Имя" required error={errors.firstName?.message}>
        {(c) => <input {...c} {...field("firstName")} autoComplete="off" />}
      </FormField>
      <FormField id={`${prefix}-middle-name`} label="Отчество" error={errors.middleName?.message}>
        {(c) => <input {...c} {...field("middleName")} autoComplete="off" />}
      </FormField>
      <FormField id={`${prefix}-phone`} label="Телефон" error={errors.phone?.message} width="w-64">
        {(c) => <input {...c} {...field("phone")} type="tel" autoComplete="off" />}
      </FormField>
    </>
  );
}
