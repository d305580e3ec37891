"use client";
// Cancelling one's own booking (R18): the slot is free again at once; a new time is booked afresh.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";

export function CancelAppointmentButton({ id, label }: { id: string; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.appointment.cancel.mutationOptions());
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-start">
      <Button
        kind="secondary"
        disabled={mutation.isPending}
        onClick={async () => {
          setMessage(null);
          try {
            await mutation.mutateAsync({ id });
            router.refresh();
          } catch (e) {
            setMessage(classifyRequestError(e).message);
          }
        }}
      >
        Отменить запись<span className="sr-only">: {label}</span>
      </Button>
      {message ? (
        <span role="alert" className="mt-1 text-sm font-medium text-red-800">
          {message}
        </span>
      ) : null}
    </span>
  );
}
