"use client";
// What field renderers need from the wizard besides react-hook-form itself: the application id
// (file uploads go to it) and a way to save at once (after an upload or removal).
import { createContext, useContext } from "react";
import { get, useFormState } from "react-hook-form";
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
