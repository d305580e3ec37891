// Benchmarks of the regulation engine (rerun with `npm run bench`):
//  1. due-date arithmetic per second (working days, calendar days, working minutes, counting),
//     against a naive day-by-day loop for comparison;
//  2. stage transitions per second through the state machine, each one a database transaction with
//     its optimistic-concurrency guard and events, against the embedded PostgreSQL (or DATABASE_URL);
//  3. the staff board over a department with many applications (BENCH_BOARD_OPEN open ones in one
//     stage, BENCH_BOARD_CLOSED closed ones): the first board, the next page of a column, a search.
// Prints a table and the process memory. Timing lives here, never in tests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareDatabase } from "../server/db/prepare";
import { createPrismaClient } from "../server/db/client";
import { DEMO_SIGNING_PIN, seedDemo } from "../prisma/seed/demo";
import { loadWorkingCalendar } from "../server/calendar/data";
import { loadIdentity } from "../server/auth/data";
import { staffScope } from "../server/auth/scope";
import { versionInForce } from "../server/regulation/data";
import { moveApplication, registerApplication } from "../server/workflow/mutations";
import { LocalFileStorage } from "../server/storage/storage";
import type { Actor } from "../server/workflow/machine";
import type { WorkingCalendar } from "../server/calendar/working-calendar";
import { board, boardColumnPage, type BoardFilters } from "../server/workflow/board/data";
import type { Db } from "../server/db/client";

const APPS = Number(process.env.BENCH_APPS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ARITH_OPS = Number(process.env.BENCH_OPS ?? 200_000);
const BOARD_OPEN = Number(process.env.BENCH_BOARD_OPEN ?? 20_000);
const BOARD_CLOSED = Number(process.env.BENCH_BOARD_CLOSED ?? 50_000);

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString("en-US");

function randomInstants(n: number): Date[] {
  const from = Date.UTC(2025, 0, 1);
  const span = Date.UTC(2027, 11, 1) - from;
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, () => new Date(from + Math.floor(rnd() * span)));
}

/** The loop the fast path replaces: step one day at a time. */
function naiveAddWorkingDays(calendar: WorkingCalendar, from: Date, n: number): string {
  let d = calendar.takeInDate(from);
  for (let left = n; left > 0;) {
    d = calendar.localDate(new Date(calendar.startOfLocalDay(d).getTime() + 36 * 3600_000));
    if (calendar.isWorkingDay(d)) left--;
  }
  return d;
}

function benchArithmetic(calendar: WorkingCalendar) {
  const instants = randomInstants(ARITH_OPS);
  const cases: [string, (t: Date, i: number) => unknown][] = [
    ["addWorkingDays(t, 1..60)", (t, i) => calendar.addWorkingDays(t, 1 + (i % 60))],
    ["addCalendarDays(t, 1..60)", (t, i) => calendar.addCalendarDays(t, 1 + (i % 60))],
    ["addWorkingMinutes(t, 1..5000)", (t, i) => calendar.addWorkingMinutes(t, 1 + (i % 5000))],
    [
      "countWorkingDays(t, t+0..90d)",
      (t, i) => calendar.countWorkingDays(t, new Date(t.getTime() + (i % 90) * 86_400_000)),
    ],
  ];
  const rows: [string, string][] = [];
  for (const [name, fn] of cases) {
    for (let i = 0; i < 2000; i++) fn(instants[i]!, i); // warm-up
    const t0 = performance.now();
    for (let i = 0; i < instants.length; i++) fn(instants[i]!, i);
    rows.push([name, rate(instants.length, performance.now() - t0)]);
  }
  const naiveN = Math.min(20_000, instants.length);
  const t0 = performance.now();
  for (let i = 0; i < naiveN; i++) naiveAddWorkingDays(calendar, instants[i]!, 1 + (i % 60));
  rows.push(["naive day-by-day addWorkingDays (reference)", rate(naiveN, performance.now() - t0)]);
  return rows;
}

/** Median and 95th percentile of `runs` timed calls, in milliseconds. */
async function latency(runs: number, fn: (i: number) => Promise<unknown>): Promise<string> {
  await fn(0);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return `${at(0.5).toFixed(1).padStart(7)} ms median, ${at(0.95).toFixed(1).padStart(7)} ms p95`;
}

async function benchBoard(
  db: Db,
  calendar: WorkingCalendar,
  ids: { serviceId: string; versionId: string; departmentId: string; ownerId: string; executorId: string },
) {
  // Bulk rows as the engine leaves them: open ones in review with due dates spread over two months
  // (some overdue), closed ones granted over the past years.
  const base = Date.UTC(2026, 9, 1);
  const rows = (n: number, open: boolean, offset: number) =>
    Array.from({ length: n }, (_, i) => ({
      serviceId: ids.serviceId,
      regulationVersionId: ids.versionId,
      departmentId: ids.departmentId,
      ownerId: ids.ownerId,
      status: open ? ("SUBMITTED" as const) : ("CLOSED" as const),
      registrationNumber: `BENCH-${open ? "O" : "C"}-${String(offset + i).padStart(7, "0")}`,
      registeredAt: new Date(base - (offset + i) * 60_000),
      currentStage: open ? "review" : "granted",
      assigneeId: ids.executorId,
      stageDueAt: open ? new Date(base + ((offset + i) % 60) * 86_400_000) : null,
      outcome: open ? null : "granted",
      rowVersion: 6,
      data: { applicant_type: "individual" },
    }));
  const t0 = performance.now();
  for (let i = 0; i < BOARD_OPEN; i += 2000)
    await db.application.createMany({ data: rows(Math.min(2000, BOARD_OPEN - i), true, i) });
  for (let i = 0; i < BOARD_CLOSED; i += 2000)
    await db.application.createMany({ data: rows(Math.min(2000, BOARD_CLOSED - i), false, i) });
  await db.$executeRawUnsafe('ANALYZE "Application"');
  const tLoad = performance.now() - t0;
  const registrar = await db.user.findUniqueOrThrow({ where: { email: "registrar@demo.reglament.ru" } });
  const identity = (await loadIdentity(db, registrar.id))!;
  const scope = await staffScope(db, identity);
  const ctx = { now: new Date(base + 20 * 86_400_000), calendar, dueSoonWorkingDays: 2 };
  const road: BoardFilters = { serviceCode: "road-info" };
  // The cursors of the first 30 pages of the review column, for "next page" requests deep in it.
  const cursors: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 30; i++) {
    const page = await boardColumnPage(db, scope, { filters: road, stage: "review", cursor, limit: 20 }, ctx);
    cursor = page.nextCursor ?? undefined;
    if (!cursor) break;
    cursors.push(cursor);
  }
  console.log(
    `\nStaff board (${BOARD_OPEN.toLocaleString("en-US")} open applications in one stage, ${BOARD_CLOSED.toLocaleString("en-US")} closed; loaded in ${(tLoad / 1000).toFixed(1)} s):`,
  );
  const line = (name: string, value: string) => console.log(`  ${name.padEnd(46)} ${value}`);
  line(
    "board of one service (all columns, 20 each)",
    await latency(30, () => board(db, scope, { filters: road, perColumn: 20 }, ctx)),
  );
  line(
    "board of every service in scope",
    await latency(30, () => board(db, scope, { filters: {}, perColumn: 20 }, ctx)),
  );
  line(
    "next page of the big column (pages 2-30)",
    await latency(29, (i) =>
      boardColumnPage(
        db,
        scope,
        { filters: road, stage: "review", cursor: cursors[i % cursors.length], limit: 20 },
        ctx,
      ),
    ),
  );
  line(
    "overdue filter",
    await latency(30, () => board(db, scope, { filters: { ...road, deadline: "overdue" }, perColumn: 20 }, ctx)),
  );
  line(
    "search by registration number",
    await latency(30, (i) =>
      board(db, scope, { filters: { ...road, q: `BENCH-O-00${String(100 + i)}` }, perColumn: 20 }, ctx),
    ),
  );
  line(
    "search by applicant's last name",
    await latency(30, () => board(db, scope, { filters: { ...road, q: "Иванов" }, perColumn: 20 }, ctx)),
  );
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "reglament-bench-"));
  const database = await prepareDatabase({
    dataDir: dir,
    databaseUrl: process.env.DATABASE_URL,
    database: process.env.DATABASE_URL ? undefined : "bench",
    quiet: true,
  });
  const db = createPrismaClient(database.url, { max: CONCURRENCY + 2 });
  try {
    await seedDemo(db);
    const calendar = await loadWorkingCalendar(db);
    const storage = new LocalFileStorage(path.join(dir, "files"));
    console.log(
      `Reglament benchmark · node ${process.version} · ${database.embedded ? "embedded PostgreSQL" : "DATABASE_URL"}\n`,
    );
    console.log("Due-date arithmetic (operations per second, one core):");
    for (const [name, ops] of benchArithmetic(calendar)) console.log(`  ${name.padEnd(46)} ${ops.padStart(12)}`);

    const service = await db.service.findUniqueOrThrow({ where: { code: "road-info" } });
    const version = (await versionInForce(db, service.id))!;
    const owner = await db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } });
    const actor = async (email: string): Promise<Actor> => {
      const u = await db.user.findUniqueOrThrow({ where: { email } });
      const identity = (await loadIdentity(db, u.id))!;
      return staffScope(db, identity);
    };
    const [registrar, executor, signer] = await Promise.all([
      actor("registrar@demo.reglament.ru"),
      actor("executor@demo.reglament.ru"),
      actor("signer@demo.reglament.ru"),
    ]);
    // The granted path of S1: registration → review → signing → result registration → issue → granted.
    const path_: [
      Actor,
      { transition: string; executorId?: string; resultType?: string; comment?: string; signing?: { pin: string } },
    ][] = [
      [registrar, { transition: "pass_to_review", executorId: executor.userId }],
      [
        executor,
        {
          transition: "prepare_information",
          resultType: version.document.resultTypes.find((r) => r.kind === "positive")!.code,
          comment: "Участок дороги открыт для движения.",
        },
      ],
      [signer, { transition: "sign_result", signing: { pin: DEMO_SIGNING_PIN } }],
      [registrar, { transition: "register_result" }],
      [registrar, { transition: "issue_result" }],
    ];

    const ids: string[] = [];
    const t0 = performance.now();
    for (let i = 0; i < APPS; i++) {
      const app = await db.application.create({
        data: {
          serviceId: service.id,
          regulationVersionId: version.id,
          departmentId: service.departmentId,
          ownerId: owner.id,
        },
      });
      ids.push(app.id);
    }
    const tCreate = performance.now() - t0;
    let next = 0;
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < ids.length)
          await registerApplication(db, { applicationId: ids[next++]!, actorId: registrar.userId, calendar });
      }),
    );
    const tRegister = performance.now() - t1;
    next = 0;
    const t2 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < ids.length) {
          const id = ids[next++]!;
          let rowVersion = 1;
          for (const [who, { signing, ...request }] of path_)
            rowVersion = (
              await moveApplication(db, {
                applicationId: id,
                expectedRowVersion: rowVersion,
                actor: who,
                request,
                signing,
                calendar,
                storage,
              })
            ).rowVersion;
        }
      }),
    );
    const tMove = performance.now() - t2;
    const moves = ids.length * path_.length;
    const events = await db.applicationEvent.count();
    console.log(`\nDatabase (${APPS} applications of S1, ${CONCURRENCY} concurrent workers):`);
    console.log(`  ${"create drafts".padEnd(46)} ${rate(APPS, tCreate).padStart(12)} /s`);
    console.log(`  ${"registrations (number, deadlines, event)".padEnd(46)} ${rate(APPS, tRegister).padStart(12)} /s`);
    console.log(
      `  ${"stage transitions (tx + guard + events + PDF)".padEnd(46)} ${rate(moves, tMove).padStart(12)} /s   (${moves} moves, ${events} events written)`,
    );
    await benchBoard(db, calendar, {
      serviceId: service.id,
      versionId: version.id,
      departmentId: service.departmentId,
      ownerId: owner.id,
      executorId: executor.userId,
    });

    const mem = process.memoryUsage();
    console.log(`\nMemory: rss ${mb(mem.rss)}, heap used ${mb(mem.heapUsed)}`);
  } finally {
    await db.$disconnect();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
