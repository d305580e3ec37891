// The throttle counters (RateLimit): every change is one atomic upsert, so parallel requests on any
// number of app instances cannot slip between a read and a write. The rules are in ./policy.ts.
import "server-only";
import type { Db, Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { blockedFor, THROTTLES, type CounterRow, type ThrottleRule } from "./policy";

const LONGEST_WINDOW_MS = Math.max(...Object.values(THROTTLES).map((r) => r.windowMs));

/** Large enough to mean "never" and still a PostgreSQL integer. */
const NEVER = 2_147_483_647;
const finite = (n: number | null) => (n === null || !Number.isFinite(n) ? NEVER : n);

export const throttleKey = (rule: ThrottleRule, subject: string) => `${rule.name}:${subject.trim().toLowerCase()}`;

export type Admission = { admitted: true; count: number } | { admitted: false; retryAfterMs: number };

/**
 * Counts an attempt on `subject` when the rule admits it, in one statement: a new key starts at 1;
 * an expired window (or an ended lock) starts again at 1; otherwise the attempt is admitted only
 * while the key is not locked, under its cap and past its progressive delay, and then counted (and
 * the key locked when the count reaches `lockAt`). A refused attempt changes nothing.
 */
export async function admit(
  db: Db | Tx,
  rule: ThrottleRule,
  subject: string,
  now: Date = new Date(),
): Promise<Admission> {
  const key = throttleKey(rule, subject);
  // Timestamps are stored as UTC without a zone (Prisma's convention): compare in UTC explicitly.
  const nowIso = now.toISOString();
  const free = finite(rule.free);
  const cap = finite(rule.cap);
  const lockAt = finite(rule.lockAt);
  const at = Prisma.sql`(${nowIso}::timestamptz AT TIME ZONE 'UTC')`;
  const ms = (n: number) => Prisma.sql`(${n}::float8 * interval '1 millisecond')`;
  // The stored counter starts again: its lock has ended, or it is unlocked and its window passed.
  const fresh = Prisma.sql`((r."lockedUntil" IS NULL AND r."windowStart" <= ${at} - ${ms(rule.windowMs)})
    OR r."lockedUntil" <= ${at})`;
  const next = Prisma.sql`(CASE WHEN ${fresh} THEN 1 ELSE r."count" + 1 END)`;
  // The progressive delay after the stored count (policy.ts delayAfter).
  const delay = Prisma.sql`(CASE WHEN r."count" < ${free}::int THEN 0
    ELSE LEAST(${rule.maxDelayMs}::float8, ${rule.baseDelayMs}::float8 * power(2, LEAST(r."count" - ${free}::int, 30))) END)`;
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" AS r ("key", "windowStart", "count", "lastAt", "lockedUntil")
    VALUES (${key}, ${at}, 1, ${at}, CASE WHEN 1 >= ${lockAt}::int THEN ${at} + ${ms(rule.lockMs)} END)
    ON CONFLICT ("key") DO UPDATE SET
      "windowStart" = CASE WHEN ${fresh} THEN ${at} ELSE r."windowStart" END,
      "count" = ${next},
      "lastAt" = ${at},
      "lockedUntil" = CASE WHEN ${next} >= ${lockAt}::int THEN ${at} + ${ms(rule.lockMs)} END
    WHERE ${fresh}
       OR (r."lockedUntil" IS NULL
           AND r."count" < ${cap}::int
           -- Without a delay nothing is compared: a parallel request stamped a moment later must not
           -- make this one wait (two instances, or two requests, never agree on "now" to the µs).
           AND (${delay} = 0 OR r."lastAt" + ${delay} * interval '1 millisecond' <= ${at}))
    RETURNING "count"`;
  if (rows[0]) return { admitted: true, count: Number(rows[0].count) };
  const row = await db.rateLimit.findUnique({
    where: { key },
    select: { windowStart: true, count: true, lastAt: true, lockedUntil: true },
  });
  // A refusal always waits at least a second, also when the counter changed meanwhile.
  return { admitted: false, retryAfterMs: Math.max(1000, blockedFor(rule, row as CounterRow | null, now)) };
}

/** admit, or a Russian TOO_MANY error built from the wait. */
export async function admitOrThrow(
  db: Db | Tx,
  rule: ThrottleRule,
  subject: string,
  message: (retryAfterMs: number) => string,
  now: Date = new Date(),
): Promise<void> {
  const a = await admit(db, rule, subject, now);
  if (!a.admitted) throw new AppError("TOO_MANY", message(a.retryAfterMs));
}

/** Forgets a key's attempts: a successful sign-in clears the account's failures. */
export async function clearAttempts(db: Db | Tx, rule: ThrottleRule, subject: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: throttleKey(rule, subject) } });
}

/**
 * Takes one admitted attempt back (atomically): a sign-in is counted before the password is checked,
 * so that parallel guesses cannot all pass the check; a right password uncounts it for the address.
 */
export async function uncountAttempt(db: Db | Tx, rule: ThrottleRule, subject: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0)
    WHERE "key" = ${throttleKey(rule, subject)} AND "lockedUntil" IS NULL`;
}

/**
 * Deletes counters that no longer hold anything back: unlocked (or with the lock over) and last
 * touched longer ago than the longest window of policy.ts. The daily purge job calls it, so the
 * table keeps only the keys active in the last day.
 */
export async function purgeStaleCounters(db: Db, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - LONGEST_WINDOW_MS);
  const { count } = await db.rateLimit.deleteMany({
    where: { lastAt: { lt: before }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
  });
  return count;
}
