// R15: drafts are kept at least 3 months; the owner is warned before an abandoned draft is purged.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { LocalFileStorage } from "../storage/storage";
import { uploadAttachment } from "../attachment/mutations";
import { saveDraft, startDraft } from "./mutations";
import { DRAFT_KEEP_DAYS, purgeExpiredDrafts } from "./purge";

let t: TestDatabase;
let storage: LocalFileStorage;
let ownerId: string;
const DAY = 86_400_000;
const age = (id: string, days: number) =>
  t.db.$executeRawUnsafe(
    `UPDATE "Application" SET "updatedAt" = now() - interval '${days} days' WHERE id = $1::uuid`,
    id,
  );

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-purge-")));
  ownerId = (await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } })).id;
});
afterAll(() => t.drop());

describe("draft purge (R15)", () => {
  it("keeps drafts younger than 3 months, warns the owner, then purges with the files", async () => {
    const fresh = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const old = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const pdf = new Uint8Array(64);
    pdf.set(Buffer.from("%PDF-1.4\n"));
    const file = await uploadAttachment(t.db, storage, {
      userId: ownerId,
      applicationId: old.id,
      fieldKey: "attachments",
      fileName: "a.pdf",
      content: pdf,
    });
    const key = (await t.db.attachment.findUniqueOrThrow({ where: { id: file.id } })).storageKey;
    await age(fresh.id, DRAFT_KEEP_DAYS - 1);
    await age(old.id, DRAFT_KEEP_DAYS + 1);

    const first = await purgeExpiredDrafts(t.db, storage);
    expect(first).toEqual({ notified: 1, purged: 0 });
    const notice = await t.db.notification.findFirstOrThrow({
      where: { applicationId: old.id, kind: "draft_expiring" },
    });
    expect(await t.db.outgoingEmail.count({ where: { notificationId: notice.id } })).toBe(1);
    expect(await purgeExpiredDrafts(t.db, storage)).toEqual({ notified: 0, purged: 0 }); // warned once

    // Two weeks later, still untouched: purged, file and all; the notice stays, detached.
    const later = new Date(Date.now() + 15 * DAY);
    await t.db.$executeRawUnsafe(
      `UPDATE "Application" SET "purgeNoticeAt" = now() - interval '15 days' WHERE id = $1::uuid`,
      old.id,
    );
    expect(await purgeExpiredDrafts(t.db, storage, later)).toMatchObject({ purged: 1 });
    expect(await t.db.application.count({ where: { id: old.id } })).toBe(0);
    expect(await storage.exists(key)).toBe(false);
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: notice.id } })).applicationId).toBeNull();
    expect(await t.db.application.count({ where: { id: fresh.id } })).toBe(1);
  });

  it("spares a warned draft that the owner saved again", async () => {
    const d = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    await age(d.id, DRAFT_KEEP_DAYS + 5);
    await purgeExpiredDrafts(t.db, storage);
    const row = await t.db.application.findUniqueOrThrow({ where: { id: d.id } });
    expect(row.purgeNoticeAt).not.toBeNull();
    await saveDraft(t.db, ownerId, {
      id: d.id,
      values: { request_subject: "вернулся" },
      currentStep: null,
      expectedRowVersion: row.rowVersion,
    });
    await t.db.$executeRawUnsafe(
      `UPDATE "Application" SET "purgeNoticeAt" = now() - interval '20 days' WHERE id = $1::uuid`,
      d.id,
    );
    // The notice is old, but the draft was saved since: it is not abandoned.
    expect(await purgeExpiredDrafts(t.db, storage)).toMatchObject({ purged: 0 });
    expect(await t.db.application.count({ where: { id: d.id } })).toBe(1);
  });
});
