// The load benchmark (issue 13): `npm run bench:load`. Starts the production build the way `npm start`
// does (a database of its own under data/bench-load-<N>, or DATABASE_URL), loads N applications of
// the road-info service (30% open across its stages, 70% closed, owned by N/5 applicants), signs
// clients in over next-auth's HTTP API and drives the paths browsers call, exactly as the browser
// calls them (tRPC's batch link with superjson, next-auth's session cookie, server-rendered pages):
// autosave, submit, the registrar's board, its next column page, a card, a search, the catalogue, the
// public service page, the cabinet. Beside each database-bound path it measures what PostgreSQL alone
// does with the same statements over `pg` with as many connections as clients. Prints throughput,
// p50/p95/p99, the app/database ratio, the memory of the server's processes and the JavaScript a first
// visit of the catalogue, a service page, the form and the board downloads (gzip).
//
//   BENCH_APPS=100000      applications loaded (a data folder per size, kept for reruns)
//   BENCH_CLIENTS=16       concurrent clients (BENCH_BOARD_CLIENTS=8 for the board paths)
//   BENCH_SECONDS=10       measured seconds per path, after BENCH_WARMUP_SECONDS=2
//   BENCH_PORT=3900        the app's port; BENCH_ONLY=autosave,board  runs those paths only (health,
//                          catalogue, service page, autosave, submit, board, column, card, search,
//                          cabinet, weight, live)
//   BENCH_LIVE_BOARDS=50   open boards' event streams for \`live\`
//
// Timing lives here, never in tests. The machine should be quiet while it runs.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID, randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import superjson from "superjson";
import { prepareDatabase } from "../server/db/prepare";
import { createPrismaClient, type Db } from "../server/db/client";
import { hashPassword } from "../server/auth/password";
import { versionInForce } from "../server/regulation/data";
import { descendants } from "./supervise";

const root = path.resolve(import.meta.dirname, "..");
const N = Number(process.env.BENCH_APPS ?? 100_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const BOARD_CLIENTS = Number(process.env.BENCH_BOARD_CLIENTS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const ONLY = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const BASE = `http://localhost:${PORT}`;
const DATA_DIR = path.join(root, "data", `bench-load-${N}`);
const SERVICE = "road-info";
/** Bench accounts: signed-in applicants, the registrar, and the owners of the loaded applications. */
const APPLICANT = (i: number) => `bench-applicant-${i}@bench.invalid`;
const REGISTRAR = "bench-registrar@bench.invalid";
const ROAD_INFO_VALUES = {
  applicant_type: "individual",
  full_name: { lastName: "Иванов", firstName: "Иван", middleName: "Петрович" },
  info_kind: "road_condition",
  road_name: "ул. Комсомольская, участок от д. 1 до д. 15",
  delivery_channel: "cabinet",
};
const LAST_NAMES = ["Кузнецова", "Иванов", "Смирнова", "Попов", "Васильева", "Петров", "Соколова", "Михайлов"];
const FIRST_NAMES = ["Галина", "Иван", "Мария", "Алексей", "Ольга", "Сергей", "Анна", "Дмитрий"];

const log = (m: string) => console.error(`[bench:load] ${m}`);
/** BENCH_PROFILE=1: the server's CPU profile over the measured paths, summarised after the table. */
const PROFILE_DIR = process.env.BENCH_PROFILE ? path.join(DATA_DIR, "profile") : null;

// ---------------------------------------------------------------------------------------------------
// The server

async function startServer(): Promise<{ child: ChildProcess; logFile: string }> {
  mkdirSync(DATA_DIR, { recursive: true });
  const logFile = path.join(DATA_DIR, "server.log");
  const out = openSync(logFile, "a");
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const child = spawn(process.execPath, [tsx, "--conditions=react-server", "scripts/start.ts"], {
    cwd: root,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      // A production start: no demo accounts, the access log on (as an installation runs).
      REGLAMENT_DEMO: "0",
      REGLAMENT_DATA_DIR: DATA_DIR,
      PORT: String(PORT),
      NEXTAUTH_URL: BASE,
      ...(PROFILE_DIR
        ? {
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${pathToFileURL(path.join(root, "scripts", "bench-profile.mjs")).href}`,
            BENCH_PROFILE_DIR: PROFILE_DIR,
          }
        : {}),
    },
  });
  closeSync(out);
  log(`starting the app on ${BASE} (log: ${path.relative(root, logFile)}; builds first when the sources changed)`);
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}: see ${logFile}`);
    try {
      const r = await fetch(`${BASE}/api/health`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      // Not left running behind a failed benchmark.
      await stopServer(child);
      throw new Error("the app did not answer /api/health in 20 minutes");
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return { child, logFile };
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise<void>((resolve) => {
    const t = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, 20_000);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
  });
}

/** Resident memory of the server's processes: Next's and PostgreSQL's, in MB. */
function serverMemory(pid: number): { next: number; postgres: number } {
  let next = 0;
  let postgres = 0;
  for (const p of descendants(pid)) {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      const cmd = readFileSync(`/proc/${p}/cmdline`, "utf8");
      if (/postgres/.test(cmd)) postgres += rss;
      else if (/next/.test(cmd)) next += rss;
    } catch {
      /* ended */
    }
  }
  return { next: Math.round(next), postgres: Math.round(postgres) };
}

// ---------------------------------------------------------------------------------------------------
// The data

async function loadData(db: Db, url: string, password: string) {
  const service = await db.service.findUniqueOrThrow({ where: { code: SERVICE } });
  const version = (await versionInForce(db, service.id))!;
  const open = version.document.stages.filter((s) => !["granted", "refused"].includes(s.key)).map((s) => s.key);
  const hash = await hashPassword(password);

  // The signed-in accounts: the same password (this run's) for every one.
  for (let i = 0; i < Math.max(CLIENTS, 16); i++)
    await db.user.upsert({
      where: { email: APPLICANT(i) },
      create: {
        email: APPLICANT(i),
        lastName: LAST_NAMES[i % 8]!,
        firstName: FIRST_NAMES[i % 8]!,
        roles: ["APPLICANT"],
        passwordHash: hash,
        emailVerifiedAt: new Date(),
      },
      update: { passwordHash: hash, isActive: true },
    });
  await db.user.upsert({
    where: { email: REGISTRAR },
    create: {
      email: REGISTRAR,
      lastName: "Петрова",
      firstName: "Мария",
      roles: [],
      passwordHash: hash,
      emailVerifiedAt: new Date(),
      memberships: { create: [{ role: "REGISTRAR", departmentId: service.departmentId }] },
    },
    update: { passwordHash: hash, isActive: true },
  });

  // Drafts left by earlier runs (each run's autosave starts one per client): reruns start alike, and a
  // bench applicant's cabinet holds what a person's would, not a thousand drafts.
  const stale = await db.application.deleteMany({
    where: { status: "DRAFT", owner: { email: { startsWith: "bench-applicant-" } } },
  });
  if (stale.count) log(`removed ${stale.count} drafts left by earlier runs`);

  const loaded = await db.application.count({ where: { registrationNumber: { startsWith: "BL-" } } });
  if (loaded >= N) {
    log(`${loaded.toLocaleString("en-US")} applications already loaded`);
    await settle(url);
    return { serviceId: service.id, departmentId: service.departmentId };
  }
  const t0 = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const owners = Math.ceil(N / 5);
    // Owners of the loaded applications: accounts nobody signs in to (no password).
    await client.query(
      `INSERT INTO "User" (id, email, "lastName", "firstName", roles, profile, "isActive", "sessionVersion", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), 'bench-owner-' || g || '@bench.invalid', ($1::text[])[1 + g % 8], ($2::text[])[1 + (g / 8) % 8],
              ARRAY['APPLICANT']::"Role"[], '{}', true, 0, now(), now()
       FROM generate_series(1, $3::int) g
       ON CONFLICT (email) DO NOTHING`,
      [LAST_NAMES, FIRST_NAMES, owners],
    );
    // Applications as the engine leaves them: open ones spread over the open stages with due dates
    // from a month ago to two months ahead (some overdue), closed ones granted or refused over years.
    await client.query(
      `INSERT INTO "Application" (id, "serviceId", "regulationVersionId", "departmentId", "ownerId", status, channel, data,
              "applicantName", "submittedAt", "contentHash", "registrationNumber", "registeredAt", "currentStage",
              "stageEnteredAt", "stageDueAt", "dueAt", outcome, "closedAt", "rowVersion", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1, $2, $3, u.id,
              CASE WHEN g % 10 < 3 THEN 'SUBMITTED' ELSE 'CLOSED' END::"ApplicationStatus", 'PORTAL', $4::jsonb,
              u."lastName" || ' ' || u."firstName", t, md5(g::text), 'BL-' || lpad(g::text, 8, '0'), t,
              CASE WHEN g % 10 < 3 THEN ($5::text[])[1 + g % array_length($5::text[], 1)]
                   WHEN g % 7 = 0 THEN 'refused' ELSE 'granted' END,
              t, CASE WHEN g % 10 < 3 THEN now() + ((g % 90) - 30) * interval '1 day' END,
              CASE WHEN g % 10 < 3 THEN now() + ((g % 90) - 20) * interval '1 day' END,
              CASE WHEN g % 10 < 3 THEN NULL WHEN g % 7 = 0 THEN 'refused' ELSE 'granted' END,
              CASE WHEN g % 10 < 3 THEN NULL ELSE t + interval '20 days' END,
              5, t, t
       FROM generate_series(1, $6::int) g
       JOIN "User" u ON u.email = 'bench-owner-' || (1 + g % $7::int) || '@bench.invalid'
       CROSS JOIN LATERAL (SELECT now() - (g % 1500) * interval '1 day' - (g % 1440) * interval '1 minute' AS t) tt
       WHERE NOT EXISTS (SELECT 1 FROM "Application" a WHERE a."registrationNumber" = 'BL-' || lpad(g::text, 8, '0'))`,
      [service.id, version.id, service.departmentId, JSON.stringify(ROAD_INFO_VALUES), open, N, owners],
    );
    // Each signed-in applicant has a few submitted applications of their own, for the cabinet.
    for (let i = 0; i < Math.max(CLIENTS, 16); i++)
      await client.query(
        `UPDATE "Application" SET "ownerId" = (SELECT id FROM "User" WHERE email = $1)
         WHERE "registrationNumber" IN (SELECT 'BL-' || lpad((g * 1000 + $2::int)::text, 8, '0') FROM generate_series(1, 5) g)`,
        [APPLICANT(i), i],
      );
  } finally {
    await client.end();
  }
  log(`loaded ${N.toLocaleString("en-US")} applications in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  await settle(url);
  return { serviceId: service.id, departmentId: service.departmentId };
}

/**
 * The tables as autovacuum keeps them in a running installation: statistics fresh and the visibility
 * map set (index-only scans then skip the table), whatever the last run or the bulk load left.
 */
async function settle(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`VACUUM (ANALYZE) "Application", "User"`);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------
// HTTP as the browser does it

class Client {
  cookies = new Map<string, string>();

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(r: Response) {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const r = await fetch(BASE + url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
    });
    this.remember(r);
    return r;
  }

  async signIn(email: string, password: string) {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, json: "true" }).toString(),
    });
    const session = (await (await this.fetch("/api/auth/session")).json()) as { user?: { email?: string } };
    if (session.user?.email !== email) throw new Error(`${email} could not sign in`);
  }

  /** One tRPC call through the batch link's wire format (httpBatchLink with superjson). */
  async trpc<T>(procedure: string, input: unknown, kind: "query" | "mutation"): Promise<{ status: number; data?: T }> {
    const body = { 0: superjson.serialize(input) };
    const r =
      kind === "query"
        ? await this.fetch(`/api/trpc/${procedure}?batch=1&input=${encodeURIComponent(JSON.stringify(body))}`)
        : await this.fetch(`/api/trpc/${procedure}?batch=1`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
          });
    const text = await r.text();
    if (r.status !== 200) return { status: r.status };
    const [first] = JSON.parse(text) as [{ result: { data: { json: unknown; meta?: unknown } } }];
    return { status: 200, data: superjson.deserialize(first.result.data as never) as T };
  }

  async page(url: string): Promise<{ status: number }> {
    const r = await this.fetch(url, { headers: { accept: "text/html" } });
    await r.arrayBuffer();
    return { status: r.status };
  }
}

/**
 * What a first visit downloads before the page works (issue 13 p.6): every script the HTML names,
 * gzip-compressed as a server would send it.
 */
async function pageWeight(c: Client, url: string): Promise<string> {
  const html = await (await c.fetch(url, { headers: { accept: "text/html" } })).text();
  // Not the `noModule` polyfills: a browser that runs modules never downloads them.
  const scripts = [
    ...new Set(
      [...html.matchAll(/<script([^>]+)>/g)]
        .filter((m) => !/\bnomodule\b/i.test(m[1]!))
        .map((m) => /\bsrc="([^"]+)"/.exec(m[1]!)?.[1])
        .filter((src): src is string => !!src),
    ),
  ];
  let raw = 0;
  let gzipped = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await c.fetch(src.startsWith("http") ? new URL(src).pathname : src)).arrayBuffer());
    raw += body.length;
    const size = gzipSync(body, { level: 9 }).length;
    gzipped += size;
    if (process.env.BENCH_WEIGHT_DETAIL) log(`${url} ${src} ${Math.round(size / 1024)} kB gzip`);
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  return `${url.replace(/[0-9a-f-]{36}/, "<id>")}: ${kb(gzipped)} gzip (${kb(raw)}) in ${scripts.length} scripts`;
}

// ---------------------------------------------------------------------------------------------------
// The profile (BENCH_PROFILE=1)

/** The Next server processes (not the build, not PostgreSQL). */
function nextServers(pid: number): number[] {
  return descendants(pid).filter((p) => {
    try {
      // `next start` renames its process «next-server (v16…)».
      return /^next-server|next[\\/]dist[\\/]bin[\\/]next\0start/.test(readFileSync(`/proc/${p}/cmdline`, "utf8"));
    } catch {
      return false;
    }
  });
}

type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
};

/** Where a frame's code comes from. */
function origin(url: string, name: string): string {
  if (!url)
    return name === "(garbage collector)" ? "garbage collection" : name === "(idle)" ? "idle" : "native (V8, libuv)";
  if (url.startsWith("node:")) return `Node (${url.replace(/^node:(internal\/)?/, "").split("/")[0]})`;
  if (/node_modules\/next\/dist\/compiled\/react/.test(url)) return "React (server rendering)";
  if (/node_modules\/next\//.test(url)) return "Next (router, route handlers, compiled libraries)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (/\.next\/server\//.test(url)) return "the app's server bundle (Reglament, tRPC, superjson, zod, next-auth)";
  return "other";
}

/** Self time by origin and the busiest functions, as lines to print. */
function summariseProfiles(dir: string): string[] {
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    profile.samples.forEach((id, i) => {
      const frame = nodes.get(id)!;
      const us = profile.timeDeltas[i] ?? 0;
      const where = origin(frame.url, frame.functionName);
      if (where === "idle") return;
      total += us;
      byOrigin.set(where, (byOrigin.get(where) ?? 0) + us);
      const fn = `${frame.functionName || "(anonymous)"} ${frame.url ? `${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber + 1}` : ""}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    });
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1)} %`;
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return [
    `CPU of the Next server over the measured paths: ${(total / 1e6).toFixed(1)} s busy (idle left out)`,
    ...top(byOrigin, 12).map(([k, v]) => `  ${pct(v).padStart(7)}  ${k}`),
    "Busiest functions (self time):",
    ...top(byFunction, 15).map(([k, v]) => `  ${pct(v).padStart(7)}  ${k}`),
  ];
}

// ---------------------------------------------------------------------------------------------------
// The live board (issue 13 p.4)

/** CPU seconds the server's Next processes have used so far (user + system). */
function nextCpuSeconds(pid: number): number {
  let ticks = 0;
  for (const p of descendants(pid)) {
    try {
      if (!/next/.test(readFileSync(`/proc/${p}/cmdline`, "utf8"))) continue;
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      /* ended */
    }
  }
  return ticks / 100; // USER_HZ
}

/**
 * BENCH_LIVE_BOARDS (50) open boards' event streams: what they cost the server while nothing moves,
 * and how long a change committed in the database takes to reach every one of them.
 */
async function liveBoards(registrars: Client[], pid: number, url: string, departmentId: string): Promise<string[]> {
  const boards = Number(process.env.BENCH_LIVE_BOARDS ?? 50);
  const changes = 10;
  const received: number[][] = Array.from({ length: boards }, () => []);
  const aborts: AbortController[] = [];
  await Promise.all(
    Array.from({ length: boards }, async (_, i) => {
      const abort = new AbortController();
      aborts.push(abort);
      const r = await registrars[i % registrars.length]!.fetch("/api/staff/board/events", {
        headers: { accept: "text/event-stream" },
        signal: abort.signal,
      });
      if (r.status !== 200) throw new Error(`the board's event stream answered ${r.status}`);
      const reader = r.body!.pipeThrough(new TextDecoderStream()).getReader();
      const first = await reader.read();
      if (!first.value?.includes("event: ready")) throw new Error("the board's event stream did not say ready");
      void (async () => {
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          if (value?.includes("event: change")) received[i]!.push(performance.now());
        }
      })();
    }),
  );
  const idleSeconds = Math.max(SECONDS, 10);
  const cpuBefore = nextCpuSeconds(pid);
  await new Promise((r) => setTimeout(r, idleSeconds * 1000));
  const idleCpu = nextCpuSeconds(pid) - cpuBefore;

  // A change as a move commits it, one every two seconds (more than the streams' one-second gap).
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ id: string }>(
    `SELECT id FROM "Application" WHERE "departmentId" = $1 AND status = 'SUBMITTED' LIMIT 1`,
    [departmentId],
  );
  const delays: number[] = [];
  for (let k = 0; k < changes; k++) {
    const before = received.map((r) => r.length);
    const at = performance.now();
    await c.query(`UPDATE "Application" SET "rowVersion" = "rowVersion" + 1 WHERE id = $1`, [rows[0]!.id]);
    const deadline = Date.now() + 10_000;
    while (received.some((r, i) => r.length === before[i]) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < boards; i++) if (received[i]!.length > before[i]!) delays.push(received[i]![before[i]!]! - at);
    await new Promise((r) => setTimeout(r, 2_000));
  }
  await c.end();
  for (const a of aborts) a.abort();
  delays.sort((a, b) => a - b);
  const missed = boards * changes - delays.length;
  return [
    `${boards} open boards, nothing moving: Next used ${((idleCpu / idleSeconds) * 100).toFixed(1)} % of a core over ${idleSeconds} s (polling every 10 s they would ask for ${(boards / 10).toFixed(0)} boards a second)`,
    `a change committed in the database reached all ${boards} boards in p50 ${q(delays, 0.5).toFixed(0)} ms, p95 ${q(delays, 0.95).toFixed(0)} ms, max ${delays.at(-1)?.toFixed(0)} ms (${changes} changes; the stream holds events back 200 ms to fold a burst)${missed ? `; ${missed} deliveries missed` : ""}`,
  ];
}

// ---------------------------------------------------------------------------------------------------
// Measuring

type Result = {
  name: string;
  clients: number;
  ops: number;
  seconds: number;
  errors: Map<number | string, number>;
  times: number[];
};

/** Runs `op` in `clients` loops: WARMUP seconds unmeasured, then SECONDS measured. */
async function measure<S>(
  name: string,
  clients: number,
  setup: (i: number) => Promise<S>,
  op: (state: S) => Promise<number | string>,
): Promise<Result> {
  const states = await Promise.all(Array.from({ length: clients }, (_, i) => setup(i)));
  const times: number[] = [];
  const errors = new Map<number | string, number>();
  let measuring = false;
  let stop = false;
  let ops = 0;
  const loops = states.map(async (state) => {
    while (!stop) {
      const t0 = performance.now();
      let status: number | string;
      try {
        status = await op(state);
      } catch (e) {
        status = (e as Error).message.slice(0, 60);
      }
      if (!measuring) continue;
      if (status === 200) {
        times.push(performance.now() - t0);
        ops++;
      } else errors.set(status, (errors.get(status) ?? 0) + 1);
    }
  });
  await new Promise((r) => setTimeout(r, WARMUP * 1000));
  measuring = true;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  measuring = false;
  const seconds = (performance.now() - t0) / 1000;
  stop = true;
  await Promise.all(loops);
  return { name, clients, ops, seconds, errors, times: times.sort((a, b) => a - b) };
}

/** The same statements straight to PostgreSQL: `clients` connections, each in a loop. */
async function measureDb(
  name: string,
  url: string,
  clients: number,
  statement: (c: pg.Client, i: number) => Promise<unknown>,
): Promise<Result> {
  const conns = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  try {
    let n = 0;
    return await measure(
      name,
      clients,
      async (i) => conns[i]!,
      async (c) => {
        await statement(c, n++);
        return 200;
      },
    );
  } finally {
    await Promise.all(conns.map((c) => c.end()));
  }
}

const q = (times: number[], p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN;
const rate = (r: Result) => r.ops / r.seconds;

function row(r: Result, db?: Result) {
  const errors = [...r.errors].map(([k, v]) => `${v}× ${k}`).join(", ");
  const cells = [
    r.name.padEnd(36),
    String(r.clients).padStart(3),
    rate(r).toFixed(0).padStart(7) + "/s",
    q(r.times, 0.5).toFixed(1).padStart(8),
    q(r.times, 0.95).toFixed(1).padStart(8),
    q(r.times, 0.99).toFixed(1).padStart(8),
    (db ? `${rate(db).toFixed(0)}/s (${((100 * rate(r)) / rate(db)).toFixed(1)}%)` : "").padStart(18),
  ];
  console.log(`| ${cells.join(" | ")} |${errors ? `  errors: ${errors}` : ""}`);
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  const password = randomBytes(18).toString("base64url");
  const { child } = await startServer();
  let database: Awaited<ReturnType<typeof prepareDatabase>> | undefined;
  try {
    database = await prepareDatabase({
      dataDir: DATA_DIR,
      databaseUrl: process.env.DATABASE_URL,
      reuseRunning: true,
      quiet: true,
    });
    const db = createPrismaClient(database.url, { max: 2 });
    const { serviceId, departmentId } = await loadData(db, database.url, password);
    await db.$disconnect();
    const url = database.url;
    const want = (name: string) => !ONLY || ONLY.some((o) => name.includes(o));

    const applicants = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const c = new Client();
        await c.signIn(APPLICANT(i), password);
        return c;
      }),
    );
    // One clerk's sessions, signed in one after another: sign-ins of one account in flight together
    // count against its throttle (server/throttle/policy.ts), as a password-guessing burst would.
    const registrars: Client[] = [];
    for (let i = 0; i < BOARD_CLIENTS; i++) {
      const c = new Client();
      await c.signIn(REGISTRAR, password);
      registrars.push(c);
    }
    const anonymous = Array.from({ length: CLIENTS }, () => new Client());
    const results: [Result, Result?][] = [];
    const memory: string[] = [];
    const note = (label: string) => {
      const m = serverMemory(child.pid!);
      memory.push(`${label}: Next ${m.next} MB, PostgreSQL ${m.postgres} MB`);
    };
    note("after start");
    const profiled = PROFILE_DIR ? nextServers(child.pid!) : [];
    if (PROFILE_DIR) {
      rmSync(PROFILE_DIR, { recursive: true, force: true });
      mkdirSync(PROFILE_DIR, { recursive: true });
      for (const p of profiled) process.kill(p, "SIGUSR2");
    }
    const weights: string[] = [];
    if (want("weight")) {
      weights.push(await pageWeight(anonymous[0]!, "/"));
      weights.push(await pageWeight(anonymous[0]!, `/services/${SERVICE}`));
      const draft = await applicants[0]!.trpc<{ id: string }>(
        "application.startDraft",
        { serviceCode: SERVICE },
        "mutation",
      );
      weights.push(await pageWeight(applicants[0]!, `/applications/${draft.data!.id}`));
      weights.push(await pageWeight(registrars[0]!, "/staff"));
    }

    if (want("health"))
      results.push([
        await measure(
          "/api/health (one query)",
          CLIENTS,
          async (i) => anonymous[i]!,
          (c) => c.page("/api/health").then((r) => r.status),
        ),
      ]);

    if (want("catalogue")) {
      const app = await measure(
        "catalogue list (tRPC)",
        CLIENTS,
        async (i) => anonymous[i]!,
        (c) => c.trpc("catalogue.list", undefined, "query").then((r) => r.status),
      );
      // PostgreSQL alone: the services, then the edition in force of each (what listServices asks; its
      // document comes from the process's cache of parsed editions, not the database).
      const dbr = await measureDb("", url, CLIENTS, async (c) => {
        const services = await c.query<{ id: string }>(
          `SELECT s.id, s.code, s.title, d.name FROM "Service" s JOIN "Department" d ON d.id = s."departmentId"
           WHERE s."isActive" ORDER BY s.title`,
        );
        await Promise.all(
          services.rows.map((s) =>
            c.query(
              `SELECT id, version, "effectiveFrom", checksum FROM "RegulationVersion"
               WHERE "serviceId" = $1 AND status = 'PUBLISHED' AND ("effectiveFrom" IS NULL OR "effectiveFrom" <= now())
               ORDER BY "effectiveFrom" DESC NULLS LAST, version DESC LIMIT 1`,
              [s.id],
            ),
          ),
        );
      });
      results.push([app, dbr]);
    }

    if (want("service page"))
      results.push([
        await measure(
          "public service page (SSR)",
          CLIENTS,
          async (i) => anonymous[i]!,
          (c) => c.page(`/services/${SERVICE}`).then((r) => r.status),
        ),
      ]);

    if (want("autosave")) {
      const app = await measure(
        "autosave a draft",
        CLIENTS,
        async (i) => {
          const c = applicants[i]!;
          const d = await c.trpc<{ id: string }>("application.startDraft", { serviceCode: SERVICE }, "mutation");
          const g = await c.trpc<{ rowVersion: number }>("application.getDraft", { id: d.data!.id }, "query");
          return { c, id: d.data!.id, rowVersion: g.data!.rowVersion, n: 0 };
        },
        async (s) => {
          const r = await s.c.trpc<{ rowVersion: number }>(
            "application.saveDraft",
            {
              id: s.id,
              values: { ...ROAD_INFO_VALUES, road_name: `ул. Комсомольская, д. ${++s.n}` },
              currentStep: "request",
              expectedRowVersion: s.rowVersion,
            },
            "mutation",
          );
          if (r.data) s.rowVersion = r.data.rowVersion;
          return r.status;
        },
      );
      // PostgreSQL alone: the guarded UPDATE of a draft's values, one draft per connection.
      const drafts = await (async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        const ids = await c.query<{ id: string }>(
          `SELECT id FROM "Application" WHERE status = 'DRAFT' AND "serviceId" = $1 ORDER BY "createdAt" DESC LIMIT $2`,
          [serviceId, CLIENTS],
        );
        await c.end();
        return ids.rows.map((r) => r.id);
      })();
      const dbr = await measureDb("", url, CLIENTS, (c, n) =>
        c.query(
          `UPDATE "Application" SET data = $1::jsonb, "currentStep" = 'request', "rowVersion" = "rowVersion" + 1, "updatedAt" = now()
           WHERE id = $2 AND status = 'DRAFT' RETURNING "rowVersion"`,
          [JSON.stringify({ ...ROAD_INFO_VALUES, road_name: `ул. Комсомольская, д. ${n}` }), drafts[n % drafts.length]],
        ),
      );
      results.push([app, dbr]);
    }

    if (want("submit")) {
      // Complete drafts made ahead (not measured): one through the API per client, cloned in SQL.
      const perClient = Number(process.env.BENCH_SUBMIT_DRAFTS ?? 400);
      const queues = await Promise.all(
        applicants.map(async (c) => {
          const d = await c.trpc<{ id: string }>("application.startDraft", { serviceCode: SERVICE }, "mutation");
          const saved = await c.trpc<{ rowVersion: number }>(
            "application.saveDraft",
            { id: d.data!.id, values: ROAD_INFO_VALUES, currentStep: "delivery", expectedRowVersion: 0 },
            "mutation",
          );
          const pc = new pg.Client({ connectionString: url });
          await pc.connect();
          const clones = await pc.query<{ id: string }>(
            `INSERT INTO "Application" (id, "serviceId", "regulationVersionId", "variantCode", "departmentId", "ownerId", status, channel, data, "currentStep", "rowVersion", "createdAt", "updatedAt")
             SELECT gen_random_uuid(), "serviceId", "regulationVersionId", "variantCode", "departmentId", "ownerId", status, channel, data, "currentStep", "rowVersion", now(), now()
             FROM "Application", generate_series(2, $2::int) WHERE id = $1 RETURNING id`,
            [d.data!.id, perClient],
          );
          await pc.end();
          return { c, drafts: [d.data!.id, ...clones.rows.map((r) => r.id)], rowVersion: saved.data!.rowVersion };
        }),
      );
      results.push([
        await measure(
          "submit a complete draft",
          CLIENTS,
          async (i) => queues[i]!,
          async (s) => {
            const id = s.drafts.pop();
            if (!id) {
              await new Promise((r) => setTimeout(r, 50));
              return "drafts used up (raise BENCH_SUBMIT_DRAFTS)";
            }
            const r = await s.c.trpc(
              "application.submit",
              { id, submissionKey: randomUUID(), expectedRowVersion: s.rowVersion },
              "mutation",
            );
            return r.status;
          },
        ),
      ]);
      // The drafts not submitted go, so that the next runs' cabinets hold what a person's would.
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DELETE FROM "Application" WHERE id = ANY($1::uuid[]) AND status = 'DRAFT'`, [
        queues.flatMap((q) => q.drafts),
      ]);
      await cleanup.end();
    }

    type Board = { columns: { key: string; nextCursor: string | null; cards: { id: string }[] }[] };
    const first = await registrars[0]!.trpc<Board>("staff.board", { filters: {}, perColumn: 20 }, "query");
    const column = first.data!.columns.find((c) => c.nextCursor)!;
    const openIds = first.data!.columns.flatMap((c) => c.cards.map((card) => card.id));

    if (want("board")) {
      const app = await measure(
        "registrar's board",
        BOARD_CLIENTS,
        async (i) => registrars[i]!,
        (c) => c.trpc("staff.board", { filters: {}, perColumn: 20 }, "query").then((r) => r.status),
      );
      // PostgreSQL alone: what the board asks per column (a page in due order and the column's count).
      const stages = first.data!.columns.map((c) => c.key);
      const dbr = await measureDb("", url, BOARD_CLIENTS, async (c) => {
        for (const stage of stages) {
          await c.query(
            `SELECT id, "registrationNumber", "registeredAt", status, "currentStage", "stageDueAt", "applicantName", "assigneeId", "regulationVersionId"
             FROM "Application" WHERE "departmentId" = ANY($1::uuid[]) AND status IN ('SUBMITTED', 'CLOSED') AND "currentStage" = $2
             ORDER BY "stageDueAt" ASC NULLS LAST, "closedAt" DESC NULLS FIRST, id LIMIT 21`,
            [[departmentId], stage],
          );
          await c.query(
            `SELECT count(*) FROM (SELECT id FROM "Application" WHERE "departmentId" = ANY($1::uuid[]) AND status IN ('SUBMITTED', 'CLOSED') AND "currentStage" = $2
             ORDER BY "stageDueAt" ASC NULLS LAST, "closedAt" DESC NULLS FIRST, id LIMIT 10001) s`,
            [[departmentId], stage],
          );
        }
      });
      results.push([app, dbr]);
    }
    if (want("column"))
      results.push([
        await measure(
          "next page of a column",
          BOARD_CLIENTS,
          async (i) => registrars[i]!,
          (c) =>
            c
              .trpc("staff.column", { filters: {}, stage: column.key, cursor: column.nextCursor, limit: 20 }, "query")
              .then((r) => r.status),
        ),
      ]);
    if (want("card")) {
      let n = 0;
      results.push([
        await measure(
          "a card",
          BOARD_CLIENTS,
          async (i) => registrars[i]!,
          (c) => c.trpc("staff.card", { id: openIds[n++ % openIds.length] }, "query").then((r) => r.status),
        ),
      ]);
    }
    if (want("search"))
      results.push([
        await measure(
          "search «Кузнецова Галина»",
          BOARD_CLIENTS,
          async (i) => registrars[i]!,
          (c) =>
            c.trpc("staff.board", { filters: { q: "Кузнецова Галина" }, perColumn: 20 }, "query").then((r) => r.status),
        ),
      ]);
    if (want("cabinet"))
      results.push([
        await measure(
          "the cabinet (SSR)",
          CLIENTS,
          async (i) => applicants[i]!,
          (c) => c.page("/cabinet").then((r) => r.status),
        ),
      ]);
    let profile: string[] = [];
    if (PROFILE_DIR) {
      for (const p of profiled) process.kill(p, "SIGUSR2");
      await new Promise((r) => setTimeout(r, 3_000)); // written when the profiler stops
      profile = summariseProfiles(PROFILE_DIR);
    }
    const live: string[] = [];
    if (want("live")) live.push(...(await liveBoards(registrars, child.pid!, url, departmentId)));
    note("after the run");

    console.log(
      `\nReglament bench:load · ${N.toLocaleString("en-US")} applications (${Math.round(N * 0.3).toLocaleString("en-US")} open) · ` +
        `${database.embedded ? "embedded PostgreSQL" : "DATABASE_URL"} · node ${process.version} · ${SECONDS} s per path\n`,
    );
    console.log(
      `| ${"path".padEnd(36)} | ${"cl".padStart(3)} | ${"app".padStart(9)} | ${"p50 ms".padStart(8)} | ${"p95 ms".padStart(8)} | ${"p99 ms".padStart(8)} | ${"PostgreSQL alone".padStart(18)} |`,
    );
    console.log(`|${"-".repeat(38)}|-----|-----------|----------|----------|----------|--------------------|`);
    for (const [r, d] of results) row(r, d);
    console.log(`\nMemory (resident): ${memory.join("; ")}`);
    if (weights.length) console.log(`Page weight (JavaScript of a first visit): ${weights.join("; ")}`);
    if (live.length) console.log(`Live board: ${live.join("; ")}`);
    if (profile.length) console.log(`\n${profile.join("\n")}`);
  } finally {
    await database?.stop().catch(() => undefined);
    await stopServer(child);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
