// Data access of identities: the only place auth touches Prisma.
import "server-only";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../regulation/document";
import { personName } from "../people";

export type Identity = {
  id: string;
  email: string;
  name: string;
  /**
   * Every role the user holds anywhere: the global ones and those of every membership, merged. Only
   * for questions that do not depend on a department (is this user staff at all, which pages to
   * show); what a user may do to an application depends on the role held in its department
   * (`memberships`, as StaffScope.rolesByDepartment).
   */
  roles: Role[];
  departmentIds: string[];
  /** Department roles as held: one entry per (department, role). */
  memberships: { departmentId: string; role: Role }[];
};

const identitySelect = {
  id: true,
  email: true,
  lastName: true,
  firstName: true,
  middleName: true,
  roles: true,
  isActive: true,
  passwordHash: true,
  sessionVersion: true,
  memberships: { select: { role: true, departmentId: true } },
} as const;

type IdentityRow = {
  id: string;
  email: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  roles: Role[];
  memberships: { role: Role; departmentId: string }[];
};

export function toIdentity(u: IdentityRow): Identity {
  return {
    id: u.id,
    email: u.email,
    name: personName(u),
    roles: [...new Set<Role>([...u.roles, ...u.memberships.map((m) => m.role)])],
    departmentIds: [...new Set(u.memberships.map((m) => m.departmentId))],
    memberships: u.memberships.map((m) => ({ departmentId: m.departmentId, role: m.role })),
  };
}

export async function findUserForSignIn(db: Db, email: string) {
  return db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: identitySelect });
}

/**
 * Reads roles and departments afresh: sessions go stale when an administrator changes them. With
 * `sessionVersion` (the one a session token carries), a session that sign-out, a password change
 * or a reset has ended since finds no identity either.
 */
export async function loadIdentity(db: Db, userId: string, sessionVersion?: number): Promise<Identity | null> {
  const u = await db.user.findUnique({ where: { id: userId }, select: identitySelect });
  if (!u || !u.isActive) return null;
  if (sessionVersion !== undefined && u.sessionVersion !== sessionVersion) return null;
  return toIdentity(u);
}

/** Taken means somebody can already sign in with it (a password or an external identity). */
export async function emailTaken(db: Db, email: string): Promise<boolean> {
  return (
    (await db.user.count({ where: { email, OR: [{ passwordHash: { not: null } }, { identities: { some: {} } }] } })) > 0
  );
}

/**
 * An account nobody can sign in to yet: a registrar opened it for a paper application (no password,
 * no external identity, no staff role anywhere). It is taken over only by proving the mailbox — the
 * one-time link of auth/mutations.ts — or by an identity provider that vouches for the e-mail
 * (mutations.ts). Registering with its address never sets a password by itself.
 */
export const CLAIMABLE_ACCOUNT = {
  isActive: true,
  passwordHash: null,
  identities: { none: {} },
  memberships: { none: {} },
  NOT: { roles: { hasSome: ["ADMIN", "REGISTRAR", "EXECUTOR", "HEAD", "SIGNER"] } },
} satisfies Prisma.UserWhereInput;

/**
 * What a claim link issued for one account (AccountClaim.userId) may still open: an active account
 * with no password that never signed in through a provider. Such links go out only for a
 * CLAIMABLE_ACCOUNT (a registrar's paper account) or by an administrator's invitation of a staff
 * member (server/organisation/mutations.ts); an applicant's account made staff later has its
 * links voided when the role is granted. A registration's link (no userId) still needs a
 * CLAIMABLE_ACCOUNT: it never opens a staff account.
 */
export const LINKED_ACCOUNT_OPEN = {
  isActive: true,
  passwordHash: null,
  identities: { none: {} },
} satisfies Prisma.UserWhereInput;

/** The account's current session version (a new session token carries it). */
export async function sessionVersionOf(db: Db, userId: string): Promise<number | null> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return u?.sessionVersion ?? null;
}

/** The department tree as (id, parent) pairs: the staff scope and the deadline escalation walk it. */
export async function departmentParents(db: Db): Promise<{ id: string; parentId: string | null }[]> {
  return db.department.findMany({ select: { id: true, parentId: true } });
}
