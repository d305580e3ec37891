// Prometheus metrics of one app process (issue 13 p.5), served at GET /api/metrics: request latency
// per tRPC procedure and REST route, the database pool's use, the job queue's depth and the e-mail
// outbox's backlog, and Node's own (memory, CPU, event-loop lag, GC). Each instance serves its own;
// Prometheus scrapes every instance. The queue and outbox gauges are read from PostgreSQL when
// scraped, so they are the installation's, whichever instance answers.
import "server-only";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { getDb, poolUse } from "../db/client";
import { jobQueueDepth, outboxBacklog } from "./data";

type Metrics = { registry: Registry; requests: Histogram<"kind" | "route" | "status"> };

const holder = globalThis as unknown as { reglamentMetrics?: Metrics };

function create(): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ app: "reglament" });
  collectDefaultMetrics({ register: registry, prefix: "reglament_" });
  const requests = new Histogram({
    name: "reglament_request_duration_seconds",
    help: "Time to answer a tRPC procedure or REST route call, by its name and outcome",
    labelNames: ["kind", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: "reglament_db_pool_connections",
    help: "Connections of this process's database pool: open, idle, requests waiting, and the maximum",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const use = poolUse(getDb());
      if (!use) return;
      this.set({ state: "total" }, use.total);
      this.set({ state: "idle" }, use.idle);
      this.set({ state: "waiting" }, use.waiting);
      this.set({ state: "max" }, use.max);
    },
  });
  new Gauge({
    name: "reglament_job_queue_depth",
    help: "Background jobs (pg-boss) not yet completed, by queue and state",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await jobQueueDepth(getDb())) this.set({ queue: row.queue, state: row.state }, row.count);
    },
  });
  new Gauge({
    name: "reglament_outbox_backlog",
    help: "E-mails in the outbox not yet delivered, and the age in seconds of the oldest",
    labelNames: ["measure"] as const,
    registers: [registry],
    async collect() {
      const backlog = await outboxBacklog(getDb());
      this.set({ measure: "count" }, backlog.count);
      this.set({ measure: "oldest_seconds" }, backlog.oldestSeconds);
    },
  });
  return { registry, requests };
}

export function metrics(): Metrics {
  holder.reglamentMetrics ??= create();
  return holder.reglamentMetrics;
}

/** Records one call: `kind` trpc or rest, `route` the procedure path or the route's name. */
export function observeRequest(kind: "trpc" | "rest", route: string, status: string | number, seconds: number) {
  metrics().requests.observe({ kind, route, status: String(status) }, seconds);
}
