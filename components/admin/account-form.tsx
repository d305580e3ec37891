"use client";
// Editing a staff account's name, phone and e-mail (issue 11). A new e-mail must be free: the
// server says so on the field.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/trpc-provider";
import { zAccountFields, type AccountFormValues } from "@/server/organisation/schema";
import { applyRequestError, FailureMessage } from "./form-failure";
import { PersonFields } from "./person-fields";

const FIELDS = ["email", "lastName", "firstName", "middleName", "phone"] as const;

export function AccountForm({ id, defaults }: { id: string; defaults: AccountFormValues }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.organisation.updateAccount.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const form = useForm<AccountFormValues>({ resolver: zodResolver(zAccountFields), defaultValues: defaults });
  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    setStatus("");
    try {
      await update.mutateAsync({ ...values, id });
      setStatus("Изменения сохранены.");
      router.refresh();
    } catch (e) {
      setFailure(applyRequestError(e, form.setError, FIELDS));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Данные сотрудника">
      <PersonFields prefix="account" form={form} />
      <FailureMessage message={failure} />
      <p role="status" aria-live="polite" className="text-green-900">
        {status}
      </p>
      <Button type="submit" disabled={update.isPending}>
        Сохранить
      </Button>
    </form>
  );
}
