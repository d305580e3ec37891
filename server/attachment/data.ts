// Who may download an attachment: the applicant and co-applicants of its application, and staff of
// the application's department (and the units under it). Others get "not found".
import type { Db } from "../db/client";

export async function attachmentForDownload(db: Db, viewer: { userId: string; departmentIds: readonly string[] }, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db.attachment.findFirst({
    where: {
      id,
      application: {
        OR: [
          { ownerId: viewer.userId },
          { participants: { some: { userId: viewer.userId } } },
          ...(viewer.departmentIds.length ? [{ departmentId: { in: [...viewer.departmentIds] }, status: { not: "DRAFT" as const } }] : []),
        ],
      },
    },
    select: { id: true, fileName: true, mimeType: true, size: true, storageKey: true },
  });
}
