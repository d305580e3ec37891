"use client";
// Inter-agency request types (issue 10 p.2, R5): what the authority asks other agencies, from whom,
// the response term, and who sends the request and records the answer (unset: the executor).
import { VariantTags } from "./variant-tags";
import { DEFAULT_REQUEST_ROLES, ROLE_LABEL, type InteragencyRequestType } from "@/server/regulation/document";
import { CodeInput } from "./controls/code-input";
import { DurationInput } from "./controls/duration-input";
import { CheckboxRow, TextRow, optionalText } from "./controls/fields";
import { ListEditor } from "./controls/list-editor";
import { codeProblem, freeCode, moveItem, removeItem } from "./controls/list-ops";
import { RoleSelect } from "./controls/role-select";
import { editorId, type SectionProps } from "./section-props";

const DEFAULT_ROLES_TEXT = DEFAULT_REQUEST_ROLES.map((r) => ROLE_LABEL[r].toLowerCase()).join(", ");

export function RequestsSection({ doc, change, readOnly, problems }: SectionProps) {
  const list = doc.interagencyRequestTypes;
  const edit = (i: number, label: string, mutate: (r: InteragencyRequestType) => void) =>
    change(label, (d) => mutate(d.interagencyRequestTypes[i]!));
  const name = (r: InteragencyRequestType, i: number) => (r.title.trim() ? `Запрос «${r.title}»` : `Запрос ${i + 1}`);
  return (
    <ListEditor
      problems={problems}
      readOnly={readOnly}
      path="interagencyRequestTypes"
      title="Межведомственные запросы"
      hint="Какие сведения запрашиваются в других органах, в каком органе и в какой срок на запрос отвечают."
      emptyText="Регламент не предусматривает межведомственных запросов."
      items={list}
      itemTitle={name}
      addLabel="Добавить вид запроса"
      onAdd={() =>
        change("Добавлен вид межведомственного запроса", (d) =>
          d.interagencyRequestTypes.push({
            code: freeCode(
              d.interagencyRequestTypes.map((r) => r.code),
              "request",
            ),
            title: "Новый запрос",
            agency: "Наименование органа",
            responseDeadline: { value: 5, unit: "working_days" },
          }),
        )
      }
      onRemove={(i) =>
        change(`Удалён вид запроса «${list[i]?.title}»`, (d) => void removeItem(d.interagencyRequestTypes, i))
      }
      onMove={(i, delta) =>
        change(`Перемещён вид запроса «${list[i]?.title}»`, (d) => void moveItem(d.interagencyRequestTypes, i, delta))
      }
      renderItem={(r, i, path) => (
        <>
          <CodeInput
            problems={problems}
            readOnly={readOnly}
            path={`${path}.code`}
            label="Код запроса"
            value={r.code}
            problem={(code) =>
              codeProblem(
                code,
                list.filter((_, k) => k !== i).map((x) => x.code),
              )
            }
            onCommit={(code) => edit(i, `Изменён код запроса «${r.title}»`, (x) => (x.code = code))}
          />
          <TextRow
            problems={problems}
            readOnly={readOnly}
            path={`${path}.title`}
            label="Какие сведения запрашиваются"
            required
            multiline
            rows={2}
            value={r.title}
            onChange={(v) => edit(i, `Изменено наименование запроса ${i + 1}`, (x) => (x.title = v))}
          />
          <TextRow
            problems={problems}
            readOnly={readOnly}
            path={`${path}.agency`}
            label="Орган, в который направляется запрос"
            required
            value={r.agency}
            onChange={(v) => edit(i, `Изменён орган запроса ${i + 1}`, (x) => (x.agency = v))}
          />
          <DurationInput
            problems={problems}
            readOnly={readOnly}
            path={`${path}.responseDeadline`}
            legend="Срок ответа на запрос"
            value={r.responseDeadline}
            onChange={(v) => edit(i, `Изменён срок ответа на запрос ${i + 1}`, (x) => (x.responseDeadline = v!))}
          />
          <CheckboxRow
            problems={problems}
            readOnly={readOnly}
            path={`${path}.roles.default`}
            id={`${editorId(`${path}.roles`)}-default`}
            label={`Запрос направляет и ответ вносит ${DEFAULT_ROLES_TEXT} (как обычно)`}
            checked={r.roles === undefined}
            onChange={(on) =>
              edit(i, `Изменено, кто работает с запросом ${i + 1}`, (x) => {
                if (on) delete x.roles;
                else x.roles = [...DEFAULT_REQUEST_ROLES] as NonNullable<InteragencyRequestType["roles"]>;
              })
            }
          />
          {r.roles !== undefined ? (
            <RoleSelect
              problems={problems}
              readOnly={readOnly}
              path={`${path}.roles`}
              legend="Кто направляет запрос и вносит ответ"
              value={r.roles}
              onChange={(roles) => edit(i, `Изменено, кто работает с запросом ${i + 1}`, (x) => (x.roles = roles))}
            />
          ) : null}
          <TextRow
            problems={problems}
            readOnly={readOnly}
            path={`${path}.ref`}
            label="Пункт регламента"
            width="w-48"
            value={r.ref}
            onChange={(v) => edit(i, `Изменён пункт регламента запроса ${i + 1}`, (x) => (x.ref = optionalText(v)))}
          />
          <VariantTags
            doc={doc}
            value={r.variants}
            idPrefix={editorId(path)}
            disabled={readOnly}
            onChange={(v) =>
              edit(i, `Изменены варианты запроса ${i + 1}`, (x) => {
                if (v) x.variants = v;
                else delete x.variants;
              })
            }
          />
        </>
      )}
    />
  );
}
