// What an edition changes, part by part (issue 10 p.4): each change links to the editor's control
// of what it names (section-props.ts: ?section=<section>#<editorId(path)>), so an unintended change
// is one click from its undoing. Server- and client-renderable.
import Link from "next/link";
import { CHANGE_PARTS, type RegulationChange } from "@/server/regulation/diff";
import type { DocumentProblem } from "@/server/regulation/document";
import { countOf } from "@/server/format/plural";
import { editorId, sectionOfPath } from "./section-props";

const KIND_LABEL = { added: "добавлено", removed: "удалено", changed: "изменено" } as const;
const KIND_MARK = { added: "+", removed: "−", changed: "~" } as const;

/** The editor's address of a document path in an edition. */
export function editorHref(serviceCode: string, editionId: string, path: string): string {
  return `/admin/services/${encodeURIComponent(serviceCode)}/editions/${editionId}?section=${sectionOfPath(path)}#${editorId(path)}`;
}

function sectionHref(serviceCode: string, editionId: string, path: string): string {
  return `/admin/services/${encodeURIComponent(serviceCode)}/editions/${editionId}?section=${sectionOfPath(path)}`;
}

export function ChangeList({
  changes,
  serviceCode,
  editionId,
  baseVersion,
}: {
  changes: RegulationChange[];
  serviceCode: string;
  editionId: string;
  /** The edition compared against; null: this is the service's first edition. */
  baseVersion: number | null;
}) {
  if (baseVersion === null)
    return <p>Это первая редакция регламента услуги: сравнивать не с чем, регламент вводится целиком.</p>;
  if (!changes.length)
    return <p>Редакция не отличается от действующей (№ {baseVersion}): публиковать её нет необходимости.</p>;
  return (
    <div className="space-y-4" data-testid="change-list">
      <p>
        Изменения по сравнению с действующей редакцией № {baseVersion}: {changes.length}. Ссылка ведёт к месту в
        редакторе.
      </p>
      {CHANGE_PARTS.map((part) => {
        const inPart = changes.filter((c) => c.part === part);
        if (!inPart.length) return null;
        return (
          <section key={part} aria-labelledby={`changes-${part}`}>
            <h3 id={`changes-${part}`} className="font-semibold">
              {part} <span className="font-normal text-slate-700">({inPart.length})</span>
            </h3>
            <ul className="mt-1 space-y-1">
              {inPart.map((c, i) => (
                <li key={i} className="flex gap-2">
                  <span aria-hidden className="w-4 shrink-0 text-center font-mono font-bold text-slate-700">
                    {KIND_MARK[c.kind]}
                  </span>
                  <span className="sr-only">{KIND_LABEL[c.kind]}: </span>
                  {/* A removal's path is in the old edition: it links to its section, not to a control. */}
                  <Link
                    href={
                      c.kind === "removed"
                        ? sectionHref(serviceCode, editionId, c.path)
                        : editorHref(serviceCode, editionId, c.path)
                    }
                    className="text-brand-700 underline"
                  >
                    {c.text}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** The problems that forbid publishing, each linking to its place in the editor. */
export function ProblemLinks({
  problems,
  serviceCode,
  editionId,
}: {
  problems: DocumentProblem[];
  serviceCode: string;
  editionId: string;
}) {
  if (!problems.length) return null;
  return (
    <div role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 text-red-900">
      <p className="font-semibold">
        Опубликовать нельзя: в регламенте {countOf(problems.length, ["ошибка", "ошибки", "ошибок"])}. Исправьте их в
        редакторе:
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {problems.map((p, i) => (
          <li key={i}>
            <Link href={editorHref(serviceCode, editionId, p.path)} className="underline">
              {p.message}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
