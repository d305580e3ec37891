"use client";
// One way to move an application, shared by the board (drag and drop, «Действия») and the card page:
// a transition that needs inputs (or a drop, see below) opens the dialog, and so does a legally
// significant one (`confirm`: registering, a decision, signing, issuing — issue 16 p.11); any other
// menu choice that needs nothing is carried out at once — the menu item already names the action, so
// it is its own confirmation. A drop only names a column, so it always asks to confirm the action it stands for:
// every move is recorded for good (R3), and a slip of the mouse should not make a record.
import { useMutation } from "@tanstack/react-query";
import { useCallback, useRef, useState, type ReactNode } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { MoveDialog, type MoveDetails } from "./move-dialog";
import { needsInput, outcomeOfError, type MoveOutcome } from "./move-outcome";
import type { CardTransition, MoveSubject } from "./types";

type Options = {
  /** Called once per attempt with what came of it (the dialog keeps invalid answers to itself). */
  onOutcome: (subject: MoveSubject, outcome: MoveOutcome) => void;
  /** The dialog was closed without a move (Cancel, Escape): give the focus back. */
  onDismiss: (subject: MoveSubject) => void;
};

type DialogExtras = { stageTitle?: (key: string) => string | undefined; details?: MoveDetails };

type Invalid = Extract<MoveOutcome, { kind: "invalid" }>;
type Open = {
  subject: MoveSubject;
  candidates: CardTransition[];
  serial: number;
  initialErrors?: Invalid;
  backdate?: boolean;
};

export function useMoveFlow({ onOutcome, onDismiss }: Options): {
  start: (subject: MoveSubject, candidates: CardTransition[], opts?: { confirm?: boolean; backdate?: boolean }) => void;
  /** The dialog, when one is open; rendered by the owner, who knows the stage titles and details. */
  renderDialog: (extras: DialogExtras) => ReactNode;
  dialogOpen: boolean;
  pending: boolean;
} {
  const trpc = useTRPC();
  const move = useMutation(trpc.staff.move.mutationOptions());
  const [open, setOpen] = useState<Open | null>(null);
  const serial = useRef(0);
  // The dialog reports either onDone or onCancel; whichever comes first wins.
  const settled = useRef<number | null>(null);

  const { mutateAsync } = move;
  const start = useCallback(
    (subject: MoveSubject, candidates: CardTransition[], opts: { confirm?: boolean; backdate?: boolean } = {}) => {
      const only = candidates.length === 1 ? candidates[0]! : null;
      if (!candidates.length) return;
      // Issue 16 p.11: registering, a decision, signing or issuing is always confirmed in the dialog.
      if (only && !needsInput(only) && !only.confirm && !opts.confirm && !opts.backdate) {
        mutateAsync({ id: subject.id, expectedRowVersion: subject.rowVersion, transition: only.key }).then(
          (r) => onOutcome(subject, { kind: "moved", transition: only, toStage: r.toStage }),
          (e: unknown) => {
            const outcome = outcomeOfError(e);
            // The server may want more than the regulation's `requires` says (e.g. the proof of a
            // paper issue, R26): ask for it in the dialog, beside the field it names.
            if (outcome.kind === "invalid") {
              serial.current += 1;
              setOpen({ subject, candidates: [only], serial: serial.current, initialErrors: outcome });
            } else onOutcome(subject, outcome);
          },
        );
        return;
      }
      serial.current += 1;
      setOpen({ subject, candidates, serial: serial.current, backdate: opts.backdate });
    },
    [mutateAsync, onOutcome],
  );

  const finish = (current: Open) => {
    if (settled.current === current.serial) return false;
    settled.current = current.serial;
    setOpen(null);
    return true;
  };

  const renderDialog = ({ stageTitle, details }: DialogExtras) =>
    open ? (
      <MoveDialog
        key={open.serial}
        subject={open.subject}
        candidates={open.candidates}
        stageTitle={stageTitle}
        details={details}
        initialErrors={open.initialErrors}
        backdate={open.backdate}
        onDone={(outcome) => {
          if (finish(open)) onOutcome(open.subject, outcome);
        }}
        onCancel={() => {
          if (finish(open)) onDismiss(open.subject);
        }}
      />
    ) : null;

  return { start, renderDialog, dialogOpen: !!open, pending: move.isPending };
}
