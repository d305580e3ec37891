"use client";
// Deleting a draft with its files (issue 14 p.5), after a confirmation in the shared modal dialog:
// a deleted draft cannot be restored.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";

export function DeleteDraftButton({ id, serviceTitle }: { id: string; serviceTitle: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.cabinet.deleteDraft.mutationOptions());
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const uid = useId();
  return (
    <>
      <Button kind="neutral" className="text-sm" onClick={() => setOpen(true)}>
        Удалить<span className="sr-only"> черновик: {serviceTitle}</span>
      </Button>
      <Dialog
        ref={ref}
        open={open}
        labelledBy={`${uid}-title`}
        describedBy={`${uid}-text`}
        onClose={() => setOpen(false)}
        onCancel={(e) => mutation.isPending && e.preventDefault()}
        width="w-[min(32rem,calc(100%-2rem))]"
      >
        <h2 id={`${uid}-title`} className="text-xl font-bold">
          Удалить черновик?
        </h2>
        <p id={`${uid}-text`} className="mt-3">
          Черновик заявления «{serviceTitle}» будет удалён вместе с введёнными данными и приложенными файлами.
          Восстановить его будет нельзя.
        </p>
        {message ? (
          <p role="alert" className="mt-3 font-medium text-red-800">
            {message}
          </p>
        ) : null}
        <div className="mt-6 flex flex-wrap gap-3">
          <Button
            disabled={mutation.isPending}
            onClick={async () => {
              setMessage(null);
              try {
                await mutation.mutateAsync({ id });
                setOpen(false);
                router.refresh();
              } catch (e) {
                setMessage(`Черновик не удалён: ${classifyRequestError(e).message}`);
              }
            }}
          >
            Удалить черновик
          </Button>
          <Button kind="link" onClick={() => ref.current?.close()}>
            Оставить
          </Button>
        </div>
      </Dialog>
    </>
  );
}
