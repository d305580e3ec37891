"use client";
// A date typed as ДД.ММ.ГГГГ. Not <input type="date">: its value is empty until the date is
// complete and valid, so a half-typed date would neither be saved in the draft (R15) nor get the
// check's explanation of what is wrong (R14, "Месяца 13 не бывает…").
import { useController, useFormContext } from "react-hook-form";
import type { FieldDef } from "@/server/regulation/document";
import { FieldHead, controlAria, fieldBox, inputClass } from "./field-parts";
import { useCrossFieldRecheck, useFieldError } from "./form-context";
import { fieldId } from "./paths";
import { autoCompleteFor } from "./text-fields";
import { dateFromInput, dateToInput, type FormValues } from "./values";

export function DateField({ field, path, nested }: { field: FieldDef; path: string; nested: boolean }) {
  const { control } = useFormContext<FormValues>();
  const {
    field: { ref, name, value, onChange, onBlur },
  } = useController({ control, name: path });
  const error = useFieldError(path);
  useCrossFieldRecheck(field, path);
  const hint = [field.hint, "Формат: ДД.ММ.ГГГГ, например 05.03.1985."].filter(Boolean).join(" ");
  return (
    <div className={fieldBox(!!error)}>
      <FieldHead path={path} label={field.label} required={field.required} hint={hint} error={error} />
      <input
        id={fieldId(path)}
        ref={ref}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete={autoCompleteFor(field, nested)}
        spellCheck={false}
        {...controlAria(path, field.required, hint, error)}
        className={inputClass(!!error, "w-44")}
        value={dateToInput(value)}
        onChange={(e) => onChange(dateFromInput(e.target.value))}
        onBlur={onBlur}
      />
    </div>
  );
}
