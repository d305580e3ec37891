// The application card for staff (R3, R6): the form as submitted (read-only), attachments, the whole
// event history with actors, deadlines per stage, internal comments, and what this user may do now.
import "server-only";
import { ACCESS_EVENT_TYPES } from "../../audit/events";
import type { Db } from "../../db/client";
import type { StaffScope } from "../../auth/scope";
import { deadlineLabel, deadlineStatus, type DeadlineContext } from "../../calendar/deadline-status";
import { variantDef } from "../../regulation/variants";
import { pinnedDocument } from "../../regulation/document-cache";
import { ROLE_LABEL, type RegulationDocument } from "../../regulation/document";
import { applicantOf, type ApplicantOwner } from "../../application/applicant";
import { offeredTransitions, mayReassign, rolesIn } from "../machine";
import { AppError } from "../../errors";
import { INTERAGENCY_ANSWER_FIELD } from "../../attachment/data";
import { personName } from "../../people";
import { visibleToStaff } from "../../application/visibility";
import { isUuid } from "../../ids";
import { renderTemplate } from "../../regulation/template";

export async function staffCard(db: Db, scope: StaffScope, id: string, ctx: DeadlineContext) {
  if (!isUuid(id)) return null;
  const app = await db.application.findFirst({
    where: visibleToStaff(scope, { id }),
    select: {
      id: true,
      status: true,
      channel: true,
      registrationNumber: true,
      registeredAt: true,
      dueAt: true,
      dueProvisional: true,
      currentStage: true,
      stageDueAt: true,
      stageDueProvisional: true,
      outcome: true,
      rowVersion: true,
      departmentId: true,
      assigneeId: true,
      delivery: true,
      data: true,
      contentHash: true,
      signature: true,
      regulationVersionId: true,
      variantCode: true,
      regulationVersion: { select: { version: true, document: true } },
      service: { select: { code: true, title: true } },
      department: { select: { name: true } },
      owner: { select: { lastName: true, firstName: true, middleName: true, email: true, phone: true } },
      assignee: { select: { id: true, lastName: true, firstName: true, middleName: true } },
      participants: { where: { role: "CO_APPLICANT" }, select: { email: true, data: true, completedAt: true } },
      requests: {
        orderBy: { sentAt: "asc" },
        select: {
          id: true,
          typeCode: true,
          agency: true,
          text: true,
          sentAt: true,
          dueAt: true,
          answeredAt: true,
          answerText: true,
          answerFileId: true,
        },
      },
      documents: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          title: true,
          kind: true,
          createdAt: true,
          signedAt: true,
          outgoingNumber: true,
          issuedAt: true,
          issuedVia: true,
          sha256: true,
          collectBy: true,
          storageKey: true,
          signedStorageKey: true,
        },
      },
      attachments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, fieldKey: true, fileName: true, mimeType: true, size: true, sha256: true },
      },
      stages: {
        orderBy: { enteredAt: "asc" },
        select: { stage: true, enteredAt: true, dueAt: true, dueProvisional: true, leftAt: true },
      },
      events: {
        // Reads of the card and downloads are in the log (152-FZ), not in the history the card shows.
        where: { type: { notIn: [...ACCESS_EVENT_TYPES] } },
        orderBy: { id: "asc" },
        select: {
          id: true,
          at: true,
          type: true,
          fromStage: true,
          toStage: true,
          payload: true,
          actor: { select: { lastName: true, firstName: true, middleName: true } },
        },
      },
    },
  });
  if (!app) return null;
  const doc = pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode);
  const variant = variantDef(pinnedDocument(app.regulationVersionId, app.regulationVersion.document), app.variantCode);
  // Files staff attached to request answers are the department's papers, shown under their request,
  // not among the applicant's attachments.
  const applicantFiles = app.attachments.filter((a) => a.fieldKey !== INTERAGENCY_ANSWER_FIELD);
  const answerFiles = new Map(
    app.attachments.filter((a) => a.fieldKey === INTERAGENCY_ANSWER_FIELD).map((a) => [a.id, a]),
  );
  const title = (key: string | null) => (key ? (doc.stages.find((s) => s.key === key)?.title ?? key) : null);
  const dl = (due: Date | null) => {
    const status =
      app.status === "SUBMITTED"
        ? deadlineStatus(due, ctx.now, ctx.calendar, { dueSoonWorkingDays: ctx.dueSoonWorkingDays })
        : "none";
    return { status, label: deadlineLabel(status, due, ctx) };
  };
  return {
    id: app.id,
    status: app.status,
    channel: app.channel,
    registrationNumber: app.registrationNumber,
    registeredAt: app.registeredAt,
    dueAt: app.dueAt,
    dueProvisional: app.dueProvisional,
    outcome: app.outcome,
    rowVersion: app.rowVersion,
    contentHash: app.contentHash,
    service: app.service,
    department: app.department.name,
    regulationVersion: app.regulationVersion.version,
    /** The variant of the service the application is pinned to (issue 10 p.8), in words. */
    variant: variant ? { code: variant.code, title: variant.title } : null,
    stage: app.currentStage
      ? {
          key: app.currentStage,
          title: title(app.currentStage),
          dueAt: app.stageDueAt,
          dueProvisional: app.stageDueProvisional,
          deadline: dl(app.stageDueAt),
        }
      : null,
    applicant: staffApplicant(doc, app.data, app.owner),
    assignee: app.assignee ? { id: app.assignee.id, name: personName(app.assignee) } : null,
    steps: doc.form.steps,
    values: app.data as Record<string, unknown>,
    coApplicants: app.participants.map((p) => ({
      email: p.email,
      data: p.data as Record<string, unknown>,
      completedAt: p.completedAt,
    })),
    attachments: applicantFiles,
    timeline: app.stages.map((s) => ({
      ...s,
      title: title(s.stage),
      responsible: doc.stages.find((d) => d.key === s.stage)?.responsibleRoles.map((r) => ROLE_LABEL[r]) ?? [],
    })),
    events: app.events.map((e) => ({
      id: e.id.toString(),
      at: e.at,
      type: e.type,
      fromStage: title(e.fromStage),
      toStage: title(e.toStage),
      actor: e.actor ? personName(e.actor) : "Система",
      payload: e.payload as Record<string, unknown>,
    })),
    transitions: offeredTransitions(doc, app, scope),
    // R5: requests with their own deadlines; an unanswered one past its due date is overdue.
    requests: app.requests.map(({ answerFileId, ...r }) => {
      const file = answerFileId ? answerFiles.get(answerFileId) : undefined;
      return {
        ...r,
        title: doc.interagencyRequestTypes.find((t) => t.code === r.typeCode)?.title ?? r.typeCode,
        overdue: !r.answeredAt && r.dueAt < ctx.now,
        answerFile: file ? { id: file.id, fileName: file.fileName, mimeType: file.mimeType, size: file.size } : null,
      };
    }),
    requestTypes: doc.interagencyRequestTypes,
    /** Whether this user may hand the application to another executor: head or registrar of its department (R2). */
    canReassign: app.status === "SUBMITTED" && !!app.assigneeId && mayReassign(rolesIn(scope, app.departmentId)),
    // The signed original is offered separately only where the issued copy was made from it.
    documents: app.documents.map(({ storageKey, signedStorageKey, ...d }) => ({
      ...d,
      signedOriginal: !!signedStorageKey && signedStorageKey !== storageKey,
    })),
    // R10, S2 p.57: a paper result waiting for the applicant; once its date has passed it is to be
    // sent by registered post.
    uncollected: uncollected(app.status, app.documents.at(-1), ctx.now),
    serviceRefusalGrounds: doc.serviceRefusalGrounds,
    intakeRefusalGrounds: doc.intakeRefusalGrounds,
    // Issue 10 p.2: a result type's template rendered for this application pre-fills the text the
    // official writes in the move dialog (and edits); null where the type has no template.
    resultTypes: doc.resultTypes.map((r) => ({
      ...r,
      text: r.template
        ? renderTemplate(r.template, {
            doc,
            data: (app.data ?? {}) as Record<string, unknown>,
            applicantName: applicantOf(doc, app.data, app.owner).name,
            registrationNumber: app.registrationNumber,
            registeredAt: app.registeredAt,
            serviceTitle: app.service.title,
            today: ctx.now,
          })
        : null,
    })),
  };
}

/**
 * The applicant as the pinned regulation's field roles say (R16): the organisation or the person, the
 * contacts given in the form (else the account's), and the account the application belongs to.
 */
function staffApplicant(doc: RegulationDocument, data: unknown, owner: ApplicantOwner & { email: string }) {
  const applicant = applicantOf(doc, data, owner);
  return {
    name: applicant.name,
    account: personName(owner),
    email: applicant.email ?? owner.email,
    phone: applicant.phone,
    address: applicant.address,
  };
}

function uncollected(status: string, doc: { collectBy: Date | null; issuedAt: Date | null } | undefined, now: Date) {
  if (status !== "SUBMITTED" || !doc?.collectBy || doc.issuedAt) return null;
  return { collectBy: doc.collectBy, overdue: doc.collectBy < now };
}

/** Executors of the application's department, for the assignment menu (R2, S2 p.50). */
export async function executorsFor(db: Db, scope: StaffScope, applicationId: string) {
  const app = await db.application.findFirst({
    where: visibleToStaff(scope, { id: applicationId }),
    select: { departmentId: true },
  });
  if (!app) throw new AppError("NOT_FOUND", "Заявление не найдено");
  const members = await db.departmentMember.findMany({
    where: { departmentId: app.departmentId, role: "EXECUTOR", user: { isActive: true } },
    select: { user: { select: { id: true, lastName: true, firstName: true, middleName: true } } },
    orderBy: { user: { lastName: "asc" } },
  });
  return members.map((m) => ({ id: m.user.id, name: personName(m.user) }));
}
