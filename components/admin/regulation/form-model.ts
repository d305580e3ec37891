// Pure helpers of the form section (issue 10 p.2): where a path leads in the document, Russian names
// of field types and prefill sources, moves within a list, a fresh field of a type, renaming a
// field key together with the conditions that name it. Client-safe, unit-tested.
import {
  FIELD_ROLE_TYPES,
  FIELD_ROLES,
  type Condition,
  type FieldDef,
  type FieldRole,
  type FieldType,
  type RegulationDocument,
} from "@/server/regulation/document";

export const FIELD_TYPE_LABEL: Record<FieldType, string> = {
  text: "Строка текста",
  textarea: "Многострочный текст",
  number: "Число",
  date: "Дата",
  select: "Выбор из списка",
  radio: "Один вариант из нескольких (переключатели)",
  checkbox: "Флажок или несколько флажков",
  address: "Адрес",
  full_name: "Фамилия, имя, отчество",
  phone: "Телефон",
  email: "Электронная почта",
  snils: "СНИЛС",
  inn: "ИНН",
  inn_legal: "ИНН юридического лица",
  inn_person: "ИНН физического лица",
  ogrn: "ОГРН",
  ogrnip: "ОГРНИП",
  passport: "Серия и номер паспорта",
  postal_index: "Почтовый индекс",
  file: "Файл (вложение)",
  group: "Повторяющаяся группа полей",
};

export const PREFILL_LABEL: Record<NonNullable<FieldDef["prefill"]>, string> = {
  fullName: "ФИО из профиля",
  lastName: "Фамилия",
  firstName: "Имя",
  middleName: "Отчество",
  email: "Электронная почта",
  phone: "Телефон",
  snils: "СНИЛС",
  birthDate: "Дата рождения",
  passport: "Паспорт",
  address: "Адрес",
  inn: "ИНН",
};

export const hasOptions = (t: FieldType) => t === "select" || t === "radio" || t === "checkbox";
export const TEXT_TYPES: readonly FieldType[] = ["text", "textarea", "address"];

/** The roles a field of this type may play (FIELD_ROLE_TYPES). */
export const rolesForType = (t: FieldType): FieldRole[] => FIELD_ROLES.filter((r) => FIELD_ROLE_TYPES[r].includes(t));

/** The value at a dotted path («form.steps.0.fields.2»). */
export function at(doc: unknown, path: string): unknown {
  let v: unknown = doc;
  for (const seg of path.split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

/** Sets (or, with undefined, removes) the value at a dotted path whose parent exists. */
export function setAt(doc: unknown, path: string, value: unknown) {
  const segs = path.split(".");
  const last = segs.pop()!;
  const parent = at(doc, segs.join(".")) as Record<string, unknown> | undefined;
  if (!parent) return;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

/** Moves an item of a list; returns whether it moved. */
export function move<T>(list: T[], from: number, to: number): boolean {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return false;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item!);
  return true;
}

/** A key not used by any field of the document: field_1, field_2... */
export function freshKey(doc: RegulationDocument, prefix = "field"): string {
  const used = new Set<string>();
  const walk = (fields: FieldDef[]) =>
    fields.forEach((f) => {
      used.add(f.key);
      if (f.fields) walk(f.fields);
    });
  doc.form.steps.forEach((s) => walk(s.fields));
  for (let i = 1; ; i++) if (!used.has(`${prefix}_${i}`)) return `${prefix}_${i}`;
}

export function newField(type: FieldType, key: string): FieldDef {
  const f: FieldDef = { key, type, label: FIELD_TYPE_LABEL[type] };
  if (type === "select" || type === "radio")
    f.options = [
      { value: "option_1", label: "Вариант 1" },
      { value: "option_2", label: "Вариант 2" },
    ];
  if (type === "group") f.fields = [{ key: `${key}_item`, type: "text", label: "Строка текста" }];
  return f;
}

/** The type changes: settings that no longer apply go (a role of another type, options of a choice). */
export function retype(f: FieldDef, type: FieldType) {
  f.type = type;
  if (f.role && !FIELD_ROLE_TYPES[f.role].includes(type)) delete f.role;
  if (!hasOptions(type)) delete f.options;
  else if ((type === "select" || type === "radio") && !f.options?.length)
    f.options = [{ value: "option_1", label: "Вариант 1" }];
  if (type !== "file") {
    delete f.accept;
    delete f.maxSizeMb;
    delete f.maxFiles;
  }
  if (type !== "group") {
    delete f.fields;
    delete f.minItems;
    delete f.maxItems;
  } else if (!f.fields?.length) f.fields = [{ key: `${f.key}_item`, type: "text", label: "Строка текста" }];
}

/** Every field of the document with its path and its key as conditions name it (group.sub for sub-fields). */
export function allFields(doc: RegulationDocument): { key: string; label: string; def: FieldDef; path: string }[] {
  const out: { key: string; label: string; def: FieldDef; path: string }[] = [];
  const walk = (fields: FieldDef[], path: string, prefix: string) =>
    fields.forEach((f, i) => {
      out.push({ key: prefix + f.key, label: f.label, def: f, path: `${path}.${i}` });
      if (f.type === "group" && f.fields) walk(f.fields, `${path}.${i}.fields`, `${prefix}${f.key}.`);
    });
  doc.form.steps.forEach((s, si) => walk(s.fields, `form.steps.${si}.fields`, ""));
  return out;
}

/** A field's key changes: conditions that named the old key follow it. */
export function renameKey(doc: RegulationDocument, from: string, to: string) {
  const fix = (c: Condition | undefined) => {
    if (!c) return;
    if (c.field === from) c.field = to;
    if (c.and?.field === from) c.and.field = to;
  };
  for (const f of allFields(doc)) fix(f.def.showIf);
}
