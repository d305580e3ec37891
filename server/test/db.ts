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
