// Attachments against real PostgreSQL and a real disk: content sniffing, per-field limits, scope,
// and references that must point at this application's own files.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { seedDemo } from "../../prisma/seed/demo";
import { LocalFileStorage } from "../storage/storage";
import { startDraft, saveDraft } from "../application/mutations";
import { attachmentForDownload } from "./data";
import { removeAttachment, uploadAttachment } from "./mutations";

let t: TestDatabase;
let storage: LocalFileStorage;
let ownerId: string;
let strangerId: string;
const pdf = (size = 2048) => {
  const b = new Uint8Array(size);
  b.set(Buffer.from("%PDF-1.7\n%тест\n"));
  return b;
};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-files-")));
  ownerId = (await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } })).id;
  strangerId = (await t.db.user.create({ data: { email: "stranger@example.ru", lastName: "Посторонний", firstName: "Пётр", roles: ["APPLICANT"] } })).id;
});
afterAll(() => t.drop());

describe("attachments (R16)", () => {
  it("stores a PDF by its content and lets the owner download it", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const ref = await uploadAttachment(t.db, storage, { userId: ownerId, applicationId: id, fieldKey: "attachments", fileName: "скан трудовой.pdf", content: pdf() });
    expect(ref).toMatchObject({ name: "скан трудовой.pdf", mimeType: "application/pdf", size: 2048 });
    const row = await attachmentForDownload(t.db, { userId: ownerId, departmentIds: [] }, ref.id);
    expect(row).not.toBeNull();
    expect(Buffer.from(await storage.get(row!.storageKey)).subarray(0, 5).toString()).toBe("%PDF-");
    expect(await attachmentForDownload(t.db, { userId: strangerId, departmentIds: [] }, ref.id)).toBeNull();
  });

  it("refuses a file whose content does not match, an oversized one, one too many, and another's draft", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const up = (content: Uint8Array, userId = ownerId, fileName = "scan.pdf") => uploadAttachment(t.db, storage, { userId, applicationId: id, fieldKey: "attachments", fileName, content });
    await expect(up(new Uint8Array(Buffer.from("MZ this is an executable renamed to .pdf ....")))).rejects.toThrow(/не похож на документ в формате PDF, JPEG, PNG/);
    await expect(up(pdf(11 * 1024 * 1024))).rejects.toThrow(/не больше 10 МБ/);
    await expect(up(pdf(), strangerId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(uploadAttachment(t.db, storage, { userId: ownerId, applicationId: id, fieldKey: "no_such_field", fileName: "a.pdf", content: pdf() })).rejects.toMatchObject({ code: "INVALID" });
    for (let i = 0; i < 5; i++) await up(pdf());
    await expect(up(pdf())).rejects.toThrow(/не больше 5 файл/);
    expect(await t.db.attachment.count({ where: { applicationId: id } })).toBe(5);
  });

  it("refuses a draft that references a file of another application", async () => {
    const mine = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const other = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const ref = await uploadAttachment(t.db, storage, { userId: ownerId, applicationId: other.id, fieldKey: "attachments", fileName: "a.pdf", content: pdf() });
    await expect(saveDraft(t.db, ownerId, { id: mine.id, values: { attachments: [ref] }, currentStep: null, expectedRowVersion: 0 })).rejects.toThrow(/Файлы не найдены/);
    await expect(saveDraft(t.db, ownerId, { id: other.id, values: { attachments: [{ ...ref, size: 1 }] }, currentStep: null, expectedRowVersion: 0 })).rejects.toThrow(/Файлы не найдены/);
    await saveDraft(t.db, ownerId, { id: other.id, values: { attachments: [ref] }, currentStep: null, expectedRowVersion: 0 });
    await removeAttachment(t.db, storage, { userId: ownerId, applicationId: other.id, attachmentId: ref.id });
    expect(await t.db.attachment.count({ where: { id: ref.id } })).toBe(0);
  });

  it("shows staff a file only once the application is submitted and only in their departments", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const ref = await uploadAttachment(t.db, storage, { userId: ownerId, applicationId: id, fieldKey: "attachments", fileName: "a.pdf", content: pdf() });
    const archive = (await t.db.department.findUniqueOrThrow({ where: { code: "archive" } })).id;
    const mfc = (await t.db.department.findUniqueOrThrow({ where: { code: "mfc" } })).id;
    const staffId = (await t.db.user.findUniqueOrThrow({ where: { email: "executor@demo.reglament.ru" } })).id;
    expect(await attachmentForDownload(t.db, { userId: staffId, departmentIds: [archive] }, ref.id)).toBeNull();
    await t.db.application.update({ where: { id }, data: { status: "SUBMITTED" } });
    expect(await attachmentForDownload(t.db, { userId: staffId, departmentIds: [archive] }, ref.id)).not.toBeNull();
    expect(await attachmentForDownload(t.db, { userId: staffId, departmentIds: [mfc] }, ref.id)).toBeNull();
  });
});
