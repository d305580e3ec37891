"use client";
// The editor's small controls (issue 10 p.2): a labelled text, number, checkbox or select row whose
// DOM id is the document path it edits (editorId), so a problem's link lands on it, and whose
// problems (validateDocument) are shown beside it in the shared field frame. Each edit is handed to
// the section's `change` at once; the shell's undo names it by the label the section gives.
import { useState, type ReactNode } from "react";
import { FormField, RequiredMark } from "@/components/ui/form-field";
import type { DocumentProblem } from "@/server/regulation/document";
import { editorId, problemsUnder } from "../section-props";

/** The messages of the problems at a path and below it, as one error text (undefined: none). */
export function problemText(problems: DocumentProblem[], path: string, exact = false): string | undefined {
  const list = exact ? problems.filter((p) => p.path === path) : problemsUnder(problems, path);
  return list.length ? [...new Set(list.map((p) => p.message))].join("; ") : undefined;
}

/** Problems shown as a block (under a list or a group whose own path has them). */
export function ProblemNote({
  problems,
  path,
  exact = true,
}: {
  problems: DocumentProblem[];
  path: string;
  exact?: boolean;
}) {
  const text = problemText(problems, path, exact);
  if (!text) return null;
  return (
    <p className="mt-1 text-sm font-semibold text-red-700" data-testid="section-problem">
      <span className="sr-only">Ошибка: </span>
      {text}
    </p>
  );
}

type Common = {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  problems: DocumentProblem[];
  readOnly: boolean;
  required?: boolean;
  width?: string;
  className?: string;
  /** The control's id when it is not the path's (two controls of one path). */
  id?: string;
};

/** A text input or textarea; an emptied optional text becomes undefined (the key leaves the document). */
export function TextRow({
  value,
  onChange,
  multiline = false,
  rows = 3,
  ...c
}: Common & { value: string | undefined; onChange: (value: string) => void; multiline?: boolean; rows?: number }) {
  return (
    <FormField
      id={c.id ?? editorId(c.path)}
      label={c.label}
      hint={c.hint}
      error={problemText(c.problems, c.path)}
      required={c.required}
      width={c.width}
      className={c.className}
    >
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            rows={rows}
            value={value ?? ""}
            disabled={c.readOnly}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            {...control}
            type="text"
            value={value ?? ""}
            disabled={c.readOnly}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </FormField>
  );
}

/**
 * A number input. What is typed stays as typed until it reads as a number (an emptied box does not
 * turn into 0 under the cursor); a whole number is required where `integer`. Any number is handed
 * on: a zero or negative term is the document validation's to report, in its words.
 */
export function NumberRow({
  value,
  onChange,
  integer = true,
  allowEmpty = false,
  ...c
}: Common & {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  integer?: boolean;
  allowEmpty?: boolean;
}) {
  const [text, setText] = useState(value === undefined ? "" : String(value));
  const [shown, setShown] = useState(value);
  // The document changed elsewhere (undo, another control): show its value.
  if (shown !== value) {
    setShown(value);
    if (parse(text, integer) !== value) setText(value === undefined ? "" : String(value));
  }
  return (
    <FormField
      id={c.id ?? editorId(c.path)}
      label={c.label}
      hint={c.hint}
      error={
        text.trim() !== "" && parse(text, integer) === undefined
          ? integer
            ? "Введите целое число"
            : "Введите число"
          : problemText(c.problems, c.path)
      }
      required={c.required}
      width={c.width ?? "w-32"}
      className={c.className}
    >
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode={integer ? "numeric" : "decimal"}
          value={text}
          disabled={c.readOnly}
          onChange={(e) => {
            setText(e.target.value);
            const parsed = parse(e.target.value, integer);
            if (parsed !== undefined) {
              setShown(parsed);
              onChange(parsed);
            } else if (e.target.value.trim() === "" && allowEmpty) {
              setShown(undefined);
              onChange(undefined);
            }
          }}
        />
      )}
    </FormField>
  );
}

function parse(text: string, integer: boolean): number | undefined {
  const t = text.trim().replace(",", ".");
  if (!t || !(integer ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/).test(t)) return undefined;
  return Number(t);
}

export function CheckboxRow({
  checked,
  onChange,
  ...c
}: Omit<Common, "required" | "width"> & { checked: boolean; onChange: (checked: boolean) => void }) {
  const id = c.id ?? editorId(c.path);
  const error = problemText(c.problems, c.path, true);
  return (
    <div className={c.className}>
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          className="mt-1 h-5 w-5"
          checked={checked}
          disabled={c.readOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={id}>{c.label}</label>
      </div>
      {c.hint ? <p className="ml-7 text-sm text-slate-600">{c.hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} className="ml-7 text-sm font-semibold text-red-700">
          <span className="sr-only">Ошибка: </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export type Choice = { value: string; label: string };

/** A select; `empty` adds a first choice meaning «nothing chosen» (its value is ""). */
export function SelectRow({
  value,
  options,
  onChange,
  empty,
  ...c
}: Common & {
  value: string | undefined;
  options: readonly Choice[];
  onChange: (value: string) => void;
  empty?: string;
}) {
  // A value outside the choices (a transition to a deleted stage) is shown as it is, not hidden.
  const unknown = value !== undefined && value !== "" && !options.some((o) => o.value === value);
  return (
    <FormField
      id={c.id ?? editorId(c.path)}
      label={c.label}
      hint={c.hint}
      error={problemText(c.problems, c.path)}
      required={c.required}
      width={c.width}
      className={c.className}
    >
      {(control) => (
        <select {...control} value={value ?? ""} disabled={c.readOnly} onChange={(e) => onChange(e.target.value)}>
          {empty !== undefined || !value ? <option value="">{empty ?? "— не выбрано —"}</option> : null}
          {unknown ? <option value={value}>{`«${value}» (не существует)`}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** A group of controls under a legend, with the problems of the group's own path. */
export function Group({
  path,
  legend,
  problems,
  required,
  children,
  className = "",
}: {
  path: string;
  legend: ReactNode;
  problems: DocumentProblem[];
  required?: boolean;
  children: ReactNode;
  className?: string;
}) {
  return (
    <fieldset id={editorId(path)} className={`rounded border border-slate-300 p-3 ${className}`}>
      <legend className="px-1 font-medium">
        {legend}
        <RequiredMark required={required} announce />
      </legend>
      <ProblemNote problems={problems} path={path} />
      <div className="space-y-3">{children}</div>
    </fieldset>
  );
}

/** Sets an optional text: an empty one is removed from the document rather than stored as "". */
export function optionalText(value: string): string | undefined {
  return value.trim() === "" ? undefined : value;
}
