// Who may download an attachment: the applicant and co-applicants of its application, and staff of
// the application's department (and the units under it). Others get "not found".
import "server-only";
import type { Db } from "../db/client";
import { visibleToApplicant, visibleToStaff } from "../application/visibility";
import { isUuid } from "../ids";

/**
 * The field key of the files staff attach to an inter-agency request's answer (R5). Regulation field
 * keys are `[a-z][a-z0-9_]*`, so the hyphen keeps it apart from every form field. These files are the
 * department's working papers: not the applicant's attachments, not downloadable by the applicant.
 */
export const INTERAGENCY_ANSWER_FIELD = "interagency-answer";

export async function attachmentForDownload(
  db: Db,
  viewer: { userId: string; departmentIds: readonly string[] },
  id: string,
) {
  if (!isUuid(id)) return null;
  return db.attachment.findFirst({
    where: {
      id,
      OR: [
        // The department's working papers (answers to inter-agency requests) are not the applicant's.
        { fieldKey: { not: INTERAGENCY_ANSWER_FIELD }, application: visibleToApplicant(viewer.userId) },
        { application: visibleToStaff(viewer) },
      ],
    },
    select: {
      id: true,
      fileName: true,
      mimeType: true,
      size: true,
      storageKey: true,
      application: { select: { id: true, status: true } },
    },
  });
}
