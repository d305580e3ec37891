// Reads of the applicant's journey, always scoped by the owner (or a co-applicant participant).
import type { Db } from "../db/client";
import { pinnedDocument } from "../regulation/document-cache";
import { ROLE_LABEL } from "../regulation/document";
import { personName } from "../people";


export async function draftForOwner(db: Db, ownerId: string, id: string) {
  const app = await db.application.findFirst({
    where: { id, ownerId },
    select: {
      id: true, status: true, rowVersion: true, data: true, currentStep: true, updatedAt: true, registrationNumber: true,
      service: { select: { code: true, title: true } },
      regulationVersionId: true,
      regulationVersion: { select: { version: true, document: true } },
    },
  });
  if (!app) return null;
  const doc = pinnedDocument(app.regulationVersionId, app.regulationVersion.document);
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
    steps: doc.form.steps.filter((s) => (s.section ?? "applicant") === "applicant"),
    deliveryChannels: doc.deliveryChannels,
    /** The regulation allows a joint request: the owner may invite co-applicants (R15). */
    jointRequest: doc.form.steps.some((s) => s.section === "co_applicant"),
  };
}

/** Everything the cabinet shows about one application (R19, R22). */
export async function applicationForOwner(db: Db, userId: string, id: string) {
  const app = await db.application.findFirst({
    where: { id, OR: [{ ownerId: userId }, { participants: { some: { userId } } }] },
    select: {
      id: true, status: true, registrationNumber: true, registeredAt: true, submittedAt: true, dueAt: true, currentStage: true,
      stageDueAt: true, outcome: true, closedAt: true, contentHash: true, data: true, createdAt: true, updatedAt: true,
      service: { select: { code: true, title: true } },
      regulationVersionId: true,
      regulationVersion: { select: { version: true, document: true } },
      assignee: { select: { lastName: true, firstName: true, middleName: true, phone: true } },
      stages: { orderBy: { enteredAt: "asc" }, select: { stage: true, enteredAt: true, dueAt: true, leftAt: true } },
      events: { orderBy: { at: "asc" }, select: { type: true, at: true, fromStage: true, toStage: true, payload: true } },
      notifications: { where: { userId }, orderBy: { createdAt: "desc" }, select: { id: true, title: true, body: true, createdAt: true, readAt: true } },
      department: { select: { name: true, phone: true } },
      // R20: the result document, once issued, is downloadable from the cabinet.
      documents: { where: { issuedAt: { not: null } }, orderBy: { createdAt: "asc" }, select: { id: true, title: true, kind: true, outgoingNumber: true, registeredAt: true, issuedAt: true, issuedVia: true, storageKey: true, signedStorageKey: true } },
    },
  });
  if (!app) return null;
  const doc = pinnedDocument(app.regulationVersionId, app.regulationVersion.document);
  const stageOf = (key: string | null) => (key ? doc.stages.find((s) => s.key === key) : undefined);
  const current = stageOf(app.currentStage);
  // A refusal reaches the applicant with its notice (R19, R25): until the notice is signed and issued
  // it is a draft the signer may return for rework, with other grounds. The latest one is the decision.
  const refusalDecided = app.outcome === "refused" || app.outcome === "intake_refused" || app.documents.some((d) => d.kind === "refusal");
  const refusal = refusalDecided ? app.events.findLast((e) => e.type === "refused") : undefined;
  return {
    id: app.id,
    status: app.status,
    service: app.service,
    regulationVersion: app.regulationVersion.version,
    registrationNumber: app.registrationNumber,
    registeredAt: app.registeredAt,
    dueAt: app.dueAt,
    outcome: app.outcome,
    closedAt: app.closedAt,
    contentHash: app.contentHash,
    values: app.data as Record<string, unknown>,
    steps: doc.form.steps,
    current: current ? { key: current.key, title: current.title, note: current.applicantNote ?? null, dueAt: app.stageDueAt } : null,
    // R22: the applicant may learn the responsible executor's name and phone.
    executor: app.assignee ? { name: personName(app.assignee), phone: app.assignee.phone ?? app.department.phone } : null,
    department: app.department.name,
    timeline: app.stages.map((s) => {
      const def = stageOf(s.stage);
      return { stage: s.stage, title: def?.title ?? s.stage, responsible: def?.responsibleRoles.map((r) => ROLE_LABEL[r]) ?? [], enteredAt: s.enteredAt, dueAt: s.dueAt, leftAt: s.leftAt };
    }),
    refusal: refusal ? (refusal.payload as { refusalGrounds?: { code: string; text: string }[]; motivation?: string }) : null,
    notifications: app.notifications,
    // The signed original is offered separately only where the issued copy was made from it.
    documents: app.documents.map(({ storageKey, signedStorageKey, ...d }) => ({ ...d, signedOriginal: !!signedStorageKey && signedStorageKey !== storageKey })),
  };
}
