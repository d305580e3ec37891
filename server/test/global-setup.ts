// Integration tests run against a real PostgreSQL: the embedded one (a throwaway cluster in a temp
// folder) by default, or the server of DATABASE_URL (CI runs them a second time on PostgreSQL 15).
// A template database with every migration applied is made once; each test file clones it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../db/embedded";
import { migrate } from "../db/migrate";
import { withDatabase } from "../db/url";
import { createPrismaClient } from "../db/client";
import { seedDemo } from "../../prisma/seed/demo";

export const TEMPLATE = "reglament_test_template";
/** The template with the demo municipality loaded: most test files start from it. */
export const DEMO_TEMPLATE = "reglament_test_demo";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
    pgDemoTemplate: string;
    pgServerVersion: string;
  }
}

export default async function setup(project: TestProject) {
  let serverUrl: string;
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    serverUrl = withDatabase(process.env.DATABASE_URL, "postgres");
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "reglament-test-pg-"));
    const server = await startEmbeddedPostgres({ dir, quiet: true });
    serverUrl = server.serverUrl;
    stop = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const version = (await admin.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${TEMPLATE}"`);
  await migrate(withDatabase(serverUrl, TEMPLATE));
  // Seeding takes seconds (seven scrypt password hashes, the calendar, two regulations): done once here
  // instead of once per test file. prisma/seed/demo.int.test.ts still seeds an empty database itself.
  await admin.query(`DROP DATABASE IF EXISTS "${DEMO_TEMPLATE}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${DEMO_TEMPLATE}" TEMPLATE "${TEMPLATE}"`);
  const demo = createPrismaClient(withDatabase(serverUrl, DEMO_TEMPLATE), { max: 2 });
  await seedDemo(demo);
  await demo.$disconnect();
  await admin.end();
  console.log(`[integration] PostgreSQL ${version} (${process.env.DATABASE_URL ? "DATABASE_URL" : "embedded"})`);
  project.provide("pgServerUrl", serverUrl);
  project.provide("pgTemplate", TEMPLATE);
  project.provide("pgDemoTemplate", DEMO_TEMPLATE);
  project.provide("pgServerVersion", version);
  return stop;
}
