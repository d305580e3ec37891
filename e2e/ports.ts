// The ports of the end-to-end run, shared by playwright.config.ts and the fixtures. E2E_PORT (3100 by
// default) is the first app instance; instance i serves on E2E_PORT + 10·i, and its identity provider,
// SMTP server and SMTP messages endpoint listen 101, 102 and 103 above that. Two runs side by side need
// E2E_PORTs at least 200 apart.
import { availableParallelism } from "node:os";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/**
 * How many app instances (and workers) the run has: each worker owns one instance. Two where there are
 * cores for them; on two cores the browser, the server and PostgreSQL already use both (measured: 48
 * tests in 8.9 min with one worker, 9.0 min with two), so one.
 */
export const E2E_INSTANCES = Math.max(1, Number(process.env.E2E_INSTANCES ?? (availableParallelism() >= 4 ? 2 : 1)));

export function instancePorts(instance: number) {
  const app = E2E_PORT + 10 * instance;
  return { app, oidc: app + 101, smtp: app + 102, smtpHttp: app + 103 };
}
