"use client";
// The page of an e-mailed claim link: the owner of the mailbox sets the password of the account a
// registrar opened for a paper application (server/auth/mutations.ts).
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { claimFormSchema, type ClaimFormInput } from "@/server/auth/schema";
import { ErrorSummary } from "@/components/ui/error-summary";
import {
  FormErrorAlert,
  NameFields,
  NewPasswordFields,
  PhoneField,
  summaryOf,
  useAccountSubmit,
} from "./account-fields";
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
  next,
  email,
  defaults,
}: {
  token: string;
  /** Where to go after signing in (issue 16 p.3): the page registration started from. */
  next?: string;
  email: string;
  defaults: { lastName: string; firstName: string; middleName: string; phone: string };
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const schema = useMemo(() => claimFormSchema(email), [email]);
  const form = useForm<ClaimFormInput>({ resolver: zodResolver(schema), mode: "onTouched", defaultValues: defaults });
  const { register, formState } = form;
  const mutation = useMutation(trpc.auth.claim.mutationOptions());
  const { formError, onSubmit } = useAccountSubmit(
    form,
    "Не удалось задать пароль: сервер недоступен. Попробуйте ещё раз через минуту — введённые данные сохранены на странице.",
    async (values) => {
      await mutation.mutateAsync({ ...values, token });
      router.push(`/sign-in?registered=1${next ? `&callbackUrl=${encodeURIComponent(next)}` : ""}`);
    },
  );

  const summary = summaryOf(FIELD_ORDER, formState);
  const err = (f: keyof ClaimFormInput) => formState.errors[f]?.message;
  const field = (f: keyof ClaimFormInput) => ({ ...register(f), error: err(f) });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorSummary errors={summary} />
      <FormErrorAlert message={formError} />
      <p>
        Электронная почта: <strong data-testid="claim-email">{email}</strong>
      </p>
      <NameFields field={field} />
      <PhoneField field={field} />
      <NewPasswordFields field={field} />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Сохраняем…" : "Задать пароль"}
      </Button>
    </form>
  );
}
