"use client";
// "Copy into a new draft" (R15): starts a draft of the same service with this application's values.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc-provider";

export function CopyApplicationButton({ serviceCode, applicationId }: { serviceCode: string; applicationId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const copy = useMutation(
    trpc.application.startDraft.mutationOptions({ onSuccess: ({ id }) => router.push(`/applications/${id}`) }),
  );
  return (
    <>
      <button
        type="button"
        disabled={copy.isPending}
        onClick={() => copy.mutate({ serviceCode, copyFrom: applicationId })}
        className="rounded border border-brand-700 px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
      >
        {copy.isPending ? "Создаём черновик…" : "Скопировать в новый черновик"}
      </button>
      {copy.error ? (
        <p role="alert" className="text-sm text-red-700">
          {copy.error.message}
        </p>
      ) : null}
    </>
  );
}
