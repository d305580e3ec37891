// Reads of the applicant's journey, always scoped by the owner (or a co-applicant participant).
import "server-only";
import { AUDIT_EVENT_TYPES } from "../audit/events";
import type { Db } from "../db/client";
import { pinnedDocument } from "../regulation/document-cache";
import { documentForVariant, variantDef } from "../regulation/variants";
import { ROLE_LABEL, type RegulationDocument, type StageDef, type StepDef } from "../regulation/document";
import { refusalBoundStages } from "../workflow/machine";
import { personName } from "../people";
import { PROFILE_SELECT, prefillValues, profileFrom } from "./prefill";
import { ISSUED_RESULTS, ownedBy, visibleToApplicant } from "./visibility";

/**
 * What changed in the form between the edition a draft was started on and the one it is on now
 * (R11): the draft was moved to the edition in force (moveDraftToVersionInForce). Derived from the
 * versions, so the notice stays until the draft is submitted. Top-level fields by label.
 */
export type FormUpdate = {
  version: number;
  /** When the edition took effect. */
  effectiveFrom: Date;
  /** Fields the new form no longer has: their values were removed from the draft. */
  removed: string[];
  /** Fields new in this edition. */
  added: string[];
  /** Fields that changed their kind or became required: to check. */
  changed: string[];
};

async function formUpdateOf(
  db: Db,
  app: {
    createdAt: Date;
    serviceId: string;
    regulationVersionId: string;
    regulationVersion: { version: number; effectiveFrom: Date | null; publishedAt: Date | null };
  },
  steps: StepDef[],
): Promise<FormUpdate | null> {
  const { version, effectiveFrom, publishedAt } = app.regulationVersion;
  const since = [effectiveFrom, publishedAt]
    .filter((d): d is Date => !!d)
    .reduce<Date | null>((a, d) => (!a || d > a ? d : a), null);
  if (!since || app.createdAt >= since) return null;
  // The edition in force when the draft was started, as far as was published then.
  const started = await db.regulationVersion.findFirst({
    where: {
      serviceId: app.serviceId,
      status: "PUBLISHED",
      id: { not: app.regulationVersionId },
      publishedAt: { lte: app.createdAt },
      OR: [{ effectiveFrom: null }, { effectiveFrom: { lte: app.createdAt } }],
    },
    orderBy: [{ effectiveFrom: { sort: "desc", nulls: "last" } }, { version: "desc" }],
    select: { id: true, document: true },
  });
  if (!started) return null;
  const before = new Map(
    applicantSteps(pinnedDocument(started.id, started.document))
      .flatMap((s) => s.fields)
      .map((f) => [f.key, f]),
  );
  const now = new Map(steps.flatMap((s) => s.fields).map((f) => [f.key, f]));
  return {
    version,
    effectiveFrom: effectiveFrom ?? since,
    removed: [...before.values()].filter((f) => !now.has(f.key)).map((f) => f.label),
    added: [...now.values()].filter((f) => !before.has(f.key)).map((f) => f.label),
    changed: [...now.values()]
      .filter((f) => {
        const old = before.get(f.key);
        return old && (old.type !== f.type || (!!f.required && !old.required));
      })
      .map((f) => f.label),
  };
}

const applicantSteps = (doc: RegulationDocument): StepDef[] =>
  doc.form.steps.filter((s) => (s.section ?? "applicant") === "applicant");

/** What every read of an applicant's draft takes: its state, its values and the edition it is filled on. */
export const DRAFT_FIELDS = {
  id: true,
  status: true,
  rowVersion: true,
  data: true,
  currentStep: true,
  serviceId: true,
  regulationVersionId: true,
  variantCode: true,
} as const;

export async function draftForOwner(db: Db, ownerId: string, id: string) {
  const app = await db.application.findFirst({
    where: ownedBy(ownerId, { id }),
    select: {
      ...DRAFT_FIELDS,
      updatedAt: true,
      createdAt: true,
      registrationNumber: true,
      service: { select: { code: true, title: true } },
      regulationVersion: { select: { version: true, document: true, effectiveFrom: true, publishedAt: true } },
    },
  });
  if (!app) return null;
  const doc = pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode);
  const steps = applicantSteps(doc);
  const whole = pinnedDocument(app.regulationVersionId, app.regulationVersion.document);
  const owner = await db.user.findUniqueOrThrow({ where: { id: ownerId }, select: PROFILE_SELECT });
  return {
    id: app.id,
    status: app.status,
    registrationNumber: app.registrationNumber,
    rowVersion: app.rowVersion,
    values: app.data as Record<string, unknown>,
    currentStep: app.currentStep,
    savedAt: app.updatedAt,
    service: app.service,
    version: app.regulationVersion.version,
    steps,
    deliveryChannels: doc.deliveryChannels,
    /** What the owner's profile puts in the form: the wizard swaps it out when they come as a representative (issue 16 p.6). */
    profileValues: prefillValues(steps, profileFrom(owner)),
    /** The regulation allows a joint request: the owner may invite co-applicants (R15). */
    jointRequest: doc.form.steps.some((s) => s.section === "co_applicant"),
    /** The draft was started on an older edition and moved to this one: the form tells the applicant. */
    formUpdate: app.status === "DRAFT" ? await formUpdateOf(db, app, steps) : null,
    /** The variants of the service and their questions (issue 10 p.8); null for a regulation without them. */
    profiling: whole.profiling ? profilingOf(whole, app.variantCode) : null,
  };
}

/**
 * What the profiling page shows: the questions, every variant in words with the documents it needs,
 * and the draft's variant (null: the questions are still to be answered, or the edition in force no
 * longer has the variant the draft had).
 */
function profilingOf(whole: RegulationDocument, variantCode: string | null) {
  const profiling = whole.profiling!;
  const chosen = variantDef(whole, variantCode);
  return {
    questions: profiling.questions,
    variants: profiling.variants.map((v) => {
      const own = documentForVariant(whole, v.code);
      return {
        code: v.code,
        title: v.title,
        description: v.description ?? null,
        when: v.when,
        term: own.passport.term,
        documents: own.passport.documents
          .filter((d) => d.providedBy === "applicant")
          .map((d) => ({ title: d.title, required: d.required, condition: d.condition ?? null })),
      };
    }),
    variant: chosen ? { code: chosen.code, title: chosen.title } : null,
  };
}

/** Everything the cabinet shows about one application (R19, R22). */
export async function applicationForOwner(db: Db, userId: string, id: string) {
  const app = await db.application.findFirst({
    where: visibleToApplicant(userId, { id }),
    select: {
      id: true,
      status: true,
      registrationNumber: true,
      registeredAt: true,
      submittedAt: true,
      dueAt: true,
      dueProvisional: true,
      currentStage: true,
      stageDueAt: true,
      stageDueProvisional: true,
      outcome: true,
      closedAt: true,
      contentHash: true,
      channel: true,
      data: true,
      createdAt: true,
      updatedAt: true,
      service: { select: { code: true, title: true } },
      regulationVersionId: true,
      variantCode: true,
      regulationVersion: { select: { version: true, document: true } },
      assignee: { select: { lastName: true, firstName: true, middleName: true, phone: true } },
      stages: {
        orderBy: { enteredAt: "asc" },
        select: { stage: true, enteredAt: true, dueAt: true, dueProvisional: true, leftAt: true },
      },
      events: {
        // The audit's own events (reads, downloads, checks, escalations) are not steps of the applicant's timeline.
        where: { type: { notIn: [...AUDIT_EVENT_TYPES] } },
        orderBy: { at: "asc" },
        select: { type: true, at: true, fromStage: true, toStage: true, payload: true },
      },
      notifications: {
        where: { userId },
        orderBy: { createdAt: "desc" },
        select: { id: true, title: true, body: true, createdAt: true, readAt: true },
      },
      department: { select: { name: true, phone: true } },
      // Their confirmed sections are part of what was signed (the content hash covers them).
      participants: {
        where: { role: "CO_APPLICANT", completedAt: { not: null } },
        orderBy: { createdAt: "asc" },
        select: { email: true, data: true },
      },
      // R20: the result document, once issued, is downloadable from the cabinet.
      documents: {
        where: ISSUED_RESULTS,
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          title: true,
          kind: true,
          outgoingNumber: true,
          registeredAt: true,
          issuedAt: true,
          issuedVia: true,
          storageKey: true,
          signedStorageKey: true,
        },
      },
    },
  });
  if (!app) return null;
  const doc = pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode);
  const stageOf = (key: string | null) => (key ? doc.stages.find((s) => s.key === key) : undefined);
  const current = stageOf(app.currentStage);
  // Issue 16 p.8: the applicant's names of the stages, and the legal title on demand — but not, while
  // the application is open, of the stages that lead to a refusal (R25: it comes with its notice).
  const untold = app.status === "SUBMITTED" ? refusalBoundStages(doc) : new Set<string>();
  const names = (def: StageDef) => ({
    title: def.shortTitle ?? def.title,
    legalTitle: def.shortTitle && def.shortTitle !== def.title && !untold.has(def.key) ? def.title : null,
  });
  // A refusal reaches the applicant with its notice (R19, R25): until the notice is signed and issued
  // it is a draft the signer may return for rework, with other grounds. The latest one is the decision.
  const refusalDecided =
    app.outcome === "refused" || app.outcome === "intake_refused" || app.documents.some((d) => d.kind === "refusal");
  const refusal = refusalDecided ? app.events.findLast((e) => e.type === "refused") : undefined;
  return {
    id: app.id,
    status: app.status,
    service: app.service,
    regulationVersion: app.regulationVersion.version,
    /** The variant of the service the application is pinned to (issue 10 p.8), in words. */
    variant:
      variantDef(pinnedDocument(app.regulationVersionId, app.regulationVersion.document), app.variantCode)?.title ??
      null,
    registrationNumber: app.registrationNumber,
    registeredAt: app.registeredAt,
    dueAt: app.dueAt,
    dueProvisional: app.dueProvisional,
    outcome: app.outcome,
    closedAt: app.closedAt,
    contentHash: app.contentHash,
    /** Only an application the applicant submitted on the portal carries their simple electronic signature (R17). */
    signedOnPortal: app.channel === "PORTAL",
    values: app.data as Record<string, unknown>,
    coApplicants: app.participants.map((p) => ({ email: p.email, values: p.data as Record<string, unknown> })),
    steps: doc.form.steps,
    current: current
      ? {
          key: current.key,
          ...names(current),
          note: current.applicantNote ?? null,
          dueAt: app.stageDueAt,
          dueProvisional: app.stageDueProvisional,
        }
      : null,
    // R22: the applicant may learn the responsible executor's name and phone.
    executor: app.assignee
      ? { name: personName(app.assignee), phone: app.assignee.phone ?? app.department.phone }
      : null,
    department: app.department.name,
    timeline: app.stages.map((s) => {
      const def = stageOf(s.stage);
      return {
        stage: s.stage,
        ...(def ? names(def) : { title: s.stage, legalTitle: null }),
        responsible: def?.responsibleRoles.map((r) => ROLE_LABEL[r]) ?? [],
        enteredAt: s.enteredAt,
        dueAt: s.dueAt,
        dueProvisional: s.dueProvisional,
        leftAt: s.leftAt,
      };
    }),
    refusal: refusal
      ? (refusal.payload as { refusalGrounds?: { code: string; text: string }[]; motivation?: string })
      : null,
    notifications: app.notifications,
    // The signed original is offered separately only where the issued copy was made from it.
    documents: app.documents.map(({ storageKey, signedStorageKey, ...d }) => ({
      ...d,
      signedOriginal: !!signedStorageKey && signedStorageKey !== storageKey,
    })),
  };
}

/** Drafts untouched since `staleBefore` whose owner has not been warned yet (the purge job, R15). */
export async function draftsToWarn(db: Db, staleBefore: Date, take: number) {
  return db.application.findMany({
    where: { status: "DRAFT", updatedAt: { lt: staleBefore }, purgeNoticeAt: null },
    select: {
      id: true,
      ownerId: true,
      service: { select: { title: true } },
      owner: { select: { firstName: true, middleName: true } },
    },
    take,
  });
}

/** Drafts warned before `graceBefore` and untouched since: due for deletion. */
export async function draftsToPurge(db: Db, graceBefore: Date, take: number) {
  return db.application.findMany({
    where: { status: "DRAFT", purgeNoticeAt: { lt: graceBefore }, updatedAt: { lt: graceBefore } },
    select: { id: true },
    take,
  });
}
