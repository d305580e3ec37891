// `npm start` checks the configuration before anything slow or lasting: a malformed variable stops it
// with the variable's name and a non-zero exit, before a build or a database is started.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "reglament-start-")), "data");
afterAll(() => rmSync(path.dirname(dataDir), { recursive: true, force: true }));

describe("scripts/start.ts", () => {
  it("refuses MAIL_SEND_INTERVAL_MS=15s before it builds or starts the database", () => {
    const run = spawnSync(
      process.execPath,
      // The way `npm start` runs it (package.json): data-access modules import `server-only`.
      [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/start.ts"],
      {
        cwd: root,
        encoding: "utf8",
        timeout: 60_000,
        // NEXT_DIST_DIR: were the check missing, a build would go to a folder of its own, not .next.
        env: {
          ...process.env,
          MAIL_SEND_INTERVAL_MS: "15s",
          REGLAMENT_DATA_DIR: dataDir,
          DATABASE_URL: "",
          PORT: "3999",
          NEXT_DIST_DIR: path.join(path.dirname(dataDir), "next"),
        },
      },
    );
    expect(run.error).toBeUndefined();
    expect(run.status).not.toBe(0);
    expect(run.status).not.toBeNull();
    expect(run.stderr).toContain('MAIL_SEND_INTERVAL_MS="15s": expected milliseconds');
    expect(run.stdout).not.toContain("building");
    // Nothing was created: no data folder, no embedded PostgreSQL, no build.
    expect(existsSync(dataDir)).toBe(false);
    expect(readdirSync(path.dirname(dataDir))).toEqual([]);
  });
});
