"use client";
// The page of an e-mailed reset link: a new password for the account (server/auth/mutations.ts).
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { resetFormSchema, type NewPasswordInput } from "@/server/auth/schema";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/trpc-provider";
import { useAccountSubmit, FormErrorAlert, NewPasswordFields, summaryOf } from "./account-fields";

const FIELD_ORDER: (keyof NewPasswordInput)[] = ["password", "passwordConfirm"];

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const schema = useMemo(() => resetFormSchema(email), [email]);
  const form = useForm<NewPasswordInput>({
    resolver: zodResolver(schema),
    mode: "onTouched",
  });
  const mutation = useMutation(trpc.auth.resetPassword.mutationOptions());

  const { register, formState } = form;
  const { formError, onSubmit } = useAccountSubmit(
    form,
    "Не удалось сменить пароль: сервер недоступен. Попробуйте ещё раз через минуту.",
    async (values) => {
      await mutation.mutateAsync({ ...values, token });
      router.push("/sign-in?notice=password");
    },
  );

  const field = (f: keyof NewPasswordInput) => ({ ...register(f), error: formState.errors[f]?.message });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorSummary errors={summaryOf(FIELD_ORDER, formState)} />
      <FormErrorAlert message={formError} />
      <p>
        Электронная почта: <strong data-testid="reset-email">{email}</strong>
      </p>
      <NewPasswordFields field={field} />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Сохраняем…" : "Сменить пароль"}
      </Button>
    </form>
  );
}
