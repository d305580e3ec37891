// The regulation document: the whole settings of one service version (R8-R11) as one zod-validated
// structure. Client-safe (no server imports): the form renderer reads the same types.
import { z } from "zod";
import { acceptEntryProblem } from "../attachment/sniff";

export const ROLES = ["APPLICANT", "REGISTRAR", "EXECUTOR", "HEAD", "SIGNER", "ADMIN"] as const;
export const zRole = z.enum(ROLES);
export type Role = z.infer<typeof zRole>;

export const ROLE_LABEL: Record<Role, string> = {
  APPLICANT: "Заявитель",
  REGISTRAR: "Специалист по приёму и регистрации",
  EXECUTOR: "Исполнитель",
  HEAD: "Руководитель подразделения",
  SIGNER: "Уполномоченное должностное лицо (подписант)",
  ADMIN: "Администратор",
};

const code = z.string().regex(/^[a-z][a-z0-9_]*$/, "код: латиница в нижнем регистре, цифры и _");
const text = z.string().trim().min(1, "не заполнено");

/** R7: deadlines are in working days, calendar days or minutes. */
export const zDuration = z.object({
  value: z.number().int(),
  unit: z.enum(["working_days", "calendar_days", "working_minutes"]),
});
export type Duration = z.infer<typeof zDuration>;

export const DURATION_UNIT_LABEL: Record<Duration["unit"], [string, string, string]> = {
  working_days: ["рабочий день", "рабочих дня", "рабочих дней"],
  calendar_days: ["календарный день", "календарных дня", "календарных дней"],
  working_minutes: ["минута", "минуты", "минут"],
};

export const CHANNELS = ["PORTAL", "IN_PERSON", "POST", "MFC", "EMAIL"] as const;
export const zChannel = z.enum(CHANNELS);
export type Channel = z.infer<typeof zChannel>;
export const CHANNEL_LABEL: Record<Channel, string> = {
  PORTAL: "Через портал (личный кабинет)",
  IN_PERSON: "Лично в администрации",
  POST: "Почтовым отправлением",
  MFC: "Через МФЦ",
  EMAIL: "По электронной почте",
};

export const DELIVERY = ["cabinet", "email", "post", "in_person", "mfc"] as const;
export const zDelivery = z.enum(DELIVERY);
export type Delivery = z.infer<typeof zDelivery>;

const zLegalRef = z.string().optional().describe("Clause of the regulation, e.g. «п. 19»");

// ---------------------------------------------------------------------------------------------
// Form
// ---------------------------------------------------------------------------------------------

export const FIELD_TYPES = [
  "text", "textarea", "number", "date", "select", "radio", "checkbox", "address", "full_name",
  "phone", "email", "snils", "inn", "inn_legal", "inn_person", "ogrn", "ogrnip", "passport",
  "postal_index", "file", "group",
] as const;
export const zFieldType = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof zFieldType>;

/** A field is shown (and required) only when its condition holds (R16: a representative attaches a power of attorney). */
export const zCondition = z.object({
  field: z.string().min(1),
  equals: z.union([z.string(), z.boolean(), z.number()]).optional(),
  in: z.array(z.string()).optional(),
  notEmpty: z.boolean().optional(),
});
export type Condition = z.infer<typeof zCondition>;

/** Where a prefill value comes from in the identity profile (R15). */
export const PREFILL_SOURCES = ["fullName", "lastName", "firstName", "middleName", "email", "phone", "snils", "birthDate", "passport", "address", "inn"] as const;

export type FieldDef = {
  key: string;
  type: FieldType;
  label: string;
  hint?: string;
  required?: boolean;
  options?: { value: string; label: string }[];
  validation?: {
    minLength?: number;
    maxLength?: number;
    min?: number;
    max?: number;
    pattern?: string;
    patternMessage?: string;
    /** ISO date or "today" / "today-<n>y" style relative bounds are resolved at validation time. */
    minDate?: string;
    maxDate?: string;
  };
  showIf?: Condition;
  prefill?: (typeof PREFILL_SOURCES)[number];
  /** file fields */
  accept?: string[];
  maxSizeMb?: number;
  maxFiles?: number;
  /** group fields: a repeating group of sub-fields */
  fields?: FieldDef[];
  minItems?: number;
  maxItems?: number;
};

export const zField: z.ZodType<FieldDef> = z.lazy(() =>
  z.object({
    key: code,
    type: zFieldType,
    label: text,
    hint: z.string().optional(),
    required: z.boolean().optional(),
    options: z.array(z.object({ value: z.string().min(1), label: text })).optional(),
    validation: z
      .object({
        minLength: z.number().int().nonnegative().optional(),
        maxLength: z.number().int().positive().optional(),
        min: z.number().optional(),
        max: z.number().optional(),
        pattern: z.string().optional(),
        patternMessage: z.string().optional(),
        minDate: z.string().optional(),
        maxDate: z.string().optional(),
      })
      .optional(),
    showIf: zCondition.optional(),
    prefill: z.enum(PREFILL_SOURCES).optional(),
    accept: z.array(z.string()).optional(),
    maxSizeMb: z.number().positive().optional(),
    maxFiles: z.number().int().positive().optional(),
    fields: z.array(zField).optional(),
    minItems: z.number().int().nonnegative().optional(),
    maxItems: z.number().int().positive().optional(),
  }),
);

export const zStep = z.object({
  key: code,
  title: text,
  description: z.string().optional(),
  /** "applicant" steps are filled by the owner; "co_applicant" steps once per co-applicant (R15). */
  section: z.enum(["applicant", "co_applicant"]).default("applicant").optional(),
  fields: z.array(zField),
});
export type StepDef = z.infer<typeof zStep>;

// ---------------------------------------------------------------------------------------------
// Process
// ---------------------------------------------------------------------------------------------

export const zStageDeadline = zDuration.extend({
  /** Counted from entering the stage, or from the registration of the application. */
  from: z.enum(["stage_entry", "registration"]).default("stage_entry"),
});
export type StageDeadline = z.infer<typeof zStageDeadline>;

export const OUTCOMES = ["granted", "refused", "intake_refused", "withdrawn"] as const;
export const zOutcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof zOutcome>;

export const zStage = z.object({
  key: code,
  title: text,
  description: z.string().optional(),
  /** Who answers for this procedure (R2). */
  responsibleRoles: z.array(zRole).min(1),
  deadline: zStageDeadline.optional(),
  /** A final stage ends the process with this outcome. */
  final: z.boolean().optional(),
  outcome: zOutcome.optional(),
  /** What the applicant sees as the next step in plain Russian (R19). */
  applicantNote: z.string().optional(),
  ref: zLegalRef,
});
export type StageDef = z.infer<typeof zStage>;

export const zTransition = z.object({
  key: code,
  from: code,
  to: code,
  title: text,
  roles: z.array(zRole).min(1),
  /** refusal: the applicant is refused the service (R25) and must be given its grounds. */
  kind: z.enum(["normal", "grant", "refusal", "intake_refusal"]).default("normal"),
  requires: z
    .object({
      /** the grounds must come from this list of the regulation */
      refusalGrounds: z.enum(["service", "intake"]).optional(),
      resultType: z.boolean().optional(),
      executor: z.boolean().optional(),
      comment: z.boolean().optional(),
    })
    .default({}),
  /**
   * What the transition does to the result document (R9, R20, R26), in order: generate it from the
   * template (the comment is its text; refusals add their grounds), record the official's signature,
   * register it with an outgoing number, issue it by the applicant's channel (or by registered post),
   * or put a paper result out for collection.
   */
  effects: z.array(z.enum(["generate_result", "sign_result", "register_result", "issue_result", "issue_by_post", "await_pickup"])).optional(),
  ref: zLegalRef,
});
export type TransitionEffect = NonNullable<z.infer<typeof zTransition>["effects"]>[number];
export type TransitionDef = z.infer<typeof zTransition>;

export const zGround = z.object({ code, text, ref: zLegalRef });
export type GroundDef = z.infer<typeof zGround>;

export const zResultType = z.object({
  code,
  title: text,
  kind: z.enum(["positive", "refusal"]),
  ref: zLegalRef,
});

export const zInteragencyRequestType = z.object({
  code,
  title: text,
  agency: text,
  responseDeadline: zDuration,
  ref: zLegalRef,
});

// ---------------------------------------------------------------------------------------------
// Passport (R8)
// ---------------------------------------------------------------------------------------------

export const zPassport = z.object({
  name: text,
  shortName: z.string().optional(),
  summary: z.string().optional(),
  authority: z.object({
    name: text,
    address: z.string().optional(),
    phone: z.string().optional(),
    email: z.string().optional(),
    schedule: z.string().optional(),
    website: z.string().optional(),
  }),
  applicantCategories: z.array(text).min(1),
  legalBasis: z.array(text),
  documents: z.array(
    z.object({
      title: text,
      required: z.enum(["always", "conditional", "optional"]),
      condition: z.string().optional(),
      providedBy: z.enum(["applicant", "interagency"]),
      ref: zLegalRef,
    }),
  ),
  fee: z.object({ free: z.boolean(), amount: z.number().nonnegative().optional(), note: z.string().optional() }),
  term: zDuration.extend({ note: z.string().optional() }),
  maxQueueMinutes: z.number().int().positive().optional(),
  registrationTerms: z.array(z.object({ channel: zChannel, term: zDuration, note: z.string().optional() })),
  accessibilityIndicators: z.array(text),
  qualityIndicators: z.array(text),
  appeal: z.object({ text, reviewTerm: zDuration.optional() }),
  typoCorrection: z.object({ check: zDuration, fix: zDuration, ref: zLegalRef }).optional(),
  /** How long a paper result waits before it is sent by registered post (S2 p.57, R10). */
  uncollectedResultAfter: zDuration.optional(),
  notes: z.array(z.string()).optional(),
});
export type Passport = z.infer<typeof zPassport>;

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

export const zRegulationDocument = z.object({
  passport: zPassport,
  form: z.object({ steps: z.array(zStep).min(1) }),
  stages: z.array(zStage).min(1),
  initialStage: code,
  transitions: z.array(zTransition),
  /** Exhaustive lists (R25): a refusal may cite only these. */
  serviceRefusalGrounds: z.array(zGround),
  intakeRefusalGrounds: z.array(zGround),
  resultTypes: z.array(zResultType).min(1),
  deliveryChannels: z.array(z.object({ code: zDelivery, title: text })).min(1),
  /** Channels through which an application may arrive. */
  intakeChannels: z.array(zChannel).min(1),
  interagencyRequestTypes: z.array(zInteragencyRequestType),
});
export type RegulationDocument = z.infer<typeof zRegulationDocument>;

export type DocumentProblem = { path: string; message: string };

function allFields(fields: FieldDef[], prefix = ""): { key: string; path: string; def: FieldDef }[] {
  return fields.flatMap((f) => [
    { key: prefix + f.key, path: prefix + f.key, def: f },
    ...(f.type === "group" && f.fields ? allFields(f.fields, `${prefix}${f.key}.`) : []),
  ]);
}

/**
 * Checks a document before it is published and returns every problem with its path, so an
 * administrator can fix them all at once (not one per attempt).
 */
const RU = z.locales.ru();

export function validateDocument(input: unknown): { ok: true; document: RegulationDocument } | { ok: false; problems: DocumentProblem[] } {
  // Administrators read these: zod's own messages in Russian rather than English.
  const parsed = zRegulationDocument.safeParse(input, { error: RU.localeError });
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    };
  }
  const doc = parsed.data;
  const problems: DocumentProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const dupes = <T,>(items: T[], key: (t: T) => string, path: string, what: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) add(`${path}.${i}`, `${what} «${k}» повторяется`);
      seen.add(k);
    });
  };

  // Form: unique keys, conditions name existing fields, options where needed.
  const fields = doc.form.steps.flatMap((s, si) => allFields(s.fields).map((f) => ({ ...f, stepIndex: si })));
  dupes(doc.form.steps, (s) => s.key, "form.steps", "Шаг");
  dupes(fields.filter((f) => !f.key.includes(".")), (f) => f.key, "form.fields", "Поле");
  const fieldKeys = new Set(fields.map((f) => f.key));
  doc.form.steps.forEach((step, si) => {
    const walk = (list: FieldDef[], path: string) =>
      list.forEach((f, fi) => {
        const p = `${path}.${fi}`;
        if (f.showIf && !fieldKeys.has(f.showIf.field)) add(`${p}.showIf.field`, `Условие ссылается на несуществующее поле «${f.showIf.field}»`);
        if (f.showIf?.field === f.key) add(`${p}.showIf.field`, "Поле не может зависеть от самого себя");
        if ((f.type === "select" || f.type === "radio") && !f.options?.length) add(`${p}.options`, "У поля выбора нет вариантов");
        if (f.type === "group" && !f.fields?.length) add(`${p}.fields`, "В группе нет полей");
        // One definition of file types (attachment/sniff.ts): the upload recognises a file by its
        // content, so `accept` may list only the MIME types it recognises.
        if (f.accept) {
          if (f.type !== "file") add(`${p}.accept`, "Типы файлов (accept) задаются только у поля для файлов");
          else if (!f.accept.length) add(`${p}.accept`, "Список допустимых типов файлов пуст: укажите хотя бы один тип или уберите accept, чтобы принимать все поддерживаемые");
          f.accept.forEach((entry, ai) => {
            const problem = acceptEntryProblem(entry);
            if (problem) add(`${p}.accept.${ai}`, problem);
          });
        }
        if (f.validation?.pattern) {
          try {
            new RegExp(f.validation.pattern);
          } catch {
            add(`${p}.validation.pattern`, "Некорректное регулярное выражение");
          }
        }
        if (f.type === "group" && f.fields) walk(f.fields, `${p}.fields`);
      });
    walk(step.fields, `form.steps.${si}.fields`);
  });

  // Process: stages exist, deadlines positive, a final stage reachable from the initial one.
  dupes(doc.stages, (s) => s.key, "stages", "Этап");
  dupes(doc.transitions, (t) => t.key, "transitions", "Переход");
  const stageKeys = new Set(doc.stages.map((s) => s.key));
  if (!stageKeys.has(doc.initialStage)) add("initialStage", `Начальный этап «${doc.initialStage}» не существует`);
  doc.stages.forEach((s, i) => {
    if (s.deadline && s.deadline.value <= 0) add(`stages.${i}.deadline.value`, "Срок должен быть положительным");
    if (s.final && !s.outcome) add(`stages.${i}.outcome`, "У конечного этапа должен быть итог");
    if (!s.final && s.outcome) add(`stages.${i}.outcome`, "Итог указывается только у конечного этапа");
    if (!s.final && !doc.transitions.some((t) => t.from === s.key)) add(`stages.${i}`, `Из этапа «${s.title}» нет переходов, и он не конечный`);
    if (s.final && doc.transitions.some((t) => t.from === s.key)) add(`stages.${i}`, `Из конечного этапа «${s.title}» есть переходы`);
  });
  if (!doc.stages.some((s) => s.final)) add("stages", "Нет ни одного конечного этапа");
  doc.transitions.forEach((t, i) => {
    if (!stageKeys.has(t.from)) add(`transitions.${i}.from`, `Этап «${t.from}» не существует`);
    if (!stageKeys.has(t.to)) add(`transitions.${i}.to`, `Этап «${t.to}» не существует`);
    if (t.kind === "refusal" && t.requires.refusalGrounds !== "service") add(`transitions.${i}.requires.refusalGrounds`, "Отказ должен требовать основания из перечня оснований для отказа в услуге");
    if (t.kind === "intake_refusal" && t.requires.refusalGrounds !== "intake") add(`transitions.${i}.requires.refusalGrounds`, "Отказ в приёме должен требовать основания из перечня оснований для отказа в приёме");
    if (t.requires.refusalGrounds === "service" && doc.serviceRefusalGrounds.length === 0) add(`transitions.${i}`, "Переход требует оснований отказа, но перечень оснований пуст");
    if (t.requires.refusalGrounds === "intake" && doc.intakeRefusalGrounds.length === 0)
      add(`transitions.${i}`, "Отказ в приёме невозможен: регламент не содержит оснований для отказа в приёме документов");
    if (t.requires.resultType && !doc.resultTypes.length) add(`transitions.${i}`, "Переход требует результат, но типы результатов не заданы");
    if (t.effects?.includes("generate_result") && !t.requires.resultType) add(`transitions.${i}.effects`, "Формирование документа требует выбора вида результата (requires.resultType)");
    if (t.effects?.includes("generate_result") && t.kind !== "refusal" && t.kind !== "intake_refusal" && !t.requires.comment) add(`transitions.${i}.effects`, "Для формирования документа нужен его текст (requires.comment)");
  });
  const reachable = new Set<string>([doc.initialStage]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of doc.transitions) {
      if (reachable.has(t.from) && !reachable.has(t.to)) {
        reachable.add(t.to);
        grew = true;
      }
    }
  }
  doc.stages.forEach((s, i) => {
    if (!reachable.has(s.key)) add(`stages.${i}`, `Этап «${s.title}» недостижим из начального этапа`);
  });
  dupes(doc.serviceRefusalGrounds, (g) => g.code, "serviceRefusalGrounds", "Основание");
  dupes(doc.intakeRefusalGrounds, (g) => g.code, "intakeRefusalGrounds", "Основание");
  dupes(doc.resultTypes, (r) => r.code, "resultTypes", "Тип результата");
  if (doc.passport.term.value <= 0) add("passport.term.value", "Срок предоставления услуги должен быть положительным");
  doc.passport.registrationTerms.forEach((r, i) => {
    if (r.term.value < 0) add(`passport.registrationTerms.${i}.term.value`, "Срок регистрации не может быть отрицательным");
  });
  doc.interagencyRequestTypes.forEach((r, i) => {
    if (r.responseDeadline.value <= 0) add(`interagencyRequestTypes.${i}.responseDeadline.value`, "Срок ответа должен быть положительным");
  });
  return problems.length ? { ok: false, problems } : { ok: true, document: doc };
}

/** Russian plural for durations: 1 рабочий день, 2 рабочих дня, 5 рабочих дней. */
export function formatDuration(d: Duration): string {
  const [one, few, many] = DURATION_UNIT_LABEL[d.unit];
  const n = Math.abs(d.value) % 100;
  const n1 = n % 10;
  const word = n > 10 && n < 20 ? many : n1 === 1 ? one : n1 >= 2 && n1 <= 4 ? few : many;
  return `${d.value} ${word}`;
}
