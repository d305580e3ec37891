import type { Role } from "../regulation/document";

/** Roles that work on applications inside departments. */
export const STAFF_ROLES: readonly Role[] = ["REGISTRAR", "EXECUTOR", "HEAD", "SIGNER"];
