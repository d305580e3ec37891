// Pre-trial complaints (R21; 210-FZ art. 11.1-11.2; S1 p.47-50, S2 p.74): their own gap-free numbers,
// 15 or 5 working days over the working calendar, a reviewer who is not the official complained
// about, "not found" for someone else's, the monitor's once-only escalation, and the decision letter
// reaching the complainant through the outbox.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { createPrismaClient } from "../db/client";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { LocalFileStorage } from "../storage/storage";
import { applicantAccount, demoScope, demoUser, registeredApplication, staffAccount } from "../test/factories";
import { callerAs, failure } from "../test/callers";
import { ARCHIVE_REQUEST } from "../test/fixtures";
import { pdfBytes } from "../test/files";
import { moveApplication } from "../workflow/mutations";
import type { TransitionRequest } from "../workflow/machine";
import { decideComplaint, fileComplaint, OWN_DECISION, registerPaperComplaint } from "./mutations";
import { monitorComplaints } from "./monitor";
import { complaintFileRoute } from "./http";

let t: TestDatabase;
let calendar: WorkingCalendar;
let storage: LocalFileStorage;
let applicant: { id: string; email: string };
let head: { id: string; email: string };

// Monday 1 June 2026, 10:00 in the municipality (UTC+5).
const MONDAY = new Date("2026-06-01T05:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-complaints-")));
  applicant = (await demoUser(t.db, "applicant"))!;
  head = (await demoUser(t.db, "head"))!;
});
afterAll(() => t.drop());

async function archiveApplication(ownerId = applicant.id) {
  return registeredApplication(t.db, { serviceCode: "archive-info", ownerId, data: ARCHIVE_REQUEST, calendar });
}

const file = (applicationId: string, subject: "deadline" | "intake_refusal" | "refusal" | "other", now = MONDAY) =>
  fileComplaint(t.db, storage, { userId: applicant.id, applicationId, subject, text: "Срок нарушен", calendar, now });

describe("registration", () => {
  it("210-FZ art. 11.2: numbers Ж-<year>-<n> are gap-free under concurrency", async () => {
    const app = await archiveApplication();
    const rows = await Promise.all(Array.from({ length: 5 }, () => file(app.id, "other")));
    const ns = rows.map((r) => r.number.match(/^Ж-2026-(\d+)$/)![1]).map(Number);
    expect(ns.sort((a, b) => a - b)).toEqual([...Array(5)].map((_, i) => ns[0]! + i));
  });

  it("art. 11.2 part 6: 15 working days of registration (the regulation's reviewTerm), 5 for a refusal to accept documents; 12 June is a holiday", async () => {
    const app = await archiveApplication();
    const long = await file(app.id, "deadline");
    const short = await file(app.id, "intake_refusal");
    // 2-5, 8-11, 15-19, 22-23 June: 15 working days (Friday 12 June, Russia Day, is not one).
    expect(long.dueAt).toEqual(calendar.endOfLocalDay("2026-06-23"));
    // 2-5, 8 June: 5 working days.
    expect(short.dueAt).toEqual(calendar.endOfLocalDay("2026-06-08"));
    const event = await t.db.applicationEvent.findFirstOrThrow({
      where: {
        applicationId: app.id,
        type: "complaint_registered",
        payload: { path: ["number"], equals: long.number },
      },
    });
    expect(event.actorId).toBe(applicant.id);
  });

  it("attachments are vetted by content and stored; the registration notice goes to the outbox", async () => {
    const app = await archiveApplication();
    await expect(
      fileComplaint(t.db, storage, {
        userId: applicant.id,
        applicationId: app.id,
        subject: "other",
        text: "Текст",
        files: [{ fileName: "вирус.pdf", content: new TextEncoder().encode("MZ not a pdf at all") }],
        calendar,
      }),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { files: expect.stringMatching(/не похож на документ/) } });
    const ok = await fileComplaint(t.db, storage, {
      userId: applicant.id,
      applicationId: app.id,
      subject: "documents_demanded",
      text: "Потребовали справку, которой нет в регламенте",
      files: [{ fileName: "скан.pdf", content: pdfBytes() }],
      calendar,
    });
    const row = await t.db.complaint.findUniqueOrThrow({ where: { id: ok.id } });
    const files = row.files as { key: string; fileName: string; mimeType: string }[];
    expect(files).toMatchObject([{ fileName: "скан.pdf", mimeType: "application/pdf" }]);
    expect(Buffer.from(await storage.get(files[0]!.key))).toEqual(Buffer.from(pdfBytes()));
    expect(await t.db.outgoingEmail.count({ where: { subject: `Жалоба № ${ok.number} зарегистрирована` } })).toBe(1);
  });

  it("someone else's application or complaint is not found (tRPC and the upload route)", async () => {
    const app = await archiveApplication();
    const mine = await file(app.id, "other");
    const other = await applicantAccount(t.db);
    expect((await failure(callerAs(t.db, other.id).complaint.forApplication({ applicationId: app.id }))).code).toBe(
      "NOT_FOUND",
    );
    await expect(
      fileComplaint(t.db, storage, {
        userId: other.id,
        applicationId: app.id,
        subject: "other",
        text: "x",
        calendar,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const form = new FormData();
    form.set("subject", "other");
    form.set("text", "Чужое заявление");
    const res = await complaintFileRoute.run(
      new Request("http://localhost/api", { method: "POST", body: form }),
      { id: app.id },
      { db: t.db, storage, sessionUserId: other.id },
    );
    expect(res.status).toBe(404);
    // The owner sees it; staff of another department do not.
    const own = await callerAs(t.db, applicant.id).complaint.forApplication({ applicationId: app.id });
    expect(own.complaints.map((c) => c.number)).toContain(mine.number);
    // Staff of the MFC (registrar and head there) do not see the archive's complaint.
    const mfc = await staffAccount(t.db, [
      ["mfc", "HEAD"],
      ["mfc", "REGISTRAR"],
    ]);
    expect((await failure(callerAs(t.db, mfc.id).complaint.get({ id: mine.id }))).code).toBe("NOT_FOUND");
  });
});

describe("decision", () => {
  it("S2: a refusal is complained of; the decider (the executor who refused) is the official complained about; the head upholds it and the letter with the remedy reaches the outbox", async () => {
    const app = await archiveApplication();
    const scopes = {
      registrar: await demoScope(t.db, "registrar"),
      head: await demoScope(t.db, "head"),
      executor: await demoScope(t.db, "executor"),
    };
    let rowVersion = app.rowVersion;
    for (const [who, request] of [
      ["registrar", { transition: "register" }],
      ["head", { transition: "assign_executor", executorId: scopes.executor.userId }],
      ["executor", { transition: "grounds_found", comment: "Документы не относятся к составу архива" }],
      [
        "executor",
        {
          transition: "prepare_refusal",
          resultType: "refusal_notice",
          refusalGrounds: ["no_right_to_information"],
          comment: "Заявитель не является правообладателем",
        },
      ],
    ] as [keyof typeof scopes, TransitionRequest][]) {
      ({ rowVersion } = await moveApplication(t.db, {
        applicationId: app.id,
        expectedRowVersion: rowVersion,
        actor: scopes[who],
        request,
        calendar,
        storage,
      }));
    }
    const complaint = await file(app.id, "refusal");
    const row = await t.db.complaint.findUniqueOrThrow({ where: { id: complaint.id } });
    expect(row.againstUserId).toBe(scopes.executor.userId);

    // A registrar cannot decide; the head can.
    expect(
      (
        await failure(
          callerAs(t.db, scopes.registrar.userId).complaint.decide({
            id: complaint.id,
            outcome: "REJECTED",
            decisionText: "x",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    const noRemedy = await failure(
      callerAs(t.db, head.id).complaint.decide({
        id: complaint.id,
        outcome: "UPHELD",
        decisionText: "Отказ необоснован",
      }),
    );
    expect(noRemedy.code).toBe("BAD_REQUEST");
    await decideComplaint(t.db, storage, scopes.head, {
      id: complaint.id,
      outcome: "UPHELD",
      decisionText: "Отказ не основан на регламенте",
      remedy: "Заявление будет рассмотрено повторно до 10.06.2026",
      now: new Date("2026-06-03T06:00:00Z"),
    });
    const decided = await t.db.complaint.findUniqueOrThrow({ where: { id: complaint.id } });
    expect(decided).toMatchObject({ status: "UPHELD", reviewerId: head.id });
    expect(decided.decisionSentAt).toEqual(new Date("2026-06-03T06:00:00Z"));
    const text = (
      await new PDFParse({ data: new Uint8Array(await storage.get(decided.decisionStorageKey!)) }).getText()
    ).text.replace(/\s+/g, " ");
    expect(text).toContain(`Решение по жалобе № ${complaint.number}`);
    expect(text).toContain("жалоба удовлетворена");
    expect(text).toContain("Заявление будет рассмотрено повторно");
    const mail = await t.db.outgoingEmail.findFirstOrThrow({
      where: { subject: { startsWith: `Решение по жалобе № ${complaint.number}` } },
    });
    expect(mail.to).toBe(applicant.email);
    expect(mail.text).toContain("Меры по устранению нарушения");
    expect(mail.attachments).toMatchObject([{ storageKey: decided.decisionStorageKey }]);
    // Decided once.
    expect(
      (
        await failure(
          callerAs(t.db, head.id).complaint.decide({ id: complaint.id, outcome: "REJECTED", decisionText: "x" }),
        )
      ).code,
    ).toBe("PRECONDITION_FAILED");
  });

  it("210-FZ art. 11.2: the head complained about cannot consider the complaint", async () => {
    const app = await archiveApplication();
    await t.db.application.update({ where: { id: app.id }, data: { assigneeId: head.id } });
    const complaint = await file(app.id, "deadline");
    expect((await t.db.complaint.findUniqueOrThrow({ where: { id: complaint.id } })).againstUserId).toBe(head.id);
    const refused = await failure(
      callerAs(t.db, head.id).complaint.decide({
        id: complaint.id,
        outcome: "REJECTED",
        decisionText: "Срок соблюдён",
      }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toBe(OWN_DECISION);
    const card = await callerAs(t.db, head.id).complaint.get({ id: complaint.id });
    expect(card).toMatchObject({ mayDecide: false, isAgainstCaller: true });
    expect((await t.db.complaint.findUniqueOrThrow({ where: { id: complaint.id } })).status).toBe("REGISTERED");
  });

  it("a paper complaint: the registrar enters it; the rejection with reasons is e-mailed to the address given", async () => {
    const registrar = await demoScope(t.db, "registrar");
    const app = await archiveApplication();
    const number = (await t.db.application.findUniqueOrThrow({ where: { id: app.id } })).registrationNumber!;
    const paper = await registerPaperComplaint(t.db, registrar, {
      registrationNumber: number,
      complainantName: "Петров Семён",
      complainantAddress: "628212, п. Половинка, ул. Лесная, 7",
      complainantEmail: "petrov@example.ru",
      subject: "deadline",
      text: "Ответ не получен в срок",
      calendar,
      now: MONDAY,
    });
    expect(paper.dueAt).toEqual(calendar.endOfLocalDay("2026-06-23"));
    const unknown = await failure(
      callerAs(t.db, registrar.userId).complaint.registerPaper({
        registrationNumber: "НЕТ-ТАКОГО",
        complainantName: "Петров Семён",
        complainantAddress: "п. Половинка",
        subject: "other",
        text: "x",
      }),
    );
    expect(unknown.fieldErrors?.registrationNumber).toMatch(/не найдено/);
    await decideComplaint(t.db, storage, await demoScope(t.db, "head"), {
      id: paper.id,
      outcome: "REJECTED",
      decisionText: "Срок рассмотрения заявления не истёк",
    });
    const mails = await t.db.outgoingEmail.findMany({
      where: { to: "petrov@example.ru" },
      orderBy: { createdAt: "asc" },
    });
    expect(mails.map((m) => m.subject)).toEqual([
      `Жалоба № ${paper.number} зарегистрирована`,
      `Решение по жалобе № ${paper.number}: в удовлетворении отказано`,
    ]);
    expect(mails[1]!.text).toContain("Мотивы решения: Срок рассмотрения заявления не истёк");
  });
});

describe("monitor", () => {
  it("an overdue complaint is escalated to the head once with monitors running at once; one due soon warns", async () => {
    const app = await archiveApplication();
    const overdue = await file(app.id, "intake_refusal"); // due 8 June
    // Registered Thursday 21 May: 22, 25-29 May, 1-5, 8-11 June are its 15 working days.
    const soon = await file(app.id, "deadline", new Date("2026-05-21T05:00:00Z"));
    // Wednesday 10 June: the first is two days past its term, the other is due tomorrow.
    expect(soon.dueAt).toEqual(calendar.endOfLocalDay("2026-06-11"));
    const now = new Date("2026-06-10T06:00:00Z");
    const other = createPrismaClient(t.url, { max: 4 });
    await Promise.all([
      monitorComplaints(t.db, { now, calendar, dueSoonWorkingDays: 2 }),
      monitorComplaints(other, { now, calendar, dueSoonWorkingDays: 2 }),
      monitorComplaints(t.db, { now, calendar, dueSoonWorkingDays: 2 }),
    ]);
    await other.$disconnect();
    await monitorComplaints(t.db, { now: new Date("2026-06-10T09:00:00Z"), calendar, dueSoonWorkingDays: 2 });
    const escalations = await t.db.notification.findMany({
      where: { kind: "complaint_overdue", title: { contains: overdue.number } },
    });
    expect(escalations.map((n) => n.userId)).toEqual([head.id]);
    const warnings = await t.db.notification.findMany({
      where: { kind: "complaint_due_soon", title: { contains: soon.number } },
    });
    expect(warnings.map((n) => n.userId)).toEqual([head.id]);
    expect(
      await t.db.applicationEvent.count({
        where: {
          applicationId: app.id,
          type: "complaint_escalated",
          payload: { path: ["complaintId"], equals: overdue.id },
        },
      }),
    ).toBe(1);
  });
});
