// Background work of a server instance. Scheduled jobs run on pg-boss, a PostgreSQL-backed queue:
// every instance registers the same schedules and workers, and pg-boss hands each scheduled run to
// exactly one of them. The e-mail sender is a plain interval: it locks rows with SKIP LOCKED.
import PgBoss from "pg-boss";
import { LOCKS, withAdvisoryLock } from "./db/lock";
import { getDb } from "./db/client";
import { config } from "./config";
import { env } from "./env";
import { isMailSendingConfigured } from "./notification/config";
import { startMailSender } from "./notification/mailer";
import { purgeExpiredDrafts } from "./application/purge";
import { purgeStaleCounters } from "./throttle/mutations";
import { fileStorage } from "./storage/storage";
import { monitorDeadlines, monitorRequests } from "./workflow/monitor";
import { deadlineContext } from "./calendar/data";
import { remindAppointments } from "./appointment/reminders";
import { now } from "./clock";
import { monitorComplaints } from "./complaint/monitor";
import { monitorTypoRequests } from "./typo/monitor";

let started: Promise<void> | undefined;
let boss: PgBoss | undefined;
let stopMail: (() => Promise<void>) | undefined;

export const JOBS = {
  /** Daily at 03:17 local time: warn about drafts untouched for 3 months, purge those warned long ago. */
  purgeDrafts: { name: "drafts-purge", cron: "17 3 * * *" },
  /** Every 5 minutes: due-soon warnings to executors, breach notices to heads (R4). */
  monitorDeadlines: { name: "deadlines-monitor", cron: "*/5 * * * *" },
  /** Hourly: the day-before reminder of each booking standing tomorrow, once (R18, R19). */
  remindAppointments: { name: "appointments-remind", cron: "7 * * * *" },
} as const;

/**
 * Starts the background work of this process (once; later calls return the same promise). In the
 * web server, a failure is logged and the app keeps serving; `scripts/jobs.ts` passes
 * `{ rethrow: true }` so that a worker that cannot start exits with an error.
 */
export function startBackgroundJobs(options: { rethrow?: boolean } = {}): Promise<void> {
  started ??= (async () => {
    const url = env().appDatabaseUrl ?? env().databaseUrl;
    if (!url) return;
    if (isMailSendingConfigured()) {
      stopMail = startMailSender(getDb(), {
        intervalMs: env().mailSendIntervalMs,
        onError: (error) => console.error("[mail] sending failed:", error),
      });
    }
    boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 3 });
    boss.on("error", (error) => console.error("[jobs]", error));
    await boss.start();
    const queues = boss;
    // Instances starting at the same moment deadlock inside pg-boss's createQueue (each creates the
    // queue's partition): the setup is serialised across instances by an advisory lock.
    await withAdvisoryLock(url, LOCKS.jobQueues, async () => {
      for (const job of [JOBS.purgeDrafts, JOBS.monitorDeadlines, JOBS.remindAppointments]) {
        if (!(await queues.getQueue(job.name))) await queues.createQueue(job.name);
        await queues.schedule(job.name, job.cron, {}, { tz: config().timeZone });
      }
    });
    const pollingIntervalSeconds = env().jobsPollSeconds;
    await boss.work(JOBS.monitorDeadlines.name, { pollingIntervalSeconds }, async () => {
      const db = getDb();
      const context = await deadlineContext(db);
      const result = await monitorDeadlines(db, context);
      console.log(
        `[jobs] deadlines checked: ${result.warned} warnings, ${result.escalated} escalations${result.unrouted ? `, ${result.unrouted} with nobody to tell (no head or registrar in the department)` : ""}`,
      );
      // Inter-agency answers (S0 p.6, p.11): the same rule, warnings to the sender, escalations to the head.
      const requests = await monitorRequests(db, context);
      if (requests.warned || requests.escalated || requests.unrouted)
        console.log(
          `[jobs] inter-agency answers: ${requests.warned} warnings, ${requests.escalated} escalations${requests.unrouted ? `, ${requests.unrouted} with nobody to tell` : ""}`,
        );
      // Complaints (210-FZ art. 11.2): warnings and escalations to the head of the department.
      const complaints = await monitorComplaints(db, context);
      if (complaints.warned || complaints.escalated || complaints.unrouted)
        console.log(
          `[jobs] complaints: ${complaints.warned} warnings, ${complaints.escalated} escalations${complaints.unrouted ? `, ${complaints.unrouted} with nobody to tell` : ""}`,
        );
      // Typo corrections (S2 p.72): the check and the correction terms.
      const typos = await monitorTypoRequests(db, context);
      if (typos.warned || typos.escalated || typos.unrouted)
        console.log(
          `[jobs] typo corrections: ${typos.warned} warnings, ${typos.escalated} escalations${typos.unrouted ? `, ${typos.unrouted} with nobody to tell` : ""}`,
        );
    });
    await boss.work(JOBS.remindAppointments.name, { pollingIntervalSeconds }, async () => {
      const { reminded } = await remindAppointments(getDb(), now());
      if (reminded) console.log(`[jobs] appointments: ${reminded} reminders queued`);
    });
    await boss.work(JOBS.purgeDrafts.name, { pollingIntervalSeconds }, async () => {
      const result = await purgeExpiredDrafts(getDb(), fileStorage());
      if (result.notified || result.purged)
        console.log(`[jobs] drafts: ${result.notified} owners warned, ${result.purged} purged`);
      // The same daily sweep drops throttle counters that hold nothing back any more.
      const counters = await purgeStaleCounters(getDb());
      if (counters) console.log(`[jobs] throttle counters: ${counters} stale removed`);
    });
  })();
  return options.rethrow
    ? started
    : started.catch((error) => console.error("[jobs] could not start background jobs:", error));
}

/** Stops the workers (waiting for the jobs in progress) and the e-mail sender. */
export async function stopBackgroundJobs(): Promise<void> {
  await Promise.all([boss?.stop({ graceful: true, wait: true }), stopMail?.()]);
  boss = undefined;
  stopMail = undefined;
  started = undefined;
}
