"use client";
// The one-step actions of the signature pages (issue 15 p.2, p.4): an official withdraws a
// certificate, the administrator withdraws anyone's, removes a trusted CA or a CRL. Each asks to
// confirm first, inline, saying what follows; a refusal is shown beside the button.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/trpc-provider";
import { classifyRequestError } from "@/components/form/request-errors";
import { FailureMessage } from "@/components/admin/form-failure";

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
  const router = useRouter();
  const withdraw = useMutation(trpc.signature.withdraw.mutationOptions());
  const withdrawAny = useMutation(trpc.signature.withdrawAny.mutationOptions());
  const removeTrusted = useMutation(trpc.signature.removeTrusted.mutationOptions());
  const removeCrl = useMutation(trpc.signature.removeCrl.mutationOptions());
  const mutation = { withdraw, withdrawAny, removeTrusted, removeCrl }[kind];
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const run = async () => {
    setFailure(null);
    try {
      await mutation.mutateAsync({ id });
      setAsking(false);
      setStatus(done);
      router.refresh();
    } catch (e) {
      setAsking(false);
      setFailure(classifyRequestError(e).message);
    }
  };

  return (
    <div className="space-y-2">
      {asking ? (
        <div className="rounded border-2 border-amber-700 bg-amber-50 p-3">
          <p>{confirm}</p>
          <div className="mt-2 flex gap-3">
            <Button kind="primary" onClick={run} disabled={mutation.isPending}>
              Да, {label.toLowerCase()}
              <span className="sr-only"> {what}</span>
            </Button>
            <Button kind="link" onClick={() => setAsking(false)}>
              Отмена
            </Button>
          </div>
        </div>
      ) : (
        <Button kind="secondary" onClick={() => setAsking(true)} disabled={mutation.isPending}>
          {label}
          <span className="sr-only"> {what}</span>
        </Button>
      )}
      <FailureMessage message={failure} />
      <p role="status" aria-live="polite" className="text-green-900">
        {status}
      </p>
    </div>
  );
}
