"use client";
// A code (key) of the regulation: Latin lower case, digits and _. Unlike the other controls it is
// handed on when the specialist leaves the box or presses Enter, not at every keystroke: a stage's
// code is renamed together with the transitions that name it, and typing «review2» letter by letter
// would pass through «review», another stage's code. A code that cannot be used is refused with the
// reason beside the box, and the document keeps the old one.
import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import type { DocumentProblem } from "@/server/regulation/document";
import { editorId } from "../section-props";
import { problemText } from "./fields";

export function CodeInput({
  path,
  label = "Код",
  hint = "Латинские строчные буквы, цифры и знак _; по коду этот элемент находят другие части регламента.",
  value,
  problem,
  onCommit,
  problems,
  readOnly,
}: {
  path: string;
  label?: string;
  hint?: string;
  value: string;
  /** Why a code cannot be used (format, taken), or null. */
  problem: (code: string) => string | null;
  onCommit: (code: string) => void;
  problems: DocumentProblem[];
  readOnly: boolean;
}) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (shown !== value) {
    // Changed elsewhere (undo, a move of the list): show the document's code.
    setShown(value);
    setText(value);
    setRefusal(null);
  }
  const commit = () => {
    const code = text.trim();
    if (code === value) {
      setText(value);
      setRefusal(null);
      return;
    }
    const why = problem(code);
    setRefusal(why);
    if (!why) onCommit(code);
  };
  return (
    <FormField
      id={editorId(path)}
      label={label}
      hint={hint}
      error={refusal ? `${refusal}. Сохранён прежний код «${value}».` : problemText(problems, path)}
      required
      width="w-72"
    >
      {(control) => (
        <input
          {...control}
          type="text"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          className={`${control.className} font-mono`}
          value={text}
          disabled={readOnly}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              commit();
            }
          }}
        />
      )}
    </FormField>
  );
}
