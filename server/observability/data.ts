// The reads behind the metrics gauges (issue 13 p.5): what waits in the job queue and in the e-mail
// outbox. Cheap at scrape time: the outbox by its (sentAt, createdAt) index, the queue by pg-boss's
// own partitioned table.
import "server-only";
import type { Db } from "../db/client";

/** Jobs not yet done, per queue and state; none while pg-boss has not made its schema yet. */
export async function jobQueueDepth(db: Db): Promise<{ queue: string; state: string; count: number }[]> {
  try {
    return await db.$queryRaw<{ queue: string; state: string; count: number }[]>`
      SELECT name AS queue, state::text AS state, count(*)::int AS count
      FROM pgboss.job WHERE state IN ('created', 'retry', 'active') GROUP BY 1, 2`;
  } catch {
    return [];
  }
}

export async function outboxBacklog(db: Db): Promise<{ count: number; oldestSeconds: number }> {
  // Timestamps are stored as UTC without a zone (Prisma's convention): the age is taken in UTC.
  const [row] = await db.$queryRaw<{ count: number; oldest: number | null }[]>`
    SELECT count(*)::int AS count,
           EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC') - min("createdAt"))::float8 AS oldest
    FROM "OutgoingEmail" WHERE "sentAt" IS NULL`;
  return { count: row?.count ?? 0, oldestSeconds: Math.max(0, row?.oldest ?? 0) };
}
