// The throttle counters on a real PostgreSQL (issue 9, item 3): one atomic statement admits and
// counts, so parallel attempts never pass a cap; a lock outlasts the window it was set in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { admit, purgeStaleCounters } from "./mutations";
import type { ThrottleRule } from "./policy";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

const MINUTE = 60_000;
const rule = (over: Partial<ThrottleRule>): ThrottleRule => ({
  name: `test-${Math.random()}`,
  windowMs: 10 * MINUTE,
  free: Infinity,
  baseDelayMs: 0,
  maxDelayMs: 0,
  lockAt: null,
  lockMs: 0,
  cap: null,
  ...over,
});

describe("throttle counters", () => {
  it("admit exactly the cap of 30 parallel attempts, and admit again in the next window", async () => {
    const capped = rule({ cap: 10 });
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 30 }, () => admit(t.db, capped, "subject", now)));
    expect(results.filter((r) => r.admitted)).toHaveLength(10);
    expect(results.filter((r) => r.admitted).map((r) => r.admitted && r.count)).toEqual(
      expect.arrayContaining([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    );
    const refused = results.find((r) => !r.admitted);
    expect(refused).toEqual({ admitted: false, retryAfterMs: 10 * MINUTE });
    // Another subject has its own counter; the next window starts from 1.
    expect(await admit(t.db, capped, "another", now)).toEqual({ admitted: true, count: 1 });
    expect(await admit(t.db, capped, "subject", new Date(now.getTime() + 10 * MINUTE))).toEqual({
      admitted: true,
      count: 1,
    });
  });

  it("admit below the cap a request stamped a moment before the last one (parallel requests, two instances)", async () => {
    // Found by the authorization matrix: with no delay, an attempt whose "now" was taken a millisecond
    // before a parallel one's committed was refused as if it had to wait.
    const capped = rule({ cap: 5 });
    const now = new Date();
    expect(await admit(t.db, capped, "subject", now)).toEqual({ admitted: true, count: 1 });
    expect(await admit(t.db, capped, "subject", new Date(now.getTime() - 1))).toEqual({ admitted: true, count: 2 });
  });

  it("keep a lock past the end of its window, and count from 1 once it ends", async () => {
    const locking = rule({ lockAt: 3, lockMs: 30 * MINUTE });
    const start = new Date();
    const at = (m: number) => new Date(start.getTime() + m * MINUTE);
    for (const m of [0, 1, 2]) expect((await admit(t.db, locking, "s", at(m))).admitted).toBe(true);
    // Locked at minute 2 until minute 32; the window (10 minutes) ends long before.
    expect(await admit(t.db, locking, "s", at(3))).toEqual({ admitted: false, retryAfterMs: 29 * MINUTE });
    expect(await admit(t.db, locking, "s", at(15))).toEqual({ admitted: false, retryAfterMs: 17 * MINUTE });
    expect(await admit(t.db, locking, "s", at(32))).toEqual({ admitted: true, count: 1 });
  });

  it("wait out the progressive delay between attempts past the free ones", async () => {
    const slowing = rule({ free: 2, baseDelayMs: 1000, maxDelayMs: 4000 });
    const start = new Date();
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect((await admit(t.db, slowing, "s", at(0))).admitted).toBe(true);
    expect((await admit(t.db, slowing, "s", at(0))).admitted).toBe(true);
    expect(await admit(t.db, slowing, "s", at(500))).toEqual({ admitted: false, retryAfterMs: 1000 });
    expect(await admit(t.db, slowing, "s", at(1000))).toEqual({ admitted: true, count: 3 });
    expect(await admit(t.db, slowing, "s", at(2500))).toEqual({ admitted: false, retryAfterMs: 1000 });
    expect(await admit(t.db, slowing, "s", at(3000))).toEqual({ admitted: true, count: 4 });
  });

  it("are purged once they hold nothing back", async () => {
    const now = new Date();
    const day = 24 * 60 * MINUTE;
    const held = rule({ lockAt: 1, lockMs: 3 * day });
    const idle = rule({ cap: 5 });
    await admit(t.db, held, "locked", new Date(now.getTime() - 2 * day));
    await admit(t.db, idle, "old", new Date(now.getTime() - 2 * day));
    await admit(t.db, idle, "recent", now);
    await purgeStaleCounters(t.db, now);
    const keys = (await t.db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys).toContain(`${held.name}:locked`);
    expect(keys).toContain(`${idle.name}:recent`);
    expect(keys).not.toContain(`${idle.name}:old`);
  });
});
