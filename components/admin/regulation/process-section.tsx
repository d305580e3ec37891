"use client";
// The process (issue 10 p.2; R1, R2, R4, R7): the graph, the initial stage, the stages (who answers,
// deadline and what it is counted from, final stage and its outcome, what the applicant reads) and
// the transitions (from, to, who, what they require, what they do to the result document). A stage's
// code is renamed together with the transitions and the initial stage that name it, and deleting a
// stage says first which transitions go with it (process-edit.ts).
import {
  OUTCOMES,
  type Outcome,
  type RegulationDocument,
  type TransitionDef,
  type TransitionEffect,
} from "@/server/regulation/document";
import { Button } from "@/components/ui/button";
import { OUTCOME_LABEL } from "@/components/ui/status";
import { CodeInput } from "./controls/code-input";
import { DurationInput } from "./controls/duration-input";
import { CheckboxRow, Group, SelectRow, TextRow, optionalText } from "./controls/fields";
import { ListEditor } from "./controls/list-editor";
import { codeProblem, moveItem, removeItem } from "./controls/list-ops";
import { RoleSelect } from "./controls/role-select";
import { VariantTags } from "./variant-tags";
import { ProcessGraph } from "./process-graph";
import {
  newStage,
  newTransition,
  removeStage,
  renameStage,
  stageKeyProblem,
  stageRemovalSummary,
} from "./process-edit";
import { editorId, type SectionProps } from "./section-props";

export const TRANSITION_KIND_LABEL: Record<TransitionDef["kind"], string> = {
  normal: "Обычный переход",
  grant: "Решение о предоставлении услуги",
  refusal: "Отказ в предоставлении услуги",
  intake_refusal: "Отказ в приёме документов",
};

export const EFFECT_LABEL: Record<TransitionEffect, string> = {
  generate_result: "Сформировать документ",
  sign_result: "Подписать",
  register_result: "Зарегистрировать (исходящий номер)",
  issue_result: "Выдать способом, выбранным заявителем",
  issue_by_post: "Направить почтой",
  await_pickup: "Ожидать получения лично",
};
const EFFECTS = Object.keys(EFFECT_LABEL) as TransitionEffect[];

const GROUNDS_LABEL = {
  service: "Основания из перечня оснований для отказа в услуге",
  intake: "Основания из перечня оснований для отказа в приёме документов",
} as const;

export function ProcessSection({ doc, change, readOnly, problems }: SectionProps) {
  const common = { problems, readOnly };
  const stageChoices = doc.stages.map((s) => ({ value: s.key, label: `${s.title || "Без названия"} (${s.key})` }));
  const stageTitle = (i: number) => doc.stages[i]?.title || doc.stages[i]?.key || "";
  const editStage = (i: number, label: string, mutate: (s: RegulationDocument["stages"][number]) => void) =>
    change(label, (d) => mutate(d.stages[i]!));
  const editTransition = (i: number, label: string, mutate: (t: TransitionDef) => void) =>
    change(label, (d) => mutate(d.transitions[i]!));
  const transitionName = (t: TransitionDef) => t.title || t.key;

  return (
    <div className="space-y-8">
      <section aria-labelledby="process-graph-title" className="space-y-2">
        <h3 id="process-graph-title" className="text-lg font-semibold">
          Схема процесса
        </h3>
        <ProcessGraph doc={doc} />
      </section>

      <SelectRow
        {...common}
        path="initialStage"
        label="Начальный этап"
        hint="С него начинается рассмотрение каждого поданного заявления."
        value={doc.initialStage}
        options={stageChoices}
        width="w-full max-w-xl"
        onChange={(v) =>
          change(
            `Начальным этапом стал «${doc.stages.find((s) => s.key === v)?.title ?? v}»`,
            (d) => (d.initialStage = v),
          )
        }
      />

      <ListEditor
        {...common}
        path="stages"
        title="Этапы (административные процедуры)"
        items={doc.stages}
        itemTitle={(s, i) => `Этап «${s.title || s.key || i + 1}»`}
        addLabel="Добавить этап"
        minItems={1}
        onAdd={() => change("Добавлен этап", (d) => void d.stages.push(newStage(d)))}
        confirmRemove={(i) => stageRemovalSummary(doc, i)}
        onRemove={(i) => change(`Удалён этап «${stageTitle(i)}»`, (d) => void removeStage(d, i))}
        onMove={(i, delta) => change(`Перемещён этап «${stageTitle(i)}»`, (d) => void moveItem(d.stages, i, delta))}
        renderItem={(s, i, path) => (
          <>
            <CodeInput
              {...common}
              path={`${path}.key`}
              label="Код этапа"
              value={s.key}
              problem={(code) => stageKeyProblem(doc, i, code)}
              onCommit={(code) =>
                change(`Код этапа «${stageTitle(i)}» изменён на «${code}»`, (d) => void renameStage(d, i, code))
              }
            />
            <TextRow
              {...common}
              path={`${path}.title`}
              label="Наименование этапа"
              required
              multiline
              rows={2}
              value={s.title}
              onChange={(v) => editStage(i, `Изменено наименование этапа «${stageTitle(i)}»`, (st) => (st.title = v))}
            />
            <TextRow
              {...common}
              path={`${path}.description`}
              label="Содержание процедуры"
              multiline
              value={s.description}
              onChange={(v) =>
                editStage(i, `Изменено содержание этапа «${stageTitle(i)}»`, (st) => (st.description = optionalText(v)))
              }
            />
            <RoleSelect
              {...common}
              path={`${path}.responsibleRoles`}
              legend="Кто отвечает за этап"
              value={s.responsibleRoles}
              onChange={(roles) =>
                editStage(i, `Изменены ответственные за этап «${stageTitle(i)}»`, (st) => (st.responsibleRoles = roles))
              }
            />
            <DurationInput
              {...common}
              path={`${path}.deadline`}
              legend="Срок этапа"
              withFrom
              value={s.deadline}
              optional={{
                label: "Срок установлен",
                fallback: { value: 1, unit: "working_days", from: "stage_entry" },
              }}
              onChange={(v) => editStage(i, `Срок этапа «${stageTitle(i)}» изменён`, (st) => (st.deadline = v))}
            />
            <CheckboxRow
              {...common}
              path={`${path}.final`}
              label="Конечный этап (рассмотрение заявления на нём завершается)"
              checked={!!s.final}
              onChange={(on) =>
                editStage(
                  i,
                  on ? `Этап «${stageTitle(i)}» стал конечным` : `Этап «${stageTitle(i)}» больше не конечный`,
                  (st) => {
                    if (on) {
                      st.final = true;
                      st.outcome ??= "granted";
                    } else {
                      delete st.final;
                      delete st.outcome;
                    }
                  },
                )
              }
            />
            {s.final || s.outcome ? (
              <SelectRow
                {...common}
                path={`${path}.outcome`}
                label="Итог рассмотрения"
                value={s.outcome}
                options={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABEL[o]! }))}
                onChange={(v) =>
                  editStage(
                    i,
                    `Изменён итог этапа «${stageTitle(i)}»`,
                    (st) => (st.outcome = (v || undefined) as Outcome),
                  )
                }
              />
            ) : null}
            <TextRow
              {...common}
              path={`${path}.shortTitle`}
              label="Название этапа для заявителя"
              hint="Коротко и простыми словами, например «Проверка запроса». Полное название из регламента заявитель увидит по запросу."
              value={s.shortTitle}
              onChange={(v) =>
                editStage(
                  i,
                  `Изменено название для заявителя этапа «${stageTitle(i)}»`,
                  (st) => (st.shortTitle = optionalText(v)),
                )
              }
            />
            <TextRow
              {...common}
              path={`${path}.applicantNote`}
              label="Что видит заявитель на этом этапе"
              hint="Простыми словами: что происходит с заявлением и чего ждать."
              multiline
              rows={2}
              value={s.applicantNote}
              onChange={(v) =>
                editStage(
                  i,
                  `Изменён текст для заявителя на этапе «${stageTitle(i)}»`,
                  (st) => (st.applicantNote = optionalText(v)),
                )
              }
            />
            <TextRow
              {...common}
              path={`${path}.ref`}
              label="Пункт регламента"
              width="w-48"
              value={s.ref}
              onChange={(v) =>
                editStage(i, `Изменён пункт регламента этапа «${stageTitle(i)}»`, (st) => (st.ref = optionalText(v)))
              }
            />
            <VariantTags
              doc={doc}
              value={s.variants}
              idPrefix={editorId(path)}
              disabled={readOnly}
              onChange={(v) =>
                editStage(i, `Изменены варианты этапа «${stageTitle(i)}»`, (st) => {
                  if (v) st.variants = v;
                  else delete st.variants;
                })
              }
            />
          </>
        )}
      />

      <ListEditor
        {...common}
        path="transitions"
        title="Переходы между этапами (действия сотрудников)"
        items={doc.transitions}
        itemTitle={(t) => `Переход «${transitionName(t)}»`}
        addLabel="Добавить переход"
        emptyText="Переходов нет."
        onAdd={() => change("Добавлен переход", (d) => void d.transitions.push(newTransition(d)))}
        onRemove={(i) =>
          change(`Удалён переход «${transitionName(doc.transitions[i]!)}»`, (d) => void removeItem(d.transitions, i))
        }
        onMove={(i, delta) =>
          change(
            `Перемещён переход «${transitionName(doc.transitions[i]!)}»`,
            (d) => void moveItem(d.transitions, i, delta),
          )
        }
        renderItem={(t, i, path) => {
          const name = transitionName(t);
          return (
            <>
              <CodeInput
                {...common}
                path={`${path}.key`}
                label="Код перехода"
                value={t.key}
                problem={(code) =>
                  codeProblem(
                    code,
                    doc.transitions.filter((_, k) => k !== i).map((x) => x.key),
                  )
                }
                onCommit={(code) =>
                  editTransition(i, `Код перехода «${name}» изменён на «${code}»`, (x) => (x.key = code))
                }
              />
              <TextRow
                {...common}
                path={`${path}.title`}
                label="Наименование действия (надпись на кнопке сотрудника)"
                required
                value={t.title}
                onChange={(v) => editTransition(i, `Изменено наименование перехода «${name}»`, (x) => (x.title = v))}
              />
              <div className="grid gap-3 md:grid-cols-2">
                <SelectRow
                  {...common}
                  path={`${path}.from`}
                  label="Из этапа"
                  value={t.from}
                  options={stageChoices}
                  onChange={(v) =>
                    editTransition(i, `Изменён этап, из которого ведёт переход «${name}»`, (x) => (x.from = v))
                  }
                />
                <SelectRow
                  {...common}
                  path={`${path}.to`}
                  label="В этап"
                  value={t.to}
                  options={stageChoices}
                  onChange={(v) =>
                    editTransition(i, `Изменён этап, в который ведёт переход «${name}»`, (x) => (x.to = v))
                  }
                />
              </div>
              <RoleSelect
                {...common}
                path={`${path}.roles`}
                legend="Кто выполняет переход"
                value={t.roles}
                onChange={(roles) =>
                  editTransition(i, `Изменены исполнители перехода «${name}»`, (x) => (x.roles = roles))
                }
              />
              <SelectRow
                {...common}
                path={`${path}.kind`}
                label="Вид перехода"
                hint="При отказе сотрудник выбирает основания из перечня регламента, и они попадают в уведомление."
                value={t.kind}
                options={Object.entries(TRANSITION_KIND_LABEL).map(([value, label]) => ({ value, label }))}
                onChange={(v) =>
                  editTransition(i, `Изменён вид перехода «${name}»`, (x) => {
                    x.kind = v as TransitionDef["kind"];
                    // A refusal must cite its list (validateDocument): choose it with the kind.
                    if (x.kind === "refusal") x.requires.refusalGrounds = "service";
                    if (x.kind === "intake_refusal") x.requires.refusalGrounds = "intake";
                  })
                }
              />
              <Group path={`${path}.requires`} legend="Что сотрудник указывает при переходе" problems={problems}>
                <SelectRow
                  {...common}
                  path={`${path}.requires.refusalGrounds`}
                  label="Основания отказа"
                  value={t.requires.refusalGrounds ?? ""}
                  empty="Не требуются"
                  options={Object.entries(GROUNDS_LABEL).map(([value, label]) => ({ value, label }))}
                  onChange={(v) =>
                    editTransition(i, `Изменены основания отказа перехода «${name}»`, (x) => {
                      if (v) x.requires.refusalGrounds = v as "service" | "intake";
                      else delete x.requires.refusalGrounds;
                    })
                  }
                />
                {(
                  [
                    ["resultType", "Вид результата (документа)"],
                    ["executor", "Исполнителя (назначение специалиста)"],
                    ["comment", "Комментарий (для формируемого документа — его текст)"],
                  ] as const
                ).map(([flag, label]) => (
                  <CheckboxRow
                    {...common}
                    key={flag}
                    path={`${path}.requires.${flag}`}
                    label={label}
                    checked={!!t.requires[flag]}
                    onChange={(on) =>
                      editTransition(i, `Изменено, что требует переход «${name}»`, (x) => {
                        if (on) x.requires[flag] = true;
                        else delete x.requires[flag];
                      })
                    }
                  />
                ))}
              </Group>
              <EffectsEditor
                {...common}
                path={`${path}.effects`}
                effects={t.effects ?? []}
                onChange={(label, mutate) =>
                  editTransition(i, `${label} (переход «${name}»)`, (x) => {
                    const list = [...(x.effects ?? [])];
                    mutate(list);
                    if (list.length) x.effects = list;
                    else delete x.effects;
                  })
                }
              />
              <TextRow
                {...common}
                path={`${path}.ref`}
                label="Пункт регламента"
                width="w-48"
                value={t.ref}
                onChange={(v) =>
                  editTransition(i, `Изменён пункт регламента перехода «${name}»`, (x) => (x.ref = optionalText(v)))
                }
              />
              <VariantTags
                doc={doc}
                value={t.variants}
                idPrefix={editorId(path)}
                disabled={readOnly}
                onChange={(v) =>
                  editTransition(i, `Изменены варианты перехода «${name}»`, (x) => {
                    if (v) x.variants = v;
                    else delete x.variants;
                  })
                }
              />
            </>
          );
        }}
      />
    </div>
  );
}

/**
 * The effects of a transition: which (checkboxes) and in what order (S2 registers the result before
 * it is signed, S1 signs first), so the order is the document's, changed only by «Раньше»/«Позже»;
 * a newly ticked effect goes last.
 */
function EffectsEditor({
  path,
  effects,
  onChange,
  problems,
  readOnly,
}: {
  path: string;
  effects: readonly TransitionEffect[];
  onChange: (label: string, mutate: (list: TransitionEffect[]) => void) => void;
  problems: SectionProps["problems"];
  readOnly: boolean;
}) {
  return (
    <Group path={path} legend="Что переход делает с документом-результатом" problems={problems}>
      {EFFECTS.map((effect) => (
        <CheckboxRow
          key={effect}
          problems={problems}
          readOnly={readOnly}
          path={`${path}.${effect}`}
          label={EFFECT_LABEL[effect]}
          checked={effects.includes(effect)}
          onChange={(on) =>
            onChange(
              on ? `Добавлено действие «${EFFECT_LABEL[effect]}»` : `Убрано действие «${EFFECT_LABEL[effect]}»`,
              (list) => {
                const at = list.indexOf(effect);
                if (on && at < 0) list.push(effect);
                if (!on && at >= 0) list.splice(at, 1);
              },
            )
          }
        />
      ))}
      {effects.length > 1 ? (
        <div>
          <p className="font-medium">Порядок выполнения</p>
          <ol className="mt-1 list-inside list-decimal space-y-1">
            {effects.map((effect, k) => (
              <li key={effect}>
                {EFFECT_LABEL[effect]}
                {readOnly ? null : (
                  <>
                    <Button
                      kind="link"
                      disabled={k === 0}
                      aria-label={`${EFFECT_LABEL[effect]}: выполнять раньше`}
                      onClick={() => onChange(`Изменён порядок действий`, (list) => void moveItem(list, k, -1))}
                    >
                      Раньше
                    </Button>
                    <Button
                      kind="link"
                      disabled={k === effects.length - 1}
                      aria-label={`${EFFECT_LABEL[effect]}: выполнять позже`}
                      onClick={() => onChange(`Изменён порядок действий`, (list) => void moveItem(list, k, 1))}
                    >
                      Позже
                    </Button>
                  </>
                )}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </Group>
  );
}
