"use client";
// The form section of the regulation editor (issue 10 p.2, R13-R16): the steps of the applicant's
// form and their fields. Steps are added, renamed, described, given to the applicant or to each
// co-applicant, deleted (after a confirmation) and reordered by drag and drop or by the «Выше» /
// «Ниже» buttons; each step's fields are edited in ./field-editor.tsx.
import { useState, type DragEvent } from "react";
import type { StepDef } from "@/server/regulation/document";
import { Button } from "@/components/ui/button";
import { SelectControl, TextControl } from "./editor-controls";
import { FieldList, focusSoon, type FormCtx } from "./field-editor";
import { move } from "./form-model";
import { editorId, problemsUnder, type SectionProps } from "./section-props";
import { VariantTags } from "./variant-tags";

const SECTION_OPTIONS = [
  { value: "applicant", label: "Заполняет заявитель" },
  { value: "co_applicant", label: "Заполняет каждый созаявитель" },
] as const;

function freshStepKey(steps: StepDef[]): string {
  const used = new Set(steps.map((s) => s.key));
  for (let i = 1; ; i++) if (!used.has(`step_${i}`)) return `step_${i}`;
}

export function FormSection(props: SectionProps) {
  const { doc, change, problems, readOnly } = props;
  const [message, setMessage] = useState("");
  const [fresh, setFresh] = useState<Set<string>>(() => new Set());
  const [confirmStep, setConfirmStep] = useState<number | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const steps = doc.form?.steps ?? [];
  const ctx: FormCtx = {
    ...props,
    announce: setMessage,
    fresh,
    markFresh: (path) => setFresh((s) => new Set(s).add(path)),
  };

  const moveStep = (from: number, to: number, focusButton?: "up" | "down") => {
    const s = steps[from];
    if (!s) return;
    change(`Перемещён шаг «${s.title}»`, (d) => {
      move(d.form.steps, from, to);
    });
    setMessage(`Шаг «${s.title}» перемещён на позицию ${to + 1} из ${steps.length}`);
    if (focusButton) {
      const base = editorId(`form.steps.${to}`);
      focusSoon(`${base}-${focusButton}`, `${base}-${focusButton === "up" ? "down" : "up"}`);
    }
  };
  const addStep = () => {
    change("Добавлен шаг", (d) => {
      d.form.steps.push({ key: freshStepKey(d.form.steps), title: `Шаг ${d.form.steps.length + 1}`, fields: [] });
    });
    focusSoon(editorId(`form.steps.${steps.length}.title`));
  };
  const removeStep = (i: number) => {
    const s = steps[i];
    if (!s) return;
    change(`Удалён шаг «${s.title}»`, (d) => {
      d.form.steps.splice(i, 1);
    });
    setConfirmStep(null);
    setMessage(`Шаг «${s.title}» удалён. Отменить: кнопка «Отменить» или Ctrl+Z`);
  };

  return (
    <div id={editorId("form")} tabIndex={-1}>
      <p className="text-slate-700">
        Шаги и поля формы заявления. Проверить, как её увидит заявитель, можно в разделе «Предпросмотр формы».
      </p>
      <p className="sr-only" aria-live="polite" data-testid="form-announcer">
        {message}
      </p>
      <ol id={editorId("form.steps")} tabIndex={-1} className="mt-4 space-y-6" aria-label="Шаги формы">
        {steps.map((s, si) => {
          const p = `form.steps.${si}`;
          const own = problemsUnder(problems, p).length;
          return (
            <li
              key={si}
              onDragOver={(e: DragEvent) => {
                if (dragFrom !== null) e.preventDefault();
              }}
              onDrop={(e) => {
                e.preventDefault();
                if (dragFrom !== null) moveStep(dragFrom, si);
                setDragFrom(null);
              }}
            >
              <section
                aria-labelledby={`${editorId(p)}-heading`}
                id={editorId(p)}
                tabIndex={-1}
                className="rounded-lg border-2 border-slate-300 bg-slate-50 p-4"
              >
                <div className="flex flex-wrap items-center gap-2">
                  {readOnly ? null : (
                    <span
                      draggable
                      onDragStart={(e) => {
                        // A field being dragged is not a step.
                        e.stopPropagation();
                        e.dataTransfer.effectAllowed = "move";
                        e.dataTransfer.setData("text/plain", p);
                        setDragFrom(si);
                      }}
                      onDragEnd={() => setDragFrom(null)}
                      className="cursor-grab select-none rounded border border-slate-400 px-2 text-slate-700"
                      title="Перетащите, чтобы изменить порядок шагов"
                      aria-hidden
                    >
                      ⠿
                    </span>
                  )}
                  <h3 id={`${editorId(p)}-heading`} className="text-lg font-semibold">
                    Шаг {si + 1}. {s.title || "Без названия"}
                  </h3>
                  {own ? <span className="text-sm font-semibold text-red-700">проблем: {own}</span> : null}
                  <span className="grow" />
                  {readOnly ? null : (
                    <>
                      <Button
                        kind="neutral"
                        className="px-2 py-1 text-sm"
                        id={`${editorId(p)}-up`}
                        disabled={si === 0}
                        aria-label={`Переместить шаг «${s.title}» выше`}
                        onClick={() => moveStep(si, si - 1, "up")}
                      >
                        ↑ Выше
                      </Button>
                      <Button
                        kind="neutral"
                        className="px-2 py-1 text-sm"
                        id={`${editorId(p)}-down`}
                        disabled={si === steps.length - 1}
                        aria-label={`Переместить шаг «${s.title}» ниже`}
                        onClick={() => moveStep(si, si + 1, "down")}
                      >
                        ↓ Ниже
                      </Button>
                      <Button
                        kind="link"
                        className="text-sm"
                        aria-label={`Удалить шаг «${s.title}»`}
                        onClick={() => setConfirmStep(si)}
                      >
                        Удалить шаг
                      </Button>
                    </>
                  )}
                </div>
                {confirmStep === si ? (
                  <div
                    role="group"
                    aria-label={`Удаление шага «${s.title}»`}
                    className="mt-2 rounded border-2 border-amber-700 bg-amber-50 p-3"
                  >
                    <p>
                      Удалить шаг «{s.title}» вместе с его полями ({s.fields.length})? Отменить удаление можно кнопкой
                      «Отменить».
                    </p>
                    <div className="mt-2 flex gap-3">
                      <Button onClick={() => removeStep(si)}>Да, удалить шаг</Button>
                      <Button kind="link" onClick={() => setConfirmStep(null)}>
                        Не удалять
                      </Button>
                    </div>
                  </div>
                ) : null}
                <div className="mt-3 grid gap-3 md:grid-cols-2">
                  <TextControl
                    path={`${p}.title`}
                    label="Название шага"
                    required
                    problems={problems}
                    value={s.title}
                    onChange={(v) =>
                      change(`Переименован шаг «${s.title}»`, (d) => void (d.form.steps[si]!.title = v), {
                        coalesce: `${p}.title`,
                      })
                    }
                  />
                  <TextControl
                    path={`${p}.key`}
                    label="Код шага"
                    required
                    problems={problems}
                    value={s.key}
                    onChange={(v) =>
                      change(`Изменён код шага «${s.title}»`, (d) => void (d.form.steps[si]!.key = v), {
                        coalesce: `${p}.key`,
                      })
                    }
                  />
                </div>
                <div className="mt-3">
                  <TextControl
                    path={`${p}.description`}
                    label="Пояснение к шагу"
                    multiline
                    problems={problems}
                    value={s.description ?? ""}
                    onChange={(v) =>
                      change(
                        `Изменено пояснение шага «${s.title}»`,
                        (d) => {
                          if (v) d.form.steps[si]!.description = v;
                          else delete d.form.steps[si]!.description;
                        },
                        { coalesce: `${p}.description` },
                      )
                    }
                  />
                </div>
                <div className="mt-3">
                  <SelectControl
                    path={`${p}.section`}
                    label="Кто заполняет шаг"
                    problems={problems}
                    value={s.section ?? "applicant"}
                    options={SECTION_OPTIONS}
                    onChange={(v) =>
                      change(`Изменено, кто заполняет шаг «${s.title}»`, (d) => {
                        if (v === "co_applicant") d.form.steps[si]!.section = v;
                        else delete d.form.steps[si]!.section;
                      })
                    }
                  />
                </div>
                <VariantTags
                  doc={doc}
                  value={s.variants}
                  idPrefix={editorId(p)}
                  disabled={readOnly}
                  onChange={(v) =>
                    change(`Изменены варианты шага «${s.title}»`, (d) => {
                      if (v) d.form.steps[si]!.variants = v;
                      else delete d.form.steps[si]!.variants;
                    })
                  }
                />
                <h4 className="mt-4 font-semibold">Поля шага «{s.title}»</h4>
                <div id={editorId(`${p}.fields`)} tabIndex={-1} className="mt-2">
                  <FieldList ctx={ctx} listPath={`${p}.fields`} fields={s.fields} nested={false} />
                </div>
              </section>
            </li>
          );
        })}
      </ol>
      {readOnly ? null : (
        <Button kind="secondary" className="mt-4" onClick={addStep}>
          Добавить шаг
        </Button>
      )}
    </div>
  );
}
