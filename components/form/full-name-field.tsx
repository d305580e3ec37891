"use client";
// Фамилия, имя, отчество: three inputs in one fieldset. The check reports a missing or wrong part on
// the part ("full_name.firstName") and an entirely empty name on the field itself ("full_name").
import { useFormContext } from "react-hook-form";
import type { FieldDef } from "@/server/regulation/document";
import { FieldError, FieldSet, RequiredMark, inputClass } from "./field-parts";
import { useFieldError } from "./form-context";
import { describedBy, errorId, fieldId, hintId } from "./paths";
import type { FormValues } from "./values";

const PARTS = [
  { key: "lastName", label: "Фамилия", required: true, autoComplete: "family-name" },
  { key: "firstName", label: "Имя", required: true, autoComplete: "given-name" },
  { key: "middleName", label: "Отчество (если есть)", required: false, autoComplete: "additional-name" },
] as const;

function NamePart({
  part,
  path,
  field,
  nested,
  groupError,
}: {
  part: (typeof PARTS)[number];
  path: string;
  field: FieldDef;
  nested: boolean;
  groupError?: string;
}) {
  const { register } = useFormContext<FormValues>();
  const partPath = `${path}.${part.key}`;
  const error = useFieldError(partPath);
  const required = !!field.required && part.required;
  // The applicant's own name autofills; a name inside a group is someone else's.
  const autoComplete = field.prefill === "fullName" && !nested ? part.autoComplete : "off";
  // A column whose input sits at its foot: a message above one part does not push that input below
  // the other two (issue 16 p.5).
  return (
    <div className="flex flex-col">
      <label htmlFor={fieldId(partPath)} className="block font-medium">
        {part.label}
        <RequiredMark required={required} />
      </label>
      <FieldError path={partPath} message={error} />
      <input
        id={fieldId(partPath)}
        type="text"
        autoComplete={autoComplete}
        spellCheck={false}
        aria-required={required || undefined}
        aria-invalid={error || groupError ? true : undefined}
        aria-describedby={describedBy(
          field.hint && hintId(path),
          groupError && errorId(path),
          error && errorId(partPath),
        )}
        className={`${inputClass(!!(error || groupError))} mt-auto`}
        {...register(partPath)}
      />
    </div>
  );
}

export function FullNameField({ field, path, nested }: { field: FieldDef; path: string; nested: boolean }) {
  const error = useFieldError(path);
  return (
    <FieldSet path={path} field={field} error={error}>
      <div className="mt-2 grid gap-4 sm:grid-cols-3">
        {PARTS.map((part) => (
          <NamePart key={part.key} part={part} path={path} field={field} nested={nested} groupError={error} />
        ))}
      </div>
    </FieldSet>
  );
}
