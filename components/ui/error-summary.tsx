"use client";
// The GOV.UK error summary: at the top of a form whose submit was refused, focused so a screen
// reader reads it, each message a link that moves the focus to its field (not just scrolls to it).
import { useEffect, useRef, type Ref } from "react";
import { namedMessage } from "@/server/format/sentence";
import { focusById } from "./aria";

/**
 * `target`: the id of the field's control, or of the fieldset holding its inputs. `label`: the
 * field's name, said before a message that does not name it (issue 16 p.5: «Дата окончания: …»);
 * `record`: the number of the group's record holding the field.
 */
export type SummaryError = { target: string; message: string; label?: string; record?: number };

type Props = {
  errors: SummaryError[];
  title?: string;
  titleId?: string;
  /**
   * Each new value asks for the focus once the summary is on screen (a submit count, say): the
   * errors may arrive a render after the refusal that asked for them (server answers).
   */
  focusToken?: number;
  ref?: Ref<HTMLDivElement>;
};

export function ErrorSummary({
  errors,
  title = "Исправьте ошибки",
  titleId = "error-summary-title",
  focusToken,
  ref,
}: Props) {
  const own = useRef<HTMLDivElement | null>(null);
  const focusedFor = useRef<number | undefined>(undefined);
  const shown = errors.length > 0;
  useEffect(() => {
    if (!focusToken || !shown || focusedFor.current === focusToken || !own.current) return;
    focusedFor.current = focusToken;
    own.current.focus();
    own.current.scrollIntoView({ block: "start" });
  }, [focusToken, shown]);

  if (!shown) return null;
  const setRef = (el: HTMLDivElement | null) => {
    own.current = el;
    if (typeof ref === "function") ref(el);
    else if (ref) ref.current = el;
  };
  return (
    <div
      ref={setRef}
      role="alert"
      aria-labelledby={titleId}
      tabIndex={-1}
      className="mb-6 rounded border-4 border-red-700 bg-white p-4"
      data-testid="error-summary"
    >
      <h2 id={titleId} className="text-lg font-bold text-red-800">
        {title}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {errors.map((e) => (
          <li key={e.target + e.message}>
            <a
              href={`#${e.target}`}
              className="font-medium text-red-800 underline"
              onClick={(ev) => {
                if (focusById(e.target)) ev.preventDefault();
              }}
            >
              {e.label ? namedMessage(e.label, e.message, e.record) : e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
