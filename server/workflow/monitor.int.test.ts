// R4: a stage deadline in the past causes exactly one escalation notice to the head of the
// department, also with several instances running the job at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { createPrismaClient } from "../db/client";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { versionInForce } from "../regulation/data";
import {
  createService,
  demoUser,
  publishRegulation,
  registeredApplication,
  staffAccount,
  unitUnder,
} from "../test/factories";
import { monitorDeadlines } from "./monitor";

let t: TestDatabase;
let calendar: WorkingCalendar;
let appId: string;

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  appId = (
    await registeredApplication(t.db, {
      serviceCode: "archive-info",
      calendar,
      receivedAt: new Date("2026-06-01T05:00:00Z"),
    })
  ).id;
});
afterAll(() => t.drop());

describe("deadline monitoring (R4)", () => {
  it("warns the registrars before the registration deadline, once", async () => {
    const registrar = await t.db.user.findUniqueOrThrow({ where: { email: "registrar@demo.reglament.ru" } });
    const now = new Date("2026-06-01T06:00:00Z");
    expect(await monitorDeadlines(t.db, { now, calendar, dueSoonWorkingDays: 2 })).toEqual({
      warned: 1,
      escalated: 0,
      unrouted: 0,
    });
    expect(await monitorDeadlines(t.db, { now, calendar, dueSoonWorkingDays: 2 })).toEqual({
      warned: 0,
      escalated: 0,
      unrouted: 0,
    });
    expect(
      await t.db.notification.count({
        where: { userId: registrar.id, kind: "deadline_due_soon", applicationId: appId },
      }),
    ).toBe(1);
  });

  it("escalates a breach to the head exactly once with two instances running at the same time", async () => {
    const head = await t.db.user.findUniqueOrThrow({ where: { email: "head@demo.reglament.ru" } });
    const stage = await t.db.applicationStage.findFirstOrThrow({ where: { applicationId: appId, leftAt: null } });
    const late = new Date(stage.dueAt!.getTime() + 3_600_000);
    // A second "instance": its own connection pool to the same database.
    const other = createPrismaClient(t.url, { max: 4 });
    const results = await Promise.all([
      monitorDeadlines(t.db, { now: late, calendar, dueSoonWorkingDays: 2 }),
      monitorDeadlines(other, { now: late, calendar, dueSoonWorkingDays: 2 }),
      monitorDeadlines(t.db, { now: late, calendar, dueSoonWorkingDays: 2 }),
    ]);
    await other.$disconnect();
    expect(results.reduce((n, r) => n + r.escalated, 0)).toBe(1);
    const notices = await t.db.notification.findMany({
      where: { userId: head.id, kind: "deadline_breached", applicationId: appId },
    });
    expect(notices).toHaveLength(1);
    expect(await t.db.outgoingEmail.count({ where: { notificationId: notices[0]!.id } })).toBe(1);
    expect(
      await monitorDeadlines(t.db, { now: new Date(late.getTime() + 86_400_000), calendar, dueSoonWorkingDays: 2 }),
    ).toEqual({ warned: 0, escalated: 0, unrouted: 0 });
  });

  it("works through a backlog larger than one page in a single run", async () => {
    const service = await t.db.service.findUniqueOrThrow({ where: { code: "road-info" } });
    const version = (await versionInForce(t.db, service.id))!;
    const owner = await demoUser(t.db, "applicant");
    const N = 450; // more than two pages of the monitor's query
    // Raw rows on purpose: a backlog of registered applications with their open stages, written in
    // two statements; registering 450 through the engine would only slow the test down.
    const ids = Array.from({ length: N }, () => crypto.randomUUID());
    const due = new Date("2026-05-04T18:59:59Z");
    await t.db.application.createMany({
      data: ids.map((id, i) => ({
        id,
        serviceId: service.id,
        regulationVersionId: version.id,
        departmentId: service.departmentId,
        ownerId: owner.id,
        status: "SUBMITTED" as const,
        registrationNumber: `BACKLOG-${i}`,
        currentStage: "registration",
        stageDueAt: due,
      })),
    });
    await t.db.applicationStage.createMany({
      data: ids.map((applicationId) => ({
        applicationId,
        stage: "registration",
        enteredAt: new Date("2026-04-28T05:00:00Z"),
        dueAt: due,
      })),
    });
    const result = await monitorDeadlines(t.db, {
      now: new Date("2026-05-20T05:00:00Z"),
      calendar,
      dueSoonWorkingDays: 2,
    });
    expect(result.escalated).toBeGreaterThanOrEqual(N);
    expect(await t.db.deadlineAlert.count({ where: { kind: "breach", stage: { applicationId: { in: ids } } } })).toBe(
      N,
    );
  });

  it("escalates to the heads above a department that has none, and tells nobody twice", async () => {
    const unit = await unitUnder(t.db, "administration", { code: "culture", name: "Отдел культуры" });
    const base = await t.db.service.findUniqueOrThrow({ where: { code: "road-info" } });
    const version = (await versionInForce(t.db, base.id))!;
    // A service of the unit that runs the road-info process, published as an administrator would.
    const service = await createService(t.db, {
      code: "culture-info",
      title: "Тестовая услуга отдела культуры",
      departmentId: unit.id,
    });
    await publishRegulation(t.db, {
      serviceId: service.id,
      document: version.document,
      effectiveFrom: new Date("2026-01-01T00:00:00Z"),
    });
    const app = await registeredApplication(t.db, {
      serviceCode: "culture-info",
      calendar,
      receivedAt: new Date("2026-06-01T05:00:00Z"),
    });
    const late = { now: new Date("2026-08-03T05:00:00Z"), calendar, dueSoonWorkingDays: 2 };

    // Nobody to tell: the breach stays unclaimed rather than being marked as told.
    expect((await monitorDeadlines(t.db, late)).unrouted).toBeGreaterThanOrEqual(1);
    expect(await t.db.deadlineAlert.count({ where: { stage: { applicationId: app.id } } })).toBe(0);

    // Once the administration has a head, the next run tells them, once.
    const chief = await staffAccount(t.db, [["administration", "HEAD"]], {
      email: "chief@example.ru",
      lastName: "Главный",
      firstName: "Пётр",
    });
    await monitorDeadlines(t.db, late);
    await monitorDeadlines(t.db, late);
    expect(
      await t.db.notification.count({ where: { userId: chief.id, applicationId: app.id, kind: "deadline_breached" } }),
    ).toBe(1);
  });
});
