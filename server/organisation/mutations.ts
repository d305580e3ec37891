// What administrators change in the organisation (issue 11, points 1, 2 and 6): departments (create,
// edit, move, close) and staff accounts (invite, edit, roles, deactivate, reactivate). Each change
// is one transaction together with its AdminEvent (recordAdminEvent: who, when, before and after),
// so nothing is half-written and nothing unrecorded. Refusals are AppErrors with Russian messages,
// attached to the form's field where one is to blame.
import "server-only";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { recordAdminEvent } from "../audit/mutations";
import { sendStaffInvitation } from "../auth/mutations";
import { countOf } from "../format/plural";
import type { Prisma } from "../generated/prisma/client";
import {
  STAFF_ROLE_LABEL,
  zCloseDepartmentInput,
  zCreateDepartmentInput,
  zInviteInput,
  zMoveDepartmentInput,
  zRoleInput,
  zUpdateAccountInput,
  zUpdateDepartmentInput,
  GLOBAL_ROLES,
  type DepartmentRoleValue,
  type GlobalRoleValue,
} from "./schema";
import type { z } from "zod";
import { wouldCycle } from "./tree";
import { DEPARTMENT_FIELDS } from "./data";

const departmentNotFound = () => new AppError("NOT_FOUND", "Подразделение не найдено");
const accountNotFound = () => new AppError("NOT_FOUND", "Учётная запись не найдена");

// Serialises the changes that must see the whole tree, or the whole set of administrators, as it is:
// two moves racing could each pass the cycle check and together make a cycle; two administrators
// revoking each other could each see the other as the remaining one.
const lockTree = (tx: Tx) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('reglament:department-tree'))`;
const lockAdministrators = (tx: Tx) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('reglament:administrators'))`;

type DepartmentSnapshot = Prisma.DepartmentGetPayload<{ select: typeof DEPARTMENT_FIELDS }>;
const asJson = (d: DepartmentSnapshot): Prisma.InputJsonValue => ({
  ...d,
  closedAt: d.closedAt ? d.closedAt.toISOString() : null,
});

const nullable = (v: string) => (v === "" ? null : v);

/** The columns the department form edits, as stored: an empty contact is no contact. */
const departmentData = (input: z.infer<typeof zUpdateDepartmentInput> | z.infer<typeof zCreateDepartmentInput>) => ({
  code: input.code,
  name: input.name,
  kind: input.kind,
  address: nullable(input.address),
  phone: nullable(input.phone),
  email: nullable(input.email),
  schedule: nullable(input.schedule),
});

async function codeIsFree(tx: Tx, code: string, exceptId?: string) {
  const taken = await tx.department.findUnique({ where: { code }, select: { id: true } });
  if (taken && taken.id !== exceptId)
    throw new AppError("INVALID", `Подразделение с кодом «${code}» уже есть`, {
      code: `Подразделение с кодом «${code}» уже есть: выберите другой код`,
    });
}

/** The parent must exist and be open: nothing new goes under a closed department. */
async function openParent(tx: Tx, parentId: string) {
  const parent = await tx.department.findUnique({ where: { id: parentId }, select: { id: true, closedAt: true } });
  if (!parent)
    throw new AppError("INVALID", "Вышестоящее подразделение не найдено", {
      parentId: "Вышестоящее подразделение не найдено",
    });
  if (parent.closedAt)
    throw new AppError("INVALID", "Вышестоящее подразделение закрыто", {
      parentId: "Это подразделение закрыто: выберите действующее",
    });
}

export async function createDepartment(
  db: Db,
  actorId: string,
  raw: z.input<typeof zCreateDepartmentInput>,
): Promise<{ id: string }> {
  const input = zCreateDepartmentInput.parse(raw);
  return db.$transaction(async (tx) => {
    await lockTree(tx);
    await codeIsFree(tx, input.code);
    if (input.parentId) await openParent(tx, input.parentId);
    const created = await tx.department.create({
      data: { ...departmentData(input), parentId: nullable(input.parentId) },
      select: DEPARTMENT_FIELDS,
    });
    await recordAdminEvent(tx, {
      actorId,
      type: "department_created",
      subjectType: "department",
      subjectId: created.id,
      after: asJson(created),
    });
    return { id: created.id };
  });
}

export async function updateDepartment(
  db: Db,
  actorId: string,
  raw: z.input<typeof zUpdateDepartmentInput>,
): Promise<void> {
  const input = zUpdateDepartmentInput.parse(raw);
  await db.$transaction(async (tx) => {
    const before = await tx.department.findUnique({ where: { id: input.id }, select: DEPARTMENT_FIELDS });
    if (!before) throw departmentNotFound();
    await codeIsFree(tx, input.code, input.id);
    const after = await tx.department.update({
      where: { id: input.id },
      data: departmentData(input),
      select: DEPARTMENT_FIELDS,
    });
    await recordAdminEvent(tx, {
      actorId,
      type: "department_updated",
      subjectType: "department",
      subjectId: input.id,
      before: asJson(before),
      after: asJson(after),
    });
  });
}

export const MOVE_CYCLE_MESSAGE =
  "Подразделение нельзя переместить в само себя или в подчинённое ему подразделение: выберите другое";

/** Puts a department (with everything under it) under another one, or at the top of the tree. */
export async function moveDepartment(
  db: Db,
  actorId: string,
  raw: z.input<typeof zMoveDepartmentInput>,
): Promise<void> {
  const input = zMoveDepartmentInput.parse(raw);
  const parentId = nullable(input.parentId);
  await db.$transaction(async (tx) => {
    await lockTree(tx);
    const before = await tx.department.findUnique({ where: { id: input.id }, select: DEPARTMENT_FIELDS });
    if (!before) throw departmentNotFound();
    if (parentId) {
      const tree = await tx.department.findMany({ select: { id: true, parentId: true } });
      if (wouldCycle(tree, input.id, parentId))
        throw new AppError("INVALID", MOVE_CYCLE_MESSAGE, { parentId: MOVE_CYCLE_MESSAGE });
      await openParent(tx, parentId);
    }
    if (before.parentId === parentId) return;
    const after = await tx.department.update({
      where: { id: input.id },
      data: { parentId },
      select: DEPARTMENT_FIELDS,
    });
    await recordAdminEvent(tx, {
      actorId,
      type: "department_moved",
      subjectType: "department",
      subjectId: input.id,
      before: asJson(before),
      after: asJson(after),
    });
  });
}

/**
 * Closes a department (it keeps its history; nothing new goes to it). Refused while it still has
 * open applications, active services or open units under it: they must be moved first, and the
 * message says how many of each.
 */
export async function closeDepartment(
  db: Db,
  actorId: string,
  raw: z.input<typeof zCloseDepartmentInput>,
  now: Date = new Date(),
): Promise<void> {
  const input = zCloseDepartmentInput.parse(raw);
  await db.$transaction(async (tx) => {
    await lockTree(tx);
    const before = await tx.department.findUnique({ where: { id: input.id }, select: DEPARTMENT_FIELDS });
    if (!before) throw departmentNotFound();
    if (before.closedAt) throw new AppError("PRECONDITION", "Подразделение уже закрыто");
    // One after another: a transaction's statements share one connection.
    const applications = await tx.application.count({
      where: { departmentId: input.id, status: "SUBMITTED", closedAt: null },
    });
    const services = await tx.service.count({ where: { departmentId: input.id, isActive: true } });
    const children = await tx.department.count({ where: { parentId: input.id, closedAt: null } });
    const blockers = [
      applications ? countOf(applications, ["открытое заявление", "открытых заявления", "открытых заявлений"]) : null,
      services ? countOf(services, ["действующая услуга", "действующие услуги", "действующих услуг"]) : null,
      children
        ? countOf(children, [
            "открытое подчинённое подразделение",
            "открытых подчинённых подразделения",
            "открытых подчинённых подразделений",
          ])
        : null,
    ].filter((b): b is string => b !== null);
    if (blockers.length)
      throw new AppError(
        "PRECONDITION",
        `Подразделение «${before.name}» нельзя закрыть: у него ${blockers.join(", ")}. Сначала переместите их в другое подразделение.`,
      );
    const after = await tx.department.update({
      where: { id: input.id },
      data: { closedAt: now },
      select: DEPARTMENT_FIELDS,
    });
    await recordAdminEvent(tx, {
      actorId,
      type: "department_closed",
      subjectType: "department",
      subjectId: input.id,
      before: asJson(before),
      after: asJson(after),
      at: now,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Staff accounts
// ---------------------------------------------------------------------------------------------

const accountSnapshot = {
  id: true,
  email: true,
  lastName: true,
  firstName: true,
  middleName: true,
  phone: true,
  roles: true,
  isActive: true,
} as const;

const emailTakenError = (email: string) =>
  new AppError("INVALID", `Адрес ${email} уже занят`, {
    email: `Адрес ${email} уже занят другой учётной записью`,
  });

async function emailIsFree(tx: Tx, email: string, exceptId?: string) {
  const taken = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (taken && taken.id !== exceptId) throw emailTakenError(email);
}

/**
 * Invites a staff member: an account with no password, holding its first role in the department
 * named, and a one-time link e-mailed to the address (the claim link of server/auth/mutations.ts,
 * whose page sets the password). The address stays unproven (emailVerifiedAt null) until the link is
 * used: the administrator typed it, the mailbox's owner has not yet shown it is theirs.
 */
export async function inviteStaff(
  db: Db,
  actorId: string,
  raw: z.input<typeof zInviteInput>,
  now: Date = new Date(),
): Promise<{ id: string }> {
  const input = zInviteInput.parse(raw);
  return db.$transaction(async (tx) => {
    await emailIsFree(tx, input.email);
    const department = await tx.department.findUnique({
      where: { id: input.departmentId },
      select: { id: true, name: true, closedAt: true },
    });
    if (!department || department.closedAt)
      throw new AppError("INVALID", "Выберите действующее подразделение", {
        departmentId: "Выберите действующее подразделение",
      });
    const person = {
      lastName: input.lastName,
      firstName: input.firstName,
      middleName: nullable(input.middleName ?? ""),
      phone: nullable(input.phone),
    };
    const user = await tx.user.create({
      data: {
        email: input.email,
        ...person,
        roles: [],
        passwordHash: null,
        emailVerifiedAt: null,
        memberships: { create: { departmentId: department.id, role: input.role } },
      },
      select: accountSnapshot,
    });
    await sendStaffInvitation(
      tx,
      {
        userId: user.id,
        email: user.email,
        person,
        departmentName: department.name,
        roleLabel: STAFF_ROLE_LABEL[input.role],
      },
      now,
    );
    await recordAdminEvent(tx, {
      actorId,
      type: "account_invited",
      subjectType: "user",
      subjectId: user.id,
      after: { ...user, membership: { departmentId: department.id, role: input.role } },
      at: now,
    });
    await recordAdminEvent(tx, {
      actorId,
      type: "role_granted",
      subjectType: "user",
      subjectId: user.id,
      after: { role: input.role, departmentId: department.id },
      at: now,
    });
    return { id: user.id };
  });
}

/** A new invitation link for an account that has not set its password yet (the first one lives 24 hours). */
export async function resendInvitation(
  db: Db,
  actorId: string,
  input: { id: string },
  now: Date = new Date(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.id },
      select: {
        ...accountSnapshot,
        passwordHash: true,
        _count: { select: { identities: true } },
        memberships: { select: { role: true, department: { select: { name: true } } }, take: 1 },
      },
    });
    if (!user) throw accountNotFound();
    if (!user.isActive) throw new AppError("PRECONDITION", "Учётная запись отключена: сначала включите её");
    if (user.passwordHash !== null || user._count.identities > 0)
      throw new AppError("PRECONDITION", "Сотрудник уже задал пароль: приглашение не нужно");
    const first = user.memberships[0];
    if (!first)
      throw new AppError("PRECONDITION", "У сотрудника нет роли ни в одном подразделении: сначала назначьте её");
    await sendStaffInvitation(
      tx,
      {
        userId: user.id,
        email: user.email,
        person: { lastName: user.lastName, firstName: user.firstName, middleName: user.middleName, phone: user.phone },
        departmentName: first.department.name,
        roleLabel: STAFF_ROLE_LABEL[first.role as DepartmentRoleValue],
      },
      now,
    );
    await recordAdminEvent(tx, {
      actorId,
      type: "account_invited",
      subjectType: "user",
      subjectId: user.id,
      after: { email: user.email, resent: true },
      at: now,
    });
  });
}

export async function updateAccount(db: Db, actorId: string, raw: z.input<typeof zUpdateAccountInput>): Promise<void> {
  const input = zUpdateAccountInput.parse(raw);
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: accountSnapshot });
    if (!before) throw accountNotFound();
    await emailIsFree(tx, input.email, input.id);
    const emailChanged = before.email !== input.email;
    const after = await tx.user.update({
      where: { id: input.id },
      data: {
        email: input.email,
        lastName: input.lastName,
        firstName: input.firstName,
        middleName: nullable(input.middleName ?? ""),
        phone: nullable(input.phone),
        // A new address is not proven until its owner uses a link sent to it.
        ...(emailChanged ? { emailVerifiedAt: null } : {}),
      },
      select: accountSnapshot,
    });
    if (emailChanged)
      await tx.accountClaim.updateMany({ where: { userId: input.id, usedAt: null }, data: { usedAt: new Date() } });
    await recordAdminEvent(tx, {
      actorId,
      type: "account_updated",
      subjectType: "user",
      subjectId: input.id,
      before,
      after,
    });
  });
}

export const LAST_ADMIN_MESSAGE =
  "Это последний действующий администратор: сначала назначьте администратором другого сотрудника.";

/** Refuses a change that would leave no active administrator (called under lockAdministrators). */
async function keepsAnAdministrator(tx: Tx, userId: string) {
  const others = await tx.user.count({ where: { id: { not: userId }, isActive: true, roles: { has: "ADMIN" } } });
  if (others === 0) throw new AppError("PRECONDITION", LAST_ADMIN_MESSAGE);
}

const isGlobal = (role: string): role is GlobalRoleValue => (GLOBAL_ROLES as readonly string[]).includes(role);

export async function grantRole(db: Db, actorId: string, raw: z.input<typeof zRoleInput>): Promise<void> {
  const input = zRoleInput.parse(raw);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: {
        id: true,
        roles: true,
        passwordHash: true,
        _count: { select: { memberships: true } },
      },
    });
    if (!user) throw accountNotFound();
    const alreadyHeld = new AppError("INVALID", "Эта роль уже назначена", { role: "Эта роль уже назначена" });
    if (isGlobal(input.role)) {
      if (user.roles.includes(input.role)) throw alreadyHeld;
      await tx.user.update({ where: { id: user.id }, data: { roles: { push: input.role } } });
    } else {
      const department = await tx.department.findUnique({
        where: { id: input.departmentId! },
        select: { id: true, closedAt: true },
      });
      if (!department || department.closedAt)
        throw new AppError("INVALID", "Выберите действующее подразделение", {
          departmentId: "Выберите действующее подразделение",
        });
      const held = await tx.departmentMember.findUnique({
        where: { userId_departmentId_role: { userId: user.id, departmentId: department.id, role: input.role } },
      });
      if (held) throw alreadyHeld;
      await tx.departmentMember.create({ data: { userId: user.id, departmentId: department.id, role: input.role } });
    }
    // An applicant's account without a password becoming staff: a claim link sent to it earlier was
    // meant for an applicant's cabinet, not for a staff account (server/auth/data.ts LINKED_ACCOUNT_OPEN).
    const wasApplicantOnly = user._count.memberships === 0 && user.roles.every((r) => r === "APPLICANT");
    if (wasApplicantOnly && user.passwordHash === null)
      await tx.accountClaim.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    await recordAdminEvent(tx, {
      actorId,
      type: "role_granted",
      subjectType: "user",
      subjectId: user.id,
      after: { role: input.role, departmentId: isGlobal(input.role) ? null : input.departmentId! },
    });
  });
}

export async function revokeRole(db: Db, actorId: string, raw: z.input<typeof zRoleInput>): Promise<void> {
  const input = zRoleInput.parse(raw);
  await db.$transaction(async (tx) => {
    if (input.role === "ADMIN") await lockAdministrators(tx);
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, roles: true, isActive: true },
    });
    if (!user) throw accountNotFound();
    const notHeld = new AppError("PRECONDITION", "Этой роли у сотрудника уже нет");
    if (isGlobal(input.role)) {
      if (!user.roles.includes(input.role)) throw notHeld;
      if (input.role === "ADMIN" && user.isActive) await keepsAnAdministrator(tx, user.id);
      await tx.user.update({ where: { id: user.id }, data: { roles: user.roles.filter((r) => r !== input.role) } });
    } else {
      const removed = await tx.departmentMember.deleteMany({
        where: { userId: user.id, departmentId: input.departmentId!, role: input.role },
      });
      if (removed.count !== 1) throw notHeld;
    }
    await recordAdminEvent(tx, {
      actorId,
      type: "role_revoked",
      subjectType: "user",
      subjectId: user.id,
      before: { role: input.role, departmentId: isGlobal(input.role) ? null : input.departmentId! },
    });
  });
}

/**
 * Deactivates an account: it can no longer sign in, and the session version moves on, so every
 * session it holds is void on its next request (server/api/access.ts, server/auth/options.ts).
 * Its open assigned applications stay assigned until someone hands them over: the staff page lists
 * them with links to their cards.
 */
export async function deactivateAccount(db: Db, actorId: string, input: { id: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockAdministrators(tx);
    const before = await tx.user.findUnique({ where: { id: input.id }, select: accountSnapshot });
    if (!before) throw accountNotFound();
    if (!before.isActive) throw new AppError("PRECONDITION", "Учётная запись уже отключена");
    if (before.roles.includes("ADMIN")) await keepsAnAdministrator(tx, before.id);
    const after = await tx.user.update({
      where: { id: input.id },
      data: { isActive: false, sessionVersion: { increment: 1 } },
      select: accountSnapshot,
    });
    await recordAdminEvent(tx, {
      actorId,
      type: "account_deactivated",
      subjectType: "user",
      subjectId: input.id,
      before,
      after,
    });
  });
}

export async function reactivateAccount(db: Db, actorId: string, input: { id: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: accountSnapshot });
    if (!before) throw accountNotFound();
    if (before.isActive) throw new AppError("PRECONDITION", "Учётная запись уже включена");
    const after = await tx.user.update({ where: { id: input.id }, data: { isActive: true }, select: accountSnapshot });
    await recordAdminEvent(tx, {
      actorId,
      type: "account_reactivated",
      subjectType: "user",
      subjectId: input.id,
      before,
      after,
    });
  });
}
