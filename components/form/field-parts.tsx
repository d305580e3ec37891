// The regulation's fields use the shared field frame (components/ui/form-field.tsx) by path: the ids
// of a field's hint and message derive from its path (./paths.ts), as the error summary's links do.
import type { ReactNode } from "react";
import { FieldError as FrameError, FieldHint as FrameHint, RequiredMark, fieldBox } from "@/components/ui/form-field";
import { describedBy, errorId, fieldId, hintId } from "./paths";

export { RequiredMark, fieldBox, inputClass } from "@/components/ui/form-field";

export function FieldHint({ path, children }: { path: string; children?: ReactNode }) {
  return <FrameHint id={hintId(path)}>{children}</FrameHint>;
}

export function FieldError({ path, message }: { path: string; message?: string }) {
  return <FrameError id={errorId(path)} message={message} />;
}

/**
 * What stands above a field's input: its label (for a group of inputs, the fieldset's legend with
 * `legend`), the hint and the message, in the order every field of the form shows them.
 */
export function FieldHead({
  path,
  label,
  required,
  hint,
  error,
  legend = false,
  announce = false,
}: {
  path: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  legend?: boolean;
  /** Says "обязательно" to screen readers where no single input carries aria-required. */
  announce?: boolean;
}) {
  return (
    <>
      {legend ? (
        <legend className="font-medium">
          {label}
          <RequiredMark required={required} announce={announce} />
        </legend>
      ) : (
        <label htmlFor={fieldId(path)} className="block font-medium">
          {label}
          <RequiredMark required={required} announce={announce} />
        </label>
      )}
      <FieldHint path={path}>{hint}</FieldHint>
      <FieldError path={path} message={error} />
    </>
  );
}

/** The ARIA state of a field's control: required, invalid, and described by the hint and message shown. */
export function controlAria(path: string, required: boolean | undefined, hint: string | undefined, error?: string) {
  return {
    "aria-required": required || undefined,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(hint && hintId(path), error && errorId(path)),
  };
}

/**
 * A field made of several inputs (a list of checkboxes, the parts of a full name): a fieldset that the
 * hint and the message describe, with the label as its legend.
 */
export function FieldSet({
  path,
  field,
  error,
  children,
}: {
  path: string;
  field: { label: string; required?: boolean; hint?: string };
  error?: string;
  children: ReactNode;
}) {
  return (
    <fieldset
      id={fieldId(path)}
      aria-describedby={describedBy(field.hint && hintId(path), error && errorId(path))}
      className={fieldBox(!!error)}
    >
      <FieldHead
        legend
        announce
        path={path}
        label={field.label}
        required={field.required}
        hint={field.hint}
        error={error}
      />
      {children}
    </fieldset>
  );
}
