"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zRegisterInput, type RegisterInput } from "@/server/auth/schema";
import { TextField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormErrorAlert, NameFields, PhoneField, summaryOf, useAccountSubmit } from "./account-fields";
import { FieldError, errorIdOf, fieldBox } from "@/components/ui/form-field";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/trpc-provider";

const FIELD_ORDER: (keyof RegisterInput)[] = ["lastName", "firstName", "middleName", "email", "phone", "consent"];

export function RegisterForm({ returnTo }: { returnTo?: string }) {
  const trpc = useTRPC();
  const [confirmTo, setConfirmTo] = useState<string | null>(null);
  const form = useForm<RegisterInput>({ resolver: zodResolver(zRegisterInput), mode: "onTouched" });
  const { register, formState } = form;
  const mutation = useMutation(trpc.auth.register.mutationOptions());
  const { formError, onSubmit } = useAccountSubmit(
    form,
    "Не удалось зарегистрироваться: сервер недоступен. Попробуйте ещё раз через минуту — введённые данные сохранены на странице.",
    async (values) => {
      const result = await mutation.mutateAsync({ ...values, returnTo });
      setConfirmTo(result.email);
    },
  );

  const summary = summaryOf(FIELD_ORDER, formState);
  const err = (f: keyof RegisterInput) => formState.errors[f]?.message;
  const field = (f: keyof RegisterInput) => ({ ...register(f), error: err(f) });

  // Every registration ends here, whatever the address: the letter tells the mailbox the rest (a
  // link that sets the password, or a note that the address has an account already).
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
          Мы отправили письмо на адрес <strong>{confirmTo}</strong>. Перейдите по ссылке из письма и задайте пароль —
          после этого вы сможете войти в личный кабинет. Если на этот адрес уже есть учётная запись (например, её
          открыли в администрации, когда принимали заявление на бумаге), в письме будет сказано, как в неё войти.
        </p>
        <p className="text-slate-700">
          Ссылка действует 24 часа. Если письмо не пришло, проверьте папку «Спам» или повторите регистрацию позже.
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorSummary errors={summary} />
      <FormErrorAlert message={formError} />
      <NameFields field={field} />
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
      <PhoneField field={field} />
      <p className="text-slate-700">
        Пароль вы зададите по ссылке из письма, которое придёт на указанный адрес: так мы убедимся, что адрес ваш.
      </p>
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
