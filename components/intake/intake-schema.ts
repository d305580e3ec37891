// The registrar's form for a paper application (R23) = the regulation's applicant form (the same
// builder and Russian messages as the portal, S1 p.36 / S2 p.48) + the intake data: how and when
// the application arrived and who brought or sent it. The intake data lives under one reserved key
// (`_intake`: no regulation field key starts with "_"), so field paths never collide and one
// react-hook-form instance judges everything after each field.
import { zodResolver } from "@hookform/resolvers/zod";
import type { Resolver } from "react-hook-form";
import { z } from "zod";
import type { FieldDef, StepDef } from "@/server/regulation/document";
import { withoutFileFields } from "@/server/regulation/form-schema";
import { buildApplicationSchema } from "@/server/regulation/form-zod";
import { displayTimeZone } from "@/components/ui/format";
import { normalizePhone } from "@/server/regulation/identifiers";
import {
  INTAKE_CHANNELS,
  zRegisterPaperInput,
  type IntakeChannel,
  type RegisterPaperInput as RegisterPaperCall,
} from "@/server/intake/schema";
import { knownValues, type FormValues } from "@/components/form/values";
import { groupsJudgeOnlyThemselves } from "@/components/form/group-resolver";
import { fromLocalInput } from "./zoned-time";

type ResolverResult = Awaited<ReturnType<Resolver<FormValues>>>;

export const INTAKE_KEY = "_intake";
export { INTAKE_CHANNELS, type IntakeChannel };

export type IntakeApplicant = { lastName: string; firstName: string; middleName: string; email: string; phone: string };
/** One line of the received-documents checklist (issue 16 p.12), in the regulation's order. */
export type IntakeDocument = { received: boolean; sheets: string };
export type IntakeMeta = {
  channel: IntakeChannel | "";
  receivedAt: string;
  applicant: IntakeApplicant;
  documents: IntakeDocument[];
};
/** A document of the regulation the applicant provides, as the checklist offers it. */
export type ChecklistDocument = {
  title: string;
  required: "always" | "conditional" | "optional";
  condition: string | null;
};

/** Paths of the intake fields, in the order they appear on screen (the error summary's order). */
export const INTAKE_PATHS = [
  `${INTAKE_KEY}.channel`,
  `${INTAKE_KEY}.receivedAt`,
  `${INTAKE_KEY}.applicant.lastName`,
  `${INTAKE_KEY}.applicant.firstName`,
  `${INTAKE_KEY}.applicant.middleName`,
  `${INTAKE_KEY}.applicant.email`,
  `${INTAKE_KEY}.applicant.phone`,
] as const;

/** The summary's order: the intake fields, then each checked document's sheets. */
export function intakePaths(documents: number): string[] {
  return [...INTAKE_PATHS, ...Array.from({ length: documents }, (_, i) => `${INTAKE_KEY}.documents.${i}.sheets`)];
}

export function emptyIntake(receivedAt: string, documents = 0): IntakeMeta {
  return {
    channel: "",
    receivedAt,
    applicant: { lastName: "", firstName: "", middleName: "", email: "", phone: "" },
    documents: Array.from({ length: documents }, () => ({ received: false, sheets: "" })),
  };
}

export function intakeOf(values: FormValues): IntakeMeta {
  const raw = values[INTAKE_KEY];
  const meta = (typeof raw === "object" && raw !== null ? raw : {}) as Partial<IntakeMeta>;
  const a = (meta.applicant ?? {}) as Partial<IntakeApplicant>;
  const s = (v: unknown) => (typeof v === "string" ? v : "");
  return {
    channel: (INTAKE_CHANNELS as readonly string[]).includes(s(meta.channel)) ? (meta.channel as IntakeChannel) : "",
    receivedAt: s(meta.receivedAt),
    applicant: {
      lastName: s(a.lastName),
      firstName: s(a.firstName),
      middleName: s(a.middleName),
      email: s(a.email),
      phone: s(a.phone),
    },
    documents: (Array.isArray(meta.documents) ? meta.documents : []).map((d) => {
      const doc = (typeof d === "object" && d !== null ? d : {}) as Partial<IntakeDocument>;
      return { received: doc.received === true, sheets: s(doc.sheets).trim() };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The regulation's steps on paper
// ---------------------------------------------------------------------------------------------

export type PaperStep = {
  step: StepDef;
  /**
   * The file fields: the documents come as paper originals, nothing is uploaded. `key` is the
   * top-level field that shows them (the file field itself, or the group holding it), so that a
   * document is listed only when its field would be shown.
   */
  paperDocuments: { key: string; label: string }[];
};

/**
 * The applicant steps without file fields (top level and inside groups). `prefill` is dropped as
 * well: it would ask the browser to autofill the registrar's own name into the applicant's fields.
 */
export function paperSteps(steps: StepDef[]): PaperStep[] {
  const files = (fields: FieldDef[]): string[] =>
    fields.flatMap((f) => (f.type === "file" ? [f.label] : f.fields ? files(f.fields) : []));
  return steps.map((step) => ({
    step: withoutFileFields([step])[0]!,
    paperDocuments: step.fields.flatMap((f) => files([f]).map((label) => ({ key: f.key, label }))),
  }));
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

export type IntakeCheckOptions = { channels: readonly IntakeChannel[]; timeZone: string; now?: () => Date };

/**
 * The intake part of the form: the `staff.registerPaper` input's own schema (server/intake/schema.ts)
 * for the applicant and the channel, narrowed to the channels of the regulation, and the time of
 * receipt as the registrar types it: local wall-clock time in the municipality's zone, not later
 * than now (the server refuses a future time as well).
 */
export function intakeMetaSchema(opts: IntakeCheckOptions) {
  return zRegisterPaperInput.pick({ applicant: true }).extend({
    channel: zRegisterPaperInput.shape.channel.refine(
      (c) => opts.channels.includes(c),
      "Выберите способ подачи, предусмотренный регламентом",
    ),
    receivedAt: z.string().superRefine((value, ctx) => {
      const text = value.trim();
      const problem = (() => {
        if (!text) return "Укажите дату и время поступления заявления";
        const at = fromLocalInput(text, opts.timeZone);
        if (!at) return "Дата и время указаны неверно: укажите день, месяц, год, часы и минуты";
        if (at.getTime() > (opts.now?.() ?? new Date()).getTime())
          return "Дата и время поступления не могут быть позже текущего момента";
        return null;
      })();
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    // Issue 16 p.12: a received document needs its sheets, as the receipt states them.
    documents: z.array(
      z.object({ received: z.boolean(), sheets: z.string() }).superRefine((d, ctx) => {
        if (!d.received) return;
        const problem = !d.sheets
          ? "Укажите число листов принятого документа"
          : !/^\d+$/.test(d.sheets)
            ? "Число листов — целое число цифрами, например 3"
            : Number(d.sheets) < 1 || Number(d.sheets) > 999
              ? "Число листов — от 1 до 999"
              : null;
        if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["sheets"] });
      }),
    ),
  });
}

/** Path (under `_intake`) → message, for every problem of the intake data. Empty when all is well. */
export function checkIntake(meta: IntakeMeta, opts: IntakeCheckOptions): Record<string, string> {
  const parsed = intakeMetaSchema(opts).safeParse(meta);
  const out: Record<string, string> = {};
  for (const issue of parsed.error?.issues ?? []) {
    const path = issue.path.join(".");
    // The first problem of a field is the one to fix first.
    out[path] ??= issue.message;
  }
  return out;
}

function intakeSchema(opts: IntakeCheckOptions) {
  const meta = intakeMetaSchema(opts);
  // intakeOf: whatever the form holds under `_intake` is read with the shape the schema expects.
  return z.object({ [INTAKE_KEY]: z.unknown() }).superRefine((values, ctx) => {
    const parsed = meta.safeParse(intakeOf(values));
    for (const issue of parsed.error?.issues ?? [])
      ctx.addIssue({ code: "custom", message: issue.message, path: [INTAKE_KEY, ...issue.path.map(String)] });
  });
}

/**
 * One resolver for the whole page: the regulation's schema in submit mode for every step (the
 * builder the server runs again on registration) and the intake checks. Their error trees have
 * disjoint keys and are merged.
 */
export function intakeResolver(steps: StepDef[], opts: IntakeCheckOptions): Resolver<FormValues> {
  // "Today" is the municipality's date, as on the server (the zone the root layout publishes).
  const regulation = zodResolver(
    buildApplicationSchema(steps, { mode: "submit", timeZone: displayTimeZone() }),
  ) as unknown as Resolver<FormValues>;
  const intake = zodResolver(intakeSchema(opts)) as unknown as Resolver<FormValues>;
  return groupsJudgeOnlyThemselves(async (values, context, options) => {
    const [a, b] = await Promise.all([regulation(values, context, options), intake(values, context, options)]);
    const errors = { ...a.errors, ...b.errors };
    if (Object.keys(errors).length) return { values: {}, errors } as ResolverResult;
    return { values: { ...a.values, [INTAKE_KEY]: values[INTAKE_KEY] }, errors: {} } as ResolverResult;
  }, steps);
}

// ---------------------------------------------------------------------------------------------
// The server's side
// ---------------------------------------------------------------------------------------------

/**
 * Where a path of the server's field errors lives in the form: the intake input's own paths
 * ("channel", "receivedAt", "applicant.email") go under `_intake`, "values.x" is the field x, and
 * the regulation's paths ("postal_index", "persons.0.lastName") are form paths already.
 */
export function formPathOf(serverPath: string): string {
  if (
    serverPath === "channel" ||
    serverPath === "receivedAt" ||
    serverPath === "serviceCode" ||
    serverPath.startsWith("applicant.") ||
    serverPath === "applicant"
  ) {
    return `${INTAKE_KEY}.${serverPath}`;
  }
  if (serverPath.startsWith("values.")) return serverPath.slice("values.".length);
  return serverPath;
}

/** The procedure's input less the submission key (one per application being entered, kept by the form). */
export type RegisterPaperInput = Omit<RegisterPaperCall, "submissionKey" | "receivedAt" | "channel"> & {
  channel: IntakeChannel;
  receivedAt: Date;
};

/** The registerPaper input from checked form values (null when the intake data is not complete). */
export function registerInput(
  serviceCode: string,
  steps: StepDef[],
  values: FormValues,
  timeZone: string,
  checklist: readonly ChecklistDocument[] = [],
): RegisterPaperInput | null {
  const meta = intakeOf(values);
  const receivedAt = fromLocalInput(meta.receivedAt, timeZone);
  if (!meta.channel || !receivedAt) return null;
  const a = meta.applicant;
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    serviceCode,
    values: JSON.parse(JSON.stringify(knownValues(steps, values))) as FormValues,
    channel: meta.channel,
    receivedAt,
    applicant: {
      lastName: a.lastName.trim(),
      firstName: a.firstName.trim(),
      middleName: opt(a.middleName),
      email: opt(a.email),
      phone: a.phone.trim() ? (normalizePhone(a.phone) ?? a.phone.trim()) : undefined,
    },
    documents: checklist.flatMap((d, i) => {
      const line = meta.documents[i];
      return line?.received ? [{ title: d.title, sheets: Number(line.sheets) }] : [];
    }),
  };
}
