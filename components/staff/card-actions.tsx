"use client";
// The card page's «Действия»: the same menu and dialog as the board. The page is rendered on the
// server, so after a move (or a conflict) it is simply rendered again.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { ActionMenu } from "@/components/board/action-menu";
import { numberLabel } from "@/components/board/format";
import type { MoveDetails } from "@/components/board/move-dialog";
import { failureAlert, type MoveOutcome } from "@/components/board/move-outcome";
import type { MoveSubject } from "@/components/board/types";
import { useAlert } from "@/components/board/use-alert";
import { useMoveFlow } from "@/components/board/use-move-flow";

export function CardActions({
  subject,
  details,
  closed,
}: {
  subject: MoveSubject;
  details: MoveDetails;
  closed: boolean;
}) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  // S0 p.7: the next action is entered with the time it was actually done.
  const [doneEarlier, setDoneEarlier] = useState(false);
  const { alert, alertRef, showAlert, clearAlert } = useAlert();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Issue 16 p.13: after a move the focus goes to this section's heading, with the status under it.
  // Not at once: the move dialog is still open (modal) when the outcome arrives, everything outside
  // it inert, and its removal would leave the focus on the page body. After the commit that removes it.
  const [focusAfterMove, setFocusAfterMove] = useState(0);
  useEffect(() => {
    if (focusAfterMove) headingRef.current?.focus();
  }, [focusAfterMove]);

  const onOutcome = useCallback(
    (s: MoveSubject, outcome: MoveOutcome) => {
      switch (outcome.kind) {
        case "moved":
          clearAlert();
          setStatus(`Выполнено: «${outcome.transition.title}».`);
          router.refresh();
          setFocusAfterMove((n) => n + 1);
          return;
        default: {
          const failure = failureAlert(outcome, s.registrationNumber, "card");
          showAlert(failure.text);
          if (failure.refresh) router.refresh();
          return;
        }
      }
    },
    [router, showAlert, clearAlert],
  );
  const onDismiss = useCallback(() => document.getElementById("card-actions-button")?.focus(), []);
  const flow = useMoveFlow({ onOutcome, onDismiss });

  return (
    <section aria-labelledby="card-actions-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="card-actions-title" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        Действия
      </h2>
      {closed ? (
        <p className="mt-1 text-slate-700">Рассмотрение завершено: действий по заявлению больше нет.</p>
      ) : (
        <ActionMenu
          subjectLabel={numberLabel(subject.registrationNumber)}
          transitions={subject.transitions}
          buttonId="card-actions-button"
          disabled={flow.pending}
          onSelect={(t) => flow.start(subject, [t], { backdate: doneEarlier })}
        />
      )}
      {closed ? null : (
        <label className="mt-2 flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-1"
            checked={doneEarlier}
            onChange={(e) => setDoneEarlier(e.target.checked)}
          />
          <span>Вношу действие, выполненное ранее (не раньше предыдущего рабочего дня): указать время выполнения</span>
        </label>
      )}
      <p role="status" aria-live="polite" className="mt-2 text-sm text-green-900" data-testid="card-status">
        {status}
      </p>
      {alert ? (
        <div
          ref={alertRef}
          role="alert"
          tabIndex={-1}
          className="mt-2 rounded border-2 border-amber-700 bg-amber-50 p-3 text-amber-950"
          data-testid="card-alert"
        >
          {alert.text}
        </div>
      ) : null}
      {flow.renderDialog({ details })}
    </section>
  );
}
