"use client";
// Changing the password of the signed-in account. The server ends every session of the account, this
// one included (server/auth/mutations.ts changePassword): the form then signs out here as well and
// leads to the sign-in page.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "@/components/auth/sign-out";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { changePasswordSchema, type ChangePasswordInput } from "@/server/auth/schema";
import { TextField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/trpc-provider";
import { useAccountSubmit, FormErrorAlert, NewPasswordFields, summaryOf } from "./account-fields";

const FIELD_ORDER: (keyof ChangePasswordInput)[] = ["currentPassword", "password", "passwordConfirm"];

export function ChangePasswordForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const schema = useMemo(() => changePasswordSchema(email), [email]);
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(schema),
    mode: "onTouched",
  });
  const mutation = useMutation(trpc.auth.changePassword.mutationOptions());

  const { register, formState } = form;
  const { formError, onSubmit } = useAccountSubmit(
    form,
    "Не удалось сменить пароль: сервер недоступен. Попробуйте ещё раз через минуту.",
    async (values) => {
      await mutation.mutateAsync(values);
      await signOut({ callbackUrl: "/sign-in?notice=password" });
    },
  );

  const field = (f: keyof ChangePasswordInput) => ({ ...register(f), error: formState.errors[f]?.message });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorSummary errors={summaryOf(FIELD_ORDER, formState)} />
      <FormErrorAlert message={formError} />
      <TextField
        id="currentPassword"
        label="Текущий пароль"
        type="password"
        required
        autoComplete="current-password"
        {...field("currentPassword")}
      />
      <NewPasswordFields field={field} />
      <p className="text-slate-700">После смены пароля вход будет завершён на всех устройствах, и на этом тоже.</p>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Сохраняем…" : "Сменить пароль"}
      </Button>
    </form>
  );
}
