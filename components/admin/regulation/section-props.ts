// The contract between the regulation editor's shell (edition-editor.tsx) and its sections (issue 10
// p.2): each section gets the draft document, one way to change it and the problems that concern it.
// Client-safe.
import type { DocumentProblem, RegulationDocument } from "@/server/regulation/document";

export type EditorSection =
  | "passport"
  | "form"
  | "process"
  | "grounds"
  | "results"
  | "channels"
  | "requests"
  | "variants"
  | "preview"
  | "simulator";

export type SectionProps = {
  doc: RegulationDocument;
  /**
   * Changes the draft: `mutate` edits a copy in place; `label` names the change in Russian for the
   * undo history («Добавлено поле «Телефон»»). Every change is autosaved and can be undone.
   * `coalesce`: typing in one control is one undo step: pass the same key (the control's path) with
   * each keystroke.
   */
  change: (label: string, mutate: (draft: RegulationDocument) => void, opts?: { coalesce?: string }) => void;
  /** A published, scheduled or superseded edition is shown, never edited. */
  readOnly: boolean;
  /** The whole document's problems (validateDocument); a section shows those under its paths. */
  problems: DocumentProblem[];
};

/** Which section shows a document path («form.steps.0.fields.2.role» → "form"). */
export function sectionOfPath(path: string): EditorSection {
  const [head] = path.split(".");
  switch (head) {
    case "form":
      return "form";
    case "stages":
    case "transitions":
    case "initialStage":
      return "process";
    case "serviceRefusalGrounds":
    case "intakeRefusalGrounds":
      return "grounds";
    case "resultTypes":
      return "results";
    case "deliveryChannels":
    case "intakeChannels":
      return "channels";
    case "interagencyRequestTypes":
      return "requests";
    case "profiling":
    case "variants":
      return "variants";
    default:
      return "passport";
  }
}

/**
 * The DOM id of the control that edits a path: a problem links to it (`#${editorId(path)}`), so every
 * section gives each control the id of the path it edits («form.steps.0.fields.2.label» →
 * «ed-form-steps-0-fields-2-label»). A problem whose exact path has no control links to the nearest
 * ancestor that has one (the list tries the path, then drops its last segment, and so on).
 */
export function editorId(path: string): string {
  return `ed-${path.replace(/[^a-zA-Z0-9_]+/g, "-")}`;
}

/** The problems at a path or below it. */
export function problemsUnder(problems: DocumentProblem[], path: string): DocumentProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`));
}
