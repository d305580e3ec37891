"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc-provider";

export function AcceptInvitation({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(trpc.application.acceptInvitation.mutationOptions({ onSuccess: ({ applicationId }) => router.push(`/applications/${applicationId}/co-applicant`) }));
  return (
    <div>
      <button type="button" onClick={() => accept.mutate({ token })} disabled={accept.isPending} className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60">
        Принять приглашение
      </button>
      {accept.error ? <p role="alert" className="mt-3 rounded border-2 border-red-700 bg-red-50 p-3 text-red-800">{accept.error.message}</p> : null}
    </div>
  );
}
