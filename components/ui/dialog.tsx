"use client";
// One modal dialog for the app. Why the native <dialog> with showModal() and not a library (React
// Aria, Radix: not installed): the browser itself makes the page behind inert (no clicks, no
// focus, hidden from screen readers), closes on Escape (a `cancel` event that can be refused),
// labels the box as a modal dialog, and on close() gives the focus back to the element that had it
// before opening — in Chromium, Firefox and Safari alike. What it leaves to us is little: the first
// focus (a heading or field of our choice), and keeping Tab inside, since browsers let Tab leave a
// modal dialog for their own toolbar. The element the focus came from is also remembered, for the
// case where the focus would otherwise be lost (the opener re-rendered).
import { useEffect, useRef, type KeyboardEvent, type ReactNode, type SyntheticEvent } from "react";

const FOCUSABLE =
  "button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

type Props = {
  open?: boolean;
  /** Id of the heading that names the dialog, and of the text that describes it. */
  labelledBy: string;
  describedBy?: string;
  /** Selector of what takes the focus on opening (default: the first focusable element). */
  initialFocus?: string;
  /** Closed by Escape, by a close button, or by `open` turning false. */
  onClose: () => void;
  /** Escape: call preventDefault() to keep the dialog open (a request in flight, say). */
  onCancel?: (e: SyntheticEvent<HTMLDialogElement>) => void;
  width?: string;
  testId?: string;
  ref?: React.RefObject<HTMLDialogElement | null>;
  children: ReactNode;
};

export function Dialog({
  open = true,
  labelledBy,
  describedBy,
  initialFocus,
  onClose,
  onCancel,
  width = "w-[min(40rem,calc(100%-2rem))]",
  testId,
  ref,
  children,
}: Props) {
  const own = useRef<HTMLDialogElement>(null);
  const dialogRef = ref ?? own;
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      (initialFocus
        ? dialog.querySelector<HTMLElement>(initialFocus)
        : dialog.querySelector<HTMLElement>(FOCUSABLE)
      )?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, initialFocus, dialogRef]);

  const keepTabInside = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== "Tab") return;
    const focusable = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const handleClose = () => {
    // The browser has restored the focus by now when it could; if it could not, the opener takes it.
    if ((document.activeElement === document.body || !document.activeElement) && opener.current?.isConnected)
      opener.current.focus();
    onClose();
  };

  return (
    <dialog
      ref={dialogRef}
      role="dialog"
      aria-modal="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={onCancel}
      onClose={handleClose}
      onKeyDown={keepTabInside}
      className={`m-auto max-h-[calc(100%-2rem)] ${width} overflow-y-auto rounded-lg border border-slate-300 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/60`}
      data-testid={testId}
    >
      {children}
    </dialog>
  );
}
