"use client";
// The sections of the regulation editor (issue 10 p.2), in the order of the navigation. Each part
// of the editor plugs in here with one line (`render: (p) => <PassportSection {...p} />`); a section
// without a component yet shows a neutral note. The shell (edition-editor.tsx) knows nothing else.
import type { ReactNode } from "react";
import type { EditorSection, SectionProps } from "./section-props";
import { FormSection } from "./form-section";
import { FormPreview } from "./form-preview";
import { ResultsSection } from "./results-section";
import { SimulatorSection } from "./simulator-section";
import { VariantsSection } from "./variants-section";

export type SectionEntry = {
  title: string;
  render?: (p: SectionProps) => ReactNode;
  /** Not an editing section (the preview, the simulator): shown also in a read-only edition with its controls working. */
  viewOnly?: boolean;
};

export const SECTIONS: Record<EditorSection, SectionEntry> = {
  passport: { title: "Паспорт" },
  form: { title: "Форма", render: (p) => <FormSection {...p} /> },
  process: { title: "Процесс" },
  grounds: { title: "Основания отказа" },
  results: { title: "Результаты и шаблоны", render: (p) => <ResultsSection {...p} /> },
  channels: { title: "Способы подачи и получения" },
  requests: { title: "Межведомственные запросы" },
  variants: { title: "Варианты", render: (p) => <VariantsSection {...p} /> },
  preview: { title: "Предпросмотр формы", render: (p) => <FormPreview doc={p.doc} />, viewOnly: true },
  simulator: { title: "Проверка сроков", render: (p) => <SimulatorSection {...p} />, viewOnly: true },
};

export const SECTION_KEYS = Object.keys(SECTIONS) as EditorSection[];

export function isEditorSection(value: string | null | undefined): value is EditorSection {
  return !!value && (SECTION_KEYS as string[]).includes(value);
}
