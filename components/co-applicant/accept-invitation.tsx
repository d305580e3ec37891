"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc-provider";
import { Button } from "@/components/ui/button";

export function AcceptInvitation({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    trpc.application.acceptInvitation.mutationOptions({
      onSuccess: ({ applicationId }) => router.push(`/applications/${applicationId}/co-applicant`),
    }),
  );
  return (
    <div>
      <Button onClick={() => accept.mutate({ token })} disabled={accept.isPending}>
        Принять приглашение
      </Button>
      {accept.error ? (
        <p role="alert" className="mt-3 rounded border-2 border-red-700 bg-red-50 p-3 text-red-800">
          {accept.error.message}
        </p>
      ) : null}
    </div>
  );
}
