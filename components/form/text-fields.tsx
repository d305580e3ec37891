"use client";
// One-line inputs (text, address, identifiers, phone, e-mail, number), the textarea and the select.
// Identifiers get inputmode="numeric" (the digit keypad) but stay text inputs: they are codes, not
// quantities, and may be typed with spaces and dashes. E-mail is a text input with inputmode="email":
// type="email" rewrites Cyrillic domains (почта.рф) into punycode.
import type { FocusEvent, HTMLAttributes } from "react";
import { useFormContext } from "react-hook-form";
import type { FieldDef, FieldType } from "@/server/regulation/document";
import { IDENTIFIER_FIELD_TYPES } from "@/server/regulation/document-plain";
import { digitsOnly, formatPhone, formatSnils } from "@/server/regulation/identifiers";
import { FieldHead, controlAria, fieldBox, inputClass } from "./field-parts";
import { useCrossFieldRecheck, useFieldError } from "./form-context";
import { fieldId } from "./paths";
import { numberFromInput, type FormValues } from "./values";

type InputMode = HTMLAttributes<HTMLInputElement>["inputMode"];

const IDENTIFIER_TYPES = new Set<FieldType>(IDENTIFIER_FIELD_TYPES);

/** What to type, shown before any error when the regulation gives no hint of its own. */
const TYPE_HINT: Partial<Record<FieldType, string>> = {
  snils: "11 цифр, например 112-233-445 95.",
  inn: "10 цифр для организации или 12 цифр для физического лица.",
  inn_legal: "10 цифр.",
  inn_person: "12 цифр.",
  ogrn: "13 цифр.",
  ogrnip: "15 цифр.",
  passport: "Серия и номер — 10 цифр, например 45 06 123456.",
  postal_index: "6 цифр, например 628212.",
  phone: "Например, +7 912 345-67-89.",
  email: "Например, ivanov@mail.ru.",
};

export function hintFor(field: FieldDef): string | undefined {
  return field.hint ?? TYPE_HINT[field.type];
}

const PREFILL_AUTOCOMPLETE: Record<string, string> = {
  fullName: "name",
  lastName: "family-name",
  firstName: "given-name",
  middleName: "additional-name",
  email: "email",
  phone: "tel",
  birthDate: "bday",
  address: "street-address",
  snils: "off",
  passport: "off",
  inn: "off",
};

/**
 * The autocomplete token: from the prefill source (the field is about the applicant), else by type
 * for top-level contact fields. Inside a group the data is about someone else: autofill is off.
 */
export function autoCompleteFor(field: FieldDef, nested: boolean): string | undefined {
  if (field.prefill) return PREFILL_AUTOCOMPLETE[field.prefill];
  if (nested || (IDENTIFIER_TYPES.has(field.type) && field.type !== "postal_index")) return "off";
  switch (field.type) {
    case "email":
      return "email";
    case "phone":
      return "tel";
    case "postal_index":
      return "postal-code";
    case "address":
      return "off";
    default:
      return undefined;
  }
}

function inputShape(type: FieldType): { type: string; inputMode?: InputMode; width: string } {
  if (IDENTIFIER_TYPES.has(type))
    return { type: "text", inputMode: "numeric", width: type === "postal_index" ? "w-40" : "w-full max-w-xs" };
  switch (type) {
    case "phone":
      return { type: "tel", inputMode: "tel", width: "w-full max-w-xs" };
    case "email":
      return { type: "text", inputMode: "email", width: "w-full max-w-md" };
    case "number":
      return { type: "text", inputMode: "decimal", width: "w-40" };
    default:
      return { type: "text", width: "w-full" };
  }
}

/** Formats a finished identifier when the field is left (never while typing: the caret would jump). */
function formatOnBlur(type: FieldType, value: string): string {
  if (type === "snils" && /^[\d\s-]+$/.test(value) && digitsOnly(value).length === 11)
    return formatSnils(digitsOnly(value));
  if (type === "phone") return formatPhone(value);
  return value;
}

type Props = { field: FieldDef; path: string; nested: boolean };

export function TextLikeField({ field, path, nested }: Props) {
  const { register, setValue } = useFormContext<FormValues>();
  const error = useFieldError(path);
  const hint = hintFor(field);
  const shape = inputShape(field.type);
  useCrossFieldRecheck(field, path);
  const reg = register(
    path,
    field.type === "number" ? { setValueAs: (v: unknown) => (typeof v === "string" ? numberFromInput(v) : v) } : {},
  );
  const onBlur = (e: FocusEvent<HTMLInputElement>) => {
    const formatted = formatOnBlur(field.type, e.target.value);
    if (formatted !== e.target.value) setValue(path, formatted, { shouldDirty: true });
    return reg.onBlur(e);
  };
  return (
    <div className={fieldBox(!!error)}>
      <FieldHead path={path} label={field.label} required={field.required} hint={hint} error={error} />
      <input
        id={fieldId(path)}
        type={shape.type}
        inputMode={shape.inputMode}
        autoComplete={autoCompleteFor(field, nested)}
        spellCheck={IDENTIFIER_TYPES.has(field.type) || field.type === "email" ? false : undefined}
        autoCapitalize={field.type === "email" ? "none" : undefined}
        {...controlAria(path, field.required, hint, error)}
        className={inputClass(!!error, shape.width)}
        {...reg}
        onBlur={onBlur}
      />
    </div>
  );
}

export function TextareaField({ field, path }: Props) {
  const { register } = useFormContext<FormValues>();
  const error = useFieldError(path);
  return (
    <div className={fieldBox(!!error)}>
      <FieldHead path={path} label={field.label} required={field.required} hint={field.hint} error={error} />
      <textarea
        id={fieldId(path)}
        rows={5}
        {...controlAria(path, field.required, field.hint, error)}
        className={inputClass(!!error)}
        {...register(path)}
      />
    </div>
  );
}

export function SelectField({ field, path }: Props) {
  const { register } = useFormContext<FormValues>();
  const error = useFieldError(path);
  return (
    <div className={fieldBox(!!error)}>
      <FieldHead path={path} label={field.label} required={field.required} hint={field.hint} error={error} />
      <select
        id={fieldId(path)}
        {...controlAria(path, field.required, field.hint, error)}
        className={inputClass(!!error, "w-full max-w-xl")}
        {...register(path)}
      >
        <option value="">Выберите вариант</option>
        {(field.options ?? []).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
