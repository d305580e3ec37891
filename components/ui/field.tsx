// A labelled text input in the shared field frame (./form-field.tsx): its error is announced and
// tied to it for screen readers (R14).
import type { InputHTMLAttributes, ReactNode } from "react";
import { FormField } from "./form-field";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "className"> & {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  className?: string;
  width?: string;
};

export function TextField({ id, label, hint, error, required, className, width, ...input }: Props) {
  return (
    <FormField id={id} label={label} hint={hint} error={error} required={required} className={className} width={width}>
      {(control) => <input {...control} {...input} />}
    </FormField>
  );
}
