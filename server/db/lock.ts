// Work that several instances may start at the same moment (seeding the demo data, setting up the
// job queues) runs under a PostgreSQL advisory lock held by a connection of its own: the second
// instance waits, then finds the work done. Ending the session releases the lock whatever happens.
import pg from "pg";

/** The app's advisory lock keys (migrations use their own, in migrate.ts). */
export const LOCKS = { seed: 72_310_500, jobQueues: 72_310_501 } as const;

export async function withAdvisoryLock<T>(url: string, key: number, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  // The server going away (a shutdown while the work runs) fails the work's own queries; without a
  // listener the client's 'error' event would crash the process instead.
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [key]);
    return await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}
