"use client";
// "Подать заявление" on a service page: an applicant gets a new draft (prefilled from the profile)
// and goes to its form; a visitor is asked to sign in first and comes back here; staff see nothing
// (they take applications in their workspace, not as applicants).
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";

type Props = { serviceCode: string; signedIn: boolean; isApplicant: boolean };

export function ApplyButton({ serviceCode, signedIn, isApplicant }: Props) {
  if (!signedIn) {
    return (
      <Link
        href={`/sign-in?callbackUrl=${encodeURIComponent(`/services/${serviceCode}`)}`}
        className="inline-block rounded bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900"
      >
        Войти, чтобы подать заявление
      </Link>
    );
  }
  if (!isApplicant) return null;
  return <StartDraftButton serviceCode={serviceCode} />;
}

function StartDraftButton({ serviceCode }: { serviceCode: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(trpc.application.startDraft.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const busy = start.isPending || leaving;

  const onClick = async () => {
    if (busy) return;
    setError(null);
    try {
      const { id } = await start.mutateAsync({ serviceCode });
      setLeaving(true);
      router.push(`/applications/${id}`);
    } catch (e) {
      setError(
        e instanceof TRPCClientError && e.data
          ? `Не удалось начать заявление: ${e.message}`
          : "Не удалось начать заявление: нет связи с сервером. Проверьте подключение и попробуйте ещё раз.",
      );
    }
  };

  return (
    <div>
      <button
        type="button"
        onClick={() => void onClick()}
        disabled={busy}
        className="rounded bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-900 disabled:opacity-60"
      >
        {busy ? "Создаём черновик…" : "Подать заявление"}
      </button>
      {error ? (
        <p role="alert" className="mt-2 text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
