// Test data, made one way. Departments, accounts and regulations go through the factories the demo
// seed uses (prisma/seed/factories.ts); applications get the shapes tests need — a draft row of the
// version in force, or one registered by the engine itself — so no test file spells out which
// service, version, department and owner an application belongs to.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { DEMO_USERS } from "../../prisma/seed/demo";
import { createAccount, createDepartment, type AccountInput, type DepartmentRole } from "../../prisma/seed/factories";
import { INTERAGENCY_ANSWER_FIELD } from "../attachment/data";
import { loadIdentity } from "../auth/data";
import { staffScope, type StaffScope } from "../auth/scope";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { versionInForce } from "../regulation/data";
import { registerApplication, type Registration } from "../workflow/mutations";

export { createAccount, createDepartment, createService, publishRegulation } from "../../prisma/seed/factories";

/** The demo accounts by the local part of their address: "applicant", "registrar", "executor2"... */
export type DemoWho =
  "applicant" | "registrar" | "executor" | "executor2" | "head" | "signer" | "archive-head" | "admin" | "auditor";
export const demoEmail = (who: DemoWho) => `${who}@demo.reglament.ru`;

/** A demo account (seedDemo must have run). */
export async function demoUser(db: Db, who: DemoWho): Promise<{ id: string; email: string }> {
  if (!DEMO_USERS.some((u) => u.email === demoEmail(who))) throw new Error(`no demo account ${who}`);
  return db.user.findUniqueOrThrow({ where: { email: demoEmail(who) }, select: { id: true, email: true } });
}

/** The staff scope of an account, as the staff procedures build it from the database. */
export async function scopeOf(db: Db, userId: string): Promise<StaffScope> {
  const identity = await loadIdentity(db, userId);
  if (!identity) throw new Error(`no active account ${userId}`);
  return staffScope(db, identity);
}

export const demoScope = async (db: Db, who: DemoWho) => scopeOf(db, (await demoUser(db, who)).id);

/** Department ids by code. */
export async function departmentIds(db: Db): Promise<Record<string, string>> {
  return Object.fromEntries(
    (await db.department.findMany({ select: { code: true, id: true } })).map((d) => [d.code, d.id]),
  );
}

/** An applicant's account with a unique address unless one is given; no password unless one is given. */
export function applicantAccount(db: Db, a: Partial<AccountInput> = {}) {
  return createAccount(db, {
    email: `applicant-${randomUUID()}@example.ru`,
    lastName: "Проверочный",
    firstName: "Заявитель",
    roles: ["APPLICANT"],
    ...a,
  });
}

/** A staff member holding the given roles in the departments of the given codes, with a unique address. */
export async function staffAccount(
  db: Db,
  memberships: [departmentCode: string, role: DepartmentRole][],
  a: Partial<AccountInput> = {},
) {
  const ids = await departmentIds(db);
  return createAccount(db, {
    email: `staff-${randomUUID()}@example.ru`,
    lastName: "Проверочный",
    firstName: "Сотрудник",
    roles: [],
    ...a,
    memberships: memberships.map(([code, role]) => {
      if (!ids[code]) throw new Error(`no department ${code}`);
      return { departmentId: ids[code], role };
    }),
  });
}

/** A unit under a department of the given code. */
export async function unitUnder(db: Db, parentCode: string, d: { code: string; name: string }) {
  const parent = await db.department.findUniqueOrThrow({ where: { code: parentCode }, select: { id: true } });
  return createDepartment(db, { ...d, kind: "UNIT", parentId: parent.id });
}

type ApplicationRow = {
  serviceCode: string;
  /** The demo applicant when not given. */
  ownerId?: string;
  /** The department of the service when not given. */
  departmentId?: string;
  data?: Record<string, unknown>;
  channel?: "PORTAL" | "IN_PERSON" | "POST" | "MFC" | "EMAIL";
  /** Columns of a state the test sets directly (a closed application, a stage due at a given time). */
  state?: {
    status?: "DRAFT" | "SUBMITTED" | "CLOSED" | "WITHDRAWN";
    registrationNumber?: string;
    currentStage?: string;
    stageDueAt?: Date;
    outcome?: string;
    closedAt?: Date;
  };
};

/**
 * An application row pinned to the service's version in force, in the service's department: a draft
 * unless `state` says otherwise. A state set this way skips the engine on purpose (a closed
 * application without its history, a backlog); use registeredApplication for the engine's own.
 */
export async function applicationRow(db: Db, a: ApplicationRow) {
  const service = await db.service.findUniqueOrThrow({ where: { code: a.serviceCode } });
  const version = await versionInForce(db, service.id);
  if (!version) throw new Error(`no version of ${a.serviceCode} in force`);
  return db.application.create({
    data: {
      serviceId: service.id,
      regulationVersionId: version.id,
      departmentId: a.departmentId ?? service.departmentId,
      ownerId: a.ownerId ?? (await demoUser(db, "applicant")).id,
      data: (a.data ?? {}) as object,
      channel: a.channel ?? "PORTAL",
      ...a.state,
    },
  });
}

/** An application registered by the engine (number, first stage and its deadline, the event). */
export async function registeredApplication(
  db: Db,
  a: Omit<ApplicationRow, "state"> & {
    calendar: WorkingCalendar;
    receivedAt?: Date;
    now?: Date;
    actorId?: string | null;
  },
): Promise<Registration & { id: string }> {
  const row = await applicationRow(db, a);
  const registration = await registerApplication(db, {
    applicationId: row.id,
    actorId: a.actorId ?? null,
    calendar: a.calendar,
    receivedAt: a.receivedAt,
    now: a.now,
  });
  return { id: row.id, ...registration };
}

/** A department's answer file (an inter-agency answer) on an application, written as a row only: the
 * tests put it where no flow would (a draft) or need no bytes behind it. */
export function answerAttachment(db: Db, applicationId: string, storageKey = `answers/${randomUUID()}`) {
  return db.attachment.create({
    data: {
      applicationId,
      fieldKey: INTERAGENCY_ANSWER_FIELD,
      fileName: "ответ.pdf",
      mimeType: "application/pdf",
      size: 2048,
      sha256: "x",
      storageKey,
    },
  });
}
