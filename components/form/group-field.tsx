"use client";
// A repeating group ("Лица, о которых запрашиваются сведения"): one fieldset per item with its
// sub-fields and a remove button, an add button up to maxItems. A required group starts with one
// empty item so the applicant sees what to fill instead of an empty box.
import { useEffect, useRef } from "react";
import { get, useFieldArray, useFormContext } from "react-hook-form";
import type { FieldDef } from "@/server/regulation/document";
import { FieldRenderer } from "./field-renderer";
import { FieldError, FieldHint, RequiredMark, fieldBox } from "./field-parts";
import { useFieldError, useWizardField } from "./form-context";
import { describedBy, errorId, fieldId, hintId, visibleSubFields } from "./paths";

/** The form values as a group sees them: its key holds a list of items. */
type GroupValues = Record<string, Record<string, unknown>[]>;

export function GroupField({ field, path }: { field: FieldDef; path: string }) {
  const { control, getValues, clearErrors } = useFormContext<GroupValues>();
  const { values } = useWizardField();
  const { fields: items, append, remove } = useFieldArray({ control, name: path });
  const error = useFieldError(path);
  const addRef = useRef<HTMLButtonElement>(null);
  const min = Math.max(field.minItems ?? 0, field.required ? 1 : 0);
  const max = field.maxItems;
  const groupValue = get(values, path) as unknown;
  const itemValues = Array.isArray(groupValue) ? groupValue : [];

  useEffect(() => {
    const current = getValues(path) as unknown[] | undefined;
    if (min > 0 && (!Array.isArray(current) || current.length === 0)) append({}, { shouldFocus: false });
  }, [append, getValues, min, path]);

  const add = () => {
    // The group's own message ("добавьте хотя бы одну запись") is answered by adding; the items'
    // messages stay until their fields are fixed.
    clearErrors(items.length ? `${path}.root` : path);
    append({});
  };
  const removeAt = (i: number) => {
    remove(i);
    // The add button may only appear after the re-render (the group was full).
    requestAnimationFrame(() => addRef.current?.focus());
  };

  return (
    <fieldset
      id={fieldId(path)}
      className={fieldBox(!!error)}
      aria-describedby={describedBy(field.hint && hintId(path), error && errorId(path))}
    >
      <legend className="text-lg font-semibold">
        {field.label}
        <RequiredMark required={min > 0} announce />
      </legend>
      <FieldHint path={path}>{field.hint}</FieldHint>
      <FieldError path={path} message={error} />
      <div className="mt-3 space-y-4">
        {items.map((item, i) => {
          const raw = itemValues[i];
          const itemValue = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
          return (
            <fieldset key={item.id} className="space-y-4 rounded border border-slate-300 bg-white p-4">
              <legend className="px-1 font-semibold">Запись {i + 1}</legend>
              {visibleSubFields(field, itemValue, values).map((sub) => (
                <FieldRenderer key={sub.key} field={sub} path={`${path}.${i}.${sub.key}`} nested />
              ))}
              <button
                type="button"
                onClick={() => removeAt(i)}
                className="rounded border border-slate-500 px-3 py-1 text-sm hover:bg-slate-100"
              >
                Удалить запись {i + 1}
              </button>
            </fieldset>
          );
        })}
      </div>
      {max === undefined || items.length < max ? (
        <button
          ref={addRef}
          type="button"
          onClick={add}
          className="mt-3 rounded border-2 border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50"
        >
          {items.length ? "Добавить ещё запись" : "Добавить запись"}
        </button>
      ) : (
        <p className="mt-3 text-sm text-slate-700">Добавлено максимальное число записей: {max}.</p>
      )}
    </fieldset>
  );
}
