// Expired drafts (R15: kept at least 3 months). A draft untouched for DRAFT_KEEP_DAYS gets a notice
// to its owner; one still untouched PURGE_GRACE_DAYS after the notice is deleted with its files.
// Saving the draft again clears the notice (saveDraft resets purgeNoticeAt).
import type { Db } from "../db/client";
import { notify } from "../notification/mutations";
import { draftExpiringMessage } from "../notification/templates";
import { appBaseUrl } from "../notification/config";
import type { FileStorage } from "../storage/storage";
import { salutationName } from "../people";

export const DRAFT_KEEP_DAYS = 92; // three months, rounded up to the longest
export const PURGE_GRACE_DAYS = 14;
const DAY = 86_400_000;

export async function purgeExpiredDrafts(db: Db, storage: FileStorage, now = new Date()) {
  const staleBefore = new Date(now.getTime() - DRAFT_KEEP_DAYS * DAY);
  let notified = 0;
  const toWarn = await db.application.findMany({
    where: { status: "DRAFT", updatedAt: { lt: staleBefore }, purgeNoticeAt: null },
    select: { id: true, ownerId: true, service: { select: { title: true } }, owner: { select: { firstName: true, middleName: true } } },
    take: 500,
  });
  for (const d of toWarn) {
    const purgeAt = new Date(now.getTime() + PURGE_GRACE_DAYS * DAY);
    await db.$transaction(async (tx) => {
      // Conditional on the draft still being untouched: a save in between wins.
      const marked = await tx.application.updateMany({ where: { id: d.id, status: "DRAFT", updatedAt: { lt: staleBefore }, purgeNoticeAt: null }, data: { purgeNoticeAt: now } });
      if (marked.count !== 1) return;
      const message = draftExpiringMessage({
        recipientName: salutationName(d.owner),
        serviceTitle: d.service.title, purgeAt, draftUrl: `${appBaseUrl()}/applications/${d.id}`,
      });
      await notify(tx, { userId: d.ownerId, applicationId: d.id, kind: "draft_expiring", ...message });
      notified += 1;
    });
  }

  const graceBefore = new Date(now.getTime() - PURGE_GRACE_DAYS * DAY);
  const toPurge = await db.application.findMany({
    where: { status: "DRAFT", purgeNoticeAt: { lt: graceBefore }, updatedAt: { lt: graceBefore } },
    select: { id: true },
    take: 500,
  });
  let purged = 0;
  for (const d of toPurge) {
    const keys = await db.$transaction(async (tx) => {
      const files = await tx.attachment.findMany({ where: { applicationId: d.id }, select: { storageKey: true } });
      await tx.attachment.deleteMany({ where: { applicationId: d.id } });
      await tx.notification.updateMany({ where: { applicationId: d.id }, data: { applicationId: null } });
      const gone = await tx.application.deleteMany({ where: { id: d.id, status: "DRAFT", purgeNoticeAt: { lt: graceBefore } } });
      if (gone.count !== 1) throw new Error("draft changed while purging");
      return files.map((f) => f.storageKey);
    }).catch(() => null);
    if (!keys) continue;
    for (const key of keys) await storage.delete(key);
    purged += 1;
  }
  return { notified, purged };
}
