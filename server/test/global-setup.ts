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

export const TEMPLATE = "reglament_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
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
  await admin.end();
  console.log(`[integration] PostgreSQL ${version} (${process.env.DATABASE_URL ? "DATABASE_URL" : "embedded"})`);
  project.provide("pgServerUrl", serverUrl);
  project.provide("pgTemplate", TEMPLATE);
  project.provide("pgServerVersion", version);
  return stop;
}
