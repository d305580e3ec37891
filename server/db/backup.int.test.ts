// Backups of the embedded installation (issue 9, item 9; server/db/backup.ts): taken while the server
// runs (as beside `npm start`), wiped, restored into the empty data folder: the same rows (counts and
// a checksum of the key tables) and the same files. A damaged backup and a non-empty target are
// refused in Russian, with nothing restored.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed/demo";
import { loadWorkingCalendar } from "../calendar/data";
import { LocalFileStorage } from "../storage/storage";
import { registeredApplication } from "../test/factories";
import { backup, restore, verifyBackup, type Locations } from "./backup";
import { createPrismaClient } from "./client";
import { prepareDatabase } from "./prepare";
import { createTestDatabase } from "../test/db";
import { verifyAuditTrail } from "../audit/data";

const root = mkdtempSync(path.join(tmpdir(), "reglament-backup-"));
const where: Locations = {
  dataDir: path.join(root, "data"),
  filesDir: path.join(root, "data", "files"),
  databaseUrl: null,
};
const copy = path.join(root, "backup");
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `npm run audit:verify` over a restored database and files folder. */
async function chainVerified(url: string, filesDir: string) {
  const db = createPrismaClient(url, { max: 2 });
  try {
    const report = await verifyAuditTrail(db, { storage: new LocalFileStorage(filesDir) });
    expect(report.events).toBeGreaterThan(0);
    return report;
  } finally {
    await db.$disconnect();
  }
}

/** Row counts of every table and an md5 over the key tables' rows in a fixed order. */
async function fingerprint(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ t: string }>(
        "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
      )
    ).rows.map((r) => r.t);
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = Number((await client.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
    const sums: Record<string, string> = {};
    for (const t of [
      "User",
      "Application",
      "ApplicationEvent",
      "ApplicationStage",
      "RegulationVersion",
      "Attachment",
      "CalendarDay",
    ])
      sums[t] = (
        await client.query(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`)
      ).rows[0].h;
    return { counts, sums };
  } finally {
    await client.end();
  }
}

const filesOf = (dir: string) => {
  const storage = new LocalFileStorage(dir);
  return {
    storage,
    hash: (key: string) =>
      createHash("sha256")
        .update(readFileSync(path.join(dir, key)))
        .digest("hex"),
  };
};

// The embedded pass covers the embedded database; CI's second pass (DATABASE_URL: Debian's PostgreSQL 15
// with its pg_dump on PATH) covers a server's, below.
describe.skipIf(!!process.env.DATABASE_URL)("npm run backup / npm run restore (embedded)", () => {
  let before: Awaited<ReturnType<typeof fingerprint>>;
  const keys = ["attachments/a1/passport", "results/r1/letter", "answers/x/answer"];
  const contents = new Map<string, string>();

  beforeAll(async () => {
    const database = await prepareDatabase({ dataDir: where.dataDir, quiet: true });
    const db = createPrismaClient(database.url, { max: 4 });
    try {
      await seedDemo(db);
      const calendar = await loadWorkingCalendar(db);
      for (let i = 0; i < 3; i++) await registeredApplication(db, { serviceCode: "archive-info", calendar });
      const { storage, hash } = filesOf(where.filesDir);
      for (const [i, key] of keys.entries()) {
        await storage.put(key, Buffer.from(`содержимое файла ${i} `.repeat(1000 * (i + 1))));
        contents.set(key, hash(key));
      }
      before = await fingerprint(database.url);
      expect(before.counts.Application).toBe(3);

      // Taken while the server runs, as beside `npm start`.
      const manifest = await backup(where, copy);
      expect(manifest.database.rows).toEqual(before.counts);
      expect(Object.keys(manifest.files).filter((f) => f.startsWith("files/"))).toHaveLength(keys.length);
    } finally {
      await db.$disconnect();
      await database.stop();
    }
  });

  it("restores into a wiped data folder: the same rows, the same files", async () => {
    rmSync(where.dataDir, { recursive: true, force: true });
    const result = await restore(where, copy);
    expect(result.rows).toEqual(before.counts);
    expect(result.movedAside).toEqual([]);

    const database = await prepareDatabase({ dataDir: where.dataDir, quiet: true });
    try {
      const after = await fingerprint(database.url);
      expect(after.counts).toEqual(before.counts);
      expect(database.migrations.applied).toEqual([]);
      expect(after.sums).toEqual(before.sums);
      // The hash chain over the events and the submitted contents survive the round trip (R3).
      expect(await chainVerified(database.url, where.filesDir)).toMatchObject({ ok: true, problems: [] });
    } finally {
      await database.stop();
    }
    const { hash } = filesOf(where.filesDir);
    for (const [key, sha] of contents) expect(hash(key)).toBe(sha);
  });

  it("refuses a non-empty target, and a damaged backup, in Russian, restoring nothing", async () => {
    await expect(restore(where, copy)).rejects.toThrow(/уже есть база данных: восстановление не затирает данные/);

    const elsewhere: Locations = {
      dataDir: path.join(root, "other"),
      filesDir: path.join(root, "other", "files"),
      databaseUrl: null,
    };
    const file = Object.keys(verifyBackup(copy).files).find((f) => f.startsWith("files/"))!;
    const original = readFileSync(path.join(copy, file));
    writeFileSync(path.join(copy, file), Buffer.concat([original, Buffer.from("x")]));
    try {
      await expect(restore(elsewhere, copy)).rejects.toThrow(
        `резервная копия повреждена: файл ${file} не совпадает с контрольной суммой.`,
      );
      expect(existsSync(elsewhere.dataDir)).toBe(false);
    } finally {
      writeFileSync(path.join(copy, file), original);
    }
  });

  it("with --force moves the current data aside and restores", async () => {
    const result = await restore(where, copy, { force: true });
    expect(result.rows).toEqual(before.counts);
    expect(result.movedAside).toHaveLength(2);
    for (const aside of result.movedAside) expect(existsSync(aside)).toBe(true);
  });
});

describe.runIf(!!process.env.DATABASE_URL)(
  "npm run backup / npm run restore (DATABASE_URL: pg_dump and pg_restore on PATH)",
  () => {
    it("dumps a database, restores it into an empty one: the same rows, the same files", async () => {
      const source = await createTestDatabase();
      const target = await createTestDatabase({ template: false });
      const dir = mkdtempSync(path.join(root, "server-"));
      try {
        await seedDemo(source.db);
        await registeredApplication(source.db, {
          serviceCode: "archive-info",
          calendar: await loadWorkingCalendar(source.db),
        });
        const files = path.join(dir, "files");
        await new LocalFileStorage(files).put("results/r1/letter", Buffer.from("письмо"));
        const before = await fingerprint(source.url);
        await backup({ dataDir: dir, filesDir: files, databaseUrl: source.url }, path.join(dir, "copy"));

        rmSync(files, { recursive: true, force: true });
        const into: Locations = { dataDir: dir, filesDir: files, databaseUrl: target.url };
        const result = await restore(into, path.join(dir, "copy"));
        expect(result.rows).toEqual(before.counts);
        expect(await fingerprint(target.url)).toEqual(before);
        expect(readFileSync(path.join(files, "results/r1/letter"), "utf8")).toBe("письмо");
        expect(await chainVerified(target.url, files)).toMatchObject({ ok: true, problems: [] });
        await expect(restore(into, path.join(dir, "copy"))).rejects.toThrow(/уже есть таблицы/);
      } finally {
        await source.drop();
        await target.drop();
      }
    });
  },
);
