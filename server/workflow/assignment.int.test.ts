// Assignment counts (R2, S2 p.50-51; issue 9 item 8) against real PostgreSQL: once the head names the
// executor of an archive application, its executor's transitions and its inter-agency requests are
// that executor's, or the head's; another executor of the same department is refused.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { seedDemo } from "../../prisma/seed/demo";
import type { StaffScope } from "../auth/scope";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { registerPaperApplication } from "../intake/mutations";
import { demoScope } from "../test/factories";
import { PAPER_ARCHIVE_REQUEST } from "../test/fixtures";
import { availableTransitions } from "./machine";
import { moveApplication } from "./mutations";
import { recordRequestAnswer, sendInteragencyRequest } from "./requests/mutations";

let t: TestDatabase;
let calendar: WorkingCalendar;
let registrar: StaffScope;
let head: StaffScope;
let executor: StaffScope;
let executor2: StaffScope;

/** An archive application at the check stage, assigned by the head to `executor`. */
async function assignedApplication(): Promise<{ id: string; rowVersion: number }> {
  const reg = await registerPaperApplication(t.db, registrar, {
    serviceCode: "archive-info",
    values: PAPER_ARCHIVE_REQUEST,
    channel: "IN_PERSON",
    receivedAt: new Date(),
    applicant: { lastName: "Назначенный", firstName: "Пример" },
    calendar,
    submissionKey: randomUUID(),
  });
  const { rowVersion } = await t.db.application.findUniqueOrThrow({ where: { id: reg.id } });
  const a = await moveApplication(t.db, {
    applicationId: reg.id,
    expectedRowVersion: rowVersion,
    actor: registrar,
    request: { transition: "register" },
    calendar,
  });
  const b = await moveApplication(t.db, {
    applicationId: reg.id,
    expectedRowVersion: a.rowVersion,
    actor: head,
    request: { transition: "assign_executor", executorId: executor.userId },
    calendar,
  });
  return { id: reg.id, rowVersion: b.rowVersion };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  calendar = await loadWorkingCalendar(t.db);
  registrar = await demoScope(t.db, "registrar");
  head = await demoScope(t.db, "head");
  executor = await demoScope(t.db, "executor");
  executor2 = await demoScope(t.db, "executor2");
});
afterAll(() => t.drop());

const check = (app: { id: string; rowVersion: number }, actor: StaffScope) =>
  moveApplication(t.db, {
    applicationId: app.id,
    expectedRowVersion: app.rowVersion,
    actor,
    request: { transition: "no_grounds_found" },
    calendar,
  });

describe("an assigned application's executor transitions", () => {
  it("are refused to another executor of the department, with nothing written", async () => {
    const app = await assignedApplication();
    const events = await t.db.applicationEvent.count({ where: { applicationId: app.id } });
    await expect(check(app, executor2)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/назначенный исполнитель заявления или руководитель/),
    });
    expect(await t.db.applicationEvent.count({ where: { applicationId: app.id } })).toBe(events);
    const row = await t.db.application.findUniqueOrThrow({
      where: { id: app.id },
      select: { currentStage: true, rowVersion: true, regulationVersion: { select: { document: true } } },
    });
    expect(row).toMatchObject({ currentStage: "check", rowVersion: app.rowVersion });
  });

  it("are performed by the assigned executor", async () => {
    const app = await assignedApplication();
    expect((await check(app, executor)).toStage).toBe("decision");
  });

  it("are performed by the head of the department, standing in for the executor", async () => {
    const app = await assignedApplication();
    expect((await check(app, head)).toStage).toBe("decision");
    const row = await t.db.application.findUniqueOrThrow({ where: { id: app.id }, select: { assigneeId: true } });
    expect(row.assigneeId).toBe(executor.userId);
  });

  it("are not offered on the board to another executor", async () => {
    const app = await assignedApplication();
    const { regulationVersion, ...state } = await t.db.application.findUniqueOrThrow({
      where: { id: app.id },
      select: {
        status: true,
        currentStage: true,
        departmentId: true,
        assigneeId: true,
        registeredAt: true,
        regulationVersion: { select: { document: true } },
      },
    });
    const doc = regulationVersion.document as Parameters<typeof availableTransitions>[0];
    expect(availableTransitions(doc, state, executor2)).toEqual([]);
    expect(availableTransitions(doc, state, executor).map((x) => x.key)).toContain("no_grounds_found");
  });
});

describe("inter-agency requests follow the regulation's roles", () => {
  const send = (appId: string, actor: StaffScope) =>
    sendInteragencyRequest(t.db, actor, {
      applicationId: appId,
      typeCode: "forward_to_record_holder",
      text: "Просим сообщить о месте хранения документов",
      calendar,
    });

  it("are sent by the assigned executor or the head, not by another executor or the registrar", async () => {
    const app = await assignedApplication();
    await expect(send(app.id, executor2)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/назначенный исполнитель/),
    });
    await expect(send(app.id, registrar)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.interagencyRequest.count({ where: { applicationId: app.id } })).toBe(0);
    const sent = await send(app.id, executor);
    await send(app.id, head);
    await expect(
      recordRequestAnswer(t.db, executor2, { requestId: sent.id, answerText: "Документы в районном архиве" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await recordRequestAnswer(t.db, executor, { requestId: sent.id, answerText: "Документы в районном архиве" });
    expect(await t.db.interagencyRequest.count({ where: { applicationId: app.id } })).toBe(2);
  });
});
