"use client";
// A date typed as ДД.ММ.ГГГГ. Not <input type="date">: its value is empty until the date is
// complete and valid, so a half-typed date would neither be saved in the draft (R15) nor get the
// check's explanation of what is wrong (R14, "Месяца 13 не бывает…").
import { useController, useFormContext } from "react-hook-form";
import type { FieldDef } from "@/server/regulation/document";
import { FieldError, FieldHint, RequiredMark, fieldBox, inputClass } from "./field-parts";
import { useFieldError } from "./form-context";
import { describedBy, errorId, fieldId, hintId } from "./paths";
import { autoCompleteFor } from "./text-fields";
import { dateFromInput, dateToInput, type FormValues } from "./values";

export function DateField({ field, path, nested }: { field: FieldDef; path: string; nested: boolean }) {
  const { control } = useFormContext<FormValues>();
  const {
    field: { ref, name, value, onChange, onBlur },
  } = useController({ control, name: path });
  const error = useFieldError(path);
  const hint = [field.hint, "Формат: ДД.ММ.ГГГГ, например 05.03.1985."].filter(Boolean).join(" ");
  return (
    <div className={fieldBox(!!error)}>
      <label htmlFor={fieldId(path)} className="block font-medium">
        {field.label}
        <RequiredMark required={field.required} />
      </label>
      <FieldHint path={path}>{hint}</FieldHint>
      <FieldError path={path} message={error} />
      <input
        id={fieldId(path)}
        ref={ref}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete={autoCompleteFor(field, nested)}
        spellCheck={false}
        aria-required={field.required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId(path), error && errorId(path))}
        className={inputClass(!!error, "w-44")}
        value={dateToInput(value)}
        onChange={(e) => onChange(dateFromInput(e.target.value))}
        onBlur={onBlur}
      />
    </div>
  );
}
