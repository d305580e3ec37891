// Reads of typo corrections (S2 p.72): the applicant sees the requests on their applications, staff
// those of their departments' applications; anything else is "not found".
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/client";
import type { StaffScope } from "../auth/scope";
import { ISSUED_RESULTS, visibleToApplicant, visibleToStaff } from "../application/visibility";
import { pinnedDocument } from "../regulation/document-cache";
import { isUuid } from "../ids";
import { personName } from "../people";

const PERSON = { select: { lastName: true, firstName: true, middleName: true } } as const;
const DOC = { select: { id: true, title: true, outgoingNumber: true, registeredAt: true, issuedAt: true } } as const;

const SELECT = {
  id: true,
  number: true,
  status: true,
  description: true,
  registeredAt: true,
  checkDueAt: true,
  fixDueAt: true,
  dueProvisional: true,
  checkedAt: true,
  decidedAt: true,
  reason: true,
  letterStorageKey: true,
  handler: PERSON,
  document: DOC,
  correctedDocument: DOC,
  application: {
    select: { id: true, registrationNumber: true, departmentId: true, service: { select: { title: true } } },
  },
} satisfies Prisma.TypoRequestSelect;

function view(r: Prisma.TypoRequestGetPayload<{ select: typeof SELECT }>) {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    description: r.description,
    registeredAt: r.registeredAt,
    checkDueAt: r.checkDueAt,
    fixDueAt: r.fixDueAt,
    dueProvisional: r.dueProvisional,
    checkedAt: r.checkedAt,
    decidedAt: r.decidedAt,
    reason: r.reason,
    hasLetter: !!r.letterStorageKey,
    handlerName: r.handler ? personName(r.handler) : null,
    document: r.document,
    // The applicant sees the corrected document once it is issued (R20), like any result.
    correctedDocument: r.correctedDocument,
    applicationId: r.application.id,
    registrationNumber: r.application.registrationNumber,
    serviceTitle: r.application.service.title,
  };
}

export type TypoView = ReturnType<typeof view>;

/** The application as the typo page needs it: the regulation's terms and the issued documents. */
export async function typoApplication(db: Db, userId: string, applicationId: string) {
  return typoTarget(db, (where) => visibleToApplicant(userId, where), applicationId);
}

/** The same for staff who see the application (a registrar enters a request received on paper). */
export async function typoApplicationForStaff(db: Db, scope: StaffScope, applicationId: string) {
  return typoTarget(db, (where) => visibleToStaff(scope, where), applicationId);
}

async function typoTarget(
  db: Db,
  visible: (where: Prisma.ApplicationWhereInput) => Prisma.ApplicationWhereInput,
  applicationId: string,
) {
  if (!isUuid(applicationId)) return null;
  const app = await db.application.findFirst({
    where: visible({ id: applicationId, status: { not: "DRAFT" } }),
    select: {
      id: true,
      departmentId: true,
      registrationNumber: true,
      service: { select: { title: true } },
      regulationVersionId: true,
      variantCode: true,
      regulationVersion: { select: { document: true } },
      documents: {
        where: ISSUED_RESULTS,
        orderBy: { createdAt: "asc" },
        select: { id: true, title: true, outgoingNumber: true, registeredAt: true, correctsId: true },
      },
    },
  });
  if (!app) return null;
  const terms = pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode).passport
    .typoCorrection;
  return {
    id: app.id,
    departmentId: app.departmentId,
    registrationNumber: app.registrationNumber,
    serviceTitle: app.service.title,
    terms: terms ?? null,
    documents: app.documents,
  };
}

export async function typoRequestsOfApplication(db: Db, userId: string, applicationId: string) {
  const rows = await db.typoRequest.findMany({
    where: { applicationId, application: visibleToApplicant(userId) },
    orderBy: { registeredAt: "desc" },
    select: SELECT,
  });
  return rows.map((r) => ({
    ...view(r),
    correctedDocument: r.correctedDocument?.issuedAt ? r.correctedDocument : null,
  }));
}

export async function typoRequestsForStaff(db: Db, scope: StaffScope) {
  const rows = await db.typoRequest.findMany({
    where: { application: visibleToStaff(scope) },
    orderBy: [{ status: "asc" }, { fixDueAt: "asc" }, { id: "asc" }],
    take: 200,
    select: SELECT,
  });
  return rows.map(view);
}

export async function typoRequestForStaff(db: Db, scope: StaffScope, id: string) {
  if (!isUuid(id)) return null;
  const r = await db.typoRequest.findFirst({
    where: { id, application: visibleToStaff(scope) },
    select: { ...SELECT, document: { select: { ...DOC.select, content: true } } },
  });
  if (!r) return null;
  const content = r.document.content as { body?: string } | null;
  return { ...view(r), departmentId: r.application.departmentId, originalBody: content?.body ?? "" };
}

/** The no-error letter, for a viewer who may see the request (its applicant, its department's staff). */
export async function typoLetterFor(db: Db, viewer: { userId: string; departmentIds: readonly string[] }, id: string) {
  if (!isUuid(id)) return null;
  return db.typoRequest.findFirst({
    where: {
      id,
      OR: [{ application: visibleToApplicant(viewer.userId) }, { application: visibleToStaff(viewer) }],
    },
    select: { number: true, letterStorageKey: true },
  });
}

/**
 * Open requests whose check (REGISTERED) or fix (REGISTERED or CONFIRMED) term falls in `due` and
 * that have not had this notice yet; keyset pages on (due, id) like the stage monitor's.
 */
export async function typoRequestsAwaitingNotice(
  db: Db,
  input: {
    term: "check" | "fix";
    kind: string;
    due: { lt: Date } | { gte: Date; lte: Date };
    after?: { dueAt: Date; id: string };
    take: number;
  },
) {
  const field = input.term === "check" ? "checkDueAt" : "fixDueAt";
  const { after } = input;
  const rows = await db.typoRequest.findMany({
    where: {
      status: { in: input.term === "check" ? ["REGISTERED"] : ["REGISTERED", "CONFIRMED"] },
      [field]: input.due,
      alerts: { none: { kind: input.kind } },
      ...(after ? { OR: [{ [field]: { gt: after.dueAt } }, { [field]: after.dueAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ [field]: "asc" }, { id: "asc" }],
    take: input.take,
    select: {
      id: true,
      number: true,
      checkDueAt: true,
      fixDueAt: true,
      handler: { select: { id: true, lastName: true, firstName: true, middleName: true } },
      application: {
        select: {
          id: true,
          departmentId: true,
          assignee: { select: { id: true, lastName: true, firstName: true, middleName: true } },
        },
      },
    },
  });
  return rows.map((r) => ({ ...r, dueAt: input.term === "check" ? r.checkDueAt : r.fixDueAt }));
}
