// Do the committed migrations build exactly what prisma/schema.prisma describes? Both are applied to
// fresh databases on one server and their catalogs compared; any difference is reported by path.
import { isDeepStrictEqual } from "node:util";
import path from "node:path";
import pg from "pg";
import { describeSchema, type Catalog } from "./catalog";
import { migrate } from "./migrate";
import { diffDatamodels } from "./prisma6";
import { withDatabase } from "./url";

export const SCHEMA_FILE = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

async function withScratchDatabase<T>(serverUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `drift_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    return await fn(withDatabase(serverUrl, name));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

function differences(a: Catalog, b: Catalog): string[] {
  const out: string[] = [];
  for (const key of Object.keys({ ...a, ...b })) {
    const left = (a[key] ?? []) as unknown[];
    const right = (b[key] ?? []) as unknown[];
    for (const row of left)
      if (!right.some((r) => isDeepStrictEqual(r, row))) out.push(`only in migrations: ${key} ${JSON.stringify(row)}`);
    for (const row of right)
      if (!left.some((r) => isDeepStrictEqual(r, row)))
        out.push(`only in schema.prisma: ${key} ${JSON.stringify(row)}`);
  }
  return out;
}

export async function checkDrift(serverUrl: string, schemaFile = SCHEMA_FILE): Promise<string[]> {
  const fromMigrations = await withScratchDatabase(serverUrl, async (url) => {
    await migrate(url);
    return describeSchema(url);
  });
  const sql = await diffDatamodels(serverUrl, null, schemaFile);
  const fromSchema = await withScratchDatabase(serverUrl, async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
    return describeSchema(url);
  });
  return differences(fromMigrations, fromSchema);
}
