// A fresh, migrated database per test file, cloned from a template made in global-setup.ts: the empty
// one, or (`demo: true`) the one with the demo municipality of prisma/seed/demo.ts already loaded.
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "../db/client";
import { withDatabase } from "../db/url";

export type TestDatabase = { url: string; db: Db; drop(): Promise<void> };

export async function createTestDatabase(
  options: { template?: boolean; demo?: boolean; max?: number } = {},
): Promise<TestDatabase> {
  const serverUrl = inject("pgServerUrl");
  const name = `t_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(
    options.template === false
      ? `CREATE DATABASE "${name}"`
      : `CREATE DATABASE "${name}" TEMPLATE "${inject(options.demo ? "pgDemoTemplate" : "pgTemplate")}"`,
  );
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const db = createPrismaClient(url, { max: options.max ?? 10 });
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Code that reaches the database through getDb() (the next-auth callbacks) uses this test database
 * until the returned function restores the process-wide client. Test files share one process
 * (vitest runs the integration project without isolation), so nothing may leak into the next file.
 */
export function serveAsProcessDb(t: TestDatabase): () => void {
  const global = globalThis as unknown as { reglamentDb?: Db };
  const before = global.reglamentDb;
  global.reglamentDb = t.db;
  return () => {
    global.reglamentDb = before;
  };
}
