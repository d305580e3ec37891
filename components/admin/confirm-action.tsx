"use client";
// One button for the organisation's one-step actions (issue 11: close a department, deactivate or
// reactivate an account, send the invitation again, revoke a role). Irreversible-looking ones ask
// to confirm first, inline; a refusal (the last administrator, a department still in use) is shown
// beside the button with the server's message.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/trpc-provider";
import { classifyRequestError } from "@/components/form/request-errors";
import { FailureMessage } from "./form-failure";

type Action =
  | { kind: "closeDepartment"; id: string }
  | { kind: "deactivate"; id: string }
  | { kind: "reactivate"; id: string }
  | { kind: "resendInvitation"; id: string }
  | { kind: "revokeRole"; userId: string; role: string; departmentId?: string };

export function ConfirmAction({
  action,
  label,
  confirm,
  done,
  kind = "secondary",
}: {
  action: Action;
  label: string;
  /** The question asked before acting; none: act at once. */
  confirm?: string;
  /** Said (politely) once it is done. */
  done: string;
  kind?: "primary" | "secondary" | "neutral" | "link";
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const close = useMutation(trpc.organisation.closeDepartment.mutationOptions());
  const deactivate = useMutation(trpc.organisation.deactivate.mutationOptions());
  const reactivate = useMutation(trpc.organisation.reactivate.mutationOptions());
  const resend = useMutation(trpc.organisation.resendInvitation.mutationOptions());
  const revoke = useMutation(trpc.organisation.revokeRole.mutationOptions());
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const pending = [close, deactivate, reactivate, resend, revoke].some((m) => m.isPending);

  const run = async () => {
    setFailure(null);
    setStatus("");
    try {
      switch (action.kind) {
        case "closeDepartment":
          await close.mutateAsync({ id: action.id });
          break;
        case "deactivate":
          await deactivate.mutateAsync({ id: action.id });
          break;
        case "reactivate":
          await reactivate.mutateAsync({ id: action.id });
          break;
        case "resendInvitation":
          await resend.mutateAsync({ id: action.id });
          break;
        case "revokeRole":
          await revoke.mutateAsync({
            userId: action.userId,
            role: action.role as "EXECUTOR",
            departmentId: action.departmentId ?? "",
          });
          break;
      }
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
            <Button kind="primary" onClick={run} disabled={pending}>
              Да, {label.toLowerCase()}
            </Button>
            <Button kind="link" onClick={() => setAsking(false)}>
              Отмена
            </Button>
          </div>
        </div>
      ) : (
        <Button kind={kind} onClick={() => (confirm ? setAsking(true) : void run())} disabled={pending}>
          {label}
        </Button>
      )}
      <FailureMessage message={failure} />
      <p role="status" aria-live="polite" className="text-green-900">
        {status}
      </p>
    </div>
  );
}
