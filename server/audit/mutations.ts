// The audit's writes (R3; R32, 152-FZ: access to personal data is recorded): a staff member opening
// an application's card, anyone downloading its files, a failed content check. Each is one insert into
// the event log (chained by the database like every event); the content check is a read of the
// application's own row and its co-applicants' sections, and a hash.
//
// Only submitted applications get events: a draft writes none (the log is append-only and an
// abandoned draft must stay purgeable, README "Drafts are not applications"), and its files are its
// owner's own.
import "server-only";
import type { Db, Tx } from "../db/client";
import type { StaffScope } from "../auth/scope";
import { AppError } from "../errors";
import { visibleToApplicant, visibleToStaff } from "../application/visibility";
import { isUuid } from "../ids";
import { contentIntact } from "./content";
import { storedContent } from "./data";
import type { DownloadKind } from "./events";
import type { Prisma } from "../generated/prisma/client";
import type { AdminEventType, AdminSubjectType } from "./admin-event-types";

export type ContentCheck = { intact: boolean };

const notFound = () => new AppError("NOT_FOUND", "Заявление не найдено");

/**
 * A staff member opened the card (the card page, not the board's list or its move dialog): recorded
 * as `card_viewed`, or as `content_mismatch` (the same read, with the finding) when the stored
 * content no longer gives the hash signed at submission.
 */
export async function recordCardRead(
  db: Db,
  scope: StaffScope,
  input: { applicationId: string },
): Promise<ContentCheck> {
  if (!isUuid(input.applicationId)) throw notFound();
  const content = await storedContent(db, visibleToStaff(scope, { id: input.applicationId }));
  if (!content) throw notFound();
  const intact = contentIntact(content) !== false;
  await db.applicationEvent.create({
    data: {
      applicationId: content.id,
      actorId: scope.userId,
      type: intact ? "card_viewed" : "content_mismatch",
      fromStage: content.currentStage,
      toStage: content.currentStage,
      payload: intact ? {} : { via: "staff_card", expected: content.contentHash },
    },
  });
  return { intact };
}

/** The applicant opened their application: only a failed check is written (their own reads are not logged). */
export async function checkContentOnOpen(
  db: Db,
  userId: string,
  input: { applicationId: string },
): Promise<ContentCheck> {
  if (!isUuid(input.applicationId)) throw notFound();
  const content = await storedContent(db, visibleToApplicant(userId, { id: input.applicationId }));
  if (!content) throw notFound();
  if (content.status === "DRAFT" || contentIntact(content) !== false) return { intact: true };
  await db.applicationEvent.create({
    data: {
      applicationId: content.id,
      actorId: userId,
      type: "content_mismatch",
      fromStage: content.currentStage,
      toStage: content.currentStage,
      payload: { via: "applicant_page", expected: content.contentHash },
    },
  });
  return { intact: false };
}

/** A file of a submitted application was downloaded: one insert. A draft's files are left out (see above). */
export async function recordDownload(
  db: Db,
  input: {
    application: { id: string; status: string };
    actorId: string;
    kind: DownloadKind;
    objectId: string;
  },
): Promise<void> {
  if (input.application.status === "DRAFT") return;
  await db.applicationEvent.create({
    data: {
      applicationId: input.application.id,
      actorId: input.actorId,
      type: "file_downloaded",
      payload: { kind: input.kind, id: input.objectId },
    },
  });
}

// What administrators change outside applications (issue 11, R3; S0 p.4, p.10: heads answer for
// deadlines, officials for the data they enter, so who holds which role where is on record).
// One writer, inside the caller's transaction: the change and its record commit together or not at
// all. The table is append-only (trigger AdminEvent_append_only; the app's role may not UPDATE or
// DELETE it, server/db/app-role.ts).

export type AdminEventInput = {
  actorId: string | null;
  type: AdminEventType;
  subjectType: AdminSubjectType;
  subjectId: string;
  /** The state before the change (null for a creation) and after it (null for a removal). */
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  at?: Date;
};

export async function recordAdminEvent(tx: Tx, e: AdminEventInput): Promise<void> {
  await tx.adminEvent.create({
    data: {
      actorId: e.actorId,
      type: e.type,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      before: e.before ?? undefined,
      after: e.after ?? undefined,
      ...(e.at ? { at: e.at } : {}),
    },
  });
}
