"use client";
// «Действия»: the keyboard-accessible equivalent of dragging a card (WAI-ARIA menu button). It offers
// exactly the transitions the server listed for this user and this stage (R1): nothing else.
// The menu opens in the flow of the card rather than floating, so a scrolling board never clips it.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { CardTransition } from "./types";

type Props = {
  /** Used in the button's accessible name: «Действия: заявление № …». */
  subjectLabel: string;
  transitions: CardTransition[];
  stageTitle?: (key: string) => string | undefined;
  onSelect: (transition: CardTransition) => void;
  /** Lets the board give focus back to this button after a dialog closes. */
  buttonId?: string;
  disabled?: boolean;
  /** The wrapper's classes (default: its own line); while open it takes a whole line of a flex row. */
  className?: string;
};

export function ActionMenu({
  subjectLabel,
  transitions,
  stageTitle,
  onSelect,
  buttonId,
  disabled,
  className = "mt-2",
}: Props) {
  const autoId = useId();
  const id = buttonId ?? `actions-${autoId}`;
  const menuId = `${id}-menu`;
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  useEffect(() => {
    if (open && focusIndex !== null) items.current[focusIndex]?.focus();
  }, [open, focusIndex]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  if (!transitions.length) {
    return <p className="text-sm text-slate-600">Действий для вашей роли на этом этапе нет</p>;
  }

  const openAt = (index: number) => {
    setOpen(true);
    setFocusIndex(index);
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    setFocusIndex(null);
    if (returnFocus) button.current?.focus();
  };

  const onButtonKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      openAt(0);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      openAt(transitions.length - 1);
    }
  };

  const onMenuKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const last = transitions.length - 1;
    const current = focusIndex ?? 0;
    const move = (i: number) => {
      e.preventDefault();
      setFocusIndex(i);
      items.current[i]?.focus();
    };
    switch (e.key) {
      case "ArrowDown":
        return move(current >= last ? 0 : current + 1);
      case "ArrowUp":
        return move(current <= 0 ? last : current - 1);
      case "Home":
        return move(0);
      case "End":
        return move(last);
      case "Escape":
        e.preventDefault();
        return close(true);
      case "Tab":
        return close(false);
    }
  };

  const choose = (t: CardTransition) => {
    close(true);
    onSelect(t);
  };

  return (
    <div ref={wrapper} className={`${className}${open ? " basis-full" : ""}`}>
      <button
        ref={button}
        id={id}
        type="button"
        // Not `disabled`: a disabled button drops the focus to the page body while a move is on its way.
        aria-disabled={disabled || undefined}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Действия: заявление ${subjectLabel}`}
        onClick={() => (disabled ? undefined : open ? close(false) : openAt(0))}
        onKeyDown={(e) => (disabled ? undefined : onButtonKeyDown(e))}
        className="inline-flex items-center gap-1 rounded border border-brand-700 bg-white px-2.5 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50 aria-disabled:opacity-60"
      >
        Действия <span aria-hidden>▾</span>
      </button>
      {open ? (
        <ul
          id={menuId}
          role="menu"
          aria-labelledby={id}
          onKeyDown={onMenuKeyDown}
          className="mt-1 space-y-1 rounded border border-slate-300 bg-white p-1 shadow-md"
        >
          {transitions.map((t, i) => {
            const to = t.toTitle ?? stageTitle?.(t.to);
            return (
              <li key={t.key} role="none">
                <button
                  ref={(el) => {
                    items.current[i] = el;
                  }}
                  type="button"
                  role="menuitem"
                  tabIndex={focusIndex === i ? 0 : -1}
                  onClick={() => choose(t)}
                  onFocus={() => setFocusIndex(i)}
                  className="block w-full rounded px-2 py-1.5 text-left text-sm hover:bg-brand-50 focus:bg-brand-50"
                >
                  <span className="font-medium">{t.title}</span>
                  {to ? <span className="block text-xs text-slate-600">на этап «{to}»</span> : null}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
