// Produces the next migration from a change to prisma/schema.prisma:
//   npm run db:migration -- add_complaints
// It diffs prisma/migrated.prisma (the datamodel the committed migrations build) against
// prisma/schema.prisma with Prisma 6's WebAssembly engine, writes
// prisma/migrations/<UTC stamp>_<name>/migration.sql, updates the snapshot and proves on a scratch
// database that the migrations now build exactly schema.prisma. Review the SQL before committing.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkDrift, SCHEMA_FILE } from "../server/db/drift";
import { startEmbeddedPostgres } from "../server/db/embedded";
import { MIGRATIONS_DIR } from "../server/db/migrate";
import { diffDatamodels } from "../server/db/prisma6";

const SNAPSHOT = path.resolve(import.meta.dirname, "../prisma/migrated.prisma");

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}

const server = process.env.DATABASE_URL
  ? { serverUrl: process.env.DATABASE_URL, stop: async () => undefined }
  : await startEmbeddedPostgres({ dir: mkdtempSync(path.join(tmpdir(), "reglament-migration-")), quiet: true });
try {
  const sql = await diffDatamodels(server.serverUrl, existsSync(SNAPSHOT) ? SNAPSHOT : null, SCHEMA_FILE);
  const statements = sql.split("\n").filter((line) => line.trim() && !line.startsWith("--"));
  if (statements.length === 0) {
    console.log("schema.prisma has no changes since the last migration.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    copyFileSync(SCHEMA_FILE, SNAPSHOT);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql (${statements.length} lines of SQL).`);
  }
  const drift = await checkDrift(server.serverUrl);
  if (drift.length) {
    console.error("The migrations do not build schema.prisma:\n" + drift.join("\n"));
    process.exitCode = 1;
  } else {
    console.log("Checked: the migrations build exactly schema.prisma.");
  }
} finally {
  await server.stop();
}
