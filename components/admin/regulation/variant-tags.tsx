"use client";
// Which variants of the service an element belongs to (issue 10 p.8): a field, a step, a document,
// a stage, a transition, a ground... Other sections of the regulation editor include it next to the
// element. «Во всех вариантах» (the tag absent) is the default; a regulation without variants shows
// nothing.
import type { RegulationDocument } from "@/server/regulation/document";

export type VariantTagsProps = {
  doc: RegulationDocument;
  /** The element's `variants`: absent means every variant. */
  value?: string[];
  onChange: (value: string[] | undefined) => void;
  /** The element's editorId (e.g. editorId("stages.2")): the controls' ids start with it. */
  idPrefix: string;
  disabled?: boolean;
};

export function VariantTags({ doc, value, onChange, idPrefix, disabled }: VariantTagsProps) {
  const variants = doc.profiling?.variants ?? [];
  if (!variants.length) return null;
  const all = value === undefined;
  const codes = variants.map((v) => v.code);
  const toggle = (code: string, on: boolean) => {
    const current = value ?? codes;
    const next = on ? codes.filter((c) => c === code || current.includes(c)) : current.filter((c) => c !== code);
    onChange(next);
  };
  return (
    <fieldset id={`${idPrefix}-variants`} className="mt-2 rounded border border-slate-200 p-2">
      <legend className="px-1 text-sm font-semibold text-slate-700">Варианты услуги</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <label className="flex items-center gap-2">
          <input
            id={`${idPrefix}-variants-all`}
            type="checkbox"
            checked={all}
            disabled={disabled}
            onChange={(e) => onChange(e.target.checked ? undefined : codes)}
          />
          Во всех вариантах
        </label>
        {variants.map((v) => (
          <label key={v.code} className="flex items-center gap-2">
            <input
              id={`${idPrefix}-variants-${v.code}`}
              type="checkbox"
              checked={all || value.includes(v.code)}
              disabled={disabled || all}
              onChange={(e) => toggle(v.code, e.target.checked)}
            />
            {v.title}
          </label>
        ))}
      </div>
      {value && !value.length ? (
        <p className="mt-1 text-sm font-semibold text-red-800">Не входит ни в один вариант: отметьте хотя бы один</p>
      ) : null}
    </fieldset>
  );
}
