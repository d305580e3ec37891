// The filled form, read-only: the cabinet, the print copy (R15) and the staff card show the answers
// exactly as submitted (R6: staff never ask again for data the system has). What each answer reads
// as comes from the one renderer (server/application/answers.ts), shared with the wizard's summary
// and the PDF copy; this only lays it out, with the files as download links.
import type { StepDef } from "@/server/regulation/document";
import { answerSections, formatFileSize, isFileRefs, NOT_GIVEN, type AnswerRow } from "@/server/application/answers";

function Answer({ row }: { row: AnswerRow }) {
  if (row.text === NOT_GIVEN) return <span className="text-slate-500">{NOT_GIVEN}</span>;
  if (row.items) {
    return (
      <ol className="list-decimal space-y-2 pl-5">
        {row.items.map((item, i) => (
          <li key={i}>
            <Rows rows={item} />
          </li>
        ))}
      </ol>
    );
  }
  if (row.field.type === "file" && isFileRefs(row.value)) {
    return (
      <ul className="list-disc pl-5">
        {row.value.map((f) => (
          <li key={f.id}>
            <a href={`/api/files/${f.id}`} className="text-brand-700 underline">
              {f.name}
            </a>{" "}
            ({formatFileSize(f.size)})
          </li>
        ))}
      </ul>
    );
  }
  return <>{row.text}</>;
}

/** Label and answer side by side; a step's rows in a box, a group item's rows plain inside it. */
function Rows({ rows, boxed = false }: { rows: AnswerRow[]; boxed?: boolean }) {
  return (
    <dl className={boxed ? "mt-2 divide-y divide-slate-200 rounded border border-slate-200 bg-white" : undefined}>
      {rows.map((row) => (
        <div key={row.key} className={`grid gap-1 sm:grid-cols-3${boxed ? " p-3" : ""}`}>
          <dt className="text-slate-600">{row.label}</dt>
          <dd className="sm:col-span-2">
            <Answer row={row} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function FormAnswers({
  steps,
  values,
  headingLevel = 2,
}: {
  steps: StepDef[];
  values: Record<string, unknown>;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="space-y-6">
      {answerSections(steps, values).map((section) => (
        <section key={section.key} className="break-inside-avoid">
          <Heading className="text-lg font-semibold">{section.title}</Heading>
          <Rows rows={section.rows} boxed />
        </section>
      ))}
    </div>
  );
}
