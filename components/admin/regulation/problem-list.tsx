"use client";
// Every problem of the document (validateDocument, issue 10 p.3), in Russian, grouped by the section
// that edits it; each is a link to the control of its path (or of the nearest ancestor that has one).
import type { DocumentProblem } from "@/server/regulation/document";
import { plural } from "@/server/format/plural";
import { editorId, sectionOfPath, type EditorSection } from "./section-props";
import { SECTIONS, SECTION_KEYS } from "./sections";

/** The element that edits a path: the path's own control, else the nearest ancestor's. */
export function controlOfPath(path: string): HTMLElement | null {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const el = document.getElementById(editorId(parts.slice(0, n).join(".")));
    if (el) return el;
  }
  return null;
}

export function ProblemList({
  problems,
  onGo,
}: {
  problems: DocumentProblem[];
  onGo: (section: EditorSection, path: string) => void;
}) {
  const bySection = new Map<EditorSection, DocumentProblem[]>();
  for (const p of problems) {
    const s = sectionOfPath(p.path);
    bySection.set(s, [...(bySection.get(s) ?? []), p]);
  }
  return (
    <section
      aria-labelledby="problems-title"
      className="rounded-lg border border-slate-300 bg-white p-4"
      data-testid="problem-list"
    >
      <h2 id="problems-title" className="text-lg font-semibold">
        {problems.length ? `Проблемы: ${problems.length}` : "Проблем нет"}
      </h2>
      <p className="sr-only" aria-live="polite">
        {problems.length
          ? `${problems.length} ${plural(problems.length, ["проблема", "проблемы", "проблем"])}`
          : "Проблем нет"}
      </p>
      {problems.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">Регламент можно публиковать: проверка не нашла ошибок.</p>
      ) : (
        SECTION_KEYS.filter((s) => bySection.has(s)).map((s) => (
          <div key={s} className="mt-3">
            <h3 className="font-semibold">{SECTIONS[s].title}</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
              {bySection.get(s)!.map((p, i) => (
                <li key={`${p.path}:${i}`}>
                  <a
                    href={`?section=${s}#${editorId(p.path)}`}
                    className="text-brand-700 underline"
                    onClick={(e) => {
                      e.preventDefault();
                      onGo(s, p.path);
                    }}
                  >
                    {p.message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
