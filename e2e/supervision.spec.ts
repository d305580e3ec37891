// `npm start` as a deployment runs it (issue 9, items 1 and 6), on the production build the suite's
// web server has just made: another instance with an embedded database of its own, started twice. A production-mode
// start creates no account and prints no demo password; killing the process that listens (kill -9)
// or the embedded PostgreSQL makes `npm start` exit non-zero at once and leave nothing running, so a
// supervisor restarts it. No browser: the build is what this needs, and only this suite has one.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signInOverApi } from "./fixtures";
import { portState } from "../scripts/supervise";

const e2ePort = Number(process.env.E2E_PORT ?? 3100);
const root = path.resolve(import.meta.dirname, "..");

type Instance = {
  port: number;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
};

/** `npm start` (what package.json runs) on the suite's build folder, so it finds the build up to date. */
function start(name: string, port: number, env: Record<string, string>, options: { fresh: boolean }): Instance {
  const dataDir = path.join(root, "data", `e2e-${e2ePort}-${name}`);
  if (options.fresh) rmSync(dataDir, { recursive: true, force: true });
  let output = "";
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/start.ts"],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: "",
        SMTP_URL: "",
        OIDC_ISSUER: "",
        PORT: String(port),
        NEXTAUTH_URL: `http://localhost:${port}`,
        REGLAMENT_DATA_DIR: dataDir,
        // The build folder of playwright.config.ts's web server.
        ...(e2ePort === 3100 ? {} : { NEXT_DIST_DIR: `.next-e2e-${e2ePort}` }),
        ...env,
      },
    },
  );
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { port, dataDir, process: child, output: () => output, exit };
}

async function healthy(instance: Instance) {
  await expect
    .poll(
      async () => {
        if (instance.process.exitCode !== null) throw new Error(`npm start ended:\n${instance.output()}`);
        return fetch(`http://localhost:${instance.port}/api/health`).then(
          (r) => r.status,
          () => 0,
        );
      },
      { timeout: 150_000, intervals: [500] },
    )
    .toBe(200);
}

/** The process that listens on a TCP port, found as `ss -ltnp` finds it: the socket's inode in /proc. */
function listenerOf(port: number): number {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length > 9 && f[3] === "0A" && parseInt(f[1]!.split(":").pop()!, 16) === port) inodes.add(f[9]!);
    }
  }
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) return Number(pid);
      } catch {
        // gone meanwhile
      }
    }
  }
  throw new Error(`nothing listens on port ${port}`);
}

const postmasterOf = (instance: Instance) =>
  Number(readFileSync(path.join(instance.dataDir, "postgres/cluster/postmaster.pid"), "utf8").split("\n")[0]);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The exit code, or a failure when `npm start` is still running long after what it serves died. */
const exitCode = (instance: Instance) =>
  Promise.race([
    instance.exit,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`npm start is still running:\n${instance.output()}`)), 30_000),
    ),
  ]);

test("a production start has no demo account; npm start exits non-zero when Next or PostgreSQL dies", async ({
  playwright,
}) => {
  test.slow();
  const port = e2ePort + 110;
  // NODE_ENV=production is one of the documented production switches (REGLAMENT_DEMO=0 the other).
  const production = { NODE_ENV: "production", REGLAMENT_DEMO: "" };
  const instances: Instance[] = [];
  try {
    const web = start("supervise", port, production, { fresh: true });
    instances.push(web);
    await healthy(web);

    // Item 1: nothing printed, nothing to sign in with; the way to the first administrator is said.
    expect(web.output()).toContain("production mode (no demo accounts)");
    expect(web.output()).toContain("npm run admin:create");
    expect(web.output()).not.toContain(DEMO_PASSWORD);
    const request = await playwright.request.newContext({ baseURL: `http://localhost:${port}` });
    for (const email of [DEMO.admin, DEMO.registrar]) expect(await signInOverApi(request, email)).toBe(false);
    await request.dispose();

    // Item 6: the process that listens is next-server, killed without a chance to clean up.
    const server = listenerOf(port);
    expect(readFileSync(`/proc/${server}/cmdline`, "utf8")).toMatch(/next/);
    const webPostgres = postmasterOf(web);
    process.kill(server, "SIGKILL");
    expect(await exitCode(web)).toBe(1);
    expect(web.output()).toContain("the web server (next start) ended (signal SIGKILL)");
    expect(alive(webPostgres)).toBe(false);
    expect(await portState(port)).toBe("refused");

    // Started again on the same data (quick now), then its PostgreSQL is killed.
    const db = start("supervise", port, production, { fresh: false });
    instances.push(db);
    await healthy(db);
    const dbServer = listenerOf(port);
    process.kill(postmasterOf(db), "SIGKILL");
    expect(await exitCode(db)).toBe(1);
    expect(db.output()).toContain("the embedded PostgreSQL ended (signal SIGKILL)");
    expect(alive(dbServer)).toBe(false);
    expect(await portState(port)).toBe("refused");
  } finally {
    for (const i of instances) {
      if (i.process.exitCode === null) {
        i.process.kill("SIGTERM");
        await i.exit;
      }
    }
    if (instances[0]) rmSync(instances[0].dataDir, { recursive: true, force: true });
  }
});
