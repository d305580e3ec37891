// Next calls register() once when a server instance starts: the place for background work that
// belongs to the running app (the e-mail sender now; deadline monitoring later).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundJobs } = await import("./server/jobs");
  startBackgroundJobs();
}
