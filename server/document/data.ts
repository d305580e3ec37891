// Who may download a result document: the applicant once it is issued (R20), staff of the
// application's department at any time. Others get "not found".
import "server-only";
import type { Db } from "../db/client";
import { ISSUED_RESULTS, visibleToApplicant, visibleToStaff } from "../application/visibility";
import { isUuid } from "../ids";

export async function resultForDownload(db: Db, viewer: { userId: string; departmentIds: readonly string[] }, id: string) {
  if (!isUuid(id)) return null;
  return db.resultDocument.findFirst({
    where: {
      id,
      OR: [
        { ...ISSUED_RESULTS, application: visibleToApplicant(viewer.userId) },
        { application: visibleToStaff(viewer) },
      ],
    },
    select: { id: true, title: true, storageKey: true, signedStorageKey: true, outgoingNumber: true },
  });
}
