// A role counts only in the department where it is held and in the units under it (R2). A staff
// member who is the head of the road unit but only an executor of the archive is an executor for
// archive applications: the head's actions are neither offered (board, card) nor performed (moves,
// reassignment) there, and a registrar of one department registers no paper applications of another.
// Exercised through the staff procedures, which re-read the memberships from the database.
import { randomUUID } from "node:crypto";
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import type { DepartmentRole } from "../../prisma/seed/factories";
import { moveApplication } from "./mutations";
import { createCallerFactory } from "../api/trpc";
import { staffRouter } from "../api/routers/staff";
import { registerPaperApplication } from "../intake/mutations";
import { departmentIds, registeredApplication, scopeOf, staffAccount } from "../test/factories";
import { PAPER_ARCHIVE_REQUEST } from "../test/fixtures";

let t: TestDatabase;
let calendar: WorkingCalendar;
let ownerId: string;
const dept: Record<string, string> = {};
const user: Record<string, { id: string; email: string }> = {};

const ARCHIVE_VALUES = PAPER_ARCHIVE_REQUEST;
const ROAD_VALUES = {
  applicant_type: "individual",
  full_name: { lastName: "Петров", firstName: "Семён" },
  info_kind: "road_condition",
  road_name: "ул. Комсомольская, участок от д. 1 до д. 15",
  delivery_channel: "cabinet",
};

async function staffUser(key: string, memberships: [string, DepartmentRole][]) {
  user[key] = await staffAccount(t.db, memberships, { email: `${key}-${randomUUID()}@example.ru`, firstName: key });
}

/** The staff procedures as this user calls them: only the session's user id is trusted. */
const api = (key: string) => {
  const u = user[key]!;
  const session = {
    user: { id: u.id, email: u.email, name: "", roles: [], departmentIds: [], authMethod: "password" },
    expires: "2099-01-01T00:00:00Z",
  } as unknown as Session;
  return createCallerFactory(staffRouter)({ db: t.db, session });
};

const demo = async (who: string) => {
  const u = await t.db.user.findUniqueOrThrow({ where: { email: `${who}@demo.reglament.ru` } });
  return scopeOf(t.db, u.id);
};

/** A registered application of the service, moved on by the demo staff to the given stage. */
async function application(
  serviceCode: "road-info" | "archive-info",
  stage: "registration" | "assignment" | "check" | "review",
) {
  const app = await registeredApplication(t.db, {
    serviceCode,
    ownerId,
    data: serviceCode === "road-info" ? ROAD_VALUES : ARCHIVE_VALUES,
    calendar,
  });
  let { rowVersion } = app;
  const executor = await demo("executor");
  const path: [string, { transition: string; executorId?: string }][] =
    serviceCode === "road-info"
      ? [["registrar", { transition: "pass_to_review", executorId: executor.userId }]]
      : [
          ["registrar", { transition: "register" }],
          ["head", { transition: "assign_executor", executorId: executor.userId }],
        ];
  const steps = { registration: 0, assignment: 1, review: 1, check: 2 }[stage];
  for (const [who, request] of path.slice(0, steps)) {
    ({ rowVersion } = await moveApplication(t.db, {
      applicationId: app.id,
      expectedRowVersion: rowVersion,
      actor: await demo(who),
      request,
      calendar,
    }));
  }
  expect((await t.db.application.findUniqueOrThrow({ where: { id: app.id } })).currentStage).toBe(stage);
  return { id: app.id, rowVersion };
}

const boardCard = async (key: string, serviceCode: string, stage: string, id: string) => {
  const b = await api(key).board({ filters: { serviceCode }, perColumn: 100 });
  return b.columns.find((c) => c.key === stage)!.cards.find((c) => c.id === id)!;
};

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  ownerId = (await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } })).id;
  Object.assign(dept, await departmentIds(t.db));
  await staffUser("roadsHead", [
    ["roads", "HEAD"],
    ["archive", "EXECUTOR"],
  ]);
  await staffUser("archiveHead", [
    ["archive", "HEAD"],
    ["roads", "EXECUTOR"],
  ]);
  await staffUser("roadsRegistrar", [
    ["roads", "REGISTRAR"],
    ["archive", "EXECUTOR"],
  ]);
  await staffUser("administrationHead", [["administration", "HEAD"]]);
});
afterAll(() => t.drop());

describe("roles by department (R2)", () => {
  it("the scope keeps each role in its department and the units under it", async () => {
    const scope = await scopeOf(t.db, user.roadsHead!.id);
    expect([...scope.departmentIds].sort()).toEqual([dept.roads!, dept.archive!].sort());
    expect(scope.rolesByDepartment.get(dept.roads!)).toEqual(["HEAD"]);
    expect(scope.rolesByDepartment.get(dept.archive!)).toEqual(["EXECUTOR"]);
    const above = await scopeOf(t.db, user.administrationHead!.id);
    for (const code of ["administration", "roads", "archive"])
      expect(above.rolesByDepartment.get(dept[code]!)).toEqual(["HEAD"]);
    expect(above.rolesByDepartment.has(dept.mfc!)).toBe(false);
  });

  it("a head of another department cannot assign the archive's executor: not offered, and refused", async () => {
    const app = await application("archive-info", "assignment");
    const executor = await demo("executor");
    expect((await api("roadsHead").card({ id: app.id })).transitions).toEqual([]);
    expect((await boardCard("roadsHead", "archive-info", "assignment", app.id)).transitions).toEqual([]);
    await expect(
      api("roadsHead").move({
        id: app.id,
        expectedRowVersion: app.rowVersion,
        transition: "assign_executor",
        executorId: executor.userId,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const row = await t.db.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({ currentStage: "assignment", rowVersion: app.rowVersion, assigneeId: null });

    // The archive's own head is offered the action and performs it.
    expect((await api("archiveHead").card({ id: app.id })).transitions.map((x) => x.key)).toEqual(["assign_executor"]);
    expect(
      (await boardCard("archiveHead", "archive-info", "assignment", app.id)).transitions.map((x) => x.key),
    ).toEqual(["assign_executor"]);
    const moved = await api("archiveHead").move({
      id: app.id,
      expectedRowVersion: app.rowVersion,
      transition: "assign_executor",
      executorId: executor.userId,
    });
    expect(moved.toStage).toBe("check");
  });

  it("a head of the administration is a head of the units under it", async () => {
    const app = await application("archive-info", "assignment");
    expect((await api("administrationHead").card({ id: app.id })).transitions.map((x) => x.key)).toEqual([
      "assign_executor",
    ]);
    const moved = await api("administrationHead").move({
      id: app.id,
      expectedRowVersion: app.rowVersion,
      transition: "assign_executor",
      executorId: (await demo("executor")).userId,
    });
    expect(moved.toStage).toBe("check");
  });

  it("a registrar of the road unit registers road applications, not the archive's", async () => {
    const archive = await application("archive-info", "registration");
    expect((await api("roadsRegistrar").card({ id: archive.id })).transitions).toEqual([]);
    expect((await boardCard("roadsRegistrar", "archive-info", "registration", archive.id)).transitions).toEqual([]);
    await expect(
      api("roadsRegistrar").move({ id: archive.id, expectedRowVersion: archive.rowVersion, transition: "register" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.application.findUniqueOrThrow({ where: { id: archive.id } })).toMatchObject({
      currentStage: "registration",
      rowVersion: archive.rowVersion,
    });

    const road = await application("road-info", "registration");
    expect((await api("roadsRegistrar").card({ id: road.id })).transitions.map((x) => x.key)).toEqual([
      "pass_to_review",
    ]);
    expect(
      (await boardCard("roadsRegistrar", "road-info", "registration", road.id)).transitions.map((x) => x.key),
    ).toEqual(["pass_to_review"]);
    const moved = await api("roadsRegistrar").move({
      id: road.id,
      expectedRowVersion: road.rowVersion,
      transition: "pass_to_review",
      executorId: (await demo("executor")).userId,
    });
    expect(moved.toStage).toBe("review");
  });

  it("reassignment needs the head or the registrar of the application's department", async () => {
    const second = await demo("executor2");
    const archive = await application("archive-info", "check");
    expect((await api("roadsHead").card({ id: archive.id })).canReassign).toBe(false);
    await expect(
      api("roadsHead").reassign({
        id: archive.id,
        expectedRowVersion: archive.rowVersion,
        executorId: second.userId,
        reason: "Отпуск",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      api("roadsRegistrar").reassign({
        id: archive.id,
        expectedRowVersion: archive.rowVersion,
        executorId: second.userId,
        reason: "Отпуск",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const row = await t.db.application.findUniqueOrThrow({ where: { id: archive.id } });
    expect(row).toMatchObject({ rowVersion: archive.rowVersion, assigneeId: (await demo("executor")).userId });
    expect(
      await t.db.applicationEvent.count({
        where: {
          applicationId: archive.id,
          type: "executor_assigned",
          actorId: { in: [user.roadsHead!.id, user.roadsRegistrar!.id] },
        },
      }),
    ).toBe(0);

    const road = await application("road-info", "review");
    expect((await api("roadsHead").card({ id: road.id })).canReassign).toBe(true);
    await expect(
      api("roadsHead").reassign({
        id: road.id,
        expectedRowVersion: road.rowVersion,
        executorId: second.userId,
        reason: "Отпуск",
      }),
    ).resolves.toEqual({ rowVersion: road.rowVersion + 1 });
    expect((await t.db.application.findUniqueOrThrow({ where: { id: road.id } })).assigneeId).toBe(second.userId);
    expect((await api("archiveHead").card({ id: archive.id })).canReassign).toBe(true);
    await expect(
      api("archiveHead").reassign({
        id: archive.id,
        expectedRowVersion: archive.rowVersion,
        executorId: second.userId,
        reason: "Отпуск",
      }),
    ).resolves.toEqual({ rowVersion: archive.rowVersion + 1 });
  });

  it("paper intake needs the registrar role in the service's department", async () => {
    const input = (serviceCode: string, values: Record<string, unknown>) => ({
      serviceCode,
      values,
      channel: "IN_PERSON" as const,
      receivedAt: new Date("2026-03-10T07:00:00Z"),
      submissionKey: randomUUID(),
      applicant: { lastName: "Петров", firstName: "Семён" },
    });
    const registrar = api("roadsRegistrar");
    expect((await registrar.intakeServices()).map((s) => s.code)).toEqual(["road-info"]);
    await expect(registrar.intakeForm({ serviceCode: "archive-info" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await registrar.intakeForm({ serviceCode: "road-info" })).service.code).toBe("road-info");

    const before = await t.db.application.count();
    await expect(registrar.registerPaper(input("archive-info", ARCHIVE_VALUES))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      registerPaperApplication(t.db, await scopeOf(t.db, user.roadsRegistrar!.id), {
        ...input("archive-info", ARCHIVE_VALUES),
        calendar,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A head and an executor is a registrar nowhere.
    expect(await api("roadsHead").intakeServices()).toEqual([]);
    await expect(api("roadsHead").registerPaper(input("road-info", ROAD_VALUES))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await t.db.application.count()).toBe(before);

    const registered = await registrar.registerPaper(input("road-info", ROAD_VALUES));
    expect(registered.registrationNumber).toMatch(/^ДОР-2026-\d{5}$/);
    // The demo registrar, registrar of both units and the MFC, still registers for both services.
    expect((await demo("registrar")).rolesByDepartment.get(dept.archive!)).toContain("REGISTRAR");
  });
});
