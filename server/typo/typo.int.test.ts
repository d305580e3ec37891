// Typo corrections (R21; S2 p.72; issue 12 p.6): a request on an issued result, registered with its
// own number and the regulation's two terms over the working calendar; the check; a corrected
// document signed, registered and issued like a result while the original stays as it was; or a
// reasoned no-error letter through the outbox; the terms watched once-only like stage deadlines.
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
import type { StaffScope } from "../auth/scope";
import { applicantAccount, staffAccount, demoScope, demoUser, registeredApplication } from "../test/factories";
import { callerAs, failure } from "../test/callers";
import { ARCHIVE_REQUEST, withDemoSigning } from "../test/fixtures";
import { DEMO_SIGNING_PIN } from "../../prisma/seed/demo";
import { moveApplication } from "../workflow/mutations";
import type { TransitionRequest } from "../workflow/machine";
import { fileTypoRequest, NO_TYPO_PROCEDURE, recordTypoCheck, signTypoCorrection } from "./mutations";
import { monitorTypoRequests } from "./monitor";

let t: TestDatabase;
let calendar: WorkingCalendar;
let storage: LocalFileStorage;
let applicant: { id: string; email: string };
let scopes: Record<"registrar" | "executor" | "head" | "signer", StaffScope>;

// Monday 1 June 2026, 10:00 in the municipality (UTC+5).
const MONDAY = new Date("2026-06-01T05:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-typos-")));
  applicant = (await demoUser(t.db, "applicant"))!;
  scopes = {
    registrar: await demoScope(t.db, "registrar"),
    executor: await demoScope(t.db, "executor"),
    head: await demoScope(t.db, "head"),
    // S2's signer: the head of the municipal archive (S2 p.58).
    signer: await demoScope(t.db, "archive-head"),
  };
});
afterAll(() => t.drop());

/** An S2 archive request run by the engine to an archival certificate issued to the cabinet. */
async function issuedArchive() {
  const app = await registeredApplication(t.db, {
    serviceCode: "archive-info",
    ownerId: applicant.id,
    data: ARCHIVE_REQUEST,
    calendar,
  });
  let rowVersion = app.rowVersion;
  const steps: [keyof typeof scopes, TransitionRequest][] = [
    ["registrar", { transition: "register" }],
    ["head", { transition: "assign_executor", executorId: scopes.executor.userId }],
    ["executor", { transition: "no_grounds_found" }],
    [
      "executor",
      {
        transition: "prepare_result",
        resultType: "archival_certificate",
        comment: "Иванов Иван Петрович работал в администрации п. Половинка с 1992 по 1993 год.",
      },
    ],
    ["signer", { transition: "sign_result" }],
    ["executor", { transition: "send_result" }],
  ];
  for (const [who, request] of steps)
    ({ rowVersion } = await moveApplication(t.db, {
      applicationId: app.id,
      expectedRowVersion: rowVersion,
      actor: scopes[who],
      request,
      ...withDemoSigning(request),
      calendar,
      storage,
    }));
  const doc = await t.db.resultDocument.findFirstOrThrow({ where: { applicationId: app.id } });
  expect(doc.issuedAt).not.toBeNull();
  return { id: app.id, doc };
}

const pdfText = async (key: string) =>
  (await new PDFParse({ data: new Uint8Array(await storage.get(key)) }).getText()).text.replace(/\s+/g, " ");

describe("registration", () => {
  it("S2 p.72 on paper: the registrar enters a request received by post; it is the applicant's, who is told; an executor may not, another department finds nothing", async () => {
    const { id, doc } = await issuedArchive();
    const input = { applicationId: id, documentId: doc.id, description: "В справке неверно указано отчество" };
    const target = await callerAs(t.db, scopes.registrar.userId).typo.paperTarget({ applicationId: id });
    expect(target).toMatchObject({ mayRegister: true, terms: { check: { value: 2 }, fix: { value: 5 } } });
    expect(target.documents.map((d) => d.id)).toEqual([doc.id]);
    expect((await callerAs(t.db, scopes.executor.userId).typo.paperTarget({ applicationId: id })).mayRegister).toBe(
      false,
    );

    const r = await callerAs(t.db, scopes.registrar.userId).typo.registerPaper({ ...input, channel: "POST" });
    expect(r.number).toMatch(/^И-\d{4}-\d+$/);
    const row = await t.db.typoRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ channel: "POST", requesterId: applicant.id, status: "REGISTERED" });
    const event = await t.db.applicationEvent.findFirstOrThrow({
      where: { applicationId: id, type: "typo_registered" },
    });
    expect(event.actorId).toBe(scopes.registrar.userId);
    expect(
      await t.db.notification.count({ where: { userId: applicant.id, kind: "typo_registered", applicationId: id } }),
    ).toBe(1);
    // The applicant follows it in the cabinet like one filed there.
    const mine = await callerAs(t.db, applicant.id).typo.forApplication({ applicationId: id });
    expect(mine.requests.map((x) => x.number)).toContain(r.number);

    const executor = await failure(
      callerAs(t.db, scopes.executor.userId).typo.registerPaper({ ...input, channel: "IN_PERSON" }),
    );
    expect(executor.code).toBe("FORBIDDEN");
    const mfc = await staffAccount(t.db, [["mfc", "REGISTRAR"]]);
    expect((await failure(callerAs(t.db, mfc.id).typo.registerPaper({ ...input, channel: "MFC" }))).code).toBe(
      "NOT_FOUND",
    );
    expect(await t.db.typoRequest.count({ where: { applicationId: id } })).toBe(1);
  });

  it("S2 p.72: numbered И-<year>-<n>; the check within 2 working days and the fix within 5, of registration", async () => {
    const { id, doc } = await issuedArchive();
    const r = await fileTypoRequest(t.db, {
      by: { kind: "applicant", userId: applicant.id },
      applicationId: id,
      documentId: doc.id,
      description: "В справке указан 1992 год вместо 1991",
      calendar,
      now: MONDAY,
    });
    expect(r.number).toMatch(/^И-2026-\d+$/);
    expect(r.checkDueAt).toEqual(calendar.endOfLocalDay("2026-06-03"));
    // 2-5, 8 June: Friday 12 June (Russia Day) is beyond it; across a weekend.
    expect(r.fixDueAt).toEqual(calendar.endOfLocalDay("2026-06-08"));
    const view = await callerAs(t.db, applicant.id).typo.forApplication({ applicationId: id });
    expect(view.application.terms).toMatchObject({ check: { value: 2 }, fix: { value: 5 } });
    expect(view.requests.map((x) => x.number)).toEqual([r.number]);
    expect(await t.db.outgoingEmail.count({ where: { subject: { contains: r.number } } })).toBe(1);
  });

  it("someone else's application is not found; a regulation without the procedure (S1) refuses it clearly; only an issued document", async () => {
    const { id, doc } = await issuedArchive();
    const other = await applicantAccount(t.db);
    const input = { applicationId: id, documentId: doc.id, description: "Опечатка" };
    expect((await failure(callerAs(t.db, other.id).typo.file(input))).code).toBe("NOT_FOUND");
    expect((await failure(callerAs(t.db, other.id).typo.forApplication({ applicationId: id }))).code).toBe("NOT_FOUND");
    const road = await registeredApplication(t.db, { serviceCode: "road-info", ownerId: applicant.id, calendar });
    const refused = await failure(
      callerAs(t.db, applicant.id).typo.file({ applicationId: road.id, documentId: doc.id, description: "x" }),
    );
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toBe(NO_TYPO_PROCEDURE);
    const foreignDoc = await failure(
      callerAs(t.db, applicant.id).typo.file({ ...input, documentId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(foreignDoc.fieldErrors?.documentId).toBeTruthy();
  });
});

describe("the process", () => {
  it("S2 p.72: the error confirmed → a corrected document, signed by the signer, registered and issued; the original is kept", async () => {
    const { id, doc } = await issuedArchive();
    const r = await fileTypoRequest(t.db, {
      by: { kind: "applicant", userId: applicant.id },
      applicationId: id,
      documentId: doc.id,
      description: "Отчество указано неверно",
      calendar,
    });
    // The staff card offers the document's own text to correct.
    const card = await callerAs(t.db, scopes.executor.userId).typo.get({ id: r.id });
    expect(card).toMatchObject({ mayCheck: true, maySign: false });
    expect(card.originalBody).toContain("Иванов Иван Петрович работал");
    // A signer does not check; the executor does.
    expect(
      (await failure(callerAs(t.db, scopes.signer.userId).typo.check({ id: r.id, confirmed: true, text: "x" }))).code,
    ).toBe("FORBIDDEN");
    await recordTypoCheck(t.db, storage, scopes.executor, {
      id: r.id,
      confirmed: true,
      text: "Иванов Иван Павлович работал в администрации п. Половинка с 1992 по 1993 год.",
    });
    const confirmed = await t.db.typoRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(confirmed).toMatchObject({ status: "CONFIRMED", handlerId: scopes.executor.userId });
    // The executor does not sign; the signer does (the regulation's signing transition's role).
    expect((await failure(callerAs(t.db, scopes.executor.userId).typo.sign({ id: r.id }))).code).toBe("FORBIDDEN");
    await signTypoCorrection(t.db, storage, scopes.signer, { id: r.id, calendar, signing: { pin: DEMO_SIGNING_PIN } });

    const corrected = await t.db.resultDocument.findUniqueOrThrow({ where: { id: confirmed.correctedDocumentId! } });
    expect(corrected).toMatchObject({
      correctsId: doc.id,
      resultType: doc.resultType,
      signedById: scopes.signer.userId,
      issuedVia: "cabinet",
    });
    expect(corrected.outgoingNumber).toBeTruthy();
    expect(corrected.outgoingNumber).not.toBe(doc.outgoingNumber);
    const text = await pdfText(corrected.storageKey);
    expect(text).toContain("Иванов Иван Павлович");
    expect(text).toContain(`взамен документа исх. № ${doc.outgoingNumber}`);
    // S2 registers before signing (p.58): what is signed bears its own new outgoing number; the copy
    // issued bears the stamp of that signature, and the signed file stays beside it (issue 15).
    expect(text).toContain(`Исх. № ${corrected.outgoingNumber}`);
    expect(text).toContain("Владелец: Лебедева Наталья Павловна");
    expect(corrected.signedSha256).not.toBe(corrected.sha256);
    expect(corrected.signature).not.toBeNull();
    // The original is as it was.
    expect(await t.db.resultDocument.findUniqueOrThrow({ where: { id: doc.id } })).toEqual(doc);
    expect((await t.db.typoRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("CORRECTED");
    const events = await t.db.applicationEvent.findMany({ where: { applicationId: id }, orderBy: { id: "asc" } });
    expect(events.slice(-5).map((e) => e.type)).toEqual([
      "typo_confirmed",
      "document_registered",
      "document_signed",
      "document_issued",
      "typo_corrected",
    ]);
    const cabinet = await callerAs(t.db, applicant.id).typo.forApplication({ applicationId: id });
    expect(cabinet.requests[0]!.correctedDocument?.id).toBe(corrected.id);
    expect(await t.db.notification.count({ where: { applicationId: id, kind: "result_ready" } })).toBe(2);
    // Once.
    expect((await failure(callerAs(t.db, scopes.signer.userId).typo.sign({ id: r.id }))).code).toBe(
      "PRECONDITION_FAILED",
    );
  });

  it("S2 p.72: no error → a reasoned letter (PDF) reaches the applicant through the outbox", async () => {
    const { id, doc } = await issuedArchive();
    const r = await fileTypoRequest(t.db, {
      by: { kind: "applicant", userId: applicant.id },
      applicationId: id,
      documentId: doc.id,
      description: "Неверный год",
      calendar,
    });
    await recordTypoCheck(t.db, storage, scopes.head, {
      id: r.id,
      confirmed: false,
      text: "Год указан по документам архивного фонда № 12, опись 1, дело 7.",
    });
    const row = await t.db.typoRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ status: "NO_ERROR", correctedDocumentId: null });
    const text = await pdfText(row.letterStorageKey!);
    expect(text).toContain("Об отсутствии опечаток и ошибок");
    expect(text).toContain("архивного фонда № 12");
    const mail = await t.db.outgoingEmail.findFirstOrThrow({
      where: { subject: `Ответ на заявление об исправлении опечатки № ${r.number}` },
    });
    expect(mail.to).toBe(applicant.email);
    expect(mail.attachments).toMatchObject([{ storageKey: row.letterStorageKey }]);
    expect(await t.db.resultDocument.count({ where: { applicationId: id } })).toBe(1);
  });

  it("the check term overdue is escalated to the head once with monitors at once; the fix term due soon warns the executor", async () => {
    const { id, doc } = await issuedArchive();
    const r = await fileTypoRequest(t.db, {
      by: { kind: "applicant", userId: applicant.id },
      applicationId: id,
      documentId: doc.id,
      description: "Опечатка в фамилии",
      calendar,
      now: MONDAY,
    });
    // Friday 5 June: the check was due on 3 June, the fix is due on Monday 8 June.
    const now = new Date("2026-06-05T06:00:00Z");
    const other = createPrismaClient(t.url, { max: 4 });
    await Promise.all([
      monitorTypoRequests(t.db, { now, calendar, dueSoonWorkingDays: 2 }),
      monitorTypoRequests(other, { now, calendar, dueSoonWorkingDays: 2 }),
      monitorTypoRequests(t.db, { now, calendar, dueSoonWorkingDays: 2 }),
    ]);
    await other.$disconnect();
    const notes = await t.db.notification.findMany({
      where: { title: { contains: r.number }, kind: { in: ["typo_overdue", "typo_due_soon"] } },
      orderBy: { kind: "asc" },
    });
    expect(notes.map((n) => [n.kind, n.userId])).toEqual([
      ["typo_due_soon", scopes.executor.userId],
      ["typo_overdue", scopes.head.userId],
    ]);
    expect(await t.db.typoAlert.count({ where: { typoRequestId: r.id } })).toBe(2);
  });
});
