"use client";
// Small labelled controls of the regulation editor: each has id={editorId(path)} (the problem list
// links to it), a <label>, and the problems of its path as its error message.
import type { ReactNode } from "react";
import type { DocumentProblem } from "@/server/regulation/document";
import { FormField } from "@/components/ui/form-field";
import { editorId } from "./section-props";

export const problemAt = (problems: DocumentProblem[], path: string) =>
  problems
    .filter((p) => p.path === path)
    .map((p) => p.message)
    .join("; ") || undefined;

type Base = {
  path: string;
  label: ReactNode;
  problems: DocumentProblem[];
  hint?: ReactNode;
  width?: string;
  required?: boolean;
};

export function TextControl({
  path,
  label,
  problems,
  hint,
  width,
  required,
  value,
  onChange,
  multiline,
}: Base & { value: string; onChange: (v: string) => void; multiline?: boolean }) {
  return (
    <FormField
      id={editorId(path)}
      label={label}
      hint={hint}
      error={problemAt(problems, path)}
      width={width}
      required={required}
    >
      {(c) =>
        multiline ? (
          <textarea {...c} rows={2} value={value} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...c} value={value} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
        )
      }
    </FormField>
  );
}

/** A whole number or nothing: an empty input removes the setting. */
export function NumberControl({
  path,
  label,
  problems,
  hint,
  value,
  onChange,
}: Base & { value: number | undefined; onChange: (v: number | undefined) => void }) {
  return (
    <FormField id={editorId(path)} label={label} hint={hint} error={problemAt(problems, path)} width="w-32">
      {(c) => (
        <input
          {...c}
          type="number"
          inputMode="decimal"
          value={value ?? ""}
          onChange={(e) => {
            const t = e.target.value.trim();
            const n = Number(t);
            onChange(t === "" || !Number.isFinite(n) ? undefined : n);
          }}
        />
      )}
    </FormField>
  );
}

export function SelectControl<T extends string>({
  path,
  label,
  problems,
  hint,
  value,
  options,
  empty,
  onChange,
}: Base & {
  value: T | undefined;
  options: readonly { value: T; label: string }[];
  /** The label of "nothing chosen"; none: a choice is required. */
  empty?: string;
  onChange: (v: T | undefined) => void;
}) {
  return (
    <FormField
      id={editorId(path)}
      label={label}
      hint={hint}
      error={problemAt(problems, path)}
      width="w-auto max-w-full"
    >
      {(c) => (
        <select {...c} value={value ?? ""} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}>
          {empty !== undefined ? <option value="">{empty}</option> : null}
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

export function CheckControl({
  path,
  label,
  problems,
  checked,
  onChange,
}: Omit<Base, "hint"> & { checked: boolean; onChange: (v: boolean) => void }) {
  const error = problemAt(problems, path);
  return (
    <div className={error ? "border-l-4 border-red-700 pl-3" : ""}>
      <label className="inline-flex items-center gap-2">
        <input
          id={editorId(path)}
          type="checkbox"
          className="h-5 w-5"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${editorId(path)}-error` : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      {error ? (
        <p id={`${editorId(path)}-error`} className="mt-1 text-sm font-semibold text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
