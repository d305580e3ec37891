// Edits of the process that touch more than one place of the regulation document (issue 10 p.2):
// a stage's key is named by transitions and by initialStage, so renaming or deleting a stage
// carries those along in the same change, and the graph never breaks by an edit the editor made
// itself. Framework-free, editing the draft the editor's `change` hands over; tested in
// process-edit.test.ts.
import type { RegulationDocument, StageDef, TransitionDef } from "@/server/regulation/document";
import { codeProblem, freeCode } from "./controls/list-ops";

type Process = Pick<RegulationDocument, "stages" | "transitions" | "initialStage">;

/** Why `key` cannot be the key of the stage at `index` (format, taken by another stage), or null. */
export function stageKeyProblem(doc: Pick<RegulationDocument, "stages">, index: number, key: string): string | null {
  return codeProblem(
    key,
    doc.stages.filter((_, i) => i !== index).map((s) => s.key),
  );
}

export type RenameResult = { ok: true; transitions: number; initial: boolean } | { ok: false; message: string };

/**
 * Renames the stage at `index` and every reference to its key: the transitions' `from` and `to`, and
 * `initialStage`. A key taken by another stage is refused (the references of two stages would merge).
 */
export function renameStage(draft: Process, index: number, to: string): RenameResult {
  const stage = draft.stages[index];
  if (!stage) return { ok: false, message: "Этап не найден" };
  const from = stage.key;
  if (from === to) return { ok: true, transitions: 0, initial: false };
  const problem = stageKeyProblem(draft, index, to);
  if (problem) return { ok: false, message: problem };
  // A second stage with the old key (a duplicate the validation already reports) keeps its references.
  if (draft.stages.some((s, i) => i !== index && s.key === from)) {
    stage.key = to;
    return { ok: true, transitions: 0, initial: false };
  }
  stage.key = to;
  let transitions = 0;
  for (const t of draft.transitions) {
    let touched = false;
    if (t.from === from) {
      t.from = to;
      touched = true;
    }
    if (t.to === from) {
      t.to = to;
      touched = true;
    }
    if (touched) transitions++;
  }
  const initial = draft.initialStage === from;
  if (initial) draft.initialStage = to;
  return { ok: true, transitions, initial };
}

/** The transitions that go with a stage when it is deleted: those leaving it or entering it. */
export function transitionsOfStage(doc: Pick<RegulationDocument, "transitions">, key: string): TransitionDef[] {
  return doc.transitions.filter((t) => t.from === key || t.to === key);
}

/**
 * What deleting the stage at `index` does, in Russian, for the question asked first: which
 * transitions go with it, and which stage becomes the initial one if it was.
 */
export function stageRemovalSummary(doc: Process, index: number): string {
  const stage = doc.stages[index];
  if (!stage) return "";
  const lines = [`Удалить этап «${stage.title || stage.key}»?`];
  const others = doc.stages.some((s, i) => i !== index && s.key === stage.key);
  const gone = others ? [] : transitionsOfStage(doc, stage.key);
  if (gone.length)
    lines.push(`Вместе с ним будут удалены переходы: ${gone.map((t) => `«${t.title || t.key}»`).join(", ")}.`);
  else lines.push("Переходов, связанных с этим этапом, нет.");
  if (!others && doc.initialStage === stage.key) {
    const next = doc.stages.find((_, i) => i !== index);
    if (next) lines.push(`Это начальный этап: начальным станет этап «${next.title || next.key}».`);
  }
  return lines.join(" ");
}

/**
 * Deletes the stage at `index` with its transitions; if it was the initial stage, the first
 * remaining stage becomes initial. The last stage is never deleted (a process has at least one).
 * Returns the number of transitions deleted, or null when nothing was deleted.
 */
export function removeStage(draft: Process, index: number): number | null {
  const stage = draft.stages[index];
  if (!stage || draft.stages.length <= 1) return null;
  draft.stages.splice(index, 1);
  // Another stage with the same key (a duplicate) still owns the references.
  if (draft.stages.some((s) => s.key === stage.key)) return 0;
  const before = draft.transitions.length;
  draft.transitions = draft.transitions.filter((t) => t.from !== stage.key && t.to !== stage.key);
  if (draft.initialStage === stage.key) draft.initialStage = draft.stages[0]!.key;
  return before - draft.transitions.length;
}

/** A new stage with a free key, answered for by the executor, due in 1 working day. */
export function newStage(doc: Pick<RegulationDocument, "stages">): StageDef {
  return {
    key: freeCode(
      doc.stages.map((s) => s.key),
      "stage",
    ),
    title: "Новый этап",
    responsibleRoles: ["EXECUTOR"],
    deadline: { value: 1, unit: "working_days", from: "stage_entry" },
  };
}

/** A new transition with a free key from `from` to `to` (the first stages when not given). */
export function newTransition(doc: Process, from?: string, to?: string): TransitionDef {
  const first = doc.stages[0]?.key ?? doc.initialStage;
  return {
    key: freeCode(
      doc.transitions.map((t) => t.key),
      "transition",
    ),
    from: from ?? first,
    to: to ?? doc.stages[1]?.key ?? first,
    title: "Новый переход",
    roles: ["EXECUTOR"],
    kind: "normal",
    requires: {},
  };
}

/** The transitions that need the service (or intake) refusal grounds: emptying that list breaks them. */
export function transitionsNeedingGrounds(
  doc: Pick<RegulationDocument, "transitions">,
  list: "service" | "intake",
): TransitionDef[] {
  return doc.transitions.filter((t) => t.requires.refusalGrounds === list);
}
