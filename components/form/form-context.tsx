"use client";
// What field renderers need from the wizard besides react-hook-form itself: the application id
// (file uploads go to it) and a way to save at once (after an upload or removal).
import { createContext, useContext, useEffect, useRef } from "react";
import { get, useFormContext, useFormState, useWatch } from "react-hook-form";
import type { FieldDef } from "@/server/regulation/document";
import type { FormValues } from "./values";

export type WizardFieldContext = {
  applicationId: string;
  /** Every value of the form, for conditions inside groups. */
  values: FormValues;
  saveNow: () => void;
  /**
   * The regulation editor's preview (issue 10 p.2): the applicant's form exactly as it will be, with
   * nothing sent anywhere: a chosen file is only listed (its name, size and type), never uploaded.
   */
  preview?: boolean;
};

export const FieldContext = createContext<WizardFieldContext | null>(null);

export function useWizardField(): WizardFieldContext {
  const ctx = useContext(FieldContext);
  if (!ctx) throw new Error("Field renderers are used inside the application wizard");
  return ctx;
}

/** The message of a path; a field array keeps its own message under `root`. */
export function useFieldError(path: string): string | undefined {
  const { errors } = useFormState<FormValues>({ name: path });
  const e = get(errors, path) as { message?: unknown; root?: { message?: unknown } } | undefined;
  const message = e?.message ?? e?.root?.message;
  return typeof message === "string" && message ? message : undefined;
}

/**
 * R14 across fields (issue 16 p.1): a field whose rule names another (`validation.notBefore`, in the
 * same group item or the form) is judged again when that other value changes, once the applicant
 * has been to it or it shows a message: correcting the period's start clears «по не может быть
 * раньше, чем с» at once, and an untouched field is not scolded early.
 */
export function useCrossFieldRecheck(field: FieldDef, path: string): void {
  const ref = field.validation?.notBefore;
  const otherPath = ref ? [...path.split(".").slice(0, -1), ref].join(".") : path;
  const { control, getFieldState, trigger } = useFormContext<FormValues>();
  const other: unknown = useWatch({ control, name: otherPath, disabled: !ref });
  const seen = useRef(other);
  useEffect(() => {
    if (!ref || Object.is(seen.current, other)) return;
    seen.current = other;
    const state = getFieldState(path);
    if (state.isTouched || state.error) void trigger(path);
  }, [ref, other, path, getFieldState, trigger]);
}
