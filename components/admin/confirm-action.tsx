"use client";
// One button for the organisation's one-step actions (issue 11: close a department, deactivate or
// reactivate an account, send the invitation again, revoke a role). Irreversible-looking ones ask
// to confirm first, inline; a refusal (the last administrator, a department still in use) is shown
// beside the button with the server's message.
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc-provider";
import { ConfirmButton } from "@/components/ui/confirm-button";

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
  const close = useMutation(trpc.organisation.closeDepartment.mutationOptions());
  const deactivate = useMutation(trpc.organisation.deactivate.mutationOptions());
  const reactivate = useMutation(trpc.organisation.reactivate.mutationOptions());
  const resend = useMutation(trpc.organisation.resendInvitation.mutationOptions());
  const revoke = useMutation(trpc.organisation.revokeRole.mutationOptions());
  const pending = [close, deactivate, reactivate, resend, revoke].some((m) => m.isPending);

  const act = () => {
    switch (action.kind) {
      case "closeDepartment":
        return close.mutateAsync({ id: action.id });
      case "deactivate":
        return deactivate.mutateAsync({ id: action.id });
      case "reactivate":
        return reactivate.mutateAsync({ id: action.id });
      case "resendInvitation":
        return resend.mutateAsync({ id: action.id });
      case "revokeRole":
        return revoke.mutateAsync({
          userId: action.userId,
          role: action.role as "EXECUTOR",
          departmentId: action.departmentId ?? "",
        });
    }
  };

  return <ConfirmButton label={label} confirm={confirm} done={done} kind={kind} pending={pending} act={act} />;
}
