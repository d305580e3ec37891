"use client";
// How the organisation's forms (issue 11) show a refused request: a field's message on the field
// (a duplicate department code, an e-mail already in use), anything else above the buttons.
import { useEffect, useRef } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { classifyRequestError } from "@/components/form/request-errors";

/** Puts the server's field messages on the form's fields; returns the message for the rest (or null). */
export function applyRequestError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string | null {
  const f = classifyRequestError(error);
  if (f.kind === "invalid") {
    const hit = fields.filter((k) => f.fieldErrors[k]);
    for (const k of hit) setError(k, { message: f.fieldErrors[k] }, { shouldFocus: k === hit[0] });
    if (hit.length) return null;
  }
  return f.message;
}

export function FailureMessage({ message }: { message: string | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <p ref={ref} tabIndex={-1} role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 text-red-900">
      {message}
    </p>
  );
}
