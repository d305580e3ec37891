// Who may download a result document: the applicant once it is issued (R20), staff of the
// application's department at any time. Others get "not found".
import "server-only";
import type { Db } from "../db/client";
import { ISSUED_RESULTS, visibleToApplicant, visibleToStaff } from "../application/visibility";
import { isUuid } from "../ids";
import type { StaffScope } from "../auth/scope";

export async function resultForDownload(
  db: Db,
  viewer: { userId: string; departmentIds: readonly string[] },
  id: string,
) {
  if (!isUuid(id)) return null;
  return db.resultDocument.findFirst({
    where: {
      id,
      OR: [
        { ...ISSUED_RESULTS, application: visibleToApplicant(viewer.userId) },
        { application: visibleToStaff(viewer) },
      ],
    },
    select: {
      id: true,
      title: true,
      storageKey: true,
      signedStorageKey: true,
      signature: true,
      outgoingNumber: true,
      application: { select: { id: true, status: true } },
    },
  });
}

/**
 * What the paper receipt of a registered application shows (R23), for staff of its department: any
 * other application, or one not registered yet, is not found.
 */
export async function receiptForStaff(db: Db, scope: Pick<StaffScope, "departmentIds">, id: string) {
  return db.application.findFirst({
    where: { id, departmentId: { in: [...scope.departmentIds] }, registrationNumber: { not: null } },
    select: {
      id: true,
      status: true,
      registrationNumber: true,
      registeredAt: true,
      dueAt: true,
      dueProvisional: true,
      channel: true,
      data: true,
      regulationVersionId: true,
      variantCode: true,
      regulationVersion: { select: { document: true } },
      service: { select: { title: true } },
      owner: { select: { lastName: true, firstName: true, middleName: true } },
      events: {
        where: { type: "submitted" },
        take: 1,
        select: { payload: true, actor: { select: { lastName: true, firstName: true, middleName: true } } },
      },
    },
  });
}
