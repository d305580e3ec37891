// Administrators run the organisation (issue 11, points 1, 2 and 6) against real PostgreSQL, through
// the organisation router as the administrator calls it: departments (duplicate code, no cycles,
// closing refused while something is left in them), staff accounts (the invitation's link and
// e-mail, the last administrator, deactivation ending sessions at once), roles that count only in
// their department and the units under it, and an AdminEvent with each change, in its transaction.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import {
  createService,
  demoUser,
  departmentIds,
  publishRegulation,
  registeredApplication,
  staffAccount,
  scopeOf,
} from "../test/factories";
import { callerAs, failure } from "../test/callers";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { versionInForce } from "../regulation/data";
import { board } from "../workflow/board/data";
import { claimAccount, pendingClaim, signInWithPassword } from "../auth/mutations";
import { hashPassword } from "../auth/password";
import { loadIdentity } from "../auth/data";
import { LAST_ADMIN_MESSAGE, MOVE_CYCLE_MESSAGE } from "./mutations";

let t: TestDatabase;
let calendar: WorkingCalendar;
let adminId: string;
let ids: Record<string, string>;

const as = (userId: string, sessionVersion?: number) => callerAs(t.db, userId, sessionVersion);
const admin = () => as(adminId);

const adminEvents = (subjectId: string) =>
  t.db.adminEvent.findMany({
    where: { subjectId },
    orderBy: { at: "asc" },
    select: { type: true, actorId: true, before: true, after: true },
  });

const unit = (over: Record<string, unknown> = {}) => ({
  name: "Отдел благоустройства",
  code: `unit-${randomUUID().slice(0, 8)}`,
  kind: "UNIT" as const,
  parentId: ids.administration!,
  address: "",
  phone: "",
  email: "",
  schedule: "",
  ...over,
});

const invitation = (departmentId: string, over: Record<string, unknown> = {}) => ({
  email: `new-${randomUUID().slice(0, 8)}@adm-polovinka.ru`,
  lastName: "Новикова",
  firstName: "Ольга",
  middleName: "",
  phone: "",
  departmentId,
  role: "EXECUTOR" as const,
  ...over,
});

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  adminId = (await demoUser(t.db, "admin")).id;
  ids = await departmentIds(t.db);
});
afterAll(() => t.drop());

describe("departments", () => {
  it("creates a unit under the administration, with its AdminEvent", async () => {
    const input = unit({ phone: "8 (34672) 2-12-12", email: "Blago@Adm-Polovinka.ru", schedule: "Пн–Пт 9:00–17:00" });
    const { id } = await admin().organisation.createDepartment(input);
    const row = await t.db.department.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ parentId: ids.administration, kind: "UNIT", email: "blago@adm-polovinka.ru" });
    const events = await adminEvents(id);
    expect(events).toEqual([expect.objectContaining({ type: "department_created", actorId: adminId, before: null })]);
    expect(events[0]!.after).toMatchObject({ code: input.code, name: input.name });
  });

  it("refuses a duplicate code on the code field and writes nothing", async () => {
    const before = await t.db.department.count();
    const e = await failure(admin().organisation.createDepartment(unit({ code: "archive" })));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.fieldErrors?.code).toBe("Подразделение с кодом «archive» уже есть: выберите другой код");
    expect(await t.db.department.count()).toBe(before);
    // Renaming another department to the taken code: the same message.
    const { id } = await admin().organisation.createDepartment(unit());
    const e2 = await failure(admin().organisation.updateDepartment({ ...unit({ code: "roads" }), id }));
    expect(e2.fieldErrors?.code).toContain("«roads» уже есть");
  });

  it("moves a department, but never under itself or a unit under it", async () => {
    const parent = await admin().organisation.createDepartment(unit());
    const child = await admin().organisation.createDepartment(unit({ parentId: parent.id }));
    for (const target of [parent.id, child.id]) {
      const e = await failure(admin().organisation.moveDepartment({ id: parent.id, parentId: target }));
      expect(e.code).toBe("BAD_REQUEST");
      expect(e.fieldErrors?.parentId).toBe(MOVE_CYCLE_MESSAGE);
    }
    // The administration under one of its own units: a cycle through two levels.
    const e = await failure(admin().organisation.moveDepartment({ id: ids.administration!, parentId: child.id }));
    expect(e.fieldErrors?.parentId).toBe(MOVE_CYCLE_MESSAGE);
    expect((await t.db.department.findUniqueOrThrow({ where: { id: ids.administration! } })).parentId).toBeNull();

    await admin().organisation.moveDepartment({ id: child.id, parentId: ids.archive! });
    expect((await t.db.department.findUniqueOrThrow({ where: { id: child.id } })).parentId).toBe(ids.archive);
    const moved = (await adminEvents(child.id)).find((ev) => ev.type === "department_moved")!;
    expect(moved.before).toMatchObject({ parentId: parent.id });
    expect(moved.after).toMatchObject({ parentId: ids.archive });
  });

  it("refuses to close a department with open applications, active services or open units, and says how many", async () => {
    await registeredApplication(t.db, { serviceCode: "road-info", calendar });
    const open = await t.db.application.count({ where: { departmentId: ids.roads!, status: "SUBMITTED" } });
    const e = await failure(admin().organisation.closeDepartment({ id: ids.roads! }));
    expect(e.code).toBe("PRECONDITION_FAILED");
    expect(e.message).toContain(`${open} открыт`);
    expect(e.message).toContain("1 действующая услуга");
    expect(e.message).toContain("Сначала переместите их в другое подразделение");

    const administration = await failure(admin().organisation.closeDepartment({ id: ids.administration! }));
    expect(administration.message).toMatch(/\d+ открыт\S+ подчинённ\S+ подразделени/);
    expect((await t.db.department.findUniqueOrThrow({ where: { id: ids.roads! } })).closedAt).toBeNull();

    const empty = await admin().organisation.createDepartment(unit());
    await admin().organisation.closeDepartment({ id: empty.id });
    expect((await t.db.department.findUniqueOrThrow({ where: { id: empty.id } })).closedAt).not.toBeNull();
    expect((await adminEvents(empty.id)).map((ev) => ev.type)).toEqual(["department_created", "department_closed"]);
    // Nothing new goes under a closed department.
    const under = await failure(admin().organisation.createDepartment(unit({ parentId: empty.id })));
    expect(under.fieldErrors?.parentId).toContain("закрыто");
  });
});

describe("staff accounts", () => {
  it("invites: an account without a password, its role, a claim link e-mailed naming the department; the link sets the password", async () => {
    const dept = await admin().organisation.createDepartment(unit({ name: "Отдел приглашённых" }));
    const input = invitation(dept.id);
    const { id } = await admin().organisation.invite(input);
    const user = await t.db.user.findUniqueOrThrow({ where: { id }, include: { memberships: true } });
    expect(user).toMatchObject({ passwordHash: null, emailVerifiedAt: null, isActive: true, roles: [] });
    expect(user.memberships).toEqual([expect.objectContaining({ departmentId: dept.id, role: "EXECUTOR" })]);

    const mail = await t.db.outgoingEmail.findFirstOrThrow({ where: { to: input.email } });
    expect(mail.text).toContain("«Отдел приглашённых»");
    const token = /\/claim\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    expect(await t.db.accountClaim.count({ where: { userId: id, purpose: "CLAIM", usedAt: null } })).toBe(1);
    expect((await adminEvents(id)).map((ev) => ev.type)).toEqual(["account_invited", "role_granted"]);

    // Before the link is used nobody signs in; the link's page knows it is a staff invitation.
    expect((await pendingClaim(t.db, token!))?.invitedStaff).toBe(true);
    const password = "Пароль-сотрудника-2026";
    await claimAccount(t.db, {
      token: token!,
      passwordHash: await hashPassword(password),
      lastName: "Новикова",
      firstName: "Ольга",
    });
    const signedIn = await signInWithPassword(t.db, { email: input.email, password, clientAddress: null });
    expect(signedIn.ok).toBe(true);
    expect((await t.db.user.findUniqueOrThrow({ where: { id } })).emailVerifiedAt).not.toBeNull();
    expect(await pendingClaim(t.db, token!)).toBeNull();
  });

  it("sends the invitation again while no password is set, and not after", async () => {
    const input = invitation(ids.archive!);
    const { id } = await admin().organisation.invite(input);
    await admin().organisation.resendInvitation({ id });
    const letters = await t.db.outgoingEmail.findMany({ where: { to: input.email }, orderBy: { createdAt: "asc" } });
    expect(letters).toHaveLength(2);
    expect(letters[1]!.text).toContain("«Архивный отдел»");
    const token = /\/claim\/([A-Za-z0-9_-]+)/.exec(letters[1]!.text)![1]!;
    await claimAccount(t.db, {
      token,
      passwordHash: await hashPassword("Архивист-2026-пароль"),
      lastName: "Н",
      firstName: "О",
    });
    const e = await failure(admin().organisation.resendInvitation({ id }));
    expect(e.code).toBe("PRECONDITION_FAILED");
    expect(e.message).toContain("уже задал пароль");
    // A refused change records nothing.
    expect((await adminEvents(id)).map((ev) => ev.type)).toEqual([
      "account_invited",
      "role_granted",
      "account_invited",
    ]);
  });

  it("refuses an address already in use, on the e-mail field", async () => {
    const e = await failure(
      admin().organisation.invite(invitation(ids.archive!, { email: "EXECUTOR@demo.reglament.ru" })),
    );
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.fieldErrors?.email).toBe("Адрес executor@demo.reglament.ru уже занят другой учётной записью");
    const other = await staffAccount(t.db, [["archive", "REGISTRAR"]]);
    const e2 = await failure(
      admin().organisation.updateAccount({
        id: other.id,
        email: "head@demo.reglament.ru",
        lastName: "Проверочный",
        firstName: "Сотрудник",
      }),
    );
    expect(e2.fieldErrors?.email).toContain("уже занят");
  });

  it("does not let an applicant's old claim link open the account once it is made staff", async () => {
    const applicant = await t.db.user.create({
      data: {
        email: `paper-${randomUUID().slice(0, 8)}@example.ru`,
        lastName: "Бумажный",
        firstName: "Пётр",
        roles: ["APPLICANT"],
      },
    });
    await t.db.accountClaim.create({
      data: {
        userId: applicant.id,
        email: applicant.email,
        tokenHash: randomUUID(),
        lastName: "Бумажный",
        firstName: "Пётр",
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    await admin().organisation.grantRole({ userId: applicant.id, role: "REGISTRAR", departmentId: ids.archive! });
    expect(await t.db.accountClaim.count({ where: { userId: applicant.id, usedAt: null } })).toBe(0);
  });

  it("never removes the last active administrator", async () => {
    const e = await failure(admin().organisation.revokeRole({ userId: adminId, role: "ADMIN" }));
    expect(e.code).toBe("PRECONDITION_FAILED");
    expect(e.message).toBe(LAST_ADMIN_MESSAGE);
    const e2 = await failure(admin().organisation.deactivate({ id: adminId }));
    expect(e2.message).toBe(LAST_ADMIN_MESSAGE);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: adminId } })).roles).toContain("ADMIN");

    // With a second administrator, the first may step down.
    const second = await staffAccount(t.db, [], { roles: ["ADMIN"], password: "Второй-админ-2026" });
    await admin().organisation.grantRole({ userId: second.id, role: "AUDITOR" });
    await admin().organisation.revokeRole({ userId: adminId, role: "ADMIN" });
    // Restore for the other tests: the second grants it back.
    await as(second.id).organisation.grantRole({ userId: adminId, role: "ADMIN" });
    expect((await adminEvents(adminId)).map((ev) => ev.type)).toEqual(["role_revoked", "role_granted"]);
    await as(second.id).organisation.deactivate({ id: second.id });
    expect((await failure(admin().organisation.deactivate({ id: adminId }))).message).toBe(LAST_ADMIN_MESSAGE);
  });

  it("deactivation ends every session at once and lists the open assigned applications; reactivation lets a new sign-in in", async () => {
    const exec = await staffAccount(t.db, [["archive", "EXECUTOR"]], { password: "Исполнитель-2026" });
    const app = await registeredApplication(t.db, { serviceCode: "archive-info", calendar });
    await t.db.application.update({ where: { id: app.id }, data: { assigneeId: exec.id } });
    const { sessionVersion } = await t.db.user.findUniqueOrThrow({ where: { id: exec.id } });
    // The old session works before.
    await as(exec.id, sessionVersion).staff.overview();

    await admin().organisation.deactivate({ id: exec.id });
    const after = await t.db.user.findUniqueOrThrow({ where: { id: exec.id } });
    expect(after).toMatchObject({ isActive: false, sessionVersion: sessionVersion + 1 });
    expect((await failure(as(exec.id, sessionVersion).staff.overview())).code).toBe("UNAUTHORIZED");

    const detail = await admin().organisation.account({ id: exec.id });
    expect(detail.assigned.map((a) => a.id)).toEqual([app.id]);
    expect((await adminEvents(exec.id)).map((ev) => ev.type)).toEqual(["account_deactivated"]);

    await admin().organisation.reactivate({ id: exec.id });
    // The session issued before deactivation stays void; a new one (the current version) works.
    expect(await loadIdentity(t.db, exec.id, sessionVersion)).toBeNull();
    await as(exec.id, sessionVersion + 1).staff.overview();
  });

  it("searches by name or e-mail and filters by department, role and activity", async () => {
    const marker = `zz${randomUUID().slice(0, 6)}`;
    const a = await staffAccount(t.db, [["archive", "EXECUTOR"]], {
      lastName: "Иванова",
      email: `${marker}-a@example.ru`,
    });
    await staffAccount(t.db, [["roads", "HEAD"]], { email: `${marker}-b@example.ru`, isActive: false });
    const all = await admin().organisation.staff({ q: marker });
    expect(all.accounts).toHaveLength(2);
    const archive = await admin().organisation.staff({ q: marker, departmentId: ids.archive!, role: "EXECUTOR" });
    expect(archive.accounts.map((u) => u.id)).toEqual([a.id]);
    const inactive = await admin().organisation.staff({ q: marker, active: "inactive" });
    expect(inactive.accounts.map((u) => u.email)).toEqual([`${marker}-b@example.ru`]);
    // Applicants are not staff.
    expect((await admin().organisation.staff({ q: "applicant@demo" })).accounts).toEqual([]);
  });
});

describe("roles count only in their department and the units under it", () => {
  it("an executor given the role in a new unit sees that unit's applications on the board and none of another unit's", async () => {
    const newUnit = await admin().organisation.createDepartment(unit({ name: "Отдел земельных отношений" }));
    const service = await createService(t.db, {
      code: `land-${randomUUID().slice(0, 8)}`,
      title: "Земельная справка",
      departmentId: newUnit.id,
    });
    const roads = await t.db.service.findUniqueOrThrow({ where: { code: "road-info" } });
    const doc = (await versionInForce(t.db, roads.id))!.document;
    await publishRegulation(t.db, {
      serviceId: service.id,
      // Its own numbers: S1's prefix is S1's (registration numbers are unique, issue 16 p.8).
      document: { ...doc, passport: { ...doc.passport, numberPrefix: "ЗЕМ" } },
      effectiveFrom: new Date("2026-01-01T00:00:00Z"),
    });
    const mine = await registeredApplication(t.db, { serviceCode: service.code, calendar });
    const theirs = await registeredApplication(t.db, { serviceCode: "road-info", calendar });

    // Invited as a registrar of the archive, then given the executor role in the new unit.
    const { id } = await admin().organisation.invite(invitation(ids.archive!, { role: "REGISTRAR" }));
    await admin().organisation.grantRole({ userId: id, role: "EXECUTOR", departmentId: newUnit.id });
    const scope = await scopeOf(t.db, id);
    expect(scope.rolesByDepartment.get(newUnit.id)).toEqual(["EXECUTOR"]);
    expect(scope.rolesByDepartment.get(ids.archive!)).toEqual(["REGISTRAR"]);

    const seen = await board(
      t.db,
      scope,
      { filters: {}, perColumn: 100 },
      { now: new Date(), calendar, dueSoonWorkingDays: 2 },
    );
    const cards = seen.columns.flatMap((c) => c.cards.map((card) => card.id));
    expect(cards).toContain(mine.id);
    expect(cards).not.toContain(theirs.id);

    // Revoked, the unit's applications are gone from the scope.
    await admin().organisation.revokeRole({ userId: id, role: "EXECUTOR", departmentId: newUnit.id });
    expect((await scopeOf(t.db, id)).departmentIds).not.toContain(newUnit.id);
  });

  it("refuses every procedure to anyone but an administrator, re-checked against the database", async () => {
    const exec = await demoUser(t.db, "executor");
    expect((await failure(as(exec.id).organisation.departments())).code).toBe("FORBIDDEN");
    const former = await staffAccount(t.db, [], { roles: ["ADMIN"] });
    await as(former.id).organisation.departments();
    await admin().organisation.revokeRole({ userId: former.id, role: "ADMIN" });
    expect((await failure(as(former.id).organisation.departments())).code).toBe("FORBIDDEN");
  });
});
