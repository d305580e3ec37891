// Inter-agency answers overdue (S0 p.6, p.11; R5): escalated to the head of the department like a
// stage deadline, once however many monitors run; an answer due soon warns the official who sent it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { createPrismaClient } from "../../db/client";
import { loadWorkingCalendar } from "../../calendar/data";
import type { WorkingCalendar } from "../../calendar/working-calendar";
import { registeredApplication } from "../../test/factories";
import { monitorRequests } from "../monitor";

let t: TestDatabase;
let calendar: WorkingCalendar;

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
});
afterAll(() => t.drop());

describe("inter-agency answers (S0 p.6, p.11)", () => {
  it("S0 p.6, p.11: an overdue answer is escalated to the head once with monitors running at once; one due soon warns its sender", async () => {
    const head = await t.db.user.findUniqueOrThrow({ where: { email: "head@demo.reglament.ru" } });
    const executor = await t.db.user.findUniqueOrThrow({ where: { email: "executor@demo.reglament.ru" } });
    const app = await registeredApplication(t.db, {
      serviceCode: "archive-info",
      calendar,
      receivedAt: new Date("2026-06-01T05:00:00Z"),
    });
    const base = { applicationId: app.id, typeCode: "t", text: "Запрос", sentById: executor.id };
    const overdue = await t.db.interagencyRequest.create({
      data: {
        ...base,
        agency: "Социальный фонд",
        sentAt: new Date("2026-06-01T06:00:00Z"),
        dueAt: calendar.endOfLocalDay("2026-06-08"),
      },
    });
    const soon = await t.db.interagencyRequest.create({
      data: {
        ...base,
        agency: "Налоговая служба",
        sentAt: new Date("2026-06-05T06:00:00Z"),
        dueAt: calendar.endOfLocalDay("2026-06-11"),
      },
    });
    // Wednesday 10 June 2026: the first answer was due on Monday 8 June, the second is due tomorrow.
    const now = new Date("2026-06-10T06:00:00Z");
    const other = createPrismaClient(t.url, { max: 4 });
    await Promise.all([
      monitorRequests(t.db, { now, calendar, dueSoonWorkingDays: 2 }),
      monitorRequests(other, { now, calendar, dueSoonWorkingDays: 2 }),
      monitorRequests(t.db, { now, calendar, dueSoonWorkingDays: 2 }),
    ]);
    await other.$disconnect();
    await monitorRequests(t.db, { now: new Date("2026-06-11T06:00:00Z"), calendar, dueSoonWorkingDays: 2 });

    const escalations = await t.db.notification.findMany({
      where: { applicationId: app.id, kind: "request_overdue" },
    });
    expect(escalations.map((n) => n.userId)).toEqual([head.id]);
    expect(escalations[0]!.body).toContain("«Социальный фонд»");
    expect(escalations[0]!.body).toContain("истёк 8 июня 2026 г.");
    expect(await t.db.outgoingEmail.count({ where: { notificationId: escalations[0]!.id } })).toBe(1);
    expect(await t.db.applicationEvent.count({ where: { applicationId: app.id, type: "request_escalated" } })).toBe(1);

    const warnings = await t.db.notification.findMany({ where: { applicationId: app.id, kind: "request_due_soon" } });
    expect(warnings.map((n) => n.userId)).toEqual([executor.id]);
    expect(warnings[0]!.body).toContain("«Налоговая служба»");
    expect(warnings[0]!.body).toContain("не позднее 11 июня 2026 г.");
    expect(await t.db.requestAlert.findMany({ where: { requestId: { in: [overdue.id, soon.id] } } })).toHaveLength(2);
  });

  it("does not escalate an answered request", async () => {
    const app = await registeredApplication(t.db, {
      serviceCode: "archive-info",
      calendar,
      receivedAt: new Date("2026-06-01T05:00:00Z"),
    });
    await t.db.interagencyRequest.create({
      data: {
        applicationId: app.id,
        typeCode: "t",
        agency: "Росреестр",
        text: "Запрос",
        sentAt: new Date("2026-06-01T06:00:00Z"),
        dueAt: calendar.endOfLocalDay("2026-06-08"),
        answeredAt: new Date("2026-06-05T06:00:00Z"),
      },
    });
    await monitorRequests(t.db, { now: new Date("2026-06-10T06:00:00Z"), calendar, dueSoonWorkingDays: 2 });
    expect(await t.db.notification.count({ where: { applicationId: app.id, kind: "request_overdue" } })).toBe(0);
  });
});
