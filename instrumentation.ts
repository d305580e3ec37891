// Next calls register() once when a server instance starts: the configuration is checked here (a
// malformed variable stops the instance, server/env.ts), then the background work that belongs to
// the running app starts (deadline monitoring, the draft purge, the e-mail sender).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./server/env");
  env();
  const { startBackgroundJobs } = await import("./server/jobs");
  startBackgroundJobs();
}
