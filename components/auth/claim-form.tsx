"use client";
// The page of an e-mailed claim link: the owner of the mailbox sets the password of the account a
// registrar opened for a paper application (server/auth/mutations.ts).
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { claimFormSchema, type ClaimFormInput } from "@/server/auth/schema";
import { TextField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/trpc-provider";

const FIELD_ORDER: (keyof ClaimFormInput)[] = [
  "lastName",
  "firstName",
  "middleName",
  "phone",
  "password",
  "passwordConfirm",
];

export function ClaimForm({
  token,
  email,
  defaults,
}: {
  token: string;
  email: string;
  defaults: { lastName: string; firstName: string; middleName: string; phone: string };
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(() => claimFormSchema(email), [email]);
  const { register, handleSubmit, formState, setError, setFocus } = useForm<ClaimFormInput>({
    resolver: zodResolver(schema),
    mode: "onTouched",
    defaultValues: defaults,
  });
  const mutation = useMutation(trpc.auth.claim.mutationOptions());

  const onSubmit = handleSubmit(
    async (values) => {
      setFormError(null);
      try {
        await mutation.mutateAsync({ ...values, token });
        router.push("/sign-in?registered=1");
      } catch (error) {
        const fieldErrors =
          error instanceof TRPCClientError ? (error.data?.fieldErrors as Record<string, string> | null) : null;
        if (fieldErrors && Object.keys(fieldErrors).length) {
          for (const [field, message] of Object.entries(fieldErrors))
            setError(field as keyof ClaimFormInput, { message });
          setFocus(Object.keys(fieldErrors)[0] as keyof ClaimFormInput);
        } else if (error instanceof TRPCClientError && error.data?.appCode) {
          setFormError(error.message);
        } else {
          setFormError(
            "Не удалось задать пароль: сервер недоступен. Попробуйте ещё раз через минуту — введённые данные сохранены на странице.",
          );
        }
      }
    },
    () => document.getElementById("error-summary-title")?.parentElement?.focus(),
  );

  const summary = FIELD_ORDER.flatMap((f) => {
    const message = formState.errors[f]?.message;
    return formState.submitCount > 0 && message ? [{ target: f, message }] : [];
  });
  const err = (f: keyof ClaimFormInput) => formState.errors[f]?.message;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorSummary errors={summary} />
      {formError ? (
        <p role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 text-red-800">
          {formError}
        </p>
      ) : null}
      <p>
        Электронная почта: <strong data-testid="claim-email">{email}</strong>
      </p>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          id="lastName"
          label="Фамилия"
          required
          autoComplete="family-name"
          error={err("lastName")}
          {...register("lastName")}
        />
        <TextField
          id="firstName"
          label="Имя"
          required
          autoComplete="given-name"
          error={err("firstName")}
          {...register("firstName")}
        />
        <TextField
          id="middleName"
          label="Отчество (если есть)"
          autoComplete="additional-name"
          error={err("middleName")}
          {...register("middleName")}
        />
      </div>
      <TextField
        id="phone"
        label="Телефон"
        type="tel"
        autoComplete="tel"
        hint="Например, +7 900 123-45-67"
        error={err("phone")}
        {...register("phone")}
      />
      <TextField
        id="password"
        label="Пароль"
        type="password"
        required
        autoComplete="new-password"
        hint="Не менее 10 символов, хотя бы одна буква и одна цифра."
        error={err("password")}
        {...register("password")}
      />
      <TextField
        id="passwordConfirm"
        label="Пароль ещё раз"
        type="password"
        required
        autoComplete="new-password"
        error={err("passwordConfirm")}
        {...register("passwordConfirm")}
      />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Сохраняем…" : "Задать пароль"}
      </Button>
    </form>
  );
}
