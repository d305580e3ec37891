// The throughput cost of the event log's hash chain (issue 9 item 7): `npm run bench:chain`.
// Paper submissions (acceptance: two events each) and moves (S2's register → assign executor → no
// grounds found: three transactions, four events) with BENCH_CONCURRENCY writers at once, in rounds
// with the chaining trigger on and switched off (as the owner), alternately so that neither gets the
// warmer cache. Prints operations per second per round and the medians. Timing lives here, never in tests.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { prepareDatabase } from "../server/db/prepare";
import { createPrismaClient, type Db } from "../server/db/client";
import { seedDemo } from "../prisma/seed/demo";
import { loadWorkingCalendar } from "../server/calendar/data";
import { loadIdentity } from "../server/auth/data";
import { staffScope, type StaffScope } from "../server/auth/scope";
import { registerPaperApplication } from "../server/intake/mutations";
import { moveApplication } from "../server/workflow/mutations";
import { verifyAuditTrail } from "../server/audit/data";
import { PAPER_ARCHIVE_REQUEST } from "../server/test/fixtures";
import type { WorkingCalendar } from "../server/calendar/working-calendar";

const APPS = Number(process.env.BENCH_APPS ?? 120);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function pool<T>(items: T[], work: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "reglament-bench-chain-"));
  const database = await prepareDatabase({ dataDir: dir, database: "bench_chain", quiet: true });
  const db: Db = createPrismaClient(database.url, { max: CONCURRENCY + 2 });
  const owner = new pg.Client({ connectionString: database.url });
  await owner.connect();
  try {
    await seedDemo(db);
    const calendar: WorkingCalendar = await loadWorkingCalendar(db);
    const scope = async (email: string): Promise<StaffScope> => {
      const u = await db.user.findUniqueOrThrow({ where: { email } });
      return staffScope(db, (await loadIdentity(db, u.id))!);
    };
    const [registrar, head, executor] = (await Promise.all(
      ["registrar", "head", "executor"].map((w) => scope(`${w}@demo.reglament.ru`)),
    )) as [StaffScope, StaffScope, StaffScope];

    const round = async () => {
      const ids: string[] = [];
      const t0 = performance.now();
      await pool(
        Array.from({ length: APPS }, (_, i) => i),
        async (i) => {
          const reg = await registerPaperApplication(db, registrar, {
            serviceCode: "archive-info",
            values: PAPER_ARCHIVE_REQUEST,
            channel: "IN_PERSON",
            receivedAt: new Date(),
            applicant: { lastName: "Нагрузкин", firstName: `Тест${i}` },
            calendar,
            submissionKey: randomUUID(),
          });
          ids.push(reg.id);
        },
      );
      const submitMs = performance.now() - t0;
      const t1 = performance.now();
      await pool(ids, async (id) => {
        let rv = (await db.application.findUniqueOrThrow({ where: { id }, select: { rowVersion: true } })).rowVersion;
        for (const [actor, request] of [
          [registrar, { transition: "register" }],
          [head, { transition: "assign_executor", executorId: executor.userId }],
          [executor, { transition: "no_grounds_found" }],
        ] as const)
          rv = (await moveApplication(db, { applicationId: id, expectedRowVersion: rv, actor, request, calendar }))
            .rowVersion;
      });
      const moveMs = performance.now() - t1;
      return { submissions: (APPS / submitMs) * 1000, moves: ((APPS * 3) / moveMs) * 1000 };
    };

    const chain = async (on: boolean) =>
      owner.query(`ALTER TABLE "ApplicationEvent" ${on ? "ENABLE" : "DISABLE"} TRIGGER "ApplicationEvent_chain"`);
    await round(); // warm-up, not counted
    const results: Record<"on" | "off", { submissions: number; moves: number }[]> = { on: [], off: [] };
    for (let r = 0; r < ROUNDS; r++)
      for (const mode of r % 2 ? (["on", "off"] as const) : (["off", "on"] as const)) {
        await chain(mode === "on");
        const result = await round();
        results[mode].push(result);
        console.log(
          `round ${r + 1} chain ${mode.padEnd(3)} submissions/s ${result.submissions.toFixed(1).padStart(7)}   moves/s ${result.moves.toFixed(1).padStart(7)}`,
        );
      }
    await chain(true);
    const on = { s: median(results.on.map((x) => x.submissions)), m: median(results.on.map((x) => x.moves)) };
    const off = { s: median(results.off.map((x) => x.submissions)), m: median(results.off.map((x) => x.moves)) };
    const cost = (a: number, b: number) => `${(((b - a) / b) * 100).toFixed(1)} %`;
    console.log(
      `\n${APPS} applications per round, ${CONCURRENCY} writers, ${ROUNDS} rounds each, embedded PostgreSQL, node ${process.version}`,
    );
    console.log(
      `median submissions/s: chain on ${on.s.toFixed(1)}, off ${off.s.toFixed(1)} (cost ${cost(on.s, off.s)})`,
    );
    console.log(
      `median moves/s:       chain on ${on.m.toFixed(1)}, off ${off.m.toFixed(1)} (cost ${cost(on.m, off.m)})`,
    );
    // The chained part of the log still verifies (rounds without the trigger wrote unchained rows, so
    // only a count is printed here, not a verdict).
    const report = await verifyAuditTrail(db);
    console.log(`events written: ${report.events}`);
  } finally {
    await owner.end();
    await db.$disconnect();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
