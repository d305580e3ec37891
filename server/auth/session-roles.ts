import type { Role } from "../regulation/document";

/** Roles that work on applications inside departments. */
export const STAFF_ROLES: readonly Role[] = ["REGISTRAR", "EXECUTOR", "HEAD", "SIGNER"];

/** Does any of these roles work on applications (the staff area, the staff procedures and routes)? */
export const hasStaffRole = (roles: readonly Role[]) => roles.some((r) => STAFF_ROLES.includes(r));
