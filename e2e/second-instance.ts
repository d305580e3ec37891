// A second app instance on the worker's database (issue 13 p.4: the live board across instances).
// It is what a second node of a production installation is: `next start` of the same build, pointed at
// the same PostgreSQL as the app's own role, with the same session secret and file storage; nothing
// is prepared or seeded (the first instance did that). Started by the test that asks for it, stopped
// when that test ends.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { EMBEDDED_APP_ROLE, urlAs } from "../server/db/app-role";
import { runningEmbeddedPostgres } from "../server/db/embedded";
import { withDatabase } from "../server/db/url";
import { E2E_PORT, instancePorts } from "./ports";

const root = path.resolve(import.meta.dirname, "..");

export type Instance = { url: string; stop(): Promise<void> };

export async function startSecondInstance(ports: ReturnType<typeof instancePorts>): Promise<Instance> {
  const dataDir = path.join(root, `data/e2e-${ports.app}`);
  const cluster = runningEmbeddedPostgres(path.join(dataDir, "postgres"));
  if (!cluster) throw new Error(`the first instance's database (${dataDir}) is not running`);
  const password = readFileSync(path.join(dataDir, "postgres", "app-password"), "utf8").trim();
  const databaseUrl = urlAs(withDatabase(cluster.serverUrl, "reglament"), EMBEDDED_APP_ROLE, password);
  const port = ports.app + 5;
  const url = `http://localhost:${port}`;
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        APP_DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim(),
        NEXTAUTH_URL: url,
        REGLAMENT_DATA_DIR: dataDir,
        REGLAMENT_DEMO: "1",
        REGLAMENT_TEST_CLOCK: "1",
        SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
        NEXT_TELEMETRY_DISABLED: "1",
        // The build of the run (playwright.config.ts): .next for the default port.
        ...(E2E_PORT === 3100 ? {} : { NEXT_DIST_DIR: `.next-e2e-${E2E_PORT}` }),
      },
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  for (let waited = 0; ; waited += 250) {
    if (child.exitCode !== null) throw new Error(`the second instance ended with code ${child.exitCode}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return { url, stop };
    if (waited > 60_000) {
      await stop();
      throw new Error("the second instance did not answer within a minute");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
