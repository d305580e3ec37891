// The one Prisma client of the app: Prisma 7 through the node-postgres driver adapter (no engine
// binary at run time). Scripts and tests create their own with createPrismaClient(url).
import { PrismaPg } from "@prisma/adapter-pg";
import { Client, Pool } from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { env } from "../env";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * The connection pool under each client: its use is a metric (server/observability/metrics.ts), its
 * settings open the live board's LISTEN connection. Kept on the client under a registered symbol, not
 * in a module's WeakMap: Next's server bundles may hold this module more than once, and the process-wide
 * client made by one copy is read by the others.
 */
const POOL = Symbol.for("reglament.db.pool");
type WithPool = { [POOL]?: Pool };
const poolOf = (client: PrismaClient): Pool | undefined => (client as unknown as WithPool)[POOL];

export function createPrismaClient(
  connectionString: string,
  options: { max?: number; connectionTimeoutMillis?: number } = {},
): PrismaClient {
  // A request that finds no free connection within the wait is answered 503 (server/errors.ts isOverload).
  const pool = new Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
  });
  // The client owns the pool: $disconnect() ends it, as when the adapter made it.
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  (client as unknown as WithPool)[POOL] = pool;
  return client;
}

/** Connections of a client's pool: open, idle, and requests waiting for one. */
export function poolUse(client: PrismaClient): { total: number; idle: number; waiting: number; max: number } | null {
  const pool = poolOf(client);
  return pool
    ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 }
    : null;
}

const globalForDb = globalThis as unknown as { reglamentDb?: PrismaClient };

/** The process-wide client, created on first use (Next's dev server reloads modules: keep one). */
export function getDb(): PrismaClient {
  if (!globalForDb.reglamentDb) {
    // The app's own role where one is configured (server/db/app-role.ts); `npm start` hands the web
    // server that role's URL as DATABASE_URL.
    const url = env().appDatabaseUrl ?? env().databaseUrl;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides the database.");
    globalForDb.reglamentDb = createPrismaClient(url);
  }
  return globalForDb.reglamentDb;
}

/**
 * A connection of its own to the database a client's pool reaches, outside the pool: for LISTEN,
 * which holds its connection for as long as it listens (server/workflow/board/live.ts). Null for a
 * client not made by createPrismaClient.
 */
export function dedicatedConnection(client: PrismaClient): Client | null {
  const pool = poolOf(client);
  return pool ? new Client({ connectionString: pool.options.connectionString }) : null;
}
