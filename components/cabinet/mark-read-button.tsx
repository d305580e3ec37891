"use client";
// Marks the listed unread notifications read (Notification.readAt): the count in the cabinet's
// navigation goes down with them.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";

export function MarkReadButton({ ids }: { ids: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.notification.markRead.mutationOptions());
  const [message, setMessage] = useState<string | null>(null);
  if (!ids.length) return null;
  return (
    <div className="mt-3">
      <Button
        kind="secondary"
        aria-disabled={mutation.isPending || undefined}
        onClick={async () => {
          if (mutation.isPending) return;
          setMessage(null);
          try {
            // The procedure takes at most 100 ids a call; the page lists at most 100.
            await mutation.mutateAsync({ ids: ids.slice(0, 100) });
            router.refresh();
            // The button goes with the unread notices: the focus goes to the page's heading, not the body.
            document.getElementById("notifications-title")?.focus();
          } catch (e) {
            setMessage(classifyRequestError(e).message);
          }
        }}
      >
        Отметить все как прочитанные
      </Button>
      {message ? (
        <p role="alert" className="mt-1 text-sm font-medium text-red-800">
          {message}
        </p>
      ) : null}
    </div>
  );
}
