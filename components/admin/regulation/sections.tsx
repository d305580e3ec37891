"use client";
// The sections of the regulation editor (issue 10 p.2), in the order of the navigation. Each part
// of the editor plugs in here with one line (`render: (p) => <PassportSection {...p} />`); a section
// without a component yet shows a neutral note. The shell (edition-editor.tsx) knows nothing else.
import type { ReactNode } from "react";
import type { EditorSection, SectionProps } from "./section-props";
import { FormSection } from "./form-section";
import { FormPreview } from "./form-preview";
import { ChannelsSection } from "./channels-section";
import { GroundsSection } from "./grounds-section";
import { PassportSection } from "./passport-section";
import { ProcessSection } from "./process-section";
import { RequestsSection } from "./requests-section";
import { ResultsSection } from "./results-section";
import { SimulatorSection } from "./simulator-section";
import { VariantsSection } from "./variants-section";

export type SectionEntry = {
  title: string;
  render?: (p: SectionProps) => ReactNode;
  /** Not an editing section (the preview, the simulator): shown also in a read-only edition with its controls working. */
  viewOnly?: boolean;
};

/**
 * For sections whose text boxes change the document at every keystroke under one label: consecutive
 * changes with the same label make one undo step (the store's `coalesce`), unless the section keys
 * them itself.
 */
const typing =
  (Section: (p: SectionProps) => ReactNode) =>
  (p: SectionProps): ReactNode =>
    Section({ ...p, change: (label, mutate, opts) => p.change(label, mutate, opts ?? { coalesce: label }) });

export const SECTIONS: Record<EditorSection, SectionEntry> = {
  passport: { title: "Паспорт", render: typing((p) => <PassportSection {...p} />) },
  form: { title: "Форма", render: (p) => <FormSection {...p} /> },
  process: { title: "Процесс", render: typing((p) => <ProcessSection {...p} />) },
  grounds: { title: "Основания отказа", render: typing((p) => <GroundsSection {...p} />) },
  results: { title: "Результаты и шаблоны", render: (p) => <ResultsSection {...p} /> },
  channels: { title: "Способы подачи и получения", render: typing((p) => <ChannelsSection {...p} />) },
  requests: { title: "Межведомственные запросы", render: typing((p) => <RequestsSection {...p} />) },
  variants: { title: "Варианты", render: (p) => <VariantsSection {...p} /> },
  preview: { title: "Предпросмотр формы", render: (p) => <FormPreview doc={p.doc} />, viewOnly: true },
  simulator: { title: "Проверка сроков", render: (p) => <SimulatorSection {...p} />, viewOnly: true },
};

export const SECTION_KEYS = Object.keys(SECTIONS) as EditorSection[];

export function isEditorSection(value: string | null | undefined): value is EditorSection {
  return !!value && (SECTION_KEYS as string[]).includes(value);
}
