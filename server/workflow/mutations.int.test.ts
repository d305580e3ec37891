// The engine against real PostgreSQL: registration sets the deadlines, moves are atomic with their
// events, concurrent moves give one winner, versions stay pinned, and the deadline query finds work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { loadIdentity } from "../auth/data";
import { staffScope, type StaffScope } from "../auth/scope";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { AppError } from "../errors";
import { versionInForce } from "../regulation/data";
import { createDraftVersion, publishVersion } from "../regulation/mutations";
import { board } from "./board/data";
import { applicationRow, publishRegulation } from "../test/factories";
import { moveApplication, reassignExecutor, registerApplication } from "./mutations";
import type { Actor } from "./machine";

let t: TestDatabase;
let calendar: WorkingCalendar;

async function scopeFor(email: string): Promise<StaffScope> {
  const user = await t.db.user.findUniqueOrThrow({ where: { email } });
  const identity = (await loadIdentity(t.db, user.id))!;
  return staffScope(t.db, identity);
}
const actorFor = (email: string): Promise<Actor> => scopeFor(email);

function newApplication(serviceCode = "road-info", channel?: "POST" | "IN_PERSON" | "PORTAL") {
  return applicationRow(t.db, { serviceCode, channel, data: { applicant_type: "individual" } });
}

beforeAll(async () => {
  t = await createTestDatabase({ demo: true, max: 12 });
  calendar = await loadWorkingCalendar(t.db);
});
afterAll(() => t.drop());

describe("registration (R7, R23)", () => {
  it("gives a number, the initial stage with its deadline and the service due date", async () => {
    const app = await newApplication();
    const receivedAt = new Date("2026-03-06T07:00:00Z"); // Friday; Monday 9 March is a day off
    const result = await registerApplication(t.db, { applicationId: app.id, actorId: null, calendar, receivedAt });
    expect(result.registrationNumber).toMatch(/^ДОР-2026-\d{5}$/);
    expect(calendar.localDate(result.dueAt)).toBe("2026-03-30");
    // S1 p.22: a portal application is registered the same day.
    expect(calendar.localDate(result.stageDueAt!)).toBe("2026-03-06");
    const row = await t.db.application.findUniqueOrThrow({
      where: { id: app.id },
      include: { events: true, stages: true },
    });
    expect(row).toMatchObject({ status: "SUBMITTED", currentStage: "registration", rowVersion: 1 });
    expect(row.events.map((e) => e.type)).toEqual(["registered"]);
    expect(row.stages).toHaveLength(1);
    await expect(registerApplication(t.db, { applicationId: app.id, actorId: null, calendar })).rejects.toThrow(
      /уже зарегистрировано/,
    );
  });

  it("takes the registration term of the channel the application came by (R7, S1 p.22)", async () => {
    const receivedAt = new Date("2026-03-06T07:00:00Z"); // Friday 12:00 local; Monday 9 March is a day off
    const due = async (channel: "POST" | "IN_PERSON" | "PORTAL") => {
      const app = await newApplication("road-info", channel);
      return (await registerApplication(t.db, { applicationId: app.id, actorId: null, calendar, receivedAt }))
        .stageDueAt!;
    };
    expect(calendar.localDate(await due("POST"))).toBe("2026-03-10");
    expect((await due("IN_PERSON")).toISOString()).toBe("2026-03-06T07:15:00.000Z");
    expect(calendar.localDate(await due("PORTAL"))).toBe("2026-03-06");
  });

  it("numbers applications of a service sequentially within a year", async () => {
    const a = await newApplication();
    const b = await newApplication();
    const ra = await registerApplication(t.db, {
      applicationId: a.id,
      actorId: null,
      calendar,
      receivedAt: new Date("2026-04-01T05:00:00Z"),
    });
    const rb = await registerApplication(t.db, {
      applicationId: b.id,
      actorId: null,
      calendar,
      receivedAt: new Date("2026-04-01T05:00:00Z"),
    });
    expect(Number(rb.registrationNumber.slice(-5))).toBe(Number(ra.registrationNumber.slice(-5)) + 1);
  });
});

describe("moves (R1, R3)", () => {
  it("of 50 simultaneous moves of one application exactly one succeeds, 49 get a conflict, one event is written", async () => {
    const app = await newApplication();
    await registerApplication(t.db, { applicationId: app.id, actorId: null, calendar });
    const registrar = await actorFor("registrar@demo.reglament.ru");
    const executor = await t.db.user.findUniqueOrThrow({ where: { email: "executor@demo.reglament.ru" } });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        moveApplication(t.db, {
          applicationId: app.id,
          expectedRowVersion: 1,
          actor: registrar,
          calendar,
          request: { transition: "pass_to_review", executorId: executor.id },
        }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const conflicts = results.filter(
      (r) => r.status === "rejected" && r.reason instanceof AppError && r.reason.code === "CONFLICT",
    );
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const events = await t.db.applicationEvent.findMany({ where: { applicationId: app.id, type: "stage_changed" } });
    expect(events).toHaveLength(1);
    const row = await t.db.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({ currentStage: "review", rowVersion: 2, assigneeId: executor.id });
    expect(await t.db.applicationStage.count({ where: { applicationId: app.id } })).toBe(2);
  });

  it("changes nothing when the transition is not allowed, and hides other departments' applications", async () => {
    const app = await newApplication();
    await registerApplication(t.db, { applicationId: app.id, actorId: null, calendar });
    const executor = await actorFor("executor@demo.reglament.ru");
    await expect(
      moveApplication(t.db, {
        applicationId: app.id,
        expectedRowVersion: 1,
        actor: executor,
        calendar,
        request: { transition: "prepare_information", resultType: "information_letter" },
      }),
    ).rejects.toMatchObject({ code: "PRECONDITION" });
    const mfc = (await t.db.department.findUniqueOrThrow({ where: { code: "mfc" } })).id;
    const outsider: Actor = {
      userId: executor.userId,
      departmentIds: [mfc],
      rolesByDepartment: new Map([[mfc, ["REGISTRAR"]]]),
    };
    await expect(
      moveApplication(t.db, {
        applicationId: app.id,
        expectedRowVersion: 1,
        actor: outsider,
        calendar,
        request: { transition: "pass_to_review" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "Заявление не найдено" });
    const row = await t.db.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({ currentStage: "registration", rowVersion: 1 });
    expect(await t.db.applicationEvent.count({ where: { applicationId: app.id } })).toBe(1);
  });

  it("refuses an executor who is not an executor of the department", async () => {
    const app = await newApplication();
    await registerApplication(t.db, { applicationId: app.id, actorId: null, calendar });
    const registrar = await actorFor("registrar@demo.reglament.ru");
    const applicant = await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } });
    await expect(
      moveApplication(t.db, {
        applicationId: app.id,
        expectedRowVersion: 1,
        actor: registrar,
        calendar,
        request: { transition: "pass_to_review", executorId: applicant.id },
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    expect((await t.db.application.findUniqueOrThrow({ where: { id: app.id } })).rowVersion).toBe(1);
  });
});

describe("reassignment of the executor (R2, R3)", () => {
  it("the head hands the application to another executor with a reason; the stage and its deadline stay, the new executor is told", async () => {
    const app = await newApplication();
    await registerApplication(t.db, { applicationId: app.id, actorId: null, calendar });
    const [registrar, head, executor, second] = await Promise.all(
      ["registrar", "head", "executor", "executor2"].map((u) => actorFor(`${u}@demo.reglament.ru`)),
    );
    // Before the process has assigned anyone there is nothing to hand over.
    await expect(
      reassignExecutor(t.db, {
        applicationId: app.id,
        expectedRowVersion: 1,
        actor: head!,
        executorId: second!.userId,
        reason: "Отпуск",
      }),
    ).rejects.toMatchObject({ code: "PRECONDITION" });
    const moved = await moveApplication(t.db, {
      applicationId: app.id,
      expectedRowVersion: 1,
      actor: registrar!,
      calendar,
      request: { transition: "pass_to_review", executorId: executor!.userId },
    });
    const before = await t.db.application.findUniqueOrThrow({ where: { id: app.id } });
    // The executor named by the move is told, with the stage deadline.
    const assigned = await t.db.notification.findFirstOrThrow({
      where: { userId: executor!.userId, applicationId: app.id, kind: "executor_assigned" },
    });
    expect(assigned.title).toBe(`Вам назначено заявление № ${before.registrationNumber}`);
    expect(assigned.body).toContain("Срок текущего этапа — до");

    // Only the head or the registrar, with a reason, to an executor of the department, from a fresh read.
    await expect(
      reassignExecutor(t.db, {
        applicationId: app.id,
        expectedRowVersion: moved.rowVersion,
        actor: executor!,
        executorId: second!.userId,
        reason: "Отпуск",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      reassignExecutor(t.db, {
        applicationId: app.id,
        expectedRowVersion: moved.rowVersion,
        actor: head!,
        executorId: second!.userId,
        reason: "  ",
      }),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { reason: expect.any(String) } });
    await expect(
      reassignExecutor(t.db, {
        applicationId: app.id,
        expectedRowVersion: moved.rowVersion,
        actor: head!,
        executorId: head!.userId,
        reason: "Отпуск",
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(
      reassignExecutor(t.db, {
        applicationId: app.id,
        expectedRowVersion: moved.rowVersion,
        actor: head!,
        executorId: executor!.userId,
        reason: "Отпуск",
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(
      reassignExecutor(t.db, {
        applicationId: app.id,
        expectedRowVersion: moved.rowVersion - 1,
        actor: head!,
        executorId: second!.userId,
        reason: "Отпуск",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const result = await reassignExecutor(t.db, {
      applicationId: app.id,
      expectedRowVersion: moved.rowVersion,
      actor: head!,
      executorId: second!.userId,
      reason: "Исполнитель в отпуске до 1 декабря",
    });
    expect(result.rowVersion).toBe(moved.rowVersion + 1);
    const after = await t.db.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(after).toMatchObject({
      assigneeId: second!.userId,
      currentStage: before.currentStage,
      stageDueAt: before.stageDueAt,
      rowVersion: moved.rowVersion + 1,
    });
    const event = await t.db.applicationEvent.findFirstOrThrow({
      where: { applicationId: app.id, type: "executor_assigned" },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({
      actorId: head!.userId,
      payload: { from: executor!.userId, to: second!.userId, reason: "Исполнитель в отпуске до 1 декабря" },
    });
    const notice = await t.db.notification.findFirstOrThrow({
      where: { userId: second!.userId, applicationId: app.id, kind: "executor_assigned" },
    });
    expect(notice.body).toContain("Исполнитель в отпуске до 1 декабря");
  });
});

describe("regulation versions (R11)", () => {
  it("keeps an application on the version it was submitted under after a new one is published", async () => {
    const pinned = await newApplication();
    const service = await t.db.service.findUniqueOrThrow({ where: { code: "road-info" }, include: { versions: true } });
    const v1 = service.versions[0]!;
    const changed = structuredClone(v1.document) as { passport: { term: { value: number } } };
    changed.passport.term.value = 10;
    const draft = await publishRegulation(t.db, {
      serviceId: service.id,
      document: changed,
      basis: "Постановление (тест)",
      effectiveFrom: new Date("2026-01-01T00:00:00Z"),
    });
    expect(draft.version).toBe(2);
    expect((await versionInForce(t.db, service.id))!.version).toBe(2);
    expect((await versionInForce(t.db, service.id, new Date("2025-06-01T00:00:00Z")))!.version).toBe(1);
    const r = await registerApplication(t.db, {
      applicationId: pinned.id,
      actorId: null,
      calendar,
      receivedAt: new Date("2026-03-06T07:00:00Z"),
    });
    expect(calendar.localDate(r.dueAt)).toBe("2026-03-30"); // 15 working days of version 1, not 10
  });

  it("refuses to publish an invalid document and lists all its problems", async () => {
    const service = await t.db.service.findUniqueOrThrow({
      where: { code: "archive-info" },
      include: { versions: true },
    });
    const broken = structuredClone(service.versions[0]!.document) as {
      stages: { key: string; deadline?: { value: number } }[];
      initialStage: string;
      serviceRefusalGrounds: unknown[];
    };
    broken.initialStage = "nowhere";
    broken.stages[1]!.deadline = { ...broken.stages[1]!.deadline!, value: 0 };
    broken.serviceRefusalGrounds = [];
    const draft = await createDraftVersion(t.db, { serviceId: service.id, document: broken, actorId: null });
    const error = await publishVersion(t.db, { versionId: draft.id, effectiveFrom: new Date(), actorId: null }).catch(
      (e: AppError) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    const paths = Object.keys((error as AppError).fieldErrors ?? {});
    expect(paths).toContain("initialStage");
    expect(paths).toContain("stages.1.deadline.value");
    expect(paths.some((p) => p.startsWith("transitions."))).toBe(true);
    expect((error as AppError).message).toMatch(/^Редакция не может быть опубликована: \d+ ошиб(ка|ки|ок)$/);
    expect((await t.db.regulationVersion.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });
});

describe("deadline monitoring query (R4)", () => {
  it("lists overdue and due-soon applications of the department, by the one deadline rule", async () => {
    const app = await newApplication("archive-info");
    await registerApplication(t.db, {
      applicationId: app.id,
      actorId: null,
      calendar,
      receivedAt: new Date("2026-06-01T05:00:00Z"),
    });
    const roads = await scopeFor("executor@demo.reglament.ru");
    const stageDue = (await t.db.application.findUniqueOrThrow({ where: { id: app.id } })).stageDueAt!;
    // What the deadlines page asks: the board filtered by the rule, overdue and due soon.
    const listed = async (scope: StaffScope, now: Date) => {
      const ctx = { now, calendar, dueSoonWorkingDays: 2 };
      const [overdue, dueSoon] = await Promise.all(
        (["overdue", "due_soon"] as const).map((deadline) =>
          board(t.db, scope, { filters: { deadline }, perColumn: 100 }, ctx),
        ),
      );
      return [...overdue!.columns, ...dueSoon!.columns]
        .flatMap((c) => c.cards)
        .filter((c) => c.id === app.id)
        .map((c) => c.deadline.status);
    };
    expect(await listed(roads, new Date("2026-05-20T05:00:00Z"))).toEqual([]);
    expect(await listed(roads, new Date("2026-06-01T06:00:00Z"))).toEqual(["due_soon"]);
    expect(await listed(roads, new Date(stageDue.getTime() + 60_000))).toEqual(["overdue"]);
    // A registrar of the MFC alone: another department's applications are not listed.
    const mfcId = (await t.db.department.findUniqueOrThrow({ where: { code: "mfc" } })).id;
    await t.db.user.create({
      data: {
        email: "mfc-only@demo.reglament.ru",
        lastName: "Сидорова",
        firstName: "Ольга",
        roles: [],
        memberships: { create: { departmentId: mfcId, role: "REGISTRAR" } },
      },
    });
    const mfc = await scopeFor("mfc-only@demo.reglament.ru");
    expect(await listed(mfc, new Date(stageDue.getTime() + 60_000))).toEqual([]);
    // The planner can answer the monitoring query from the (departmentId, status, stageDueAt) index.
    const [, plan] = await t.db.$transaction([
      t.db.$executeRawUnsafe("SET LOCAL enable_seqscan = off"),
      t.db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT id FROM "Application" WHERE "departmentId" = $1::uuid AND status = 'SUBMITTED' AND "stageDueAt" <= now() ORDER BY "stageDueAt"`,
        app.departmentId,
      ),
    ]);
    expect(plan.map((p) => p["QUERY PLAN"]).join("\n")).toMatch(/Application_departmentId_status_stageDueAt_idx/);
  });
});
