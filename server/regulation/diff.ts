// What an edition changes against another, in plain Russian (issue 10 p.4): before publishing, the
// administrator reads what the amendment does to the form, the process, the terms and the lists, so
// a slip (a deleted field, a shortened deadline) is seen before it reaches applicants (R11).
// Pure and client-safe: the publish page and the audit record of a publication read the same list.
//
// Elements are matched by their key or code, never by their index: a field moved up the step is
// "moved", not "removed and added"; a list of texts (applicant categories, legal basis) is compared
// as a set of texts. Each change carries the path of what it names, in the new document (in the old
// one for a removal), so the page links it to the editor's control (section-props.ts editorId).
import {
  CHANNEL_LABEL,
  FIELD_ROLE_LABEL,
  ROLE_LABEL,
  formatDuration,
  type Duration,
  type FieldDef,
  type RegulationDocument,
  type StageDef,
} from "./document";

export const CHANGE_PARTS = [
  "Паспорт",
  "Форма",
  "Процесс",
  "Основания отказа",
  "Результаты",
  "Способы",
  "Межведомственные запросы",
  "Прочее",
] as const;
export type ChangePart = (typeof CHANGE_PARTS)[number];
export type ChangeKind = "added" | "removed" | "changed";
export type RegulationChange = { part: ChangePart; kind: ChangeKind; text: string; path: string };

const FIELD_TYPE_LABEL: Record<string, string> = {
  text: "строка",
  textarea: "многострочный текст",
  number: "число",
  date: "дата",
  select: "список",
  radio: "выбор одного варианта",
  checkbox: "флажок",
  address: "адрес",
  full_name: "ФИО",
  phone: "телефон",
  email: "электронная почта",
  snils: "СНИЛС",
  inn: "ИНН",
  inn_legal: "ИНН юридического лица",
  inn_person: "ИНН физического лица",
  ogrn: "ОГРН",
  ogrnip: "ОГРНИП",
  passport: "паспорт",
  postal_index: "почтовый индекс",
  file: "файл",
  group: "повторяющаяся группа",
};

const OUTCOME_TEXT: Record<string, string> = {
  granted: "услуга предоставлена",
  refused: "отказ в услуге",
  intake_refused: "отказ в приёме документов",
  withdrawn: "заявление отозвано",
};

const TRANSITION_KIND_TEXT: Record<string, string> = {
  normal: "обычный",
  grant: "предоставление",
  refusal: "отказ в услуге",
  intake_refusal: "отказ в приёме",
};

const EFFECT_TEXT: Record<string, string> = {
  generate_result: "формирование документа",
  sign_result: "подписание",
  register_result: "регистрация",
  issue_result: "выдача",
  issue_by_post: "направление почтой",
  await_pickup: "ожидание получения",
};

const FROM_TEXT: Record<string, string> = { stage_entry: "от начала этапа", registration: "от регистрации" };

const q = (s: string) => `«${s}»`;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const list = (items: string[]) => (items.length ? items.join(", ") : "нет");
const roles = (rs: readonly string[] | undefined) =>
  list((rs ?? []).map((r) => ROLE_LABEL[r as keyof typeof ROLE_LABEL] ?? r));
const duration = (d: Duration | undefined) => (d ? formatDuration(d) : "не указан");
const stageDeadline = (d: StageDef["deadline"]) =>
  d ? `${formatDuration(d)}${d.from === "registration" ? ` ${FROM_TEXT.registration}` : ""}` : "не указан";

/** Pairs of elements matched by key: added (index in after), removed (index in before), kept (both). */
function match<T>(before: readonly T[], after: readonly T[], key: (t: T) => string) {
  const old = new Map(before.map((t, i) => [key(t), { item: t, index: i }]));
  const now = new Map(after.map((t, i) => [key(t), { item: t, index: i }]));
  return {
    added: [...now].filter(([k]) => !old.has(k)).map(([, v]) => v),
    removed: [...old].filter(([k]) => !now.has(k)).map(([, v]) => v),
    kept: [...now].filter(([k]) => old.has(k)).map(([, v]) => ({ before: old.get(key(v.item))!, after: v })),
  };
}

type Add = (kind: ChangeKind, text: string, path: string) => void;

/** A list of texts compared as a set: which were added and which removed. */
function texts(add: Add, before: string[], after: string[], path: string, what: string) {
  before.forEach((t, i) => {
    if (!after.includes(t)) add("removed", `${what}: исключено ${q(t)}`, `${path}.${i}`);
  });
  after.forEach((t, i) => {
    if (!before.includes(t)) add("added", `${what}: добавлено ${q(t)}`, `${path}.${i}`);
  });
}

/** One changed value: «Что: было → стало». */
function value<T>(add: Add, what: string, before: T, after: T, path: string, show: (v: T) => string) {
  if (!same(before, after)) add("changed", `${what}: ${show(before)} → ${show(after)}`, path);
}
const str = (v: string | undefined) => (v === undefined || v === "" ? "не указано" : q(v));

// ---------------------------------------------------------------------------------------------

function passport(add: Add, a: RegulationDocument["passport"], b: RegulationDocument["passport"]) {
  const p = "passport";
  value(add, "Наименование услуги", a.name, b.name, `${p}.name`, str);
  value(add, "Краткое наименование", a.shortName, b.shortName, `${p}.shortName`, str);
  if (!same(a.summary, b.summary)) add("changed", "Изменено краткое описание услуги", `${p}.summary`);
  for (const k of ["name", "address", "phone", "email", "schedule", "website"] as const) {
    const label = {
      name: "Орган, предоставляющий услугу",
      address: "Адрес органа",
      phone: "Телефон органа",
      email: "Электронная почта органа",
      schedule: "График работы органа",
      website: "Сайт органа",
    }[k];
    value(add, label, a.authority[k], b.authority[k], `${p}.authority.${k}`, str);
  }
  texts(add, a.applicantCategories, b.applicantCategories, `${p}.applicantCategories`, "Категории заявителей");
  texts(add, a.legalBasis, b.legalBasis, `${p}.legalBasis`, "Правовые основания");

  const docs = match(a.documents, b.documents, (d) => d.title);
  docs.added.forEach(({ item, index }) =>
    add("added", `Добавлен документ ${q(item.title)} в перечень документов`, `${p}.documents.${index}`),
  );
  docs.removed.forEach(({ item, index }) =>
    add("removed", `Исключён документ ${q(item.title)} из перечня документов`, `${p}.documents.${index}`),
  );
  const REQUIRED = { always: "обязательно", conditional: "при условии", optional: "по желанию" };
  const BY = { applicant: "заявитель", interagency: "по межведомственному запросу" };
  docs.kept.forEach(({ before, after }) => {
    const path = `${p}.documents.${after.index}`;
    const what = `Документ ${q(after.item.title)}`;
    value(
      add,
      `${what}, представляется`,
      before.item.required,
      after.item.required,
      `${path}.required`,
      (v) => REQUIRED[v as keyof typeof REQUIRED] ?? String(v),
    );
    value(add, `${what}, условие`, before.item.condition, after.item.condition, `${path}.condition`, str);
    value(
      add,
      `${what}, кто представляет`,
      before.item.providedBy,
      after.item.providedBy,
      `${path}.providedBy`,
      (v) => BY[v as keyof typeof BY] ?? String(v),
    );
  });

  const fee = (f: RegulationDocument["passport"]["fee"]) =>
    f.free ? "бесплатно" : f.amount !== undefined ? `${f.amount} ₽` : "платно";
  value(add, "Плата", a.fee, b.fee, `${p}.fee`, fee);
  value(add, "Срок предоставления услуги", a.term, b.term, `${p}.term`, duration);
  value(
    add,
    "Максимальное время ожидания в очереди",
    a.maxQueueMinutes,
    b.maxQueueMinutes,
    `${p}.maxQueueMinutes`,
    (v) => (v === undefined ? "не указано" : `${v} мин`),
  );
  // Issue 14 (R18): the slot length of appointments; absent, the service takes none.
  value(
    add,
    "Длительность приёма по записи",
    a.appointment?.slotMinutes,
    b.appointment?.slotMinutes,
    `${p}.appointment.slotMinutes`,
    (v) => (v === undefined ? "запись не ведётся" : `${v} мин`),
  );

  const terms = match(a.registrationTerms, b.registrationTerms, (t) => t.channel);
  terms.added.forEach(({ item, index }) =>
    add(
      "added",
      `Установлен срок регистрации заявления (${CHANNEL_LABEL[item.channel]}): ${formatDuration(item.term)}`,
      `${p}.registrationTerms.${index}`,
    ),
  );
  terms.removed.forEach(({ item, index }) =>
    add(
      "removed",
      `Снят срок регистрации заявления (${CHANNEL_LABEL[item.channel]})`,
      `${p}.registrationTerms.${index}`,
    ),
  );
  terms.kept.forEach(({ before, after }) =>
    value(
      add,
      `Срок регистрации заявления (${CHANNEL_LABEL[after.item.channel]})`,
      before.item.term,
      after.item.term,
      `${p}.registrationTerms.${after.index}.term`,
      duration,
    ),
  );
  texts(
    add,
    a.accessibilityIndicators,
    b.accessibilityIndicators,
    `${p}.accessibilityIndicators`,
    "Показатели доступности",
  );
  texts(add, a.qualityIndicators, b.qualityIndicators, `${p}.qualityIndicators`, "Показатели качества");
  if (a.appeal.text !== b.appeal.text) add("changed", "Изменён порядок обжалования", `${p}.appeal.text`);
  value(add, "Срок рассмотрения жалобы", a.appeal.reviewTerm, b.appeal.reviewTerm, `${p}.appeal.reviewTerm`, duration);
  value(
    add,
    "Срок проверки заявления об исправлении опечаток",
    a.typoCorrection?.check,
    b.typoCorrection?.check,
    `${p}.typoCorrection.check`,
    duration,
  );
  value(
    add,
    "Срок исправления опечаток",
    a.typoCorrection?.fix,
    b.typoCorrection?.fix,
    `${p}.typoCorrection.fix`,
    duration,
  );
  value(
    add,
    "Срок хранения невостребованного результата",
    a.uncollectedResultAfter,
    b.uncollectedResultAfter,
    `${p}.uncollectedResultAfter`,
    duration,
  );
  texts(add, a.notes ?? [], b.notes ?? [], `${p}.notes`, "Примечания");
}

// ---------------------------------------------------------------------------------------------

type FlatField = { key: string; def: FieldDef; path: string; stepKey: string; stepTitle: string };

/** Every field with its qualified key (a group's sub-field is «group.sub»), its path and its step. */
function flatFields(doc: RegulationDocument): FlatField[] {
  const out: FlatField[] = [];
  doc.form.steps.forEach((step, si) => {
    const walk = (fields: FieldDef[], path: string, prefix: string) =>
      fields.forEach((f, fi) => {
        const p = `${path}.${fi}`;
        out.push({ key: prefix + f.key, def: f, path: p, stepKey: step.key, stepTitle: step.title });
        if (f.fields) walk(f.fields, `${p}.fields`, `${prefix}${f.key}.`);
      });
    walk(step.fields, `form.steps.${si}.fields`, "");
  });
  return out;
}

function conditionText(c: FieldDef["showIf"]): string {
  if (!c) return "всегда";
  const one = (x: NonNullable<FieldDef["showIf"]>) =>
    x.equals !== undefined
      ? `${x.field} = ${String(x.equals)}`
      : x.in
        ? `${x.field} ∈ {${x.in.join(", ")}}`
        : x.notEmpty
          ? `${x.field} заполнено`
          : x.field;
  return c.and ? `${one(c)} и ${one(c.and)}` : one(c);
}

/** The properties of a field that the list names one by one; the rest are told as «прочие настройки». */
const FIELD_DETAIL: [keyof FieldDef, string][] = [
  ["hint", "подсказка"],
  ["validation", "правила проверки"],
  ["prefill", "источник автозаполнения"],
  ["accept", "допустимые типы файлов"],
  ["maxSizeMb", "наибольший размер файла"],
  ["maxFiles", "наибольшее число файлов"],
  ["minItems", "наименьшее число записей группы"],
  ["maxItems", "наибольшее число записей группы"],
];

function form(add: Add, a: RegulationDocument, b: RegulationDocument) {
  const steps = match(a.form.steps, b.form.steps, (s) => s.key);
  steps.added.forEach(({ item, index }) => add("added", `Добавлен шаг ${q(item.title)}`, `form.steps.${index}`));
  steps.removed.forEach(({ item, index }) => add("removed", `Удалён шаг ${q(item.title)}`, `form.steps.${index}`));
  steps.kept.forEach(({ before, after }) => {
    const p = `form.steps.${after.index}`;
    if (before.item.title !== after.item.title)
      add("changed", `Шаг ${q(before.item.title)} переименован: ${q(after.item.title)}`, `${p}.title`);
    if (!same(before.item.description, after.item.description))
      add("changed", `Шаг ${q(after.item.title)}: изменено пояснение`, `${p}.description`);
    if ((before.item.section ?? "applicant") !== (after.item.section ?? "applicant"))
      add(
        "changed",
        `Шаг ${q(after.item.title)} теперь заполняет ${after.item.section === "co_applicant" ? "каждый созаявитель" : "заявитель"}`,
        `${p}.section`,
      );
  });
  const order = (doc: RegulationDocument) => doc.form.steps.map((s) => s.key);
  const keptOrder = (keys: string[], other: string[]) => keys.filter((k) => other.includes(k));
  if (!same(keptOrder(order(a), order(b)), keptOrder(order(b), order(a))))
    add("changed", "Изменён порядок шагов формы", "form.steps");

  const fields = match(flatFields(a), flatFields(b), (f) => f.key);
  fields.added.forEach(({ item }) =>
    add(
      "added",
      `Добавлено поле ${q(item.def.label)} (шаг ${q(item.stepTitle)}${item.def.required ? ", обязательное" : ""})`,
      item.path,
    ),
  );
  fields.removed.forEach(({ item }) =>
    add("removed", `Удалено поле ${q(item.def.label)} (шаг ${q(item.stepTitle)})`, item.path),
  );
  fields.kept.forEach(({ before: { item: x }, after: { item: y } }) => {
    const what = `Поле ${q(y.def.label)}`;
    if (x.def.label !== y.def.label)
      add("changed", `Поле ${q(x.def.label)} переименовано: ${q(y.def.label)}`, `${y.path}.label`);
    if (x.def.type !== y.def.type)
      add(
        "changed",
        `${what}: тип ${q(FIELD_TYPE_LABEL[x.def.type] ?? x.def.type)} → ${q(FIELD_TYPE_LABEL[y.def.type] ?? y.def.type)}`,
        `${y.path}.type`,
      );
    if (!!x.def.required !== !!y.def.required)
      add("changed", `${what} стало ${y.def.required ? "обязательным" : "необязательным"}`, `${y.path}.required`);
    if (x.stepKey !== y.stepKey)
      add("changed", `${what} перенесено из шага ${q(x.stepTitle)} в шаг ${q(y.stepTitle)}`, y.path);
    if (!same(x.def.role, y.def.role))
      add(
        "changed",
        y.def.role
          ? `${what}: роль ${x.def.role ? `${q(FIELD_ROLE_LABEL[x.def.role])} → ` : ""}${q(FIELD_ROLE_LABEL[y.def.role])}`
          : `${what}: снята роль ${q(FIELD_ROLE_LABEL[x.def.role!])}`,
        `${y.path}.role`,
      );
    if (!same(x.def.showIf, y.def.showIf))
      add(
        "changed",
        `${what}: условие показа ${q(conditionText(x.def.showIf))} → ${q(conditionText(y.def.showIf))}`,
        `${y.path}.showIf`,
      );
    const options = match(x.def.options ?? [], y.def.options ?? [], (o) => o.value);
    options.added.forEach(({ item, index }) =>
      add("added", `${what}: добавлен вариант ${q(item.label)}`, `${y.path}.options.${index}`),
    );
    options.removed.forEach(({ item, index }) =>
      add("removed", `${what}: удалён вариант ${q(item.label)}`, `${x.path}.options.${index}`),
    );
    options.kept.forEach(({ before: o, after: n }) => {
      if (o.item.label !== n.item.label)
        add(
          "changed",
          `${what}: вариант ${q(o.item.label)} переименован: ${q(n.item.label)}`,
          `${y.path}.options.${n.index}.label`,
        );
      else if (!same(o.item, n.item))
        add("changed", `${what}: изменено значение варианта ${q(n.item.label)}`, `${y.path}.options.${n.index}`);
    });
    const details = FIELD_DETAIL.filter(([k]) => !same(x.def[k], y.def[k])).map(([, label]) => label);
    if (details.length) add("changed", `${what}: изменены ${details.join(", ")}`, y.path);
  });
}

// ---------------------------------------------------------------------------------------------

function process(add: Add, a: RegulationDocument, b: RegulationDocument) {
  const title = (doc: RegulationDocument, key: string) => doc.stages.find((s) => s.key === key)?.title ?? key;
  const stages = match(a.stages, b.stages, (s) => s.key);
  stages.added.forEach(({ item, index }) =>
    add(
      "added",
      `Добавлен этап ${q(item.title)}${item.deadline ? ` со сроком ${stageDeadline(item.deadline)}` : ""}`,
      `stages.${index}`,
    ),
  );
  stages.removed.forEach(({ item, index }) => add("removed", `Удалён этап ${q(item.title)}`, `stages.${index}`));
  stages.kept.forEach(({ before: { item: x }, after: { item: y, index } }) => {
    const p = `stages.${index}`;
    const what = `этапа ${q(y.title)}`;
    if (x.title !== y.title) add("changed", `Этап ${q(x.title)} переименован: ${q(y.title)}`, `${p}.title`);
    if (!same(x.deadline, y.deadline)) {
      if (!x.deadline) add("changed", `Установлен срок ${what}: ${stageDeadline(y.deadline)}`, `${p}.deadline`);
      else if (!y.deadline) add("changed", `Снят срок ${what} (был ${stageDeadline(x.deadline)})`, `${p}.deadline`);
      else if (x.deadline.value !== y.deadline.value || x.deadline.unit !== y.deadline.unit)
        add(
          "changed",
          `Срок ${what}: ${formatDuration(x.deadline)} → ${formatDuration(y.deadline)}`,
          `${p}.deadline.value`,
        );
      if (x.deadline && y.deadline && x.deadline.from !== y.deadline.from)
        add(
          "changed",
          `Срок ${what} считается ${FROM_TEXT[y.deadline.from]} (был ${FROM_TEXT[x.deadline.from]})`,
          `${p}.deadline.from`,
        );
    }
    if (!same(x.responsibleRoles, y.responsibleRoles))
      add(
        "changed",
        `Ответственные ${what}: ${roles(x.responsibleRoles)} → ${roles(y.responsibleRoles)}`,
        `${p}.responsibleRoles`,
      );
    if (!!x.final !== !!y.final || x.outcome !== y.outcome)
      add(
        "changed",
        y.final
          ? `Этап ${q(y.title)} ${x.final ? "" : "стал конечным, "}итог: ${OUTCOME_TEXT[y.outcome ?? ""] ?? "не указан"}`
          : `Этап ${q(y.title)} больше не конечный`,
        y.final ? `${p}.outcome` : `${p}.final`,
      );
    if (!same(x.applicantNote, y.applicantNote))
      add("changed", `Изменено пояснение заявителю на этапе ${q(y.title)}`, `${p}.applicantNote`);
    if (!same(x.description, y.description)) add("changed", `Изменено описание ${what}`, `${p}.description`);
    if (!same(x.ref, y.ref)) add("changed", `Пункт регламента ${what}: ${str(x.ref)} → ${str(y.ref)}`, `${p}.ref`);
  });
  if (a.initialStage !== b.initialStage)
    add("changed", `Начальный этап: ${q(title(a, a.initialStage))} → ${q(title(b, b.initialStage))}`, "initialStage");

  const transitions = match(a.transitions, b.transitions, (t) => t.key);
  transitions.added.forEach(({ item, index }) =>
    add(
      "added",
      `Добавлен переход ${q(item.title)} (${q(title(b, item.from))} → ${q(title(b, item.to))})`,
      `transitions.${index}`,
    ),
  );
  transitions.removed.forEach(({ item, index }) =>
    add(
      "removed",
      `Удалён переход ${q(item.title)} (${q(title(a, item.from))} → ${q(title(a, item.to))})`,
      `transitions.${index}`,
    ),
  );
  transitions.kept.forEach(({ before: { item: x }, after: { item: y, index } }) => {
    const p = `transitions.${index}`;
    const what = `Переход ${q(y.title)}`;
    if (x.title !== y.title) add("changed", `Переход ${q(x.title)} переименован: ${q(y.title)}`, `${p}.title`);
    if (x.from !== y.from)
      add("changed", `${what}: из этапа ${q(title(a, x.from))} → из этапа ${q(title(b, y.from))}`, `${p}.from`);
    if (x.to !== y.to) add("changed", `${what}: в этап ${q(title(a, x.to))} → в этап ${q(title(b, y.to))}`, `${p}.to`);
    if (!same(x.roles, y.roles))
      add("changed", `${what}: кто выполняет: ${roles(x.roles)} → ${roles(y.roles)}`, `${p}.roles`);
    if (x.kind !== y.kind)
      add(
        "changed",
        `${what}: вид ${q(TRANSITION_KIND_TEXT[x.kind] ?? x.kind)} → ${q(TRANSITION_KIND_TEXT[y.kind] ?? y.kind)}`,
        `${p}.kind`,
      );
    if (!same(x.requires, y.requires)) add("changed", `${what}: изменено, что требуется при переходе`, `${p}.requires`);
    if (!same(x.effects, y.effects))
      add(
        "changed",
        `${what}: действия с результатом: ${list((x.effects ?? []).map((e) => EFFECT_TEXT[e] ?? e))} → ${list((y.effects ?? []).map((e) => EFFECT_TEXT[e] ?? e))}`,
        `${p}.effects`,
      );
  });
}

// ---------------------------------------------------------------------------------------------

function grounds(add: Add, a: RegulationDocument, b: RegulationDocument) {
  for (const [key, what] of [
    ["intakeRefusalGrounds", "отказа в приёме документов"],
    ["serviceRefusalGrounds", "отказа в предоставлении услуги"],
  ] as const) {
    const m = match(a[key], b[key], (g) => g.code);
    m.added.forEach(({ item, index }) =>
      add("added", `Добавлено основание ${what}: ${q(item.text)}`, `${key}.${index}`),
    );
    m.removed.forEach(({ item, index }) =>
      add("removed", `Исключено основание ${what}: ${q(item.text)}`, `${key}.${index}`),
    );
    m.kept.forEach(({ before, after }) => {
      if (before.item.text !== after.item.text)
        add("changed", `Изменена формулировка основания ${what}: ${q(after.item.text)}`, `${key}.${after.index}.text`);
      if (!same(before.item.ref, after.item.ref))
        add(
          "changed",
          `Основание ${what} ${q(after.item.text)}: пункт ${str(before.item.ref)} → ${str(after.item.ref)}`,
          `${key}.${after.index}.ref`,
        );
    });
  }
}

function results(add: Add, a: RegulationDocument, b: RegulationDocument) {
  const KIND = { positive: "положительный", refusal: "отказ" };
  const m = match(a.resultTypes, b.resultTypes, (r) => r.code);
  m.added.forEach(({ item, index }) =>
    add("added", `Добавлен вид результата ${q(item.title)}`, `resultTypes.${index}`),
  );
  m.removed.forEach(({ item, index }) =>
    add("removed", `Удалён вид результата ${q(item.title)}`, `resultTypes.${index}`),
  );
  m.kept.forEach(({ before: { item: x }, after: { item: y, index } }) => {
    const p = `resultTypes.${index}`;
    if (x.title !== y.title) add("changed", `Вид результата ${q(x.title)} переименован: ${q(y.title)}`, `${p}.title`);
    value(add, `Вид результата ${q(y.title)}`, x.kind, y.kind, `${p}.kind`, (v) => KIND[v as keyof typeof KIND] ?? v);
    value(
      add,
      `Исходящий номер результата ${q(y.title)}`,
      x.outgoingNumber,
      y.outgoingNumber,
      `${p}.outgoingNumber`,
      (v) => (v === "registration" ? "регистрационный номер заявления" : "журнал исходящих"),
    );
    if (!same(x.ref, y.ref))
      add("changed", `Вид результата ${q(y.title)}: пункт ${str(x.ref)} → ${str(y.ref)}`, `${p}.ref`);
  });
}

function channels(add: Add, a: RegulationDocument, b: RegulationDocument) {
  const m = match(a.deliveryChannels, b.deliveryChannels, (c) => c.code);
  m.added.forEach(({ item, index }) =>
    add("added", `Добавлен способ получения результата ${q(item.title)}`, `deliveryChannels.${index}`),
  );
  m.removed.forEach(({ item, index }) =>
    add("removed", `Исключён способ получения результата ${q(item.title)}`, `deliveryChannels.${index}`),
  );
  m.kept.forEach(({ before, after }) => {
    if (before.item.title !== after.item.title)
      add(
        "changed",
        `Способ получения результата ${q(before.item.title)} переименован: ${q(after.item.title)}`,
        `deliveryChannels.${after.index}.title`,
      );
  });
  b.intakeChannels.forEach((c, i) => {
    if (!a.intakeChannels.includes(c))
      add("added", `Заявление можно подать: ${CHANNEL_LABEL[c]}`, `intakeChannels.${i}`);
  });
  a.intakeChannels.forEach((c, i) => {
    if (!b.intakeChannels.includes(c))
      add("removed", `Заявление больше нельзя подать: ${CHANNEL_LABEL[c]}`, `intakeChannels.${i}`);
  });
}

function requests(add: Add, a: RegulationDocument, b: RegulationDocument) {
  const key = "interagencyRequestTypes";
  const m = match(a[key], b[key], (r) => r.code);
  m.added.forEach(({ item, index }) =>
    add(
      "added",
      `Добавлен межведомственный запрос ${q(item.title)} (${item.agency}), срок ответа ${formatDuration(item.responseDeadline)}`,
      `${key}.${index}`,
    ),
  );
  m.removed.forEach(({ item, index }) =>
    add("removed", `Исключён межведомственный запрос ${q(item.title)}`, `${key}.${index}`),
  );
  m.kept.forEach(({ before: { item: x }, after: { item: y, index } }) => {
    const p = `${key}.${index}`;
    const what = `запроса ${q(y.title)}`;
    if (x.title !== y.title)
      add("changed", `Межведомственный запрос ${q(x.title)} переименован: ${q(y.title)}`, `${p}.title`);
    value(add, `Орган ${what}`, x.agency, y.agency, `${p}.agency`, str);
    value(
      add,
      `Срок ответа на запрос ${q(y.title)}`,
      x.responseDeadline,
      y.responseDeadline,
      `${p}.responseDeadline`,
      duration,
    );
    if (!same(x.roles, y.roles))
      add(
        "changed",
        `Кто направляет запрос ${q(y.title)}: ${roles(x.roles ?? ["EXECUTOR"])} → ${roles(y.roles ?? ["EXECUTOR"])}`,
        `${p}.roles`,
      );
  });
}

const HANDLED = new Set([
  "passport",
  "form",
  "stages",
  "initialStage",
  "transitions",
  "serviceRefusalGrounds",
  "intakeRefusalGrounds",
  "resultTypes",
  "deliveryChannels",
  "intakeChannels",
  "interagencyRequestTypes",
]);

/**
 * Every difference between two editions, part by part, in the order of CHANGE_PARTS. Parts of the
 * document this list does not know one by one (added to the document later: variants and profiling)
 * are still named, as a whole, so no change goes unmentioned.
 */
export function describeChanges(before: RegulationDocument, after: RegulationDocument): RegulationChange[] {
  const out: RegulationChange[] = [];
  const into =
    (part: ChangePart): Add =>
    (kind, text, path) =>
      out.push({ part, kind, text, path });
  passport(into("Паспорт"), before.passport, after.passport);
  form(into("Форма"), before, after);
  process(into("Процесс"), before, after);
  grounds(into("Основания отказа"), before, after);
  results(into("Результаты"), before, after);
  channels(into("Способы"), before, after);
  requests(into("Межведомственные запросы"), before, after);
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (HANDLED.has(key) || same(a[key], b[key])) continue;
    const kind: ChangeKind = a[key] === undefined ? "added" : b[key] === undefined ? "removed" : "changed";
    out.push({ part: "Прочее", kind, text: `Изменён раздел регламента ${q(key)}`, path: key });
  }
  return out;
}

/** A short count for the audit record and the page's summary: «3 изменения: форма 2, процесс 1». */
export function changeCounts(changes: RegulationChange[]): Partial<Record<ChangePart, number>> {
  const counts: Partial<Record<ChangePart, number>> = {};
  for (const c of changes) counts[c.part] = (counts[c.part] ?? 0) + 1;
  return counts;
}
