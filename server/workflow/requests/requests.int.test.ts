// R5: inter-agency requests of the regulation's types, with their own response deadlines; overdue
// ones show on the card and the board. Answers are recorded once, with an optional file kept on a
// real disk and out of the applicant's attachments; another department sees none of it.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { loadIdentity } from "../../auth/data";
import { staffScope, type StaffScope } from "../../auth/scope";
import { attachmentForDownload } from "../../attachment/data";
import { LocalFileStorage } from "../../storage/storage";
import { loadWorkingCalendar } from "../../calendar/data";
import type { WorkingCalendar } from "../../calendar/working-calendar";
import { demoUser, registeredApplication, staffAccount } from "../../test/factories";
import { boardColumnPage } from "../board/data";
import { staffCard } from "../card/data";
import { recordRequestAnswer, sendInteragencyRequest } from "./mutations";

let t: TestDatabase;
let calendar: WorkingCalendar;
let executor: StaffScope;
let appId: string;
let ownerId: string;
let storageRoot: string;
let storage: LocalFileStorage;
/** Files on the disk: a refused or failed answer must leave none behind. */
const storedFiles = () =>
  readdirSync(storageRoot, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
const pdf = (size = 4096) => {
  const b = new Uint8Array(size);
  b.set(Buffer.from("%PDF-1.7\n%ответ архива\n"));
  return b;
};
const ctx = (now: Date) => ({ now, calendar, dueSoonWorkingDays: 2 });

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  executor = await staffScope(
    t.db,
    (await loadIdentity(
      t.db,
      (await t.db.user.findUniqueOrThrow({ where: { email: "executor@demo.reglament.ru" } })).id,
    ))!,
  );
  ownerId = (await demoUser(t.db, "applicant")).id;
  storageRoot = mkdtempSync(path.join(tmpdir(), "reglament-answers-"));
  storage = new LocalFileStorage(storageRoot);
  appId = (
    await registeredApplication(t.db, {
      serviceCode: "archive-info",
      ownerId,
      calendar,
      receivedAt: new Date("2026-06-01T05:00:00Z"),
    })
  ).id;
});
afterAll(async () => {
  await t.drop();
  rmSync(storageRoot, { recursive: true, force: true });
});

describe("inter-agency requests (R5)", () => {
  it("are limited to the regulation's types and carry their response deadline", async () => {
    await expect(
      sendInteragencyRequest(t.db, executor, { applicationId: appId, typeCode: "tax_service", text: "x", calendar }),
    ).rejects.toMatchObject({ code: "INVALID" });
    const sentAt = new Date("2026-06-02T05:00:00Z");
    const r = await sendInteragencyRequest(t.db, executor, {
      applicationId: appId,
      typeCode: "forward_to_record_holder",
      text: "Просим сообщить о местонахождении документов совхоза",
      calendar,
      now: sentAt,
    });
    expect(calendar.countWorkingDays(sentAt, r.dueAt)).toBe(5);
    const later = new Date(r.dueAt.getTime() + 60_000);
    const card = (await staffCard(t.db, executor, appId, ctx(later)))!;
    expect(card.requests[0]).toMatchObject({ overdue: true, agency: expect.stringContaining("хранящие") });
    const column = await boardColumnPage(t.db, executor, { filters: {}, stage: "registration", limit: 10 }, ctx(later));
    expect(column.cards.find((c) => c.id === appId)?.overdueRequests).toBe(1);
    await recordRequestAnswer(t.db, executor, { requestId: r.id, answerText: "Документы хранятся в архиве района" });
    await expect(recordRequestAnswer(t.db, executor, { requestId: r.id, answerText: "ещё раз" })).rejects.toMatchObject(
      { code: "PRECONDITION" },
    );
    const answered = (await staffCard(t.db, executor, appId, ctx(later)))!;
    expect(answered.requests[0]).toMatchObject({ overdue: false, answerText: "Документы хранятся в архиве района" });
    expect(answered.events.map((e) => e.type)).toEqual(["registered", "request_sent", "request_answered"]);
  });

  it("records an answer with a PDF file: shown under its request, not among the applicant's files (R5)", async () => {
    const sent = await sendInteragencyRequest(t.db, executor, {
      applicationId: appId,
      typeCode: "forward_to_record_holder",
      text: "Просим направить копию решения 1992 года",
      calendar,
    });
    const before = storedFiles();
    const answer = await recordRequestAnswer(
      t.db,
      executor,
      {
        requestId: sent.id,
        answerText: "Копия решения прилагается",
        file: { fileName: "ответ архива района.pdf", content: pdf() },
      },
      storage,
    );
    expect(answer.file).toMatchObject({ name: "ответ архива района.pdf", mimeType: "application/pdf", size: 4096 });
    expect(storedFiles()).toBe(before + 1);

    const card = (await staffCard(t.db, executor, appId, ctx(new Date())))!;
    const request = card.requests.find((r) => r.id === sent.id)!;
    expect(request).toMatchObject({
      answerText: "Копия решения прилагается",
      answerFile: { id: answer.file!.id, fileName: "ответ архива района.pdf", mimeType: "application/pdf", size: 4096 },
    });
    // Not an applicant's attachment: the card's «Вложения» leave it out.
    expect(card.attachments.map((a) => a.id)).not.toContain(answer.file!.id);
    expect(card.events.at(-1)).toMatchObject({
      type: "request_answered",
      payload: { requestId: sent.id, file: { id: answer.file!.id, name: "ответ архива района.pdf" } },
    });

    // Staff of the department download it; the applicant, who owns the application, does not.
    const row = await attachmentForDownload(
      t.db,
      { userId: executor.userId, departmentIds: executor.departmentIds },
      answer.file!.id,
    );
    expect(
      Buffer.from(await storage.get(row!.storageKey))
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect(await attachmentForDownload(t.db, { userId: ownerId, departmentIds: [] }, answer.file!.id)).toBeNull();
  });

  it("refuses a second answer with a clear message and keeps no file of it (R5)", async () => {
    const sent = await sendInteragencyRequest(t.db, executor, {
      applicationId: appId,
      typeCode: "forward_to_record_holder",
      text: "Просим сообщить номер фонда",
      calendar,
    });
    await recordRequestAnswer(t.db, executor, { requestId: sent.id, answerText: "Фонд № 12" }, storage);
    const files = storedFiles();
    const attachments = await t.db.attachment.count();
    await expect(
      recordRequestAnswer(
        t.db,
        executor,
        { requestId: sent.id, answerText: "Фонд № 13", file: { fileName: "second.pdf", content: pdf() } },
        storage,
      ),
    ).rejects.toMatchObject({
      code: "PRECONDITION",
      message: expect.stringMatching(/уже внесён/),
    });
    expect(storedFiles()).toBe(files);
    expect(await t.db.attachment.count()).toBe(attachments);
    expect(await t.db.interagencyRequest.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
      answerText: "Фонд № 12",
      answerFileId: null,
    });
  });

  it("lets exactly one of two simultaneous answers through, without an orphan file (R5)", async () => {
    const sent = await sendInteragencyRequest(t.db, executor, {
      applicationId: appId,
      typeCode: "forward_to_record_holder",
      text: "Просим подтвердить сведения",
      calendar,
    });
    const files = storedFiles();
    const attempts = await Promise.allSettled(
      ["первый.pdf", "второй.pdf"].map((fileName) =>
        recordRequestAnswer(
          t.db,
          executor,
          { requestId: sent.id, answerText: fileName, file: { fileName, content: pdf() } },
          storage,
        ),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect(attempts.find((a) => a.status === "rejected")).toMatchObject({ reason: { code: "PRECONDITION" } });
    expect(storedFiles()).toBe(files + 1);
    const row = await t.db.interagencyRequest.findUniqueOrThrow({ where: { id: sent.id } });
    expect(await t.db.attachment.findUniqueOrThrow({ where: { id: row.answerFileId! } })).toMatchObject({
      fileName: row.answerText,
      fieldKey: "interagency-answer",
    });
  });

  it("refuses a file that is not a PDF, JPEG or PNG by its content, and deletes the file when the transaction fails (R5)", async () => {
    const sent = await sendInteragencyRequest(t.db, executor, {
      applicationId: appId,
      typeCode: "forward_to_record_holder",
      text: "Просим сообщить сведения о стаже",
      calendar,
    });
    const files = storedFiles();
    const exe = new Uint8Array(Buffer.from("MZ this is an executable renamed to answer.pdf"));
    await expect(
      recordRequestAnswer(
        t.db,
        executor,
        { requestId: sent.id, answerText: "Ответ", file: { fileName: "answer.pdf", content: exe } },
        storage,
      ),
    ).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { file: expect.stringMatching(/не похож на документ в формате PDF, JPEG, PNG/) },
    });
    await expect(
      recordRequestAnswer(
        t.db,
        executor,
        { requestId: sent.id, answerText: "Ответ", file: { fileName: "big.pdf", content: pdf(11 * 1024 * 1024) } },
        storage,
      ),
    ).rejects.toMatchObject({
      fieldErrors: { file: expect.stringMatching(/не больше 10 МБ/) },
    });
    // A staff member whose account is gone meanwhile: the database refuses the rows (foreign keys),
    // and the file already stored is removed again.
    const ghost = await staffScope(t.db, {
      id: randomUUID(),
      memberships: executor.departmentIds.map((departmentId) => ({ departmentId, role: "EXECUTOR" as const })),
    });
    await expect(
      recordRequestAnswer(
        t.db,
        ghost,
        { requestId: sent.id, answerText: "Ответ", file: { fileName: "a.pdf", content: pdf() } },
        storage,
      ),
    ).rejects.toThrow();
    expect(storedFiles()).toBe(files);
    expect(await t.db.interagencyRequest.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
      answeredAt: null,
      answerFileId: null,
    });
  });

  it("is not found for staff of another department: no request, no answer, no file (R5)", async () => {
    const user = await staffAccount(t.db, [["roads", "EXECUTOR"]], {
      email: `roads-${randomUUID()}@example.ru`,
      lastName: "Дорожный",
      firstName: "Олег",
    });
    const outsider = await staffScope(t.db, (await loadIdentity(t.db, user.id))!);
    expect(outsider.departmentIds).not.toContain(
      (await t.db.application.findUniqueOrThrow({ where: { id: appId } })).departmentId,
    );

    const sent = await sendInteragencyRequest(t.db, executor, {
      applicationId: appId,
      typeCode: "forward_to_record_holder",
      text: "Просим сообщить сведения",
      calendar,
    });
    await expect(
      sendInteragencyRequest(t.db, outsider, {
        applicationId: appId,
        typeCode: "forward_to_record_holder",
        text: "x",
        calendar,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const files = storedFiles();
    await expect(
      recordRequestAnswer(
        t.db,
        outsider,
        { requestId: sent.id, answerText: "Чужой ответ", file: { fileName: "a.pdf", content: pdf() } },
        storage,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(storedFiles()).toBe(files);
    expect(await staffCard(t.db, outsider, appId, ctx(new Date()))).toBeNull();

    const answered = await recordRequestAnswer(
      t.db,
      executor,
      { requestId: sent.id, answerText: "Ответ", file: { fileName: "a.pdf", content: pdf() } },
      storage,
    );
    expect(
      await attachmentForDownload(
        t.db,
        { userId: outsider.userId, departmentIds: outsider.departmentIds },
        answered.file!.id,
      ),
    ).toBeNull();
  });
});
