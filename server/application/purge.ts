// Expired drafts (R15: kept at least 3 months). A draft untouched for DRAFT_KEEP_DAYS gets a notice
// to its owner; one still untouched PURGE_GRACE_DAYS after the notice is deleted with its files.
// Saving the draft again clears the notice (saveDraft resets purgeNoticeAt).
import type { Db } from "../db/client";
import { draftExpiringMessage } from "../notification/templates";
import { appBaseUrl } from "../notification/config";
import type { FileStorage } from "../storage/storage";
import { draftsToPurge, draftsToWarn } from "./data";
import { deleteExpiredDraft, markDraftExpiring } from "./mutations";
import { salutationName } from "../people";

export const DRAFT_KEEP_DAYS = 92; // three months, rounded up to the longest
export const PURGE_GRACE_DAYS = 14;
const DAY = 86_400_000;
const BATCH = 500;

export async function purgeExpiredDrafts(db: Db, storage: FileStorage, now = new Date()) {
  const staleBefore = new Date(now.getTime() - DRAFT_KEEP_DAYS * DAY);
  let notified = 0;
  for (const d of await draftsToWarn(db, staleBefore, BATCH)) {
    const purgeAt = new Date(now.getTime() + PURGE_GRACE_DAYS * DAY);
    const message = draftExpiringMessage({
      recipientName: salutationName(d.owner),
      serviceTitle: d.service.title,
      purgeAt,
      draftUrl: `${appBaseUrl()}/applications/${d.id}`,
    });
    const notice = { userId: d.ownerId, applicationId: d.id, kind: "draft_expiring" as const, ...message };
    if (await markDraftExpiring(db, { id: d.id, staleBefore, now, notice })) notified += 1;
  }

  const graceBefore = new Date(now.getTime() - PURGE_GRACE_DAYS * DAY);
  let purged = 0;
  for (const d of await draftsToPurge(db, graceBefore, BATCH)) {
    const keys = await deleteExpiredDraft(db, { id: d.id, graceBefore });
    if (!keys) continue;
    // Files go once the rows are gone: a failure here leaves an orphan file, never a row without its file.
    for (const key of keys) await storage.delete(key);
    purged += 1;
  }
  return { notified, purged };
}
