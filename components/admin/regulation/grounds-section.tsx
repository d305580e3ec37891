"use client";
// Refusal grounds (issue 10 p.2, R25): the exhaustive lists a refusal may cite — of the service and
// of the intake of documents. Removing the last ground of a list that a transition requires asks
// first: such a refusal would become impossible (validateDocument then reports the transition).
import { VariantTags } from "./variant-tags";
import type { GroundDef } from "@/server/regulation/document";
import { CodeInput } from "./controls/code-input";
import { TextRow, optionalText } from "./controls/fields";
import { ListEditor } from "./controls/list-editor";
import { codeProblem, freeCode, moveItem, removeItem } from "./controls/list-ops";
import { groundRemovalQuestion } from "./lists-edit";
import { editorId, type SectionProps } from "./section-props";

const LISTS = {
  service: {
    path: "serviceRefusalGrounds",
    title: "Основания для отказа в предоставлении услуги",
    hint: "Исчерпывающий перечень: сотрудник, отказывая в услуге, выбирает основания только из него.",
    empty: "Оснований нет.",
  },
  intake: {
    path: "intakeRefusalGrounds",
    title: "Основания для отказа в приёме документов",
    hint: "Исчерпывающий перечень. Если регламент таких оснований не предусматривает, оставьте список пустым.",
    empty: "Оснований нет: в приёме документов не отказывают.",
  },
} as const;

export function GroundsSection({ doc, change, readOnly, problems }: SectionProps) {
  return (
    <div className="space-y-8">
      {(["service", "intake"] as const).map((kind) => {
        const meta = LISTS[kind];
        const grounds: GroundDef[] = doc[meta.path];
        const edit = (label: string, mutate: (list: GroundDef[]) => void) => change(label, (d) => mutate(d[meta.path]));
        const name = (g: GroundDef, i: number) => `Основание ${i + 1}${g.code ? ` (${g.code})` : ""}`;
        return (
          <ListEditor
            key={kind}
            problems={problems}
            readOnly={readOnly}
            path={meta.path}
            title={meta.title}
            hint={meta.hint}
            emptyText={meta.empty}
            items={grounds}
            itemTitle={name}
            addLabel="Добавить основание"
            onAdd={() =>
              edit(`${meta.title}: добавлено основание`, (list) =>
                list.push({
                  code: freeCode(
                    list.map((g) => g.code),
                    "ground",
                  ),
                  text: "Текст основания",
                }),
              )
            }
            confirmRemove={(i) => groundRemovalQuestion(doc, kind, i)}
            onRemove={(i) => edit(`${meta.title}: удалено основание ${i + 1}`, (list) => void removeItem(list, i))}
            onMove={(i, delta) =>
              edit(`${meta.title}: перемещено основание ${i + 1}`, (list) => void moveItem(list, i, delta))
            }
            renderItem={(g, i, path) => (
              <>
                <CodeInput
                  problems={problems}
                  readOnly={readOnly}
                  path={`${path}.code`}
                  label="Код основания"
                  value={g.code}
                  problem={(code) =>
                    codeProblem(
                      code,
                      grounds.filter((_, k) => k !== i).map((x) => x.code),
                    )
                  }
                  onCommit={(code) =>
                    edit(`${meta.title}: изменён код основания ${i + 1}`, (list) => void (list[i]!.code = code))
                  }
                />
                <TextRow
                  problems={problems}
                  readOnly={readOnly}
                  path={`${path}.text`}
                  label="Текст основания (как в регламенте)"
                  required
                  multiline
                  value={g.text}
                  onChange={(v) =>
                    edit(`${meta.title}: изменён текст основания ${i + 1}`, (list) => void (list[i]!.text = v))
                  }
                />
                <TextRow
                  problems={problems}
                  readOnly={readOnly}
                  path={`${path}.ref`}
                  label="Пункт регламента"
                  width="w-48"
                  value={g.ref}
                  onChange={(v) =>
                    edit(
                      `${meta.title}: изменён пункт основания ${i + 1}`,
                      (list) => void (list[i]!.ref = optionalText(v)),
                    )
                  }
                />
                <VariantTags
                  doc={doc}
                  value={g.variants}
                  idPrefix={editorId(path)}
                  disabled={readOnly}
                  onChange={(v) =>
                    edit(`${meta.title}: изменены варианты основания ${i + 1}`, (list) => {
                      if (v) list[i]!.variants = v;
                      else delete list[i]!.variants;
                    })
                  }
                />
              </>
            )}
          />
        );
      })}
    </div>
  );
}
