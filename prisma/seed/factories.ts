// How the municipality's building blocks are made: departments, accounts with their roles, services
// and their published regulations. The demo seed (demo.ts) and the tests (server/test/factories.ts)
// both call these, so a test's department, clerk or regulation is made exactly the way the demo's
// is: a change here (a new column, a rule on publishing) reaches both at once.
import type { Db } from "../../server/db/client";
import { hashPassword } from "../../server/auth/password";
import type { Role } from "../../server/regulation/document";
import { createDraftVersion, publishVersion } from "../../server/regulation/mutations";
import { importEdition, publishEdition } from "../../server/regulation/editions/mutations";
import { transferText, type TransferFile } from "../../server/regulation/transfer";

export type DepartmentKind = "ADMINISTRATION" | "UNIT" | "MFC";
export type DepartmentInput = {
  code: string;
  name: string;
  kind: DepartmentKind;
  parentId?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  schedule?: string | null;
};

export function createDepartment(db: Db, d: DepartmentInput) {
  return db.department.create({
    data: {
      code: d.code,
      name: d.name,
      kind: d.kind,
      parentId: d.parentId ?? null,
      address: d.address ?? null,
      phone: d.phone ?? null,
      email: d.email ?? null,
      schedule: d.schedule ?? null,
    },
  });
}

/** Global roles live on the user; the department roles are memberships (R2). */
export type GlobalRole = Extract<Role, "APPLICANT" | "ADMIN" | "AUDITOR">;
export type DepartmentRole = Exclude<Role, "APPLICANT" | "ADMIN">;
export type AccountInput = {
  email: string;
  lastName: string;
  firstName: string;
  middleName?: string | null;
  phone?: string | null;
  roles?: GlobalRole[];
  memberships?: { departmentId: string; role: DepartmentRole }[];
  /** No password: an account only an identity provider or a claim link can open (paper intake). */
  password?: string | null;
  /**
   * Whether the address is proven (User.emailVerifiedAt). Default: an account with a password is
   * (the administration creates it, or its owner followed a link); one without is not.
   */
  emailVerified?: boolean;
  profile?: Record<string, unknown>;
  isActive?: boolean;
};

/** An account with its global roles and its department memberships, in one statement. */
export async function createAccount(db: Db, a: AccountInput) {
  return db.user.create({
    data: {
      email: a.email,
      lastName: a.lastName,
      firstName: a.firstName,
      middleName: a.middleName ?? null,
      phone: a.phone ?? null,
      roles: a.roles ?? [],
      passwordHash: a.password ? await hashPassword(a.password) : null,
      emailVerifiedAt: (a.emailVerified ?? !!a.password) ? new Date() : null,
      profile: (a.profile ?? {}) as object,
      isActive: a.isActive ?? true,
      memberships: { create: (a.memberships ?? []).map((m) => ({ role: m.role, departmentId: m.departmentId })) },
    },
    select: { id: true, email: true },
  });
}

export function createService(db: Db, s: { code: string; title: string; departmentId: string }) {
  return db.service.create({ data: { code: s.code, title: s.title, departmentId: s.departmentId } });
}

/**
 * A regulation version published the way an administrator publishes one (server/regulation/mutations.ts):
 * a draft, then the whole document validated and fixed with the date it takes effect. A document that
 * does not validate is refused here too, with the list of its problems.
 */
export async function publishRegulation(
  db: Db,
  r: { serviceId: string; document: unknown; basis?: string; effectiveFrom: Date; actorId?: string | null; now?: Date },
): Promise<{ id: string; version: number }> {
  const draft = await createDraftVersion(db, {
    serviceId: r.serviceId,
    document: r.document,
    basis: r.basis,
    actorId: r.actorId ?? null,
  });
  await publishVersion(db, {
    versionId: draft.id,
    effectiveFrom: r.effectiveFrom,
    actorId: r.actorId ?? null,
    now: r.now,
  });
  return draft;
}

/**
 * An edition loaded the way an administrator moves one between installations (issue 10 p.6, p.7):
 * its transfer file imported as a draft of the service (checked exactly as an uploaded file is), then
 * published with the file's act and effective date. Both steps write their audit records (actorId
 * null: the installation itself). The file must carry its effective date.
 */
export async function importAndPublish(
  db: Db,
  input: { serviceId: string; file: TransferFile; actorId?: string | null; now?: Date },
): Promise<{ id: string; version: number }> {
  const { file } = input;
  if (!file.edition.effectiveFrom) throw new Error("importAndPublish: the file has no effective date");
  const draft = await importEdition(db, input.actorId ?? null, {
    serviceId: input.serviceId,
    content: transferText(file),
  });
  await publishEdition(
    db,
    input.actorId ?? null,
    {
      id: draft.id,
      expectedRowVersion: 0,
      effectiveFrom: new Date(file.edition.effectiveFrom),
      basis: file.edition.basis,
      actNumber: file.edition.actNumber,
      actDate: file.edition.actDate,
    },
    input.now,
  );
  return { id: draft.id, version: draft.version };
}
