// The filled form, read-only: the cabinet, the print copy (R15) and the staff card show the answers
// exactly as submitted (R6: staff never ask again for data the system has).
import type { FieldDef, StepDef } from "@/server/regulation/document";
import { visibleFields, type FileRef } from "@/server/regulation/form-schema";
import { formatValue } from "@/server/application/answers";

function display(field: FieldDef, value: unknown): React.ReactNode {
  if (value === undefined || value === null || value === "") return <span className="text-slate-500">не указано</span>;
  switch (field.type) {
    case "file":
      return (
        <ul className="list-disc pl-5">
          {(value as FileRef[]).map((f) => (
            <li key={f.id}><a href={`/api/files/${f.id}`} className="text-brand-700 underline">{f.name}</a> ({Math.ceil(f.size / 1024)} КБ)</li>
          ))}
        </ul>
      );
    case "group":
      return (
        <ol className="list-decimal space-y-2 pl-5">
          {(value as Record<string, unknown>[]).map((item, i) => (
            <li key={i}>
              <dl>
                {(field.fields ?? []).map((sub) => (
                  <div key={sub.key} className="grid gap-1 sm:grid-cols-3">
                    <dt className="text-slate-600">{sub.label}</dt>
                    <dd className="sm:col-span-2">{display(sub, item[sub.key])}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ol>
      );
    default:
      return formatValue(field, value);
  }
}

export function FormAnswers({ steps, values, headingLevel = 2 }: { steps: StepDef[]; values: Record<string, unknown>; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="space-y-6">
      {steps.map((step) => {
        const fields = visibleFields(step, values, steps);
        if (!fields.length) return null;
        return (
          <section key={step.key} className="break-inside-avoid">
            <Heading className="text-lg font-semibold">{step.title}</Heading>
            <dl className="mt-2 divide-y divide-slate-200 rounded border border-slate-200 bg-white">
              {fields.map((f) => (
                <div key={f.key} className="grid gap-1 p-3 sm:grid-cols-3">
                  <dt className="text-slate-600">{f.label}</dt>
                  <dd className="sm:col-span-2">{display(f, values[f.key])}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
