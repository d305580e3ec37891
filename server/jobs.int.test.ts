// R4 with real processes: two job workers (scripts/jobs.ts, the same startBackgroundJobs every web
// instance runs from instrumentation.ts) share one database. Each deadline-monitor run that pg-boss
// schedules reaches exactly one of them, and a stage deadline in the past causes exactly one
// escalation notice to the head of the department however many runs there are.
import { spawn, type ChildProcess } from "node:child_process";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWorkingCalendar } from "./calendar/data";
import { createTestDatabase, type TestDatabase } from "./test/db";
import { registeredApplication } from "./test/factories";
import { JOBS } from "./jobs";

type Worker = { child: ChildProcess; output: string[]; exited: Promise<number | null> };

function startWorker(url: string): Promise<Worker> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/jobs.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: url, SMTP_URL: "", JOBS_POLL_SECONDS: "0.5" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(...chunk.toString().split("\n").filter(Boolean));
      if (output.some((line) => line.includes("ready"))) resolve({ child, output, exited });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => output.push(...chunk.toString().split("\n").filter(Boolean)));
    void exited.then((code) =>
      reject(new Error(`worker exited with ${code} before it was ready:\n${output.join("\n")}`)),
    );
  });
}

const escalations = (workers: Worker[]) =>
  workers
    .flatMap((w) => w.output)
    .map((line) => /deadlines checked: \d+ warnings, (\d+) escalations/.exec(line))
    .filter((m) => m !== null);

let t: TestDatabase;
let appId: string;
let workers: Worker[] = [];

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  const calendar = await loadWorkingCalendar(t.db);
  // Received long ago and never moved: its registration stage is overdue.
  appId = (
    await registeredApplication(t.db, {
      serviceCode: "road-info",
      calendar,
      receivedAt: new Date(Date.now() - 60 * 86_400_000),
    })
  ).id;
});

afterAll(async () => {
  for (const w of workers) w.child.kill("SIGTERM");
  await Promise.all(workers.map((w) => w.exited));
  await t?.drop();
});

describe("deadline monitoring in two worker processes (R4)", () => {
  it("runs each job once and escalates the breach to the head exactly once", { timeout: 120_000 }, async () => {
    workers = await Promise.all([startWorker(t.url), startWorker(t.url)]);

    // As if the schedule had fired several times (each instance registers the same schedule).
    const boss = new PgBoss({ connectionString: t.url, schema: "pgboss", max: 2 });
    await boss.start();
    const ids = (await Promise.all([1, 2, 3, 4].map(() => boss.send(JOBS.monitorDeadlines.name, {})))).filter(
      (id) => id !== null,
    );
    expect(ids).toHaveLength(4);
    await expect
      .poll(
        async () =>
          (await Promise.all(ids.map((id) => boss.getJobById(JOBS.monitorDeadlines.name, id)))).map((j) => j?.state),
        { timeout: 60_000, interval: 250 },
      )
      .toEqual(["completed", "completed", "completed", "completed"]);
    await boss.stop({ graceful: true, wait: true });

    // Every run printed its result; the runs of the schedule itself may add to the four.
    const runs = escalations(workers);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(runs.reduce((n, m) => n + Number(m[1]), 0)).toBe(1);

    const head = await t.db.user.findUniqueOrThrow({ where: { email: "head@demo.reglament.ru" } });
    const notices = await t.db.notification.findMany({
      where: { userId: head.id, kind: "deadline_breached", applicationId: appId },
    });
    expect(notices).toHaveLength(1);
    expect(await t.db.outgoingEmail.count({ where: { notificationId: notices[0]!.id } })).toBe(1);
    expect(await t.db.deadlineAlert.count({ where: { stage: { applicationId: appId }, kind: "breach" } })).toBe(1);
  });

  it("stops cleanly on SIGTERM", async () => {
    for (const w of workers) w.child.kill("SIGTERM");
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
    workers = [];
  });
});
