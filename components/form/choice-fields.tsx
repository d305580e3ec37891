"use client";
// Radio groups, a single checkbox (a yes/no answer stored as a boolean) and a checkbox list (the
// chosen option values). Groups of options are a fieldset with a legend; radios are one tab stop
// and move with the arrow keys, Space checks a checkbox.
import { useController, useFormContext } from "react-hook-form";
import type { FieldDef } from "@/server/regulation/document";
import { FieldError, FieldHead, FieldHint, FieldSet, RequiredMark, controlAria, fieldBox } from "./field-parts";
import { useFieldError } from "./form-context";
import { fieldId } from "./paths";
import type { FormValues } from "./values";

type Props = { field: FieldDef; path: string };

export function RadioField({ field, path }: Props) {
  const { register } = useFormContext<FormValues>();
  const error = useFieldError(path);
  const reg = register(path);
  return (
    <fieldset
      id={fieldId(path)}
      role="radiogroup"
      {...controlAria(path, field.required, field.hint, error)}
      className={fieldBox(!!error)}
    >
      <FieldHead legend path={path} label={field.label} required={field.required} hint={field.hint} error={error} />
      <div className="mt-2 space-y-2">
        {(field.options ?? []).map((o, i) => (
          <div key={o.value} className="flex items-start gap-3">
            <input
              id={`${fieldId(path)}-${i}`}
              type="radio"
              value={o.value}
              className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
              {...reg}
            />
            <label htmlFor={`${fieldId(path)}-${i}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function CheckboxField({ field, path }: Props) {
  const { register } = useFormContext<FormValues>();
  const error = useFieldError(path);
  return (
    <div className={fieldBox(!!error)}>
      <FieldError path={path} message={error} />
      <div className="flex items-start gap-3">
        <input
          id={fieldId(path)}
          type="checkbox"
          className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
          {...controlAria(path, field.required, field.hint, error)}
          {...register(path)}
        />
        <label htmlFor={fieldId(path)} className="font-medium">
          {field.label}
          <RequiredMark required={field.required} />
        </label>
      </div>
      <div className="pl-8">
        <FieldHint path={path}>{field.hint}</FieldHint>
      </div>
    </div>
  );
}

/** Several options may be checked: a controlled list, so one option alone still yields an array. */
export function CheckboxGroupField({ field, path }: Props) {
  const { control } = useFormContext<FormValues>();
  const {
    field: { ref, name, value, onChange, onBlur },
  } = useController({ control, name: path });
  const error = useFieldError(path);
  const chosen = Array.isArray(value) ? (value as unknown[]).map(String) : [];
  const toggle = (option: string, on: boolean) =>
    onChange(on ? [...chosen.filter((v) => v !== option), option] : chosen.filter((v) => v !== option));
  return (
    <FieldSet path={path} field={field} error={error}>
      <div className="mt-2 space-y-2">
        {(field.options ?? []).map((o, i) => (
          <div key={o.value} className="flex items-start gap-3">
            <input
              id={`${fieldId(path)}-${i}`}
              ref={i === 0 ? ref : undefined}
              type="checkbox"
              name={name}
              value={o.value}
              checked={chosen.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
              onBlur={onBlur}
              aria-invalid={error ? true : undefined}
              className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
            />
            <label htmlFor={`${fieldId(path)}-${i}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </FieldSet>
  );
}
