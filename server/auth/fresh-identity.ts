// The account as the session callback read it for this request (options.ts): the tRPC procedures and
// REST routes take it instead of reading the account a second time (issue 13 p.3: one identity read
// per request). It rides on the token and the session objects under a symbol, which JSON never
// carries: not into the session cookie, not to the browser, not into a server component's props. A
// session made any other way (tests, a cached render) has none, and the account is read again.
import type { Session } from "next-auth";
import type { Identity } from "./data";

const FRESH = Symbol.for("reglament.freshIdentity");

/** Keeps `identity` on `holder` (the token, then the session) for the rest of this request. */
export function attachFreshIdentity(holder: object, identity: Identity | undefined): void {
  if (identity) Object.defineProperty(holder, FRESH, { value: identity, enumerable: false, configurable: true });
}

export function freshIdentityOf(holder: object | null | undefined): Identity | undefined {
  return holder ? ((holder as Record<symbol, Identity | undefined>)[FRESH] ?? undefined) : undefined;
}

/** The session's account read in this request, if it was and it is the session's user. */
export function sessionIdentity(session: Session | null | undefined): Identity | undefined {
  const identity = freshIdentityOf(session);
  return identity && identity.id === session?.user.id ? identity : undefined;
}
