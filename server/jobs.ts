// Background work of a server instance. Scheduled jobs run on pg-boss, a PostgreSQL-backed queue:
// every instance registers the same schedules and workers, and pg-boss hands each scheduled run to
// exactly one of them. The e-mail sender is a plain interval: it locks rows with SKIP LOCKED.
import PgBoss from "pg-boss";
import { getDb } from "./db/client";
import { config } from "./config";
import { isMailSendingConfigured } from "./notification/config";
import { startMailSender } from "./notification/mailer";
import { purgeExpiredDrafts } from "./application/purge";
import { fileStorage } from "./storage/storage";
import { monitorDeadlines } from "./workflow/monitor";
import { loadWorkingCalendar } from "./calendar/calendar-store";

let started: Promise<void> | undefined;

export const JOBS = {
  /** Daily at 03:17 local time: warn about drafts untouched for 3 months, purge those warned long ago. */
  purgeDrafts: { name: "drafts-purge", cron: "17 3 * * *" },
  /** Every 5 minutes: due-soon warnings to executors, breach notices to heads (R4). */
  monitorDeadlines: { name: "deadlines-monitor", cron: "*/5 * * * *" },
} as const;

export function startBackgroundJobs(): Promise<void> {
  started ??= (async () => {
    const url = process.env.DATABASE_URL;
    if (!url) return;
    if (isMailSendingConfigured()) {
      startMailSender(getDb(), { intervalMs: Number(process.env.MAIL_SEND_INTERVAL_MS ?? 15_000), onError: (error) => console.error("[mail] sending failed:", error) });
    }
    const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 3 });
    boss.on("error", (error) => console.error("[jobs]", error));
    await boss.start();
    await boss.createQueue(JOBS.purgeDrafts.name);
    await boss.schedule(JOBS.purgeDrafts.name, JOBS.purgeDrafts.cron, {}, { tz: config().timeZone });
    await boss.createQueue(JOBS.monitorDeadlines.name);
    await boss.schedule(JOBS.monitorDeadlines.name, JOBS.monitorDeadlines.cron, {}, { tz: config().timeZone });
    await boss.work(JOBS.monitorDeadlines.name, async () => {
      const db = getDb();
      const result = await monitorDeadlines(db, { now: new Date(), calendar: await loadWorkingCalendar(db), dueSoonWorkingDays: config().dueSoonWorkingDays });
      if (result.warned || result.escalated) console.log(`[jobs] deadlines: ${result.warned} warnings, ${result.escalated} escalations`);
    });
    await boss.work(JOBS.purgeDrafts.name, async () => {
      const result = await purgeExpiredDrafts(getDb(), fileStorage());
      if (result.notified || result.purged) console.log(`[jobs] drafts: ${result.notified} owners warned, ${result.purged} purged`);
    });
  })().catch((error) => console.error("[jobs] could not start background jobs:", error));
  return started;
}
