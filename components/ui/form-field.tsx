// One frame for every form field (R14, GOV.UK pattern): the label (or a fieldset's legend) with the
// required mark, the hint, the error message, then the control; the control gets its aria wiring
// (aria-describedby to the hint and the message, aria-invalid, aria-required) from the frame, so no
// form wires it by hand. Ids follow one rule: `<id>-hint`, `<id>-error`.
import type { ReactNode } from "react";
import { describedBy } from "./aria";

export { describedBy };

export const hintIdOf = (id: string) => `${id}-hint`;
export const errorIdOf = (id: string) => `${id}-error`;

/**
 * The visual "*". Inputs carry aria-required, so the mark itself is hidden from screen readers;
 * a legend of a fieldset without that attribute (groups, files) says it in words (`announce`).
 */
export function RequiredMark({ required, announce = false }: { required?: boolean; announce?: boolean }) {
  if (!required) return null;
  return (
    <>
      <span className="text-red-700" aria-hidden>
        {" "}
        *
      </span>
      {announce ? <span className="sr-only"> (обязательно)</span> : null}
    </>
  );
}

export function FieldHint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="mt-1 text-sm text-slate-600">
      {children}
    </p>
  );
}

/** The message beside the field; "Ошибка:" is read out before it, as GOV.UK does. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm font-semibold text-red-700" data-testid="field-error">
      <span className="sr-only">Ошибка: </span>
      {message}
    </p>
  );
}

/** The left bar GOV.UK puts beside a field in error, so the problem is visible without colour alone. */
export function fieldBox(error: boolean, extra = ""): string {
  return `${extra} ${error ? "border-l-4 border-red-700 pl-3" : ""}`.trim();
}

export function inputClass(error: boolean, width = "w-full"): string {
  return `mt-1 block ${width} rounded border bg-white px-3 py-2 ${error ? "border-red-700 ring-1 ring-red-700" : "border-slate-500"}`;
}

/** What the frame hands its control: spread it onto the input, select or textarea. */
export type ControlProps = {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  "aria-required"?: true;
  className: string;
};

type FrameProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** Ids of more descriptions of the control (a hint of the chosen option, say). */
  describedByExtra?: string;
  /** The control's width (Tailwind class), for inputs whose expected length is known. */
  width?: string;
  className?: string;
  /** Shown after the control (details of the chosen option, a note). */
  after?: ReactNode;
  children: (control: ControlProps) => ReactNode;
};

/** A labelled control: `<FormField id label error>{(c) => <input {...c} {...register("x")} />}</FormField>`. */
export function FormField({
  id,
  label,
  hint,
  error,
  required,
  describedByExtra,
  width,
  className,
  after,
  children,
}: FrameProps) {
  const control: ControlProps = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(hint ? hintIdOf(id) : null, describedByExtra, error ? errorIdOf(id) : null),
    "aria-required": required ? true : undefined,
    className: inputClass(!!error, width),
  };
  return (
    <div className={fieldBox(!!error, className)}>
      <label htmlFor={id} className="block font-medium">
        {label}
        <RequiredMark required={required} />
      </label>
      <FieldHint id={hintIdOf(id)}>{hint}</FieldHint>
      <FieldError id={errorIdOf(id)} message={error} />
      {children(control)}
      {after}
    </div>
  );
}

type FieldsetProps = {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** A radio group is announced as one (with its required state); checkboxes stay a plain group. */
  radio?: boolean;
  className?: string;
  children: ReactNode;
};

/**
 * A question answered by several inputs (radios, checkboxes): the legend names it, the fieldset is
 * described by the hint and the message. `data-field` lets focus go to its first input.
 */
export function FormFieldset({ id, legend, hint, error, required, radio, className, children }: FieldsetProps) {
  return (
    <fieldset
      id={id}
      data-field={id}
      role={radio ? "radiogroup" : undefined}
      aria-required={radio && required ? true : undefined}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(hint ? hintIdOf(id) : null, error ? errorIdOf(id) : null)}
      className={fieldBox(!!error, className)}
    >
      <legend className="font-medium">
        {legend}
        <RequiredMark required={required} announce={!radio} />
      </legend>
      <FieldHint id={hintIdOf(id)}>{hint}</FieldHint>
      <FieldError id={errorIdOf(id)} message={error} />
      <div className="mt-2 space-y-2">{children}</div>
    </fieldset>
  );
}
