// The regulation document: the whole settings of one service version (R8-R11) as one zod-validated
// structure. Client-safe (no server imports): the form renderer reads the same types.
import { z } from "zod";
import ru from "zod/v4/locales/ru.js";
import { acceptEntryProblem } from "../attachment/sniff";
import { profilingProblems } from "./variants";
import { templateProblems } from "./template-syntax";
import { DELIVERY_WAY, IDENTIFIER_FIELD_TYPES, type Duration } from "./document-plain";

// The zod-free part (duration wording, identifier field types) lives in ./document-plain, which the
// browser imports without this module's zod schemas (issue 13 p.6).
export {
  DELIVERY_WAY,
  DURATION_UNIT_LABEL,
  IDENTIFIER_FIELD_TYPES,
  formatAtMost,
  formatDuration,
  formatWithin,
} from "./document-plain";

/** Every role an account can hold. AUDITOR only reads the audit log (issue 11): no process names it. */
export const ROLES = ["APPLICANT", "REGISTRAR", "EXECUTOR", "HEAD", "SIGNER", "ADMIN", "AUDITOR"] as const;
export type Role = (typeof ROLES)[number];
/** The roles a regulation's stages, transitions and requests may name. */
export const PROCESS_ROLES = ["APPLICANT", "REGISTRAR", "EXECUTOR", "HEAD", "SIGNER", "ADMIN"] as const;
export const zRole = z.enum(PROCESS_ROLES);

export const ROLE_LABEL: Record<Role, string> = {
  APPLICANT: "Заявитель",
  REGISTRAR: "Специалист по приёму и регистрации",
  EXECUTOR: "Исполнитель",
  HEAD: "Руководитель подразделения",
  SIGNER: "Уполномоченное должностное лицо (подписант)",
  ADMIN: "Администратор",
  AUDITOR: "Аудитор",
};

const code = z.string().regex(/^[a-z][a-z0-9_]*$/, "код: латиница в нижнем регистре, цифры и _");
const text = z.string().trim().min(1, "не заполнено");

/** R7: deadlines are in working days, calendar days or minutes. */
export const zDuration = z.object({
  value: z.number().int(),
  unit: z.enum(["working_days", "calendar_days", "working_minutes"]),
});
export type { Duration };
// The hand-written Duration of ./document-plain must stay what this schema parses: either drifting
// fails the type check.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const durationMatchesSchema: Same<z.output<typeof zDuration>, Duration> = true;
void durationMatchesSchema;

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
// The phrases of document-plain.ts cover every delivery code (a new code fails to compile here).
const _deliveryWays: Record<Delivery, string> = DELIVERY_WAY;
void _deliveryWays;

const zLegalRef = z.string().optional().describe("Clause of the regulation, e.g. «п. 19»");

/**
 * Issue 10 p.8 (Government Decree No. 1228): an element of a regulation with profiling may belong to
 * some of its variants only. Absent: in every variant. Readers never see it: they get the projection
 * of the document for the application's variant (./variants.ts documentForVariant).
 */
const zVariantTags = z.array(code).optional();

// ---------------------------------------------------------------------------------------------
// Form
// ---------------------------------------------------------------------------------------------

export const FIELD_TYPES = [
  "text",
  "textarea",
  "number",
  "date",
  "select",
  "radio",
  "checkbox",
  "address",
  "full_name",
  "phone",
  "email",
  ...IDENTIFIER_FIELD_TYPES,
  "file",
  "group",
] as const;
export const zFieldType = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof zFieldType>;

/** A field is shown (and required) only when its condition holds (R16: a representative attaches a power of attorney). */
const zFieldCondition = z.object({
  field: z.string().min(1),
  equals: z.union([z.string(), z.boolean(), z.number()]).optional(),
  in: z.array(z.string()).optional(),
  notEmpty: z.boolean().optional(),
});
/**
 * `and`: a second field's condition that must hold too (S1 p.13: a legal entity's legal address,
 * only when the answer goes by post).
 */
export const zCondition = zFieldCondition.extend({ and: zFieldCondition.optional() });
export type Condition = z.infer<typeof zCondition>;

/** Where a prefill value comes from in the identity profile (R15). */
export const PREFILL_SOURCES = [
  "fullName",
  "lastName",
  "firstName",
  "middleName",
  "email",
  "phone",
  "snils",
  "birthDate",
  "passport",
  "address",
  "inn",
] as const;

/**
 * What a form field means to the platform (R16: name or organisation, e-mail, postal address, phone,
 * delivery channel, representative and power of attorney). Platform code (the board, the receipt,
 * result letters, issuing) asks the regulation which field plays a role, never for a field key:
 * administrators choose their own keys.
 *
 * A role is an attribute of the field, not a map beside the form: the future regulation editor
 * shows it as one select next to each field, a renamed, moved or deleted field takes its role along
 * (a map keyed by field key would go stale), and "each role at most once" is one check. What an
 * option means (which kind is a legal entity, which delivery code a choice is) sits on the option
 * for the same reason. Role names are camelCase so they never read like a field key or type.
 */
export const FIELD_ROLES = [
  "applicantName",
  "organisationName",
  "applicantKind",
  "email",
  "phone",
  "postalAddress",
  "postalIndex",
  "legalAddress",
  "deliveryChannel",
  "representative",
  "representativeName",
  "powerOfAttorney",
] as const;
export const zFieldRole = z.enum(FIELD_ROLES);
export type FieldRole = z.infer<typeof zFieldRole>;

/** The first part of a service's registration numbers (issue 16 p.8): the regulation's prefix, or the service's code. */
export function numberPrefixOf(passport: { numberPrefix?: string }, serviceCode: string): string {
  return passport.numberPrefix ?? serviceCode.toUpperCase();
}

/** Russian names of the roles: for validation messages and the regulation editor. */
export const FIELD_ROLE_LABEL: Record<FieldRole, string> = {
  applicantName: "ФИО заявителя",
  organisationName: "Наименование организации",
  applicantKind: "Категория заявителя (физическое или юридическое лицо)",
  email: "Адрес электронной почты",
  phone: "Контактный телефон",
  postalAddress: "Почтовый адрес",
  postalIndex: "Почтовый индекс",
  legalAddress: "Юридический адрес",
  deliveryChannel: "Способ получения результата",
  representative: "Обращение через представителя",
  representativeName: "ФИО представителя",
  powerOfAttorney: "Доверенность представителя",
};

/** The field types a role may sit on: the platform reads the value in the shape these types give. */
export const FIELD_ROLE_TYPES: Record<FieldRole, readonly FieldType[]> = {
  applicantName: ["full_name"],
  organisationName: ["text", "textarea"],
  applicantKind: ["radio", "select"],
  email: ["email"],
  phone: ["phone"],
  postalAddress: ["address", "text", "textarea"],
  postalIndex: ["postal_index"],
  legalAddress: ["address", "text", "textarea"],
  deliveryChannel: ["radio", "select"],
  representative: ["checkbox"],
  representativeName: ["full_name"],
  powerOfAttorney: ["file"],
};

export type FieldOption = {
  value: string;
  label: string;
  /** On the applicant-kind field: choosing this option makes the applicant a legal entity. */
  legalEntity?: boolean;
  /** On the delivery-channel field: the delivery code this option stands for (default: the value itself, when it is one). */
  delivery?: Delivery;
};

export type FieldDef = {
  key: string;
  type: FieldType;
  label: string;
  hint?: string;
  required?: boolean;
  /** What the field means to the platform (see FIELD_ROLES). */
  role?: FieldRole;
  options?: FieldOption[];
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
    /**
     * R14, checks across fields (issue 16 p.1): the key of another date or number field of the same
     * type and scope (the form's top-level fields, or the same group's sub-fields) that this value
     * may not precede: a period's end not before its start, the last year of work not before the first.
     */
    notBefore?: string;
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
  /** The variants the field belongs to (absent: every variant), see zVariantTags. */
  variants?: string[];
};

export const zField: z.ZodType<FieldDef> = z.lazy(() =>
  z.object({
    key: code,
    type: zFieldType,
    label: text,
    hint: z.string().optional(),
    required: z.boolean().optional(),
    role: zFieldRole.optional(),
    options: z
      .array(
        z.object({
          value: z.string().min(1),
          label: text,
          legalEntity: z.boolean().optional(),
          delivery: zDelivery.optional(),
        }),
      )
      .optional(),
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
        notBefore: code.optional(),
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
    variants: zVariantTags,
  }),
);

export const zStep = z.object({
  key: code,
  title: text,
  description: z.string().optional(),
  /** "applicant" steps are filled by the owner; "co_applicant" steps once per co-applicant (R15). */
  section: z.enum(["applicant", "co_applicant"]).default("applicant").optional(),
  fields: z.array(zField),
  variants: zVariantTags,
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
  /**
   * Issue 16 p.8: the stage's name in the applicant's plain words («Проверка запроса»); the legal
   * title (`title`) is shown to them on demand, and to staff as it is.
   */
  shortTitle: z.string().trim().min(1).max(80, "Короткое название — не длиннее 80 символов").optional(),
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
  variants: zVariantTags,
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
  effects: z
    .array(
      z.enum(["generate_result", "sign_result", "register_result", "issue_result", "issue_by_post", "await_pickup"]),
    )
    .optional(),
  ref: zLegalRef,
  variants: zVariantTags,
});
export type TransitionEffect = NonNullable<z.infer<typeof zTransition>["effects"]>[number];
export type TransitionDef = z.infer<typeof zTransition>;

export const zGround = z.object({ code, text, ref: zLegalRef, variants: zVariantTags });
export type GroundDef = z.infer<typeof zGround>;

export const zResultType = z.object({
  code,
  title: text,
  kind: z.enum(["positive", "refusal"]),
  /**
   * Where the document's outgoing number comes from when it is registered (R26). Unset or "counter":
   * the municipality's outgoing register (ИСХ-год-номер). "registration": the application's own
   * registration number, as S2 p.55 orders for the refusal notice («присваиваются исходящий номер,
   * соответствующий регистрационному номеру, и дата»).
   */
  outgoingNumber: z.enum(["counter", "registration"]).optional(),
  ref: zLegalRef,
  variants: zVariantTags,
  /**
   * The body text of the document with placeholders (issue 10 p.2; the syntax in ./template-syntax.ts):
   * the staff's move dialog is pre-filled with it, rendered for the application, and the official edits
   * it. Unset: the official writes the text from scratch, as before.
   */
  template: z.string().optional(),
});

export const zInteragencyRequestType = z.object({
  code,
  title: text,
  agency: text,
  responseDeadline: zDuration,
  /**
   * Who sends the request and records its answer (R2, R5). Unset: the executor (S0 p.11, S2 p.52.5),
   * the assigned one once there is one, or the head of the department (server/workflow/machine.ts mayActAs).
   */
  roles: z.array(zRole).min(1).optional(),
  ref: zLegalRef,
  variants: zVariantTags,
});

export type InteragencyRequestType = z.infer<typeof zInteragencyRequestType>;

/** Who handles a request type whose regulation names nobody. */
export const DEFAULT_REQUEST_ROLES: readonly Role[] = ["EXECUTOR"];

// ---------------------------------------------------------------------------------------------
// Passport (R8)
// ---------------------------------------------------------------------------------------------

export const zPassport = z.object({
  name: text,
  shortName: z.string().optional(),
  /**
   * Issue 16 p.8: the first part of the service's registration numbers («АРХ-2026-00001»), short enough
   * to dictate over the phone; absent, the service's code («ARCHIVE-INFO-2026-00001»). Unique among
   * the services (checked when an edition is published): numbers are unique across the installation.
   */
  numberPrefix: z
    .string()
    .regex(/^[А-ЯЁA-Z0-9]{2,8}$/, "Префикс номера: от 2 до 8 заглавных букв или цифр без пробелов, например АРХ")
    .optional(),
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
      variants: zVariantTags,
    }),
  ),
  fee: z.object({ free: z.boolean(), amount: z.number().nonnegative().optional(), note: z.string().optional() }),
  term: zDuration.extend({ note: z.string().optional() }),
  maxQueueMinutes: z.number().int().positive().optional(),
  /**
   * Booking a visit (R18, S1 p.32): the reception schedule of the service's department cut into slots
   * of this many minutes. Absent: the service takes no appointments.
   */
  appointment: z
    .object({
      slotMinutes: z
        .number({ error: "Укажите длительность приёма в минутах" })
        .int("Укажите целое число минут")
        .min(5, "Приём не короче 5 минут")
        .max(240, "Приём не длиннее 240 минут"),
      note: z.string().optional(),
    })
    .optional(),
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

/**
 * Profiling (issue 10 p.8, Government Decree No. 1228 of 20.07.2021): the applicant answers questions
 * about their features; each combination of answers leads to exactly one variant of the service. A
 * question absent from a variant's `when` means any answer leads there. A variant may have its own
 * term of the service (the passport's term otherwise).
 */
export const zProfiling = z.object({
  questions: z
    .array(
      z.object({
        key: code,
        label: text,
        hint: z.string().optional(),
        options: z.array(z.object({ value: code, label: text })).min(2, "у вопроса должно быть не меньше двух ответов"),
      }),
    )
    .min(1, "нет ни одного вопроса"),
  variants: z
    .array(
      z.object({
        code,
        title: text,
        description: z.string().optional(),
        when: z.record(z.string(), z.array(z.string())),
        term: zDuration.optional(),
      }),
    )
    .min(1, "нет ни одного варианта"),
});
export type Profiling = z.infer<typeof zProfiling>;

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
  /** Variants of the service and the questions that choose one (absent: the service is one implicit variant). */
  profiling: zProfiling.optional(),
});
export type RegulationDocument = z.infer<typeof zRegulationDocument>;

export type DocumentProblem = { path: string; message: string };

/** Steps the applicant (the owner) fills: their values are the application's data. */
const isApplicantStep = (s: StepDef) => (s.section ?? "applicant") === "applicant";

/**
 * The field that plays a role, if the form has one. Roles sit on top-level fields of the applicant's
 * steps (the validation keeps them there), so the value is `data[field.key]`.
 */
export function fieldWithRole(doc: Pick<RegulationDocument, "form">, role: FieldRole): FieldDef | undefined {
  for (const step of doc.form.steps) {
    if (!isApplicantStep(step)) continue;
    const found = step.fields.find((f) => f.role === role);
    if (found) return found;
  }
  return undefined;
}

/** The delivery code an option of the delivery-channel field stands for: its own, or its value when that is a code. */
export function optionDelivery(option: FieldOption): Delivery | undefined {
  return (
    option.delivery ?? ((DELIVERY as readonly string[]).includes(option.value) ? (option.value as Delivery) : undefined)
  );
}

/**
 * Field roles at publishing. A role sits only on a top-level field of the applicant's steps (a value
 * in a repeating group or a co-applicant's section is not "the applicant's"), on a field of a type
 * whose value the platform can read, at most once. Option meanings only where they mean something.
 * Then the roles the process needs:
 * - a name for the board, the receipt and the result letter: the person's full name or the
 *   organisation's name; where both exist, the applicant kind tells which one applies, and a kind
 *   needs both;
 * - the delivery channel where a transition issues the result by the applicant's choice
 *   (issue_result), every choice mapped to a delivery code of the regulation's list, every code of
 *   the list offered;
 * - the postal address where the result may go by post (the channel is offered or a transition
 *   sends an uncollected result by post): the letter and the envelope need it;
 * - the e-mail where the result may go by e-mail: it is sent to the address given in the application;
 * - a power of attorney where the form asks whether a representative applies (R16, S1 p.19).
 */
function checkRoles(doc: RegulationDocument, add: (path: string, message: string) => void) {
  const holders = new Map<FieldRole, { key: string; path: string; def: FieldDef }>();
  const label = (r: FieldRole) => `«${FIELD_ROLE_LABEL[r]}»`;
  doc.form.steps.forEach((step, si) => {
    const walk = (list: FieldDef[], path: string, nested: boolean) =>
      list.forEach((f, fi) => {
        const p = `${path}.${fi}`;
        if (f.role) {
          const role = f.role;
          if (nested || !isApplicantStep(step)) {
            add(
              `${p}.role`,
              `Роль ${label(role)} можно назначить только полю раздела заявителя, не входящему в группу`,
            );
          } else if (!FIELD_ROLE_TYPES[role].includes(f.type)) {
            add(
              `${p}.role`,
              `Роль ${label(role)} подходит только полю типа ${FIELD_ROLE_TYPES[role].map((t) => `«${t}»`).join(", ")}, а у поля «${f.key}» тип «${f.type}»`,
            );
          } else {
            const first = holders.get(role);
            if (first)
              add(`${p}.role`, `Роль ${label(role)} уже назначена полю «${first.key}»: у каждой роли одно поле`);
            else holders.set(role, { key: f.key, path: p, def: f });
          }
        }
        f.options?.forEach((o, oi) => {
          if (o.legalEntity !== undefined && f.role !== "applicantKind")
            add(
              `${p}.options.${oi}.legalEntity`,
              `Отметка «юридическое лицо» (legalEntity) ставится только у вариантов поля с ролью ${label("applicantKind")}`,
            );
          if (o.delivery !== undefined && f.role !== "deliveryChannel")
            add(
              `${p}.options.${oi}.delivery`,
              `Способ выдачи (delivery) указывается только у вариантов поля с ролью ${label("deliveryChannel")}`,
            );
        });
        if (f.type === "group" && f.fields) walk(f.fields, `${p}.fields`, true);
      });
    walk(step.fields, `form.steps.${si}.fields`, false);
  });

  const missing = (role: FieldRole, why: string) => add("form", `В форме нет поля с ролью ${label(role)}: ${why}`);
  const has = (r: FieldRole) => holders.has(r);
  if (!has("applicantName") && !has("organisationName")) {
    add(
      "form",
      `В форме нет поля с ролью ${label("applicantName")} или ${label("organisationName")}: имя заявителя нужно для доски заявлений, расписки и документа-результата`,
    );
  }
  if (has("applicantName") && has("organisationName") && !has("applicantKind"))
    missing("applicantKind", "по нему определяется, чьё имя указывать — заявителя или организации");
  if (has("applicantKind")) {
    if (!has("applicantName")) missing("applicantName", "оно нужно, когда обращается физическое лицо");
    if (!has("organisationName")) missing("organisationName", "оно нужно, когда обращается юридическое лицо");
    const kind = holders.get("applicantKind")!;
    if (!kind.def.options?.some((o) => o.legalEntity))
      add(
        `${kind.path}.options`,
        `Ни один вариант поля с ролью ${label("applicantKind")} не отмечен как юридическое лицо (legalEntity)`,
      );
  }

  const offered = new Set(doc.deliveryChannels.map((c) => c.code));
  const effects = new Set(doc.transitions.flatMap((t) => t.effects ?? []));
  const channel = holders.get("deliveryChannel");
  if (effects.has("issue_result") && !channel)
    missing("deliveryChannel", "оно нужно для выдачи результата по выбору заявителя");
  if (channel) {
    const chosen = new Set<Delivery>();
    channel.def.options?.forEach((o, oi) => {
      const code = optionDelivery(o);
      if (!code)
        add(
          `${channel.path}.options.${oi}.delivery`,
          `Вариант «${o.label}» не сопоставлен со способом выдачи: укажите delivery (${DELIVERY.join(", ")})`,
        );
      else if (!offered.has(code))
        add(
          `${channel.path}.options.${oi}.delivery`,
          `Вариант «${o.label}» означает способ «${code}», которого нет среди способов получения результата регламента`,
        );
      else chosen.add(code);
    });
    doc.deliveryChannels.forEach((c, i) => {
      if (!chosen.has(c.code))
        add(
          `deliveryChannels.${i}`,
          `Способ получения «${c.title}» нельзя выбрать в поле с ролью ${label("deliveryChannel")}`,
        );
    });
  }
  if ((offered.has("post") || effects.has("issue_by_post")) && !has("postalAddress"))
    missing("postalAddress", "он нужен для направления результата почтой");
  if (offered.has("email") && !has("email"))
    missing("email", "он нужен для направления результата по электронной почте");
  if (has("representative") && !has("powerOfAttorney"))
    missing("powerOfAttorney", "представитель прикладывает документ, подтверждающий его полномочия");
}

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
const RU = ru();

export function validateDocument(
  input: unknown,
): { ok: true; document: RegulationDocument } | { ok: false; problems: DocumentProblem[] } {
  // Administrators read these: zod's own messages in Russian rather than English.
  const parsed = zRegulationDocument.safeParse(input, { error: RU.localeError });
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    };
  }
  const doc = parsed.data;
  // Issue 10 p.8: a regulation with variants is checked as its table of answers and as each
  // variant's own document (./variants.ts), never as the union of all variants.
  if (doc.profiling) {
    const problems = profilingProblems(doc, checkDocument);
    return problems.length ? { ok: false, problems } : { ok: true, document: doc };
  }
  const problems = checkDocument(doc);
  return problems.length ? { ok: false, problems } : { ok: true, document: doc };
}

/** The checks of one variant's document (a regulation without profiling is one). */
function checkDocument(doc: RegulationDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const dupes = <T>(items: T[], key: (t: T) => string, path: string, what: string) => {
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
  dupes(
    fields.filter((f) => !f.key.includes(".")),
    (f) => f.key,
    "form.fields",
    "Поле",
  );
  const fieldKeys = new Set(fields.map((f) => f.key));
  const topLevel = doc.form.steps.flatMap((s) => s.fields);
  doc.form.steps.forEach((step, si) => {
    // `scope`: the fields a cross-field rule may name (the form's top-level fields, or the group's).
    const walk = (list: FieldDef[], path: string, scope: FieldDef[]) =>
      list.forEach((f, fi) => {
        const p = `${path}.${fi}`;
        const notBefore = f.validation?.notBefore;
        if (notBefore) {
          const other = scope.find((o) => o.key === notBefore);
          const at = `${p}.validation.notBefore`;
          if (f.type !== "date" && f.type !== "number")
            add(at, "Правило «не раньше другого поля» задаётся только у полей с датой или числом");
          else if (notBefore === f.key) add(at, "Поле не может сравниваться само с собой");
          else if (!other)
            add(
              at,
              `Поля «${notBefore}» нет ${scope === topLevel ? "в форме" : "в этой группе"}: сравнивать можно с полем той же группы или, вне групп, с полем любого шага`,
            );
          else if (other.type !== f.type)
            add(at, `Поле «${other.label}» другого типа: дату сравнивают с датой, число — с числом`);
        }
        if (f.showIf && !fieldKeys.has(f.showIf.field))
          add(`${p}.showIf.field`, `Условие ссылается на несуществующее поле «${f.showIf.field}»`);
        if (f.showIf?.field === f.key) add(`${p}.showIf.field`, "Поле не может зависеть от самого себя");
        if (f.showIf?.and && !fieldKeys.has(f.showIf.and.field))
          add(`${p}.showIf.and.field`, `Условие ссылается на несуществующее поле «${f.showIf.and.field}»`);
        if (f.showIf?.and?.field === f.key) add(`${p}.showIf.and.field`, "Поле не может зависеть от самого себя");
        if ((f.type === "select" || f.type === "radio") && !f.options?.length)
          add(`${p}.options`, "У поля выбора нет вариантов");
        if (f.type === "group" && !f.fields?.length) add(`${p}.fields`, "В группе нет полей");
        // One definition of file types (attachment/sniff.ts): the upload recognises a file by its
        // content, so `accept` may list only the MIME types it recognises.
        if (f.accept) {
          if (f.type !== "file") add(`${p}.accept`, "Типы файлов (accept) задаются только у поля для файлов");
          else if (!f.accept.length)
            add(
              `${p}.accept`,
              "Список допустимых типов файлов пуст: укажите хотя бы один тип или уберите accept, чтобы принимать все поддерживаемые",
            );
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
        if (f.type === "group" && f.fields) walk(f.fields, `${p}.fields`, f.fields);
      });
    walk(step.fields, `form.steps.${si}.fields`, topLevel);
  });

  checkRoles(doc, add);

  // Process: stages exist, deadlines positive, a final stage reachable from the initial one.
  dupes(doc.stages, (s) => s.key, "stages", "Этап");
  dupes(doc.transitions, (t) => t.key, "transitions", "Переход");
  const stageKeys = new Set(doc.stages.map((s) => s.key));
  if (!stageKeys.has(doc.initialStage)) add("initialStage", `Начальный этап «${doc.initialStage}» не существует`);
  doc.stages.forEach((s, i) => {
    if (s.deadline && s.deadline.value <= 0) add(`stages.${i}.deadline.value`, "Срок должен быть положительным");
    if (s.final && !s.outcome) add(`stages.${i}.outcome`, "У конечного этапа должен быть итог");
    if (!s.final && s.outcome) add(`stages.${i}.outcome`, "Итог указывается только у конечного этапа");
    if (!s.final && !doc.transitions.some((t) => t.from === s.key))
      add(`stages.${i}`, `Из этапа «${s.title}» нет переходов, и он не конечный`);
    if (s.final && doc.transitions.some((t) => t.from === s.key))
      add(`stages.${i}`, `Из конечного этапа «${s.title}» есть переходы`);
  });
  if (!doc.stages.some((s) => s.final)) add("stages", "Нет ни одного конечного этапа");
  doc.transitions.forEach((t, i) => {
    if (!stageKeys.has(t.from)) add(`transitions.${i}.from`, `Этап «${t.from}» не существует`);
    if (!stageKeys.has(t.to)) add(`transitions.${i}.to`, `Этап «${t.to}» не существует`);
    if (t.kind === "refusal" && t.requires.refusalGrounds !== "service")
      add(
        `transitions.${i}.requires.refusalGrounds`,
        "Отказ должен требовать основания из перечня оснований для отказа в услуге",
      );
    if (t.kind === "intake_refusal" && t.requires.refusalGrounds !== "intake")
      add(
        `transitions.${i}.requires.refusalGrounds`,
        "Отказ в приёме должен требовать основания из перечня оснований для отказа в приёме",
      );
    if (t.requires.refusalGrounds === "service" && doc.serviceRefusalGrounds.length === 0)
      add(`transitions.${i}`, "Переход требует оснований отказа, но перечень оснований пуст");
    if (t.requires.refusalGrounds === "intake" && doc.intakeRefusalGrounds.length === 0)
      add(
        `transitions.${i}`,
        "Отказ в приёме невозможен: регламент не содержит оснований для отказа в приёме документов",
      );
    if (t.requires.resultType && !doc.resultTypes.length)
      add(`transitions.${i}`, "Переход требует результат, но типы результатов не заданы");
    if (t.effects?.includes("generate_result") && !t.requires.resultType)
      add(`transitions.${i}.effects`, "Формирование документа требует выбора вида результата (requires.resultType)");
    if (
      t.effects?.includes("generate_result") &&
      t.kind !== "refusal" &&
      t.kind !== "intake_refusal" &&
      !t.requires.comment
    )
      add(`transitions.${i}.effects`, "Для формирования документа нужен его текст (requires.comment)");
  });
  const reachable = new Set<string>([doc.initialStage]);
  for (let grew = true; grew;) {
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
  // Result document templates (issue 10 p.2): a placeholder names a top-level field of the applicant's steps.
  const printable = new Set<string>();
  const files = new Set<string>();
  doc.form.steps
    .filter(isApplicantStep)
    .forEach((s) => s.fields.forEach((f) => (f.type === "file" ? files : printable).add(f.key)));
  doc.resultTypes.forEach((r, i) => {
    if (r.template)
      templateProblems(r.template, r.title, { printable, files }).forEach((m) => add(`resultTypes.${i}.template`, m));
  });
  if (doc.passport.term.value <= 0) add("passport.term.value", "Срок предоставления услуги должен быть положительным");
  doc.passport.registrationTerms.forEach((r, i) => {
    if (r.term.value < 0)
      add(`passport.registrationTerms.${i}.term.value`, "Срок регистрации не может быть отрицательным");
  });
  doc.interagencyRequestTypes.forEach((r, i) => {
    if (r.responseDeadline.value <= 0)
      add(`interagencyRequestTypes.${i}.responseDeadline.value`, "Срок ответа должен быть положительным");
  });
  return problems;
}
