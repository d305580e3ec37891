// Applications received on paper, in person, by post or from the MFC (R23): the same form and
// checks, the date of receipt starts the deadlines, a two-copy receipt, and the applicant can
// later claim the account through a link e-mailed when registering with the same address
// (server/auth/claim.int.test.ts).
import { randomUUID } from "node:crypto";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { demoScope } from "../test/factories";
import { PAPER_ARCHIVE_REQUEST } from "../test/fixtures";
import { SEED_SERVICES } from "../../prisma/seed/regulations";
import { emailTaken } from "../auth/data";
import { requestAccountClaim } from "../auth/mutations";
import type { StaffScope } from "../auth/scope";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { renderReceipt } from "../document/receipt";
import { contentHash, registerPaperApplication } from "./mutations";

let t: TestDatabase;
let calendar: WorkingCalendar;
let registrar: StaffScope;
let executor: StaffScope;
const values = PAPER_ARCHIVE_REQUEST;

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  registrar = await demoScope(t.db, "registrar");
  executor = await demoScope(t.db, "executor");
});
afterAll(() => t.drop());

describe("paper applications (R23)", () => {
  it("are registered once however many times the same form is sent (double click, retry after a lost answer)", async () => {
    const submissionKey = randomUUID();
    const input = {
      serviceCode: "archive-info",
      values,
      channel: "IN_PERSON" as const,
      receivedAt: new Date("2026-03-10T07:00:00Z"),
      applicant: { lastName: "Сидоров", firstName: "Пётр" },
      calendar,
      submissionKey,
    };
    const results = await Promise.all([
      registerPaperApplication(t.db, registrar, input),
      registerPaperApplication(t.db, registrar, input),
      registerPaperApplication(t.db, registrar, input),
    ]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.registrationNumber)).size).toBe(1);
    expect(results.filter((r) => !r.alreadyRegistered)).toHaveLength(1);
    const again = await registerPaperApplication(t.db, registrar, input);
    expect(again).toMatchObject({ id: results[0]!.id, alreadyRegistered: true });
    expect(await t.db.application.count({ where: { submissionKey } })).toBe(1);
    expect(await t.db.user.count({ where: { lastName: "Сидоров", firstName: "Пётр" } })).toBe(1);
  });

  it("are checked like portal ones and registered from the date of receipt", async () => {
    const receivedAt = new Date("2026-03-06T07:00:00Z");
    const bad = await registerPaperApplication(t.db, registrar, {
      serviceCode: "archive-info",
      values: { ...values, postal_index: "12" },
      channel: "IN_PERSON",
      receivedAt,
      applicant: { lastName: "Петров", firstName: "Семён" },
      calendar,
      submissionKey: randomUUID(),
    }).catch((e) => e);
    expect(bad.fieldErrors.postal_index).toBeTruthy();
    await expect(
      registerPaperApplication(t.db, executor, {
        serviceCode: "archive-info",
        values,
        channel: "IN_PERSON",
        receivedAt,
        applicant: { lastName: "Петров", firstName: "Семён" },
        calendar,
        submissionKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const r = await registerPaperApplication(t.db, registrar, {
      serviceCode: "archive-info",
      values,
      channel: "IN_PERSON",
      receivedAt,
      applicant: { email: "petrov@example.ru", lastName: "Петров", firstName: "Семён" },
      calendar,
      submissionKey: randomUUID(),
      now: new Date("2026-03-06T08:00:00Z"),
    });
    expect(calendar.localDate(r.dueAt)).toBe("2026-04-06");
    const app = await t.db.application.findUniqueOrThrow({ where: { id: r.id }, include: { events: true } });
    expect(app).toMatchObject({ status: "SUBMITTED", channel: "IN_PERSON", currentStage: "registration" });
    expect(app.events.find((e) => e.type === "submitted")!.actorId).toBe(registrar.userId);
    // R19: the applicant is told of the registration and the expected date, by e-mail too.
    const notice = await t.db.notification.findFirstOrThrow({
      where: { applicationId: r.id, kind: "application_registered" },
    });
    expect(notice.userId).toBe(app.ownerId);
    expect(notice.body).toContain(r.registrationNumber);
    expect(await t.db.outgoingEmail.count({ where: { notificationId: notice.id, to: "petrov@example.ru" } })).toBe(1);

    // Registering later with the same e-mail sends a claim link to it; the account is not taken by that.
    expect(await emailTaken(t.db, "petrov@example.ru")).toBe(false);
    expect(
      await requestAccountClaim(t.db, { email: "petrov@example.ru", lastName: "Петров", firstName: "Семён" }),
    ).toBe(true);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: app.ownerId } })).passwordHash).toBeNull();
    expect(await emailTaken(t.db, "petrov@example.ru")).toBe(false);
  });

  it("refuse to file an application under another person's or a staff member's e-mail, and take the same person's account", async () => {
    const base = {
      serviceCode: "archive-info",
      values,
      channel: "IN_PERSON" as const,
      receivedAt: new Date("2026-03-11T07:00:00Z"),
      calendar,
    };
    // The demo applicant is Иванов Иван: a registrar typing his address for someone else is stopped.
    const stranger = await registerPaperApplication(t.db, registrar, {
      ...base,
      submissionKey: randomUUID(),
      applicant: { email: "applicant@demo.reglament.ru", lastName: "Козлова", firstName: "Анна" },
    }).catch((e) => e);
    expect(stranger).toMatchObject({
      code: "INVALID",
      fieldErrors: { "applicant.email": expect.stringContaining("зарегистрирован на другого человека") },
    });
    const staff = await registerPaperApplication(t.db, registrar, {
      ...base,
      submissionKey: randomUUID(),
      applicant: { email: "executor@demo.reglament.ru", lastName: "Сидоров", firstName: "Алексей" },
    }).catch((e) => e);
    expect(staff).toMatchObject({ code: "INVALID" });
    const owner = await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } });
    expect(await t.db.application.count({ where: { ownerId: owner.id, channel: "IN_PERSON" } })).toBe(0);

    // The same person (case and ё aside) brings a paper application: it goes to their cabinet.
    const own = await registerPaperApplication(t.db, registrar, {
      ...base,
      submissionKey: randomUUID(),
      applicant: { email: "Applicant@demo.reglament.ru", lastName: "ИВАНОВ", firstName: "Иван" },
    });
    expect((await t.db.application.findUniqueOrThrow({ where: { id: own.id } })).ownerId).toBe(owner.id);
  });

  it("are judged by the form without its file fields, and record the registrar's entry with the content hash, not a signature", async () => {
    const receivedAt = new Date("2026-03-12T07:00:00Z");
    // Documents come as paper originals: a file value sent all the same is not the application's content.
    const fake = { id: randomUUID(), name: "скан.pdf", size: 10, mimeType: "application/pdf" };
    const r = await registerPaperApplication(t.db, registrar, {
      serviceCode: "archive-info",
      values: { ...values, attachments: [fake] },
      channel: "POST",
      receivedAt,
      applicant: { lastName: "Лесной", firstName: "Олег" },
      calendar,
      submissionKey: randomUUID(),
      now: new Date("2026-03-12T08:00:00Z"),
    });
    const app = await t.db.application.findUniqueOrThrow({
      where: { id: r.id },
      include: { events: { orderBy: { id: "asc" } }, participants: true },
    });
    expect(app.data).not.toHaveProperty("attachments");
    expect(app.data).toMatchObject({ request_subject: values.request_subject });
    expect(app.contentHash).toBe(contentHash({ serviceCode: "archive-info", version: 1, values: app.data }));
    expect(app.signature).toBeNull();
    expect(app.events.map((e) => e.type)).toEqual(["submitted", "registered"]);
    expect(app.events[0]).toMatchObject({
      actorId: registrar.userId,
      payload: { channel: "POST", receivedAt: receivedAt.toISOString(), enteredBy: registrar.userId },
    });
    expect(app.events[1]!.actorId).toBe(registrar.userId);
    expect(app.participants).toMatchObject([{ role: "OWNER", userId: app.ownerId, email: "" }]);
    // R7: by post the application is registered within a working day of its receipt (S1 p.22).
    expect(app).toMatchObject({
      status: "SUBMITTED",
      channel: "POST",
      registeredAt: new Date("2026-03-12T08:00:00Z"),
      submittedAt: receivedAt,
      currentStage: "registration",
    });
    expect(calendar.localDate(app.stageDueAt!)).toBe("2026-03-13");
  });

  it("register at the registrar's entry, not at receipt: the service term counts from registration (S2 p.58), the registration term from receipt (S2 p.48)", async () => {
    // Received by post on Tuesday 10 March 2026, entered and registered on Wednesday 11 March.
    const receivedAt = new Date("2026-03-10T07:00:00Z");
    const registeredAt = new Date("2026-03-11T06:00:00Z");
    const r = await registerPaperApplication(t.db, registrar, {
      serviceCode: "archive-info",
      values,
      channel: "POST",
      receivedAt,
      applicant: { lastName: "Зимин", firstName: "Глеб" },
      calendar,
      submissionKey: randomUUID(),
      now: registeredAt,
    });
    expect(r.registeredAt).toEqual(registeredAt);
    const app = await t.db.application.findUniqueOrThrow({ where: { id: r.id } });
    expect(app).toMatchObject({ registeredAt, submittedAt: receivedAt, stageEnteredAt: receivedAt });
    // S2 p.58: "в течение 30 дней со дня регистрации запроса": 11 March + 30 = Friday 10 April (from
    // receipt it would be 9 April).
    expect(app.dueAt).toEqual(calendar.endOfLocalDay("2026-04-10"));
    // S2 p.48: registration within 1 working day of receipt: 11 March, the day it was registered.
    expect(app.stageDueAt).toEqual(calendar.endOfLocalDay("2026-03-11"));
  });

  it("record the documents received with their sheets, in the regulation's order, and refuse others (issue 16 p.12)", async () => {
    const [request, attached, proxy] = SEED_SERVICES.find(
      (s) => s.code === "archive-info",
    )!.document.passport.documents.map((d) => d.title);
    const base = {
      serviceCode: "archive-info",
      values,
      channel: "IN_PERSON" as const,
      receivedAt: new Date("2026-03-10T07:00:00Z"),
      applicant: { lastName: "Петров", firstName: "Семён" },
      calendar,
    };
    const r = await registerPaperApplication(t.db, registrar, {
      ...base,
      submissionKey: randomUUID(),
      documents: [
        { title: attached!, sheets: 3 },
        { title: request!, sheets: 2 },
      ],
    });
    const event = await t.db.applicationEvent.findFirstOrThrow({ where: { applicationId: r.id, type: "submitted" } });
    expect((event.payload as { documents: unknown }).documents).toEqual([
      { title: request, sheets: 2 },
      { title: attached, sheets: 3 },
    ]);
    const refused = await registerPaperApplication(t.db, registrar, {
      ...base,
      submissionKey: randomUUID(),
      documents: [
        { title: "Справка из ЖЭКа", sheets: 1 },
        { title: proxy!, sheets: 1 },
        { title: proxy!, sheets: 2 },
      ],
    }).catch((e) => e);
    expect(refused.fieldErrors).toEqual({
      "documents.0.title": "Документа «Справка из ЖЭКа» нет в перечне регламента",
      "documents.2.title": `Документ «${proxy}» отмечен дважды`,
    });
  });

  it("prints a receipt in two copies", async () => {
    const pdf = await renderReceipt({
      authority: "Администрация",
      serviceTitle: "Предоставление архивной информации",
      registrationNumber: "ARCHIVE-INFO-2026-00001",
      registeredAt: "6 марта 2026 г., 12:00",
      dueAt: "6 апреля 2026 г.",
      applicant: "Петров Семён",
      channel: "Лично",
      documents: [
        { title: "Заявление", sheets: 2 },
        { title: "Копия трудовой книжки", sheets: 3 },
      ],
      registrar: "Петрова Мария Сергеевна",
    });
    const result = await new PDFParse({ data: new Uint8Array(pdf) }).getText();
    expect(result.pages).toHaveLength(2);
    // Issue 16 p.12: what was received, with its sheets, on both copies.
    expect(result.text.match(/1\. Заявление — 2 листа/g)).toHaveLength(2);
    expect(result.text.match(/Всего: 2 документа, 5 листов/g)).toHaveLength(2);
    expect(result.text).toContain("Экземпляр заявителя");
    expect(result.text).toContain("Экземпляр администрации");
    expect(result.text.match(/ARCHIVE-INFO-2026-00001/g)).toHaveLength(2);
  });
});
