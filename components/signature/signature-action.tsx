"use client";
// The one-step actions of the signature pages (issue 15 p.2, p.4): an official withdraws a
// certificate, the administrator withdraws anyone's, removes a trusted CA or a CRL. Each asks to
// confirm first, inline, saying what follows; a refusal is shown beside the button.
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc-provider";
import { ConfirmButton } from "@/components/ui/confirm-button";

type Kind = "withdraw" | "withdrawAny" | "removeTrusted" | "removeCrl";

export function SignatureAction({
  kind,
  id,
  label,
  what,
  confirm,
  done,
}: {
  kind: Kind;
  id: string;
  /** The button's word («Отозвать», «Удалить»); the confirming button says «Да, отозвать». */
  label: string;
  /** What it acts on, for screen readers (a list has many such buttons): «сертификат 4A0F…». */
  what: string;
  /** The question asked before acting: what follows from it. */
  confirm: string;
  /** Said once it is done. */
  done: string;
}) {
  const trpc = useTRPC();
  const withdraw = useMutation(trpc.signature.withdraw.mutationOptions());
  const withdrawAny = useMutation(trpc.signature.withdrawAny.mutationOptions());
  const removeTrusted = useMutation(trpc.signature.removeTrusted.mutationOptions());
  const removeCrl = useMutation(trpc.signature.removeCrl.mutationOptions());
  const mutation = { withdraw, withdrawAny, removeTrusted, removeCrl }[kind];
  return (
    <ConfirmButton
      label={label}
      what={what}
      confirm={confirm}
      done={done}
      pending={mutation.isPending}
      act={() => mutation.mutateAsync({ id })}
    />
  );
}
