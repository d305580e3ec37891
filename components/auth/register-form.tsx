"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zRegisterInput, type RegisterInput } from "@/server/auth/schema";
import { TextField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FieldError, errorIdOf, fieldBox } from "@/components/ui/form-field";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/trpc-provider";

const FIELD_ORDER: (keyof RegisterInput)[] = [
  "lastName",
  "firstName",
  "middleName",
  "email",
  "phone",
  "password",
  "passwordConfirm",
  "consent",
];

export function RegisterForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmTo, setConfirmTo] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, setFocus } = useForm<RegisterInput>({
    resolver: zodResolver(zRegisterInput),
    mode: "onTouched",
  });
  const mutation = useMutation(trpc.auth.register.mutationOptions());

  const onSubmit = handleSubmit(
    async (values) => {
      setFormError(null);
      try {
        const result = await mutation.mutateAsync(values);
        if (result.status === "confirm_email") {
          setConfirmTo(result.email);
          return;
        }
        router.push("/sign-in?registered=1");
      } catch (error) {
        const fieldErrors =
          error instanceof TRPCClientError ? (error.data?.fieldErrors as Record<string, string> | null) : null;
        if (fieldErrors && Object.keys(fieldErrors).length) {
          for (const [field, message] of Object.entries(fieldErrors))
            setError(field as keyof RegisterInput, { message });
          setFocus(Object.keys(fieldErrors)[0] as keyof RegisterInput);
        } else {
          setFormError(
            "Не удалось зарегистрироваться: сервер недоступен. Попробуйте ещё раз через минуту — введённые данные сохранены на странице.",
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
  const err = (f: keyof RegisterInput) => formState.errors[f]?.message;

  // The address belongs to an account opened for a paper application: only its mailbox can claim it.
  if (confirmTo) {
    return (
      <div role="status" aria-labelledby="confirm-email-title" className="space-y-3">
        <h2
          id="confirm-email-title"
          tabIndex={-1}
          ref={(el) => el?.focus()}
          className="text-xl font-semibold outline-none"
        >
          Подтвердите адрес электронной почты
        </h2>
        <p>
          На адрес <strong>{confirmTo}</strong> уже есть учётная запись: её открыли в администрации, когда принимали
          заявление на бумаге. Мы отправили на этот адрес письмо со ссылкой. Перейдите по ней, задайте пароль — и
          заявления появятся в личном кабинете.
        </p>
        <p className="text-slate-700">
          Ссылка действует 24 часа. Если письмо не пришло, проверьте папку «Спам» или повторите регистрацию через 10
          минут.
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorSummary errors={summary} />
      {formError ? (
        <p role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 text-red-800">
          {formError}
        </p>
      ) : null}
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
        id="email"
        label="Электронная почта"
        type="email"
        required
        autoComplete="email"
        hint="На этот адрес придут уведомления о ходе рассмотрения заявлений."
        error={err("email")}
        {...register("email")}
      />
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
      <div className={fieldBox(!!err("consent"))}>
        <FieldError id={errorIdOf("consent")} message={err("consent")} />
        <label className="flex items-start gap-2">
          <input
            id="consent"
            type="checkbox"
            className="mt-1 h-5 w-5"
            aria-invalid={err("consent") ? true : undefined}
            aria-describedby={err("consent") ? errorIdOf("consent") : undefined}
            {...register("consent")}
          />
          <span>Согласен(на) на обработку персональных данных в целях предоставления муниципальных услуг (152-ФЗ)</span>
        </label>
      </div>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Регистрируем…" : "Зарегистрироваться"}
      </Button>
    </form>
  );
}
