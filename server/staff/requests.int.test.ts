// R5: inter-agency requests of the regulation's types, with their own response deadlines; overdue
// ones show on the card and the board.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { seedDemo } from "../../prisma/seed/demo";
import { loadIdentity } from "../auth/data";
import { staffScope, type StaffScope } from "../auth/scope";
import { loadWorkingCalendar } from "../calendar/calendar-store";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { versionInForce } from "../regulation/data";
import { registerApplication } from "../workflow/mutations";
import { boardColumnPage } from "./board-store";
import { staffCard } from "./card-store";
import { recordRequestAnswer, sendInteragencyRequest } from "./request-mutations";

let t: TestDatabase;
let calendar: WorkingCalendar;
let executor: StaffScope;
let appId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  calendar = await loadWorkingCalendar(t.db);
  executor = await staffScope(t.db, (await loadIdentity(t.db, (await t.db.user.findUniqueOrThrow({ where: { email: "executor@demo.reglament.ru" } })).id))!);
  const service = await t.db.service.findUniqueOrThrow({ where: { code: "archive-info" } });
  const version = (await versionInForce(t.db, service.id))!;
  const owner = await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } });
  const app = await t.db.application.create({ data: { serviceId: service.id, regulationVersionId: version.id, departmentId: service.departmentId, ownerId: owner.id } });
  await registerApplication(t.db, { applicationId: app.id, actorId: null, calendar, receivedAt: new Date("2026-06-01T05:00:00Z") });
  appId = app.id;
});
afterAll(() => t.drop());

describe("inter-agency requests (R5)", () => {
  it("are limited to the regulation's types and carry their response deadline", async () => {
    await expect(sendInteragencyRequest(t.db, executor, { applicationId: appId, typeCode: "tax_service", text: "x", calendar })).rejects.toMatchObject({ code: "INVALID" });
    const sentAt = new Date("2026-06-02T05:00:00Z");
    const r = await sendInteragencyRequest(t.db, executor, { applicationId: appId, typeCode: "forward_to_record_holder", text: "Просим сообщить о местонахождении документов совхоза", calendar, now: sentAt });
    expect(calendar.countWorkingDays(sentAt, r.dueAt)).toBe(5);
    const ctx = (now: Date) => ({ now, calendar, dueSoonWorkingDays: 2 });
    const later = new Date(r.dueAt.getTime() + 60_000);
    const card = (await staffCard(t.db, executor, appId, ctx(later)))!;
    expect(card.requests[0]).toMatchObject({ overdue: true, agency: expect.stringContaining("хранящие") });
    const column = await boardColumnPage(t.db, executor, { filters: {}, stage: "registration", limit: 10 }, ctx(later));
    expect(column.cards.find((c) => c.id === appId)?.overdueRequests).toBe(1);
    await recordRequestAnswer(t.db, executor, { requestId: r.id, answerText: "Документы хранятся в архиве района" });
    await expect(recordRequestAnswer(t.db, executor, { requestId: r.id, answerText: "ещё раз" })).rejects.toMatchObject({ code: "PRECONDITION" });
    const answered = (await staffCard(t.db, executor, appId, ctx(later)))!;
    expect(answered.requests[0]).toMatchObject({ overdue: false, answerText: "Документы хранятся в архиве района" });
    expect(answered.events.map((e) => e.type)).toEqual(["registered", "request_sent", "request_answered"]);
  });
});
