"use client";
// One field of the regulation's form in the editor (issue 10 p.2, R13-R16), and a list of fields
// (a step's, or a repeating group's sub-fields, recursively). Every control has the id of the path it
// edits; the order changes by drag and drop or, equally, by the «Выше» / «Ниже» buttons, and the new
// position is announced.
import { useState, type DragEvent } from "react";
import {
  DELIVERY,
  DELIVERY_WAY,
  FIELD_ROLE_LABEL,
  FIELD_TYPES,
  PREFILL_SOURCES,
  type Condition,
  type DocumentProblem,
  type FieldDef,
  type RegulationDocument,
} from "@/server/regulation/document";
import { Button } from "@/components/ui/button";
import { CheckControl, NumberControl, SelectControl, TextControl } from "./editor-controls";
import {
  FIELD_TYPE_LABEL,
  PREFILL_LABEL,
  TEXT_TYPES,
  allFields,
  at,
  freshKey,
  hasOptions,
  move,
  newField,
  renameKey,
  retype,
  rolesForType,
  setAt,
} from "./form-model";
import { VariantTags } from "./variant-tags";
import { editorId, problemsUnder, type SectionProps } from "./section-props";

export type FormCtx = SectionProps & {
  /** Says something to screen readers (a move, a deletion). */
  announce: (text: string) => void;
  /** Paths of fields just added: their settings open at once. */
  fresh: Set<string>;
  markFresh: (path: string) => void;
};

/** Focuses a control once React has rendered the change (a moved item's button, a new field). */
export function focusSoon(id: string, fallback?: string) {
  requestAnimationFrame(() => {
    const el = document.getElementById(id) as HTMLButtonElement | null;
    if (el && !el.disabled) el.focus();
    else if (fallback) document.getElementById(fallback)?.focus();
  });
}

type ListProps = {
  ctx: FormCtx;
  /** The path of the list: form.steps.0.fields or …fields.3.fields. */
  listPath: string;
  fields: FieldDef[];
  /** Sub-fields of a group: no roles, no moves to another step. */
  nested: boolean;
};

export function FieldList({ ctx, listPath, fields, nested }: ListProps) {
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [addType, setAddType] = useState<FieldDef["type"]>("text");
  const label = (f: FieldDef) => `«${f.label || f.key}»`;

  const reorder = (from: number, to: number, focusButton?: "up" | "down") => {
    const f = fields[from];
    if (!f) return;
    ctx.change(`Перемещено поле ${label(f)}`, (d) => {
      move(at(d, listPath) as FieldDef[], from, to);
    });
    ctx.announce(`Поле ${label(f)} перемещено на позицию ${to + 1} из ${fields.length}`);
    if (focusButton) {
      const base = editorId(`${listPath}.${to}`);
      focusSoon(`${base}-${focusButton}`, `${base}-${focusButton === "up" ? "down" : "up"}`);
    }
  };

  const add = () => {
    ctx.change(`Добавлено поле «${FIELD_TYPE_LABEL[addType]}»`, (d) => {
      (at(d, listPath) as FieldDef[]).push(newField(addType, freshKey(d)));
    });
    const path = `${listPath}.${fields.length}`;
    ctx.markFresh(path);
    focusSoon(editorId(`${path}.label`));
  };

  const onDrop = (e: DragEvent, to: number) => {
    e.preventDefault();
    if (dragFrom !== null) reorder(dragFrom, to);
    setDragFrom(null);
    setOver(null);
  };

  return (
    <div>
      {fields.length === 0 ? <p className="text-sm text-slate-700">Полей пока нет.</p> : null}
      <ol className="space-y-3" aria-label={nested ? "Поля группы" : "Поля шага"}>
        {fields.map((f, i) => (
          <li
            key={i}
            onDragOver={(e) => {
              if (dragFrom === null) return;
              e.preventDefault();
              setOver(i);
            }}
            onDragLeave={() => setOver((o) => (o === i ? null : o))}
            onDrop={(e) => onDrop(e, i)}
            className={`rounded border bg-white ${over === i && dragFrom !== i ? "border-brand-700 ring-2 ring-brand-700" : "border-slate-300"}`}
            data-testid="field-item"
          >
            <FieldEditor
              ctx={ctx}
              path={`${listPath}.${i}`}
              field={f}
              index={i}
              count={fields.length}
              nested={nested}
              onMove={(to, focusButton) => reorder(i, to, focusButton)}
              onDragStart={() => setDragFrom(i)}
              onDragEnd={() => {
                setDragFrom(null);
                setOver(null);
              }}
            />
          </li>
        ))}
      </ol>
      {ctx.readOnly ? null : (
        <div className="mt-3 flex flex-wrap items-end gap-2">
          <SelectControl
            path={`${listPath}.__new`}
            label={nested ? "Тип нового поля группы" : "Тип нового поля"}
            problems={[]}
            value={addType}
            options={FIELD_TYPES.filter((t) => !nested || t !== "group").map((t) => ({
              value: t,
              label: FIELD_TYPE_LABEL[t],
            }))}
            onChange={(v) => v && setAddType(v)}
          />
          <Button kind="secondary" onClick={add}>
            {nested ? "Добавить поле в группу" : "Добавить поле"}
          </Button>
        </div>
      )}
    </div>
  );
}

type FieldProps = {
  ctx: FormCtx;
  path: string;
  field: FieldDef;
  index: number;
  count: number;
  nested: boolean;
  onMove: (to: number, focusButton: "up" | "down") => void;
  onDragStart: () => void;
  onDragEnd: () => void;
};

function FieldEditor({ ctx, path, field: f, index, count, nested, onMove, onDragStart, onDragEnd }: FieldProps) {
  const { problems, doc } = ctx;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [moveTo, setMoveTo] = useState("");
  const own = problemsUnder(problems, path);
  const name = `«${f.label || f.key}»`;
  const set = (sub: string, value: unknown, what: string) =>
    ctx.change(`Изменено поле ${name}: ${what}`, (d) => setAt(d, `${path}.${sub}`, value), {
      coalesce: `${path}.${sub}`,
    });
  const stepIndex = Number(path.split(".")[2]);

  const remove = () => {
    ctx.change(`Удалено поле ${name}`, (d) => {
      const listPath = path.split(".").slice(0, -1).join(".");
      (at(d, listPath) as FieldDef[]).splice(index, 1);
    });
    ctx.announce(`Поле ${name} удалено`);
    setConfirmDelete(false);
  };

  const moveToStep = () => {
    const to = Number(moveTo);
    if (!Number.isInteger(to) || to === stepIndex) return;
    ctx.change(`Поле ${name} перенесено в шаг «${doc.form.steps[to]?.title ?? to + 1}»`, (d) => {
      const [item] = d.form.steps[stepIndex]!.fields.splice(index, 1);
      d.form.steps[to]!.fields.push(item!);
    });
    ctx.announce(`Поле ${name} перенесено в шаг «${doc.form.steps[to]?.title ?? to + 1}»`);
    setMoveTo("");
  };

  const others = allFields(doc).filter((x) => x.key !== f.key);
  const roles = rolesForType(f.type);
  const roleOptions = [...roles, ...(f.role && !roles.includes(f.role) ? [f.role] : [])].map((r) => ({
    value: r,
    label: FIELD_ROLE_LABEL[r],
  }));

  return (
    <div>
      <div className="flex flex-wrap items-center gap-2 p-3">
        {ctx.readOnly ? null : (
          <span
            draggable
            onDragStart={(e) => {
              e.dataTransfer.effectAllowed = "move";
              e.dataTransfer.setData("text/plain", path);
              onDragStart();
            }}
            onDragEnd={onDragEnd}
            className="cursor-grab select-none rounded border border-slate-400 px-2 text-slate-700"
            title="Перетащите, чтобы изменить порядок"
            aria-hidden
          >
            ⠿
          </span>
        )}
        <span className="font-semibold">
          {index + 1}. {f.label || "Без названия"}
        </span>
        <span className="text-sm text-slate-600">
          {FIELD_TYPE_LABEL[f.type] ?? f.type}, <code>{f.key}</code>
          {f.required ? ", обязательное" : ""}
          {f.showIf ? ", с условием" : ""}
        </span>
        {own.length ? (
          <span className="text-sm font-semibold text-red-700">
            {own.length} {own.length === 1 ? "проблема" : "пробл."}
          </span>
        ) : null}
        <span className="grow" />
        {ctx.readOnly ? null : (
          <>
            <Button
              kind="neutral"
              className="px-2 py-1 text-sm"
              id={`${editorId(path)}-up`}
              disabled={index === 0}
              aria-label={`Переместить поле ${name} выше`}
              onClick={() => onMove(index - 1, "up")}
            >
              ↑ Выше
            </Button>
            <Button
              kind="neutral"
              className="px-2 py-1 text-sm"
              id={`${editorId(path)}-down`}
              disabled={index === count - 1}
              aria-label={`Переместить поле ${name} ниже`}
              onClick={() => onMove(index + 1, "down")}
            >
              ↓ Ниже
            </Button>
            <Button
              kind="link"
              className="text-sm"
              onClick={() => setConfirmDelete(true)}
              aria-label={`Удалить поле ${name}`}
            >
              Удалить
            </Button>
          </>
        )}
      </div>
      {confirmDelete ? (
        <div
          role="group"
          aria-label={`Удаление поля ${name}`}
          className="mx-3 mb-3 rounded border-2 border-amber-700 bg-amber-50 p-3"
        >
          <p>Удалить поле {name}? Отменить удаление можно кнопкой «Отменить».</p>
          <div className="mt-2 flex gap-3">
            <Button onClick={remove}>Да, удалить поле</Button>
            <Button kind="link" onClick={() => setConfirmDelete(false)}>
              Не удалять
            </Button>
          </div>
        </div>
      ) : null}
      <details id={editorId(path)} open={ctx.fresh.has(path) || undefined} className="border-t border-slate-200">
        <summary className="cursor-pointer px-3 py-2 text-sm text-brand-700 underline">
          Настройки поля<span className="sr-only"> {name}</span>
        </summary>
        <div className="space-y-3 p-3 pt-0">
          <div className="grid gap-3 md:grid-cols-2">
            <TextControl
              path={`${path}.label`}
              label="Название поля"
              required
              problems={problems}
              value={f.label}
              onChange={(v) => set("label", v, "название")}
            />
            <TextControl
              path={`${path}.key`}
              label="Код поля"
              required
              hint="Латиница в нижнем регистре, цифры и _; условия на поле следуют за новым кодом"
              problems={problems}
              value={f.key}
              onChange={(v) =>
                ctx.change(
                  `Изменено поле ${name}: код`,
                  (d) => {
                    setAt(d, `${path}.key`, v);
                    if (!nested) renameKey(d, f.key, v);
                  },
                  { coalesce: `${path}.key` },
                )
              }
            />
          </div>
          <SelectControl
            path={`${path}.type`}
            label="Тип поля"
            problems={problems}
            value={f.type}
            options={FIELD_TYPES.filter((t) => !nested || t !== "group").map((t) => ({
              value: t,
              label: FIELD_TYPE_LABEL[t],
            }))}
            onChange={(v) => v && ctx.change(`Изменён тип поля ${name}`, (d) => retype(at(d, path) as FieldDef, v))}
          />
          <TextControl
            path={`${path}.hint`}
            label="Подсказка"
            multiline
            problems={problems}
            value={f.hint ?? ""}
            onChange={(v) => set("hint", v || undefined, "подсказка")}
          />
          <CheckControl
            path={`${path}.required`}
            label="Обязательное поле"
            problems={problems}
            checked={!!f.required}
            onChange={(v) => set("required", v || undefined, "обязательность")}
          />
          {nested ? null : (
            <SelectControl
              path={`${path}.role`}
              label="Роль поля"
              hint="Что поле значит для системы: имя заявителя, адрес для письма, способ получения результата…"
              problems={problems}
              value={f.role}
              empty="— нет —"
              options={roleOptions}
              onChange={(v) => ctx.change(`Изменена роль поля ${name}`, (d) => setAt(d, `${path}.role`, v))}
            />
          )}
          <SelectControl
            path={`${path}.prefill`}
            label="Заполнять из профиля заявителя"
            problems={problems}
            value={f.prefill}
            empty="— не заполнять —"
            options={PREFILL_SOURCES.map((p) => ({ value: p, label: PREFILL_LABEL[p] }))}
            onChange={(v) =>
              ctx.change(`Изменено поле ${name}: заполнение из профиля`, (d) => setAt(d, `${path}.prefill`, v))
            }
          />
          {hasOptions(f.type) ? <OptionsEditor ctx={ctx} path={path} field={f} /> : null}
          <ValidationEditor ctx={ctx} path={path} field={f} />
          <ConditionEditor ctx={ctx} path={`${path}.showIf`} field={f} cond={f.showIf} others={others} name={name} />
          <VariantTags
            doc={doc}
            value={f.variants}
            idPrefix={editorId(path)}
            disabled={ctx.readOnly}
            onChange={(v) => ctx.change(`Изменены варианты поля ${name}`, (d) => setAt(d, `${path}.variants`, v))}
          />
          {f.type === "file" ? (
            <fieldset className="rounded border border-slate-300 p-3">
              <legend className="px-1 font-medium">Файлы</legend>
              <TextControl
                path={`${path}.accept`}
                label="Допустимые типы файлов"
                hint="Через запятую, например application/pdf, image/jpeg; пусто — все поддерживаемые"
                problems={problemsUnder(problems, `${path}.accept`).map((p) => ({ ...p, path: `${path}.accept` }))}
                value={(f.accept ?? []).join(", ")}
                onChange={(v) => {
                  const list = v
                    .split(",")
                    .map((s) => s.trim())
                    .filter(Boolean);
                  set("accept", v.trim() ? list : undefined, "типы файлов");
                }}
              />
              <div className="mt-2 flex flex-wrap gap-4">
                <NumberControl
                  path={`${path}.maxSizeMb`}
                  label="Наибольший размер, МБ"
                  problems={problems}
                  value={f.maxSizeMb}
                  onChange={(v) => set("maxSizeMb", v, "размер файла")}
                />
                <NumberControl
                  path={`${path}.maxFiles`}
                  label="Наибольшее число файлов"
                  problems={problems}
                  value={f.maxFiles}
                  onChange={(v) => set("maxFiles", v, "число файлов")}
                />
              </div>
            </fieldset>
          ) : null}
          {f.type === "group" ? (
            <fieldset id={editorId(`${path}.fields`)} tabIndex={-1} className="rounded border border-slate-300 p-3">
              <legend className="px-1 font-medium">Поля группы {name}</legend>
              <div className="mb-3 flex flex-wrap gap-4">
                <NumberControl
                  path={`${path}.minItems`}
                  label="Не меньше записей"
                  problems={problems}
                  value={f.minItems}
                  onChange={(v) => set("minItems", v, "наименьшее число записей")}
                />
                <NumberControl
                  path={`${path}.maxItems`}
                  label="Не больше записей"
                  problems={problems}
                  value={f.maxItems}
                  onChange={(v) => set("maxItems", v, "наибольшее число записей")}
                />
              </div>
              <FieldList ctx={ctx} listPath={`${path}.fields`} fields={f.fields ?? []} nested />
            </fieldset>
          ) : null}
          {!nested && !ctx.readOnly && doc.form.steps.length > 1 ? (
            <div className="flex flex-wrap items-end gap-2">
              <SelectControl
                path={`${path}.__step`}
                label="Перенести в шаг"
                problems={[]}
                value={moveTo || undefined}
                empty="— выберите шаг —"
                options={doc.form.steps
                  .map((s, i) => ({ value: String(i), label: s.title }))
                  .filter((o) => o.value !== String(stepIndex))}
                onChange={(v) => setMoveTo(v ?? "")}
              />
              <Button kind="secondary" disabled={!moveTo} onClick={moveToStep}>
                Перенести
              </Button>
            </div>
          ) : null}
        </div>
      </details>
    </div>
  );
}

function OptionsEditor({ ctx, path, field: f }: { ctx: FormCtx; path: string; field: FieldDef }) {
  const options = f.options ?? [];
  const name = `«${f.label || f.key}»`;
  return (
    <fieldset id={editorId(`${path}.options`)} tabIndex={-1} className="rounded border border-slate-300 p-3">
      <legend className="px-1 font-medium">Варианты ответа</legend>
      {options.length === 0 ? (
        <p className="text-sm">Вариантов нет{f.type === "checkbox" ? ": поле — один флажок" : ""}.</p>
      ) : null}
      <ol className="space-y-2">
        {options.map((o, oi) => {
          const p = `${path}.options.${oi}`;
          const setOpt = (k: string, v: unknown, what: string) =>
            ctx.change(`Изменён вариант поля ${name}: ${what}`, (d) => setAt(d, `${p}.${k}`, v), {
              coalesce: `${p}.${k}`,
            });
          return (
            <li key={oi} className="flex flex-wrap items-end gap-3 border-b border-slate-200 pb-2">
              <TextControl
                path={`${p}.label`}
                label={`Вариант ${oi + 1}: текст`}
                problems={ctx.problems}
                value={o.label}
                onChange={(v) => setOpt("label", v, "текст")}
              />
              <TextControl
                path={`${p}.value`}
                label={`Вариант ${oi + 1}: значение`}
                width="w-40"
                problems={ctx.problems}
                value={o.value}
                onChange={(v) => setOpt("value", v, "значение")}
              />
              {f.role === "applicantKind" || o.legalEntity !== undefined ? (
                <CheckControl
                  path={`${p}.legalEntity`}
                  label="Юридическое лицо"
                  problems={ctx.problems}
                  checked={!!o.legalEntity}
                  onChange={(v) => setOpt("legalEntity", v || undefined, "юридическое лицо")}
                />
              ) : null}
              {f.role === "deliveryChannel" || o.delivery !== undefined ? (
                <SelectControl
                  path={`${p}.delivery`}
                  label="Способ выдачи"
                  problems={ctx.problems}
                  value={o.delivery}
                  empty="— по значению —"
                  options={DELIVERY.map((c) => ({ value: c, label: DELIVERY_WAY[c] }))}
                  onChange={(v) => setOpt("delivery", v, "способ выдачи")}
                />
              ) : null}
              <Button
                kind="link"
                className="text-sm"
                aria-label={`Удалить вариант ${oi + 1} поля ${name}`}
                onClick={() =>
                  ctx.change(`Удалён вариант «${o.label}» поля ${name}`, (d) =>
                    (at(d, `${path}.options`) as unknown[]).splice(oi, 1),
                  )
                }
              >
                Удалить
              </Button>
            </li>
          );
        })}
      </ol>
      <Button
        kind="secondary"
        className="mt-2"
        onClick={() =>
          ctx.change(`Добавлен вариант поля ${name}`, (d) => {
            const field = at(d, path) as FieldDef;
            const n = (field.options?.length ?? 0) + 1;
            field.options = [...(field.options ?? []), { value: `option_${n}`, label: `Вариант ${n}` }];
          })
        }
      >
        Добавить вариант
      </Button>
    </fieldset>
  );
}

function ValidationEditor({ ctx, path, field: f }: { ctx: FormCtx; path: string; field: FieldDef }) {
  const v = f.validation ?? {};
  const name = `«${f.label || f.key}»`;
  const setRule = (k: keyof NonNullable<FieldDef["validation"]>, value: unknown, what: string) =>
    ctx.change(
      `Изменена проверка поля ${name}: ${what}`,
      (d) => {
        const field = at(d, path) as FieldDef;
        const rules: Record<string, unknown> = { ...(field.validation ?? {}) };
        if (value === undefined || value === "") delete rules[k];
        else rules[k] = value;
        if (Object.keys(rules).length) field.validation = rules as FieldDef["validation"];
        else delete field.validation;
      },
      { coalesce: `${path}.validation.${k}` },
    );
  const p = `${path}.validation`;
  const text = TEXT_TYPES.includes(f.type);
  // R14 across fields (issue 16 p.1): the fields this one may be compared with — a group's siblings
  // inside a group, the form's top-level fields outside one — of the same type.
  const groupPath =
    path.lastIndexOf(".fields.") > path.indexOf(".fields.") ? path.slice(0, path.lastIndexOf(".fields.")) : null;
  const scope = groupPath
    ? ((at(ctx.doc, groupPath) as FieldDef).fields ?? [])
    : ctx.doc.form.steps.flatMap((s) => s.fields);
  const comparable = scope
    .filter((o) => o.key !== f.key && o.type === f.type)
    .map((o) => ({ value: o.key, label: `${o.label || o.key} (${o.key})` }));
  if (v.notBefore && !comparable.some((o) => o.value === v.notBefore))
    comparable.push({ value: v.notBefore, label: `${v.notBefore} — такого поля нет` });
  const notBefore =
    f.type === "date" || f.type === "number" ? (
      <SelectControl
        path={`${p}.notBefore`}
        label={f.type === "date" ? "Не раньше даты в поле" : "Не меньше значения поля"}
        hint="Например, «по» не раньше «с»: заявитель увидит сообщение с названиями обоих полей"
        problems={ctx.problems}
        value={v.notBefore}
        empty="— не сравнивать —"
        options={comparable}
        onChange={(x) => setRule("notBefore", x, "сравнение с другим полем")}
      />
    ) : null;
  if (!text && f.type !== "number" && f.type !== "date") return null;
  return (
    <fieldset id={editorId(p)} tabIndex={-1} className="rounded border border-slate-300 p-3">
      <legend className="px-1 font-medium">Проверка значения</legend>
      <div className="flex flex-wrap gap-4">
        {text ? (
          <>
            <NumberControl
              path={`${p}.minLength`}
              label="Не короче, символов"
              problems={ctx.problems}
              value={v.minLength}
              onChange={(x) => setRule("minLength", x, "длина")}
            />
            <NumberControl
              path={`${p}.maxLength`}
              label="Не длиннее, символов"
              problems={ctx.problems}
              value={v.maxLength}
              onChange={(x) => setRule("maxLength", x, "длина")}
            />
          </>
        ) : null}
        {f.type === "number" ? (
          <>
            <NumberControl
              path={`${p}.min`}
              label="Не меньше"
              problems={ctx.problems}
              value={v.min}
              onChange={(x) => setRule("min", x, "наименьшее")}
            />
            <NumberControl
              path={`${p}.max`}
              label="Не больше"
              problems={ctx.problems}
              value={v.max}
              onChange={(x) => setRule("max", x, "наибольшее")}
            />
          </>
        ) : null}
        {f.type === "date" ? (
          <>
            <TextControl
              path={`${p}.minDate`}
              label="Не раньше"
              hint="ГГГГ-ММ-ДД или today, today-18y"
              width="w-48"
              problems={ctx.problems}
              value={v.minDate ?? ""}
              onChange={(x) => setRule("minDate", x || undefined, "дата")}
            />
            <TextControl
              path={`${p}.maxDate`}
              label="Не позже"
              hint="ГГГГ-ММ-ДД или today"
              width="w-48"
              problems={ctx.problems}
              value={v.maxDate ?? ""}
              onChange={(x) => setRule("maxDate", x || undefined, "дата")}
            />
          </>
        ) : null}
        {notBefore}
      </div>
      {text ? (
        <div className="mt-2 grid gap-3 md:grid-cols-2">
          <TextControl
            path={`${p}.pattern`}
            label="Шаблон (регулярное выражение)"
            problems={ctx.problems}
            value={v.pattern ?? ""}
            onChange={(x) => setRule("pattern", x || undefined, "шаблон")}
          />
          <TextControl
            path={`${p}.patternMessage`}
            label="Сообщение, если значение не подходит"
            problems={ctx.problems}
            value={v.patternMessage ?? ""}
            onChange={(x) => setRule("patternMessage", x || undefined, "сообщение")}
          />
        </div>
      ) : null}
    </fieldset>
  );
}

type Op = "equals" | "in" | "notEmpty";
const OP_LABEL: Record<Op, string> = { equals: "равно", in: "одно из", notEmpty: "заполнено" };
const opOf = (c: Condition | Omit<Condition, "and">): Op => (c.in ? "in" : c.notEmpty ? "notEmpty" : "equals");

function ConditionEditor({
  ctx,
  path,
  field: f,
  cond,
  others,
  name,
  second = false,
}: {
  ctx: FormCtx;
  path: string;
  field: FieldDef;
  cond: Condition | undefined;
  others: ReturnType<typeof allFields>;
  name: string;
  second?: boolean;
}) {
  const label = `Изменено условие показа поля ${name}`;
  const target = cond ? others.find((o) => o.key === cond.field) : undefined;
  const choices = target?.def.options?.length
    ? target.def.options.map((o) => ({ value: o.value, label: o.label }))
    : target?.def.type === "checkbox"
      ? [
          { value: "true", label: "отмечен" },
          { value: "false", label: "не отмечен" },
        ]
      : null;
  const op = cond ? opOf(cond) : "equals";
  const setCond = (next: Partial<Condition> | undefined, coalesce?: string) =>
    ctx.change(
      label,
      (d) => {
        if (!next) return setAt(d, path, undefined);
        const merged = { ...((at(d, path) as Condition | undefined) ?? { field: "" }), ...next };
        for (const k of Object.keys(merged) as (keyof Condition)[]) if (merged[k] === undefined) delete merged[k];
        setAt(d, path, merged);
      },
      coalesce ? { coalesce } : {},
    );
  const equalsText = cond?.equals === undefined ? "" : String(cond.equals);
  return (
    <fieldset id={editorId(path)} tabIndex={-1} className="rounded border border-slate-300 p-3">
      <legend className="px-1 font-medium">{second ? "И ещё условие" : "Показывать поле, только если"}</legend>
      {!cond ? (
        <p className="text-sm">{second ? "" : "Поле показывается всегда."}</p>
      ) : (
        <div className="flex flex-wrap items-end gap-3">
          <SelectControl
            path={`${path}.field`}
            label="Поле"
            problems={ctx.problems}
            value={cond.field || undefined}
            empty="— выберите поле —"
            options={[
              ...others.map((o) => ({ value: o.key, label: `${o.label} (${o.key})` })),
              ...(cond.field && !others.some((o) => o.key === cond.field)
                ? [{ value: cond.field, label: `${cond.field} (нет такого поля)` }]
                : []),
            ]}
            onChange={(v) => setCond({ field: v ?? "" })}
          />
          <SelectControl
            path={`${path}.op`}
            label="Условие"
            problems={[]}
            value={op}
            options={(Object.keys(OP_LABEL) as Op[]).map((o) => ({ value: o, label: OP_LABEL[o] }))}
            onChange={(v) =>
              setCond(
                v === "notEmpty"
                  ? { equals: undefined, in: undefined, notEmpty: true }
                  : v === "in"
                    ? { equals: undefined, notEmpty: undefined, in: [] }
                    : {
                        in: undefined,
                        notEmpty: undefined,
                        equals: choices?.[0]?.value === "true" ? true : (choices?.[0]?.value ?? ""),
                      },
              )
            }
          />
          {op === "equals" ? (
            choices ? (
              <SelectControl
                path={`${path}.equals`}
                label="Значение"
                problems={ctx.problems}
                value={equalsText || undefined}
                empty="— выберите —"
                options={choices}
                onChange={(v) => setCond({ equals: v === "true" ? true : v === "false" ? false : (v ?? "") })}
              />
            ) : (
              <TextControl
                path={`${path}.equals`}
                label="Значение"
                width="w-48"
                problems={ctx.problems}
                value={equalsText}
                onChange={(v) => setCond({ equals: v }, `${path}.equals`)}
              />
            )
          ) : null}
          {op === "in" ? (
            <TextControl
              path={`${path}.in`}
              label="Значения через запятую"
              width="w-64"
              problems={ctx.problems}
              value={(cond.in ?? []).join(", ")}
              onChange={(v) =>
                setCond(
                  {
                    in: v
                      .split(",")
                      .map((s) => s.trim())
                      .filter(Boolean),
                  },
                  `${path}.in`,
                )
              }
            />
          ) : null}
        </div>
      )}
      <div className="mt-2 flex flex-wrap gap-3">
        {cond ? (
          <Button kind="link" className="text-sm" onClick={() => setCond(undefined)}>
            {second ? "Убрать второе условие" : "Убрать условие"}
          </Button>
        ) : (
          <Button kind="secondary" className="text-sm" onClick={() => setCond({ field: "" })}>
            {second ? "Добавить второе условие" : "Добавить условие показа"}
          </Button>
        )}
      </div>
      {cond && !second ? (
        <div className="mt-3">
          <ConditionEditor
            ctx={ctx}
            path={`${path}.and`}
            field={f}
            cond={cond.and}
            others={others}
            name={name}
            second
          />
        </div>
      ) : null}
    </fieldset>
  );
}

export type { RegulationDocument, DocumentProblem };
