// The throttle counters (RateLimit): every change is one atomic upsert, so parallel requests on any
// number of app instances cannot slip between a read and a write. The rules are in ./policy.ts.
import "server-only";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { blockedFor, type CounterRow, type ThrottleRule } from "./policy";

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
  const rows = await db.$queryRaw<{ count: number }[]>`
    WITH p AS (
      SELECT (${nowIso}::timestamptz AT TIME ZONE 'UTC') AS now,
             ${rule.windowMs}::float8 * interval '1 millisecond' AS win,
             ${rule.lockMs}::float8 * interval '1 millisecond' AS lock
    )
    INSERT INTO "RateLimit" AS r ("key", "windowStart", "count", "lastAt", "lockedUntil")
    SELECT ${key}, p.now, 1, p.now, CASE WHEN 1 >= ${lockAt}::int THEN p.now + p.lock END FROM p
    ON CONFLICT ("key") DO UPDATE SET
      "windowStart" = CASE WHEN (r."windowStart" <= (SELECT now - win FROM p) OR r."lockedUntil" <= (SELECT now FROM p))
                           THEN (SELECT now FROM p) ELSE r."windowStart" END,
      "count" = CASE WHEN (r."windowStart" <= (SELECT now - win FROM p) OR r."lockedUntil" <= (SELECT now FROM p))
                     THEN 1 ELSE r."count" + 1 END,
      "lastAt" = (SELECT now FROM p),
      "lockedUntil" = CASE
        WHEN (CASE WHEN (r."windowStart" <= (SELECT now - win FROM p) OR r."lockedUntil" <= (SELECT now FROM p))
                   THEN 1 ELSE r."count" + 1 END) >= ${lockAt}::int
        THEN (SELECT now + lock FROM p) END
    WHERE r."windowStart" <= (SELECT now - win FROM p)
       OR r."lockedUntil" <= (SELECT now FROM p)
       OR (
         r."lockedUntil" IS NULL
         AND r."count" < ${cap}::int
         AND r."lastAt" + (CASE WHEN r."count" < ${free}::int THEN 0
                                ELSE LEAST(${rule.maxDelayMs}::float8,
                                           ${rule.baseDelayMs}::float8 * power(2, LEAST(r."count" - ${free}::int, 30)))
                           END) * interval '1 millisecond' <= (SELECT now FROM p)
       )
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
