// Session helpers for server components and pages. Every page that needs a role calls requireRole in
// the page itself (not only in a layout): layouts do not re-run on client navigation.
import { getServerSession, type Session } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./options";
import type { Role } from "../regulation/document";

/**
 * The session of this request. Reading it re-reads the account (the jwt callback in options.ts), and
 * a page asks for it several times (root layout, staff layout, requireRole, the server caller):
 * React's `cache` makes that one read per server render. Outside a render it is a plain call.
 */
export const getSession = cache(async (): Promise<Session | null> => getServerSession(authOptions));

export { STAFF_ROLES, hasStaffRole } from "./session-roles";
import { hasStaffRole } from "./session-roles";

export function hasAnyRole(session: Session | null, roles: readonly Role[]): boolean {
  return !!session?.user.roles.some((r) => roles.includes(r));
}

/** Redirects to sign-in when anonymous; answers 403 when signed in without any of `roles`. */
export async function requireRole(roles: readonly Role[], returnTo: string): Promise<Session> {
  const session = await getSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!hasAnyRole(session, roles)) forbidden();
  return session;
}

/** Where each kind of user starts after signing in. An auditor reads the audit log and nothing else (issue 11). */
export function homeFor(roles: readonly Role[]): string {
  if (roles.includes("ADMIN")) return "/admin";
  if (roles.includes("AUDITOR")) return "/admin/audit";
  if (hasStaffRole(roles)) return "/staff";
  return "/cabinet";
}
