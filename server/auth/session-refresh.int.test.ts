// A session outlives changes to its account (JWT sessions, 8 hours). Every read of the session
// re-reads the account: a role granted or revoked takes effect at once, and a deactivated account's
// session ends (pages check roles from the session: requireRole).
import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, serveAsProcessDb, type TestDatabase } from "../test/db";

let t: TestDatabase;
let restoreDb: (() => void) | undefined;
let jwt: (token: JWT) => Promise<JWT>;

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  // The next-auth callbacks reach the database through getDb().
  restoreDb = serveAsProcessDb(t);
  const { authOptions } = await import("./options");
  jwt = (token) =>
    authOptions.callbacks!.jwt!({ token } as Parameters<
      NonNullable<NonNullable<typeof authOptions.callbacks>["jwt"]>
    >[0]) as Promise<JWT>;
});
afterAll(async () => {
  restoreDb?.();
  await t?.drop();
});

describe("the session token", () => {
  it("follows the account's roles and ends when the account is deactivated", async () => {
    const executor = await t.db.user.findUniqueOrThrow({
      where: { email: "executor@demo.reglament.ru" },
      include: { memberships: true },
    });
    const stale: JWT = {
      sub: executor.id,
      email: executor.email,
      name: "x",
      roles: ["EXECUTOR", "HEAD"],
      departmentIds: [],
      sv: executor.sessionVersion,
    };
    expect((await jwt(stale)).roles).toEqual(["EXECUTOR"]);

    await t.db.user.update({ where: { id: executor.id }, data: { roles: { push: "ADMIN" } } });
    expect((await jwt(stale)).roles).toEqual(expect.arrayContaining(["ADMIN", "EXECUTOR"]));

    await t.db.user.update({ where: { id: executor.id }, data: { isActive: false } });
    await expect(jwt(stale)).rejects.toThrow(/deactivated/);
  });
});
