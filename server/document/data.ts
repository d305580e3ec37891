// Who may download a result document: the applicant once it is issued (R20), staff of the
// application's department at any time. Others get "not found".
import type { Db } from "../db/client";
import { isUuid } from "../ids";

export async function resultForDownload(db: Db, viewer: { userId: string; departmentIds: readonly string[] }, id: string) {
  if (!isUuid(id)) return null;
  return db.resultDocument.findFirst({
    where: {
      id,
      OR: [
        { issuedAt: { not: null }, application: { OR: [{ ownerId: viewer.userId }, { participants: { some: { userId: viewer.userId } } }] } },
        ...(viewer.departmentIds.length ? [{ application: { departmentId: { in: [...viewer.departmentIds] } } }] : []),
      ],
    },
    select: { id: true, title: true, storageKey: true, signedStorageKey: true, outgoingNumber: true },
  });
}
