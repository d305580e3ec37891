"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { safeCallbackUrl } from "@/server/auth/callback-url";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { signInFailureMessage, zSignInInput } from "@/server/auth/schema";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

type Values = z.input<typeof zSignInInput>;

const NOTICES = {
  registered: "Регистрация завершена. Войдите с новым паролем.",
  password: "Пароль изменён, вход на других устройствах завершён. Войдите с новым паролем.",
} as const;

export function SignInForm({ callbackUrl, notice }: { callbackUrl?: string; notice?: keyof typeof NOTICES }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<Values>({
    resolver: zodResolver(zSignInInput),
    mode: "onTouched",
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (!result || result.error) {
      // The same message whether the e-mail exists or not; a throttled attempt says how long to wait.
      setFailure(signInFailureMessage(result?.error));
      return;
    }
    router.replace(safeCallbackUrl(callbackUrl, window.location.origin));
    router.refresh();
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
      aria-describedby={failure ? "sign-in-failure" : undefined}
    >
      {notice ? (
        <p className="rounded bg-green-50 p-3 text-green-800" role="status">
          {NOTICES[notice]}
        </p>
      ) : null}
      {failure ? (
        <p id="sign-in-failure" role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 text-red-800">
          {failure}
        </p>
      ) : null}
      <TextField
        id="email"
        label="Электронная почта"
        type="email"
        autoComplete="username"
        required
        error={formState.errors.email?.message}
        {...register("email")}
      />
      <TextField
        id="password"
        label="Пароль"
        type="password"
        autoComplete="current-password"
        required
        error={formState.errors.password?.message}
        {...register("password")}
      />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Входим…" : "Войти"}
      </Button>
    </form>
  );
}
