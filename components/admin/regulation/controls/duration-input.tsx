"use client";
// A term of the regulation (R7): a number and its unit (working days, calendar days, minutes), and
// for a stage's deadline what it is counted from. An optional term can be switched off (undefined).
import {
  DURATION_UNIT_LABEL,
  type Duration,
  type DocumentProblem,
  type StageDeadline,
} from "@/server/regulation/document";
import { plural } from "@/server/format/plural";
import { editorId } from "../section-props";
import { CheckboxRow, NumberRow, ProblemNote, SelectRow } from "./fields";

const UNITS = Object.keys(DURATION_UNIT_LABEL) as Duration["unit"][];

/** The unit's name as it reads after the number typed (5 → «рабочих дней»). */
const unitChoices = (value: number) =>
  UNITS.map((u) => ({ value: u, label: plural(Math.abs(value), DURATION_UNIT_LABEL[u]) }));

export const FROM_LABEL: Record<StageDeadline["from"], string> = {
  stage_entry: "с начала этапа",
  registration: "со дня регистрации заявления",
};

type Props<T extends Duration> = {
  path: string;
  legend: string;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  problems: DocumentProblem[];
  readOnly: boolean;
  /** A term that may be absent: a checkbox switches it on (with `fallback`) and off. */
  optional?: { label: string; fallback: T };
  /** A stage's deadline: what it is counted from. */
  withFrom?: boolean;
  hint?: string;
};

export function DurationInput<T extends Duration>({
  path,
  legend,
  value,
  onChange,
  problems,
  readOnly,
  optional,
  withFrom,
  hint,
}: Props<T>) {
  const from = (value as Partial<StageDeadline> | undefined)?.from ?? "stage_entry";
  return (
    <fieldset id={editorId(path)} className="rounded border border-slate-300 p-3">
      <legend className="px-1 font-medium">{legend}</legend>
      {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
      <ProblemNote problems={problems} path={path} />
      {optional ? (
        <CheckboxRow
          path={`${path}.set`}
          id={`${editorId(path)}-set`}
          label={optional.label}
          checked={value !== undefined}
          problems={[]}
          readOnly={readOnly}
          onChange={(on) => onChange(on ? structuredClone(optional.fallback) : undefined)}
        />
      ) : null}
      {value !== undefined ? (
        <div className="mt-2 flex flex-wrap items-end gap-3">
          <NumberRow
            path={`${path}.value`}
            label="Количество"
            value={value.value}
            problems={problems}
            readOnly={readOnly}
            onChange={(v) => onChange({ ...value, value: v ?? 0 })}
          />
          <SelectRow
            path={`${path}.unit`}
            label="Единица"
            value={value.unit}
            options={unitChoices(value.value)}
            problems={problems}
            readOnly={readOnly}
            width="w-56"
            onChange={(u) => onChange({ ...value, unit: u as Duration["unit"] })}
          />
          {withFrom ? (
            <SelectRow
              path={`${path}.from`}
              label="Отсчитывается"
              value={from}
              options={Object.entries(FROM_LABEL).map(([v, label]) => ({ value: v, label }))}
              problems={problems}
              readOnly={readOnly}
              width="w-72"
              onChange={(f) => onChange({ ...value, from: f as StageDeadline["from"] })}
            />
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
