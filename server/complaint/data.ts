// Reads of complaints (R21): the applicant sees the complaints on their own applications (and their
// own complaints); staff see those of the departments where they are the head or a registrar (the
// officials who consider and register complaints). Anything else is "not found".
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client";
import type { StaffScope } from "../auth/scope";
import { visibleToApplicant } from "../application/visibility";
import { rolesIn } from "../workflow/machine";
import { isUuid } from "../ids";
import { personName } from "../people";
import { pinnedDocument } from "../regulation/document-cache";
import type { ComplaintFile } from "./mutations";

/** The departments whose complaints a staff member sees: where they are the head or a registrar. */
export function complaintDepartments(scope: StaffScope): string[] {
  return scope.departmentIds.filter((d) => rolesIn(scope, d).some((r) => r === "HEAD" || r === "REGISTRAR"));
}

const PERSON = { select: { id: true, lastName: true, firstName: true, middleName: true } } as const;

const COMPLAINT_SELECT = {
  id: true,
  number: true,
  applicationId: true,
  departmentId: true,
  complainantId: true,
  complainantName: true,
  complainantEmail: true,
  complainantAddress: true,
  channel: true,
  subject: true,
  text: true,
  files: true,
  registeredAt: true,
  dueAt: true,
  dueProvisional: true,
  status: true,
  decidedAt: true,
  decisionText: true,
  remedy: true,
  decisionStorageKey: true,
  decisionSentAt: true,
  againstUserId: true,
  againstUser: PERSON,
  reviewer: PERSON,
  department: { select: { name: true } },
  application: { select: { id: true, registrationNumber: true, service: { select: { title: true } } } },
} satisfies Prisma.ComplaintSelect;

type Row = Prisma.ComplaintGetPayload<{ select: typeof COMPLAINT_SELECT }>;

function view(c: Row) {
  const files = (Array.isArray(c.files) ? (c.files as unknown as ComplaintFile[]) : []).map((f, index) => ({
    index,
    fileName: f.fileName,
    size: f.size,
    mimeType: f.mimeType,
  }));
  return {
    id: c.id,
    number: c.number,
    applicationId: c.applicationId,
    registrationNumber: c.application?.registrationNumber ?? null,
    serviceTitle: c.application?.service.title ?? null,
    departmentName: c.department.name,
    complainantName: c.complainantName,
    complainantEmail: c.complainantEmail,
    complainantAddress: c.complainantAddress,
    channel: c.channel,
    subject: c.subject,
    text: c.text,
    files,
    registeredAt: c.registeredAt,
    dueAt: c.dueAt,
    dueProvisional: c.dueProvisional,
    status: c.status,
    decidedAt: c.decidedAt,
    decisionText: c.decisionText,
    remedy: c.remedy,
    hasLetter: !!c.decisionStorageKey,
    decisionSentAt: c.decisionSentAt,
    againstUserId: c.againstUserId,
    againstName: c.againstUser ? personName(c.againstUser) : null,
    reviewerName: c.reviewer ? personName(c.reviewer) : null,
  };
}

export type ComplaintView = ReturnType<typeof view>;

/** Where the applicant may see a complaint: one on an application they see, or one they filed. */
function applicantWhere(userId: string): Prisma.ComplaintWhereInput {
  return { OR: [{ complainantId: userId }, { application: visibleToApplicant(userId) }] };
}

/**
 * The applicant's application, with what the complaint page needs (its number, service, outcome);
 * null for someone else's or a draft.
 */
export async function complaintApplication(db: Db, userId: string, applicationId: string) {
  if (!isUuid(applicationId)) return null;
  const app = await db.application.findFirst({
    where: visibleToApplicant(userId, { id: applicationId, status: { not: "DRAFT" } }),
    select: {
      id: true,
      registrationNumber: true,
      status: true,
      outcome: true,
      service: { select: { title: true } },
      regulationVersionId: true,
      variantCode: true,
      regulationVersion: { select: { document: true } },
    },
  });
  if (!app) return null;
  const doc = pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode);
  return {
    id: app.id,
    registrationNumber: app.registrationNumber,
    status: app.status,
    outcome: app.outcome,
    serviceTitle: app.service.title,
    appealText: doc.passport.appeal.text,
    reviewTerm: doc.passport.appeal.reviewTerm ?? null,
  };
}

export async function complaintsOfApplication(db: Db, userId: string, applicationId: string) {
  const rows = await db.complaint.findMany({
    where: { AND: [{ applicationId }, applicantWhere(userId)] },
    orderBy: { registeredAt: "desc" },
    select: COMPLAINT_SELECT,
  });
  return rows.map(view);
}

export async function complaintsForStaff(db: Db, scope: StaffScope, filter: { status?: "open" | "closed" } = {}) {
  const rows = await db.complaint.findMany({
    where: {
      departmentId: { in: complaintDepartments(scope) },
      ...(filter.status === "open" ? { status: "REGISTERED" as const } : {}),
      ...(filter.status === "closed" ? { status: { not: "REGISTERED" as const } } : {}),
    },
    orderBy: [{ status: "asc" }, { dueAt: "asc" }, { id: "asc" }],
    take: 200,
    select: COMPLAINT_SELECT,
  });
  return rows.map(view);
}

export async function complaintForStaff(db: Db, scope: StaffScope, id: string) {
  if (!isUuid(id)) return null;
  const row = await db.complaint.findFirst({
    where: { id, departmentId: { in: complaintDepartments(scope) } },
    select: COMPLAINT_SELECT,
  });
  return row ? { ...view(row), departmentId: row.departmentId } : null;
}

/** A stored file of a complaint (its letter or an attachment) for a viewer who may see the complaint. */
export async function complaintFileFor(
  db: Db,
  viewer: { userId: string; staffDepartmentIds: readonly string[] },
  id: string,
) {
  if (!isUuid(id)) return null;
  return db.complaint.findFirst({
    where: {
      id,
      OR: [applicantWhere(viewer.userId), { departmentId: { in: [...viewer.staffDepartmentIds] } }],
    },
    select: { id: true, number: true, files: true, decisionStorageKey: true, applicationId: true },
  });
}

/**
 * Complaints awaiting a decision whose due instant is in `dueAt` and that have not had this notice yet;
 * keyset pages on (dueAt, id) like the stage monitor's.
 */
export async function complaintsAwaitingNotice(
  db: Db,
  input: {
    kind: "due_soon" | "overdue";
    dueAt: { lt: Date } | { gte: Date; lte: Date };
    after?: { dueAt: Date; id: string };
    take: number;
  },
) {
  const { kind, after } = input;
  return db.complaint.findMany({
    where: {
      status: "REGISTERED",
      dueAt: input.dueAt,
      alerts: { none: { kind } },
      ...(after ? { OR: [{ dueAt: { gt: after.dueAt } }, { dueAt: after.dueAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: input.take,
    select: {
      id: true,
      number: true,
      subject: true,
      registeredAt: true,
      dueAt: true,
      departmentId: true,
      applicationId: true,
      againstUserId: true,
    },
  });
}
