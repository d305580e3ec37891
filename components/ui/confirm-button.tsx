"use client";
// A one-step action that may ask to confirm first, inline, saying what follows; then it acts, says
// it is done (politely, for screen readers too) and refreshes the page, or shows the server's refusal
// beside the button. The organisation's actions and the signature pages' ones are built on it.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { classifyRequestError } from "@/components/form/request-errors";
import { FailureMessage } from "@/components/admin/form-failure";

export function ConfirmButton({
  label,
  what,
  confirm,
  done,
  kind = "secondary",
  pending,
  act,
}: {
  /** The button's word; the confirming button says «Да, <label>». */
  label: string;
  /** What it acts on, for screen readers where a list has many such buttons. */
  what?: string;
  /** The question asked before acting; none: act at once. */
  confirm?: string;
  /** Said once it is done. */
  done: string;
  kind?: "primary" | "secondary" | "neutral" | "link";
  pending: boolean;
  act: () => Promise<unknown>;
}) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const hidden = what ? <span className="sr-only"> {what}</span> : null;

  const run = async () => {
    setFailure(null);
    setStatus("");
    try {
      await act();
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
              {hidden}
            </Button>
            <Button kind="link" onClick={() => setAsking(false)}>
              Отмена
            </Button>
          </div>
        </div>
      ) : (
        <Button kind={kind} onClick={() => (confirm ? setAsking(true) : void run())} disabled={pending}>
          {label}
          {hidden}
        </Button>
      )}
      <FailureMessage message={failure} />
      <p role="status" aria-live="polite" className="text-green-900">
        {status}
      </p>
    </div>
  );
}
