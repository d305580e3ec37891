"use client";
// "Забыли пароль?": the address only. The answer is the same whether it has an account or not; the
// letter (a reset link, a claim link, or nothing) is the mailbox's business (server/auth/mutations.ts).
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zPasswordResetRequest, type PasswordResetRequest } from "@/server/auth/schema";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/trpc-provider";
import { useAccountSubmit, FormErrorAlert } from "./account-fields";

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<PasswordResetRequest>({
    resolver: zodResolver(zPasswordResetRequest),
    mode: "onTouched",
  });
  const mutation = useMutation(trpc.auth.requestPasswordReset.mutationOptions());

  const { register, formState } = form;
  const { formError, onSubmit } = useAccountSubmit(
    form,
    "Не удалось отправить письмо: сервер недоступен. Попробуйте ещё раз через минуту.",
    async (values) => {
      const result = await mutation.mutateAsync(values);
      setSentTo(result.email);
    },
  );

  if (sentTo) {
    return (
      <div role="status" className="space-y-3">
        <h2 tabIndex={-1} ref={(el) => el?.focus()} className="text-xl font-semibold outline-none">
          Проверьте почту
        </h2>
        <p>
          Если адрес <strong>{sentTo}</strong> зарегистрирован, на него придёт письмо со ссылкой для восстановления
          пароля. Ссылка действует 1 час и только один раз.
        </p>
        <p className="text-slate-700">Если письмо не пришло, проверьте папку «Спам».</p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormErrorAlert message={formError} />
      <TextField
        id="email"
        label="Электронная почта"
        type="email"
        autoComplete="username"
        required
        error={formState.errors.email?.message}
        {...register("email")}
      />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Отправляем…" : "Получить ссылку"}
      </Button>
    </form>
  );
}
