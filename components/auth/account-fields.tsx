// The parts the two forms that set up an account share: registration and the claim of an account a
// registrar opened (./register-form.tsx, ./claim-form.tsx). Kept in one place so that the labels,
// autocomplete hints and the password rule shown stay the same on both pages.
import { TRPCClientError } from "@trpc/client";
import { useState } from "react";
import type { FieldValues, Path, UseFormRegisterReturn, UseFormReturn } from "react-hook-form";
import { TextField } from "@/components/ui/field";

type AccountField = "lastName" | "firstName" | "middleName" | "phone" | "password" | "passwordConfirm";

/** A field's registration with react-hook-form and its error, as the form has them. The form passes a
 * function rather than its `register`, so each form keeps its own typed field names. */
export type FieldOf<K extends AccountField = AccountField> = (name: K) => UseFormRegisterReturn & { error?: string };

export function NameFields({ field }: { field: FieldOf<"lastName" | "firstName" | "middleName"> }) {
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <TextField id="lastName" label="Фамилия" required autoComplete="family-name" {...field("lastName")} />
      <TextField id="firstName" label="Имя" required autoComplete="given-name" {...field("firstName")} />
      <TextField id="middleName" label="Отчество (если есть)" autoComplete="additional-name" {...field("middleName")} />
    </div>
  );
}

export function PhoneField({ field }: { field: FieldOf<"phone"> }) {
  return (
    <TextField
      id="phone"
      label="Телефон"
      type="tel"
      autoComplete="tel"
      hint="Например, +7 900 123-45-67"
      {...field("phone")}
    />
  );
}

export function NewPasswordFields({ field }: { field: FieldOf<"password" | "passwordConfirm"> }) {
  return (
    <>
      <TextField
        id="password"
        label="Пароль"
        type="password"
        required
        autoComplete="new-password"
        hint="Не менее 10 символов, хотя бы одна буква и одна цифра; не из списка распространённых паролей."
        {...field("password")}
      />
      <TextField
        id="passwordConfirm"
        label="Пароль ещё раз"
        type="password"
        required
        autoComplete="new-password"
        {...field("passwordConfirm")}
      />
    </>
  );
}

export function FormErrorAlert({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 text-red-800">
      {message}
    </p>
  ) : null;
}

/**
 * What a failed account call means for the form: the server's field messages go to their fields
 * (and the first takes the focus); otherwise the message for the whole form is returned.
 * `withAppMessages`: a domain refusal (an expired link...) is shown as the server worded it; without
 * it every other failure reads as `offline`.
 */
export function accountFailure<T extends FieldValues>(
  error: unknown,
  form: Pick<UseFormReturn<T>, "setError" | "setFocus">,
  offline: string,
  withAppMessages = false,
): string | null {
  const fieldErrors =
    error instanceof TRPCClientError ? (error.data?.fieldErrors as Record<string, string> | null) : null;
  if (fieldErrors && Object.keys(fieldErrors).length) {
    for (const [field, message] of Object.entries(fieldErrors)) form.setError(field as Path<T>, { message });
    form.setFocus(Object.keys(fieldErrors)[0] as Path<T>);
    return null;
  }
  if (withAppMessages && error instanceof TRPCClientError && error.data?.appCode) return error.message;
  return offline;
}

/** The error summary's entries, in the order of the fields on the page, once a submit was tried. */
export function summaryOf<F extends string>(
  order: F[],
  formState: { submitCount: number; errors: Partial<Record<F, { message?: string }>> },
) {
  return order.flatMap((f) => {
    const message = formState.errors[f]?.message;
    return formState.submitCount > 0 && message ? [{ target: f, message }] : [];
  });
}

/**
 * The submit of an account form (registration, claim, reset, change, "Забыли пароль?"): runs the
 * action with the checked values; a refusal lands on its fields (the first focused), a message of the
 * app's or an unreachable server in the form's alert; an invalid form focuses its error summary.
 */
export function useAccountSubmit<T extends FieldValues>(
  form: Pick<UseFormReturn<T>, "handleSubmit" | "setError" | "setFocus">,
  offline: string,
  action: (values: T) => Promise<void>,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(
    async (values) => {
      setFormError(null);
      try {
        await action(values);
      } catch (error) {
        setFormError(accountFailure(error, form, offline, true));
      }
    },
    () => document.getElementById("error-summary-title")?.parentElement?.focus(),
  );
  return { formError, onSubmit };
}
