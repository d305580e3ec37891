// Runs the Prisma 6 CLI with its WebAssembly schema engine to turn datamodels into SQL (see
// scripts/prisma6.config.ts for why). Used by scripts/new-migration.ts and the drift test.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const cli = path.join(root, "node_modules/prisma6/build/index.js");
const config = path.join(root, "scripts/prisma6.config.ts");

/** Prisma 6 requires `url` in the datasource block that Prisma 7 forbids: add it to a temporary copy. */
function prisma6Copy(schemaFile: string, dir: string): string {
  const text = readFileSync(schemaFile, "utf8").replace(
    /datasource\s+db\s*\{([^}]*)\}/,
    (_m, body: string) => `datasource db {${body.replace(/\n\s*url\s*=.*\n/, "\n")}  url = env("DATABASE_URL")\n}`,
  );
  const out = path.join(
    dir,
    path.basename(schemaFile).replace(/\.prisma$/, "") + `-${Math.random().toString(36).slice(2)}.prisma`,
  );
  writeFileSync(out, text);
  return out;
}

/**
 * SQL that turns the `from` datamodel (or an empty database) into `to`. The engine needs a reachable
 * PostgreSQL server (`databaseUrl`) even though it only compares datamodels.
 */
export async function diffDatamodels(databaseUrl: string, from: string | null, to: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "reglament-prisma6-"));
  const toCopy = prisma6Copy(to, dir);
  const fromArgs = from ? ["--from-schema-datamodel", prisma6Copy(from, dir)] : ["--from-empty"];
  const args = [cli, "migrate", "diff", "--config", config, ...fromArgs, "--to-schema-datamodel", toCopy, "--script"];
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PRISMA6_SCHEMA: toCopy,
    // The CLI checks for native engines it never runs in this mode; any existing file satisfies it.
    PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? cli,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? cli,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, cwd: root });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`prisma migrate diff failed (${code}):\n${stderr}`)),
    );
  });
}
