// One identity read per request (issue 13 p.3): the account the session callback read rides on the
// session under a symbol that never leaves the process, and the procedures take it instead of reading
// the account again; anything else is read as before.
import { describe, expect, it } from "vitest";
import type { Session } from "next-auth";
import type { Db } from "../db/client";
import { requireIdentity } from "../api/access";
import type { Identity } from "./data";
import { attachFreshIdentity, freshIdentityOf, sessionIdentity } from "./fresh-identity";

const identity = {
  id: "7f0c2d55-0d55-4e55-8d55-2d55a0c2d555",
  email: "applicant@example.ru",
  name: "Иванов Иван",
  roles: ["APPLICANT"],
  departmentIds: [],
  memberships: [],
} as unknown as Identity;
const session = (id: string): Session =>
  ({
    user: { id, email: "", name: "", roles: [], departmentIds: [], authMethod: "password", sessionVersion: 0 },
    expires: "2027-01-01T00:00:00.000Z",
  }) as Session;
/** A database that fails any read: proof that nothing was read. */
const noReads = new Proxy(
  {},
  { get: () => new Proxy({}, { get: () => () => Promise.reject(new Error("read")) }) },
) as Db;

describe("the identity read with the session", () => {
  it("passes from the token to the session and is never serialised (cookie, browser, props)", () => {
    const token: Record<string, unknown> = { sub: identity.id };
    attachFreshIdentity(token, identity);
    const s = session(identity.id);
    attachFreshIdentity(s, freshIdentityOf(token));
    expect(sessionIdentity(s)).toBe(identity);
    expect(JSON.stringify(token)).toBe(JSON.stringify({ sub: identity.id }));
    expect(JSON.parse(JSON.stringify(s))).toEqual(session(identity.id));
    expect(Object.keys(s)).toEqual(["user", "expires"]);
  });

  it("is taken by requireIdentity without a database read; another user's or none is read as before", async () => {
    const s = session(identity.id);
    attachFreshIdentity(s, identity);
    expect(await requireIdentity(noReads, identity.id, 0, sessionIdentity(s))).toBe(identity);
    // A session of another user never takes it.
    const other = session("00000000-0000-4000-8000-000000000000");
    attachFreshIdentity(other, identity);
    expect(sessionIdentity(other)).toBeUndefined();
    await expect(requireIdentity(noReads, other.user.id, 0, sessionIdentity(other))).rejects.toThrow("read");
    await expect(requireIdentity(noReads, identity.id, 0, undefined)).rejects.toThrow("read");
  });
});
