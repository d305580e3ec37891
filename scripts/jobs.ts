// Runs only the background jobs of Reglament (deadline monitoring and escalation, draft purge, the
// e-mail sender), without the web server: `npm run jobs`. Every web instance already runs them (see
// instrumentation.ts); a deployment may prefer separate worker processes. Any number of them may run
// against one database: pg-boss hands each scheduled run to exactly one worker (R4).
import { startBackgroundJobs, stopBackgroundJobs } from "../server/jobs";
import { envOrExit } from "../server/env";

if (!envOrExit("[jobs]").databaseUrl) {
  console.error("DATABASE_URL is not set: the job worker needs the database the app uses.");
  process.exit(1);
}

try {
  await startBackgroundJobs({ rethrow: true });
} catch (error) {
  console.error("[jobs] could not start:", error);
  process.exit(1);
}
console.log(`[jobs] worker ${process.pid} ready`);
const keepAlive = setInterval(() => {}, 1 << 30);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    clearInterval(keepAlive);
    stopBackgroundJobs().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("[jobs] stopping failed:", error);
        process.exit(1);
      },
    );
  });
}
