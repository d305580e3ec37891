"use client";
// The intake part of the registrar's form: how the application arrived, when, and who brought or
// sent it. In the shared field frame (label, hint, message beside the field, aria-describedby /
// aria-invalid) with ids by path, so the error summary's links find these inputs too.
import type { FocusEvent, HTMLAttributes } from "react";
import { useFormContext } from "react-hook-form";
import { CHANNEL_LABEL, type FieldDef, type StepDef } from "@/server/regulation/document";
import { FieldRenderer } from "@/components/form/field-renderer";
import { formatPhone } from "@/server/regulation/identifiers";
import { Button } from "@/components/ui/button";
import { FormField, FormFieldset } from "@/components/ui/form-field";
import { useFieldError } from "@/components/form/form-context";
import { fieldId } from "@/components/form/paths";
import type { FormValues } from "@/components/form/values";
import { INTAKE_KEY, type ChecklistDocument, type IntakeChannel } from "./intake-schema";
import { toLocalInput, utcOffsetLabel } from "./zoned-time";

/** What each channel means for the registration deadline (R7: S1 p.22, S2 p.48). */
const CHANNEL_HINT: Partial<Record<IntakeChannel, string>> = {
  IN_PERSON: "Заявитель принёс заявление сам: выдайте ему расписку.",
  POST: "Укажите дату и время получения письма администрацией.",
  MFC: "Заявление передано многофункциональным центром.",
  EMAIL: "Заявление пришло на адрес электронной почты администрации.",
};

export function ChannelField({ channels }: { channels: readonly IntakeChannel[] }) {
  const { register } = useFormContext<FormValues>();
  const path: string = `${INTAKE_KEY}.channel`;
  const error = useFieldError(path);
  const reg = register(path);
  return (
    <FormFieldset id={fieldId(path)} legend="Как поступило заявление" required radio error={error}>
      {channels.map((c, i) => (
        <div key={c} className="flex items-start gap-3">
          <input
            id={`${fieldId(path)}-${i}`}
            type="radio"
            value={c}
            aria-describedby={CHANNEL_HINT[c] ? `${fieldId(path)}-${i}-hint` : undefined}
            className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
            {...reg}
          />
          <div>
            <label htmlFor={`${fieldId(path)}-${i}`}>{CHANNEL_LABEL[c]}</label>
            {CHANNEL_HINT[c] ? (
              <p id={`${fieldId(path)}-${i}-hint`} className="text-sm text-slate-600">
                {CHANNEL_HINT[c]}
              </p>
            ) : null}
          </div>
        </div>
      ))}
    </FormFieldset>
  );
}

export function ReceivedAtField({ timeZone, clock }: { timeZone: string; clock: () => Date }) {
  const { register, setValue, getFieldState } = useFormContext<FormValues>();
  const path: string = `${INTAKE_KEY}.receivedAt`;
  const error = useFieldError(path);
  return (
    <FormField
      id={fieldId(path)}
      label="Дата и время поступления"
      required
      error={error}
      width="w-60"
      hint={`Местное время (${utcOffsetLabel(timeZone)}). Сроки предоставления услуги считаются от этого момента, а заявление, поступившее в нерабочий день, — со следующего рабочего дня.`}
    >
      {(control) => (
        <div className="flex flex-wrap items-center gap-3">
          <input type="datetime-local" step={60} {...control} {...register(path)} />
          <Button
            kind="neutral"
            className="mt-1 text-sm"
            onClick={() =>
              setValue(path, toLocalInput(clock(), timeZone), {
                shouldDirty: true,
                shouldValidate: !!getFieldState(path).error || getFieldState(path).isTouched,
              })
            }
          >
            Текущее время
          </Button>
        </div>
      )}
    </FormField>
  );
}

type IdentityInput = {
  key: "lastName" | "firstName" | "middleName" | "email" | "phone";
  label: string;
  required?: boolean;
  hint?: string;
  type?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
  width?: string;
};

const IDENTITY: IdentityInput[] = [
  { key: "lastName", label: "Фамилия", required: true },
  { key: "firstName", label: "Имя", required: true },
  { key: "middleName", label: "Отчество (если есть)" },
  {
    key: "email",
    label: "Электронная почта",
    inputMode: "email",
    width: "w-full max-w-md",
    hint: "Необязательно. Если указан, заявитель увидит заявление в личном кабинете после регистрации на портале с этим адресом.",
  },
  {
    key: "phone",
    label: "Телефон",
    type: "tel",
    inputMode: "tel",
    width: "w-full max-w-xs",
    hint: "Необязательно. Например, +7 912 345-67-89.",
  },
];

function IdentityField({ input }: { input: IdentityInput }) {
  const { register, setValue } = useFormContext<FormValues>();
  const path: string = `${INTAKE_KEY}.applicant.${input.key}`;
  const error = useFieldError(path);
  const reg = register(path);
  // The phone is shown in one format once the field is left (never while typing: the caret would jump).
  const onBlur = (e: FocusEvent<HTMLInputElement>) => {
    if (input.key === "phone") {
      const formatted = formatPhone(e.target.value);
      if (formatted !== e.target.value) setValue(path, formatted, { shouldDirty: true });
    }
    return reg.onBlur(e);
  };
  return (
    <FormField
      id={fieldId(path)}
      label={input.label}
      hint={input.hint}
      required={input.required}
      error={error}
      width={input.width}
    >
      {(control) => (
        <input
          type={input.type ?? "text"}
          inputMode={input.inputMode}
          // Someone else's data: the browser must not offer the registrar's own.
          autoComplete="off"
          spellCheck={false}
          autoCapitalize={input.key === "email" ? "none" : undefined}
          {...control}
          {...reg}
          onBlur={onBlur}
        />
      )}
    </FormField>
  );
}

export function IdentityFields() {
  return (
    <div className="space-y-5">
      <div className="grid gap-5 sm:grid-cols-3">
        {IDENTITY.slice(0, 3).map((input) => (
          <IdentityField key={input.key} input={input} />
        ))}
      </div>
      {IDENTITY.slice(3).map((input) => (
        <IdentityField key={input.key} input={input} />
      ))}
    </div>
  );
}

/** One applicant step of the regulation's form, with the paper documents it would have asked to upload. */
export function PaperStepFields({
  step,
  fields,
  documents,
}: {
  step: StepDef;
  fields: FieldDef[];
  documents: string[];
}) {
  if (!fields.length && !documents.length) return null;
  return (
    <fieldset className="mt-6 rounded border border-slate-300 p-4">
      <legend className="px-1 text-xl font-semibold">{step.title}</legend>
      {step.description ? <p className="mb-4 text-slate-700">{step.description}</p> : null}
      <div className="space-y-6">
        {fields.map((f) => (
          <FieldRenderer key={f.key} field={f} path={f.key} />
        ))}
      </div>
      {documents.length ? (
        <div className="mt-5 rounded border-l-4 border-slate-400 bg-slate-50 p-3 text-sm text-slate-800">
          <p className="font-semibold">Документы принимаются на бумаге и в систему не загружаются:</p>
          <ul className="mt-1 list-disc pl-6">
            {documents.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}

const REQUIRED_NOTE: Record<ChecklistDocument["required"], string> = {
  always: "обязательный",
  conditional: "",
  optional: "при наличии",
};

/**
 * Issue 16 p.12: which of the regulation's documents were handed in or enclosed, and the sheets of
 * each. The receipt lists these and only these (S2 p.48: «с указанием перечня и количества листов»).
 */
export function ReceivedDocumentsField({ documents }: { documents: readonly ChecklistDocument[] }) {
  const { register, watch } = useFormContext<FormValues>();
  if (!documents.length) return null;
  const hint = `${fieldId(`${INTAKE_KEY}.documents`)}-hint`;
  return (
    <fieldset className="mt-6 rounded border border-slate-300 p-4" aria-describedby={hint}>
      <legend className="px-1 text-xl font-semibold">Принятые документы</legend>
      <p id={hint} className="mb-4 text-sm text-slate-600">
        Отметьте документы, которые заявитель передал (или которые пришли вместе с заявлением), и укажите число листов
        каждого. В расписку попадут только отмеченные документы.
      </p>
      <ul className="space-y-4">
        {documents.map((d, i) => {
          const base = `${INTAKE_KEY}.documents.${i}`;
          const received = watch(`${base}.received`) === true;
          const note = d.condition ?? REQUIRED_NOTE[d.required];
          return (
            <li key={d.title}>
              <div className="flex items-start gap-3">
                <input
                  id={fieldId(`${base}.received`)}
                  type="checkbox"
                  className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
                  {...register(`${base}.received`)}
                />
                <label htmlFor={fieldId(`${base}.received`)}>
                  {d.title}
                  {note ? <span className="text-sm text-slate-600"> ({note})</span> : null}
                </label>
              </div>
              {received ? <SheetsField path={`${base}.sheets`} title={d.title} /> : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function SheetsField({ path, title }: { path: string; title: string }) {
  const { register } = useFormContext<FormValues>();
  const error = useFieldError(path);
  return (
    <div className="ml-8 mt-2">
      <FormField id={fieldId(path)} label="Число листов" required error={error} width="w-24">
        {(control) => (
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            {...control}
            aria-label={`Число листов: ${title}`}
            {...register(path)}
          />
        )}
      </FormField>
    </div>
  );
}
