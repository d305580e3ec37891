// Attachments against real PostgreSQL and a real disk: content sniffing, per-field limits, scope,
// and references that must point at this application's own files.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { answerAttachment, applicantAccount } from "../test/factories";
import { ARCHIVE_REQUEST } from "../test/fixtures";
import { LocalFileStorage } from "../storage/storage";
import { startDraft, saveDraft, submitApplication } from "../application/mutations";
import { loadWorkingCalendar } from "../calendar/data";
import { loadIdentity } from "../auth/data";
import { staffScope } from "../auth/scope";
import { staffCard } from "../workflow/card/data";
import { attachmentForDownload } from "./data";
import { removeAttachment, uploadAttachment } from "./mutations";
import { pdfBytes } from "../test/files";

let t: TestDatabase;
let storage: LocalFileStorage;
let ownerId: string;
let strangerId: string;
beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-files-")));
  ownerId = (await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } })).id;
  strangerId = (
    await applicantAccount(t.db, { email: "stranger@example.ru", lastName: "Посторонний", firstName: "Пётр" })
  ).id;
});
afterAll(() => t.drop());

describe("attachments (R16)", () => {
  it("stores a PDF by its content and lets the owner download it", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const ref = await uploadAttachment(t.db, storage, {
      userId: ownerId,
      applicationId: id,
      fieldKey: "attachments",
      fileName: "скан трудовой.pdf",
      content: pdfBytes(),
    });
    expect(ref).toMatchObject({ name: "скан трудовой.pdf", mimeType: "application/pdf", size: 2048 });
    const row = await attachmentForDownload(t.db, { userId: ownerId, departmentIds: [] }, ref.id);
    expect(row).not.toBeNull();
    expect(
      Buffer.from(await storage.get(row!.storageKey))
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect(await attachmentForDownload(t.db, { userId: strangerId, departmentIds: [] }, ref.id)).toBeNull();
  });

  it("refuses a file whose content does not match, an oversized one, one too many, and another's draft", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const up = (content: Uint8Array, userId = ownerId, fileName = "scan.pdf") =>
      uploadAttachment(t.db, storage, { userId, applicationId: id, fieldKey: "attachments", fileName, content });
    await expect(up(new Uint8Array(Buffer.from("MZ this is an executable renamed to .pdf ....")))).rejects.toThrow(
      /не похож на документ в формате PDF, JPEG, PNG/,
    );
    await expect(up(pdfBytes(11 * 1024 * 1024))).rejects.toThrow(/не больше 10 МБ/);
    await expect(up(pdfBytes(), strangerId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      uploadAttachment(t.db, storage, {
        userId: ownerId,
        applicationId: id,
        fieldKey: "no_such_field",
        fileName: "a.pdf",
        content: pdfBytes(),
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    const held = [];
    for (let i = 0; i < 5; i++) held.push(await up(pdfBytes()));
    await saveDraft(t.db, ownerId, { id, values: { attachments: held }, currentStep: null, expectedRowVersion: 0 });
    await expect(up(pdfBytes())).rejects.toThrow(/не больше 5 файл/);
    expect(await t.db.attachment.count({ where: { applicationId: id } })).toBe(5);
  });

  it("counts on upload the files the form holds: saved ones and those uploaded since the last save (issue 9)", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const up = () =>
      uploadAttachment(t.db, storage, {
        userId: ownerId,
        applicationId: id,
        fieldKey: "power_of_attorney",
        fileName: "доверенность.pdf",
        content: pdfBytes(),
      });
    // Three uploads not saved yet: the form holds them, and a fourth is refused before any save.
    for (let i = 0; i < 3; i++) await up();
    await expect(up()).rejects.toThrow(/К полю «Доверенность.*» можно приложить не больше 3 файлов: /);
    expect(await t.db.attachment.count({ where: { applicationId: id, fieldKey: "power_of_attorney" } })).toBe(3);
  });

  it("does not count files a later save left out (a failed save, «load the saved version»)", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const up = () =>
      uploadAttachment(t.db, storage, {
        userId: ownerId,
        applicationId: id,
        fieldKey: "power_of_attorney",
        fileName: "доверенность.pdf",
        content: pdfBytes(),
      });
    // Three uploads whose save never reached the server; the saved version the applicant went back to
    // holds none of them, and it was saved again without them.
    for (let i = 0; i < 3; i++) await up();
    await saveDraft(t.db, ownerId, {
      id,
      values: { is_representative: true, power_of_attorney: [] },
      currentStep: null,
      expectedRowVersion: 0,
    });
    const kept = [await up(), await up()];
    await saveDraft(t.db, ownerId, {
      id,
      values: { is_representative: true, power_of_attorney: kept },
      currentStep: null,
      expectedRowVersion: 1,
    });
    const third = await up();
    await saveDraft(t.db, ownerId, {
      id,
      values: { is_representative: true, power_of_attorney: [...kept, third] },
      currentStep: null,
      expectedRowVersion: 2,
    });
    await expect(up()).rejects.toThrow(/К полю «Доверенность.*» можно приложить не больше 3 файлов: /);
    expect(await t.db.attachment.count({ where: { applicationId: id, fieldKey: "power_of_attorney" } })).toBe(6);
  });

  it("refuses a draft that references a file of another application", async () => {
    const mine = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const other = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const ref = await uploadAttachment(t.db, storage, {
      userId: ownerId,
      applicationId: other.id,
      fieldKey: "attachments",
      fileName: "a.pdf",
      content: pdfBytes(),
    });
    await expect(
      saveDraft(t.db, ownerId, {
        id: mine.id,
        values: { attachments: [ref] },
        currentStep: null,
        expectedRowVersion: 0,
      }),
    ).rejects.toThrow(/Файлы не найдены/);
    await expect(
      saveDraft(t.db, ownerId, {
        id: other.id,
        values: { attachments: [{ ...ref, size: 1 }] },
        currentStep: null,
        expectedRowVersion: 0,
      }),
    ).rejects.toThrow(/Файлы не найдены/);
    await saveDraft(t.db, ownerId, {
      id: other.id,
      values: { attachments: [ref] },
      currentStep: null,
      expectedRowVersion: 0,
    });
    await removeAttachment(t.db, storage, { userId: ownerId, applicationId: other.id, attachmentId: ref.id });
    expect(await t.db.attachment.count({ where: { id: ref.id } })).toBe(0);
  });

  it("shows staff a file only once the application is submitted and only in their departments", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const ref = await uploadAttachment(t.db, storage, {
      userId: ownerId,
      applicationId: id,
      fieldKey: "attachments",
      fileName: "a.pdf",
      content: pdfBytes(),
    });
    const archive = (await t.db.department.findUniqueOrThrow({ where: { code: "archive" } })).id;
    const mfc = (await t.db.department.findUniqueOrThrow({ where: { code: "mfc" } })).id;
    const staffId = (await t.db.user.findUniqueOrThrow({ where: { email: "executor@demo.reglament.ru" } })).id;
    expect(await attachmentForDownload(t.db, { userId: staffId, departmentIds: [archive] }, ref.id)).toBeNull();
    await t.db.application.update({ where: { id }, data: { status: "SUBMITTED" } });
    expect(await attachmentForDownload(t.db, { userId: staffId, departmentIds: [archive] }, ref.id)).not.toBeNull();
    expect(await attachmentForDownload(t.db, { userId: staffId, departmentIds: [mfc] }, ref.id)).toBeNull();
  });

  it("on submission, drops the files the submitted content does not reference; staff get only what was signed", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const up = (fieldKey: string, fileName: string) =>
      uploadAttachment(t.db, storage, { userId: ownerId, applicationId: id, fieldKey, fileName, content: pdfBytes() });
    // A power of attorney uploaded while «представитель» was ticked, then unticked (the field is hidden,
    // its value kept in the draft so ticking it again restores it), and a file a failed save left behind.
    const poa = await up("power_of_attorney", "доверенность.pdf");
    const scan = await up("attachments", "трудовая книжка.pdf");
    const stray = await up("attachments", "не тот файл.pdf");
    const values = {
      ...ARCHIVE_REQUEST,
      is_representative: false,
      power_of_attorney: [poa],
      attachments: [scan],
    };
    // A staff member's file on the application (an inter-agency answer): never the applicant's to drop.
    // Written raw: no flow puts a staff file on a draft, which is what this guards against.
    const answerKey = `${id.slice(0, 2)}/answer-${id}`;
    await storage.put(answerKey, pdfBytes());
    const answer = await answerAttachment(t.db, id, answerKey);
    const calendar = await loadWorkingCalendar(t.db);
    const submit = (expectedRowVersion: number) =>
      submitApplication(t.db, {
        ownerId,
        id,
        submissionKey: crypto.randomUUID(),
        expectedRowVersion,
        calendar,
        signedWith: "password",
        storage,
        now: new Date("2026-03-06T07:00:00Z"),
      });
    const keyOf = async (fileId: string) =>
      (await t.db.attachment.findUniqueOrThrow({ where: { id: fileId } })).storageKey;
    const [poaKey, strayKey, scanKey] = [await keyOf(poa.id), await keyOf(stray.id), await keyOf(scan.id)];

    // A submission that fails keeps every file: nothing is deleted before the commit.
    const incomplete = await saveDraft(t.db, ownerId, {
      id,
      values: { ...values, request_subject: "" },
      currentStep: null,
      expectedRowVersion: 0,
    });
    await expect(submit(incomplete.rowVersion)).rejects.toMatchObject({ code: "INVALID" });
    expect(await t.db.attachment.count({ where: { applicationId: id } })).toBe(4);

    const saved = await saveDraft(t.db, ownerId, {
      id,
      values,
      currentStep: null,
      expectedRowVersion: incomplete.rowVersion,
    });
    await submit(saved.rowVersion);
    const rows = await t.db.attachment.findMany({ where: { applicationId: id }, select: { id: true } });
    expect(rows.map((r) => r.id).sort()).toEqual([scan.id, answer.id].sort());
    await expect(storage.get(poaKey)).rejects.toThrow();
    await expect(storage.get(strayKey)).rejects.toThrow();
    expect((await storage.get(scanKey)).length).toBe(2048);
    expect((await storage.get(answerKey)).length).toBe(2048);
    const row = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect(row.data).not.toHaveProperty("power_of_attorney");

    const executor = await t.db.user.findUniqueOrThrow({ where: { email: "executor@demo.reglament.ru" } });
    const scope = await staffScope(t.db, (await loadIdentity(t.db, executor.id))!);
    const card = (await staffCard(t.db, scope, id, {
      now: new Date("2026-03-06T08:00:00Z"),
      calendar,
      dueSoonWorkingDays: 2,
    }))!;
    expect(card.attachments.map((a) => a.fileName)).toEqual(["трудовая книжка.pdf"]);
    expect(
      await attachmentForDownload(t.db, { userId: executor.id, departmentIds: scope.departmentIds }, poa.id),
    ).toBeNull();
  });
});
