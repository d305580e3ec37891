// Who is calling, for both transports: the tRPC procedures (trpc.ts) and the REST file routes
// (rest.ts) take identity and staff scope from here, so a deactivated account, a revoked role or a
// department left behind count the same whichever way the request came in. A session token outlives
// all three (JWT sessions, 8 hours): the account is read again on every call.
import type { Db } from "../db/client";
import { loadIdentity, type Identity } from "../auth/data";
import { staffScope, type StaffScope } from "../auth/scope";
import { hasStaffRole } from "../auth/session-roles";
import { AppError } from "../errors";

export const UNAUTHORIZED_MESSAGE = "Войдите в систему, чтобы продолжить";
export const FORBIDDEN_MESSAGE = "Недостаточно прав для этого действия";

export const isStaff = (identity: Pick<Identity, "roles">) => hasStaffRole(identity.roles);

/**
 * The active account the session names; anonymous, unknown or deactivated is UNAUTHORIZED, and so
 * is a session ended on the server since (its version, when it carries one, is no longer the
 * account's: sign-out, a password change or reset).
 */
export async function requireIdentity(
  db: Db,
  sessionUserId: string | null | undefined,
  sessionVersion?: number,
  /** The account as this request's session read it (server/auth/fresh-identity.ts): not read again. */
  fresh?: Identity,
): Promise<Identity> {
  if (fresh && sessionUserId && fresh.id === sessionUserId) return fresh;
  const identity = sessionUserId ? await loadIdentity(db, sessionUserId, sessionVersion) : null;
  if (!identity) throw new AppError("UNAUTHORIZED", UNAUTHORIZED_MESSAGE);
  return identity;
}

export function requireApplicant(identity: Identity): Identity {
  if (!identity.roles.includes("APPLICANT")) throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE);
  return identity;
}

export function requireAdmin(identity: Identity): Identity {
  if (!identity.roles.includes("ADMIN")) throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE);
  return identity;
}

/**
 * Readers of the audit log (issue 11): the administrator, and the auditor, a read-only global role
 * that reaches nothing else (no administration, no staff board, no cabinet).
 */
export function requireAuditReader(identity: Identity): Identity {
  if (!identity.roles.includes("ADMIN") && !identity.roles.includes("AUDITOR"))
    throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE);
  return identity;
}

/** Staff, scoped to their departments (and the units under them). */
export async function requireStaffScope(db: Db, identity: Identity): Promise<StaffScope> {
  if (!isStaff(identity)) throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE);
  return staffScope(db, identity);
}

/**
 * What any signed-in user may see: their own applications, and for staff those of their
 * departments. Data-access functions take it as the viewer (attachments, result documents).
 */
export async function viewerOf(
  db: Db,
  identity: Identity,
): Promise<{ userId: string; departmentIds: readonly string[] }> {
  return {
    userId: identity.id,
    departmentIds: isStaff(identity) ? (await staffScope(db, identity)).departmentIds : [],
  };
}
