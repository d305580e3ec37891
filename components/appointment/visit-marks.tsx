"use client";
// The registrar's marks on a booking of the day list: arrived, called to the desk (the queue
// waiting time of R27), did not come.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";
import { VISIT_MARK_LABEL, type VisitMark } from "@/server/appointment/schema";

export function VisitMarks({ id, marks, visitor }: { id: string; marks: VisitMark[]; visitor: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.appointment.mark.mutationOptions());
  const [message, setMessage] = useState<string | null>(null);
  if (!marks.length) return null;
  return (
    <div className="flex flex-wrap items-start gap-2">
      {marks.map((mark) => (
        <Button
          key={mark}
          kind={mark === "missed" ? "neutral" : "secondary"}
          className="text-sm"
          disabled={mutation.isPending}
          onClick={async () => {
            setMessage(null);
            try {
              await mutation.mutateAsync({ id, mark });
              router.refresh();
            } catch (e) {
              setMessage(classifyRequestError(e).message);
            }
          }}
        >
          {VISIT_MARK_LABEL[mark]}
          <span className="sr-only">: {visitor}</span>
        </Button>
      ))}
      {message ? (
        <p role="alert" className="w-full text-sm font-medium text-red-800">
          {message}
        </p>
      ) : null}
    </div>
  );
}
