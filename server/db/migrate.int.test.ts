// Migrations apply to an empty database, are recorded as Prisma records them, are idempotent, and
// build exactly what prisma/schema.prisma describes (the drift check).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { checkDrift, SCHEMA_FILE } from "./drift";
import { migrate, readMigrations } from "./migrate";

describe("migrations", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ template: false });
  });
  afterAll(() => t.drop());

  it("apply to an empty database and are recorded in _prisma_migrations with Prisma's checksum", async () => {
    const first = await migrate(t.url);
    const all = readMigrations();
    expect(first.applied).toEqual(all.map((m) => m.name));
    const rows = await t.db.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: Date | null }[]>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(all.map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("hold what schema.prisma cannot say: a rating outside 1..5 is refused by the database itself (issue 14 p.4)", async () => {
    await migrate(t.url);
    await expect(
      t.db.$executeRawUnsafe(
        `INSERT INTO "Rating" ("applicationId", "serviceId", "userId", "score") VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 6)`,
      ),
    ).rejects.toThrow(/Rating_score_range/);
  });

  it("apply nothing the second time", async () => {
    const again = await migrate(t.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(readMigrations().length);
  });

  it("refuse to run past an edited migration", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "reglament-mig-"));
    const first = readMigrations()[0]!;
    const { mkdirSync } = await import("node:fs");
    mkdirSync(path.join(dir, first.name));
    writeFileSync(path.join(dir, first.name, "migration.sql"), first.sql + "\n-- edited\n");
    await expect(migrate(t.url, dir)).rejects.toThrow(/edited after it was applied/);
  });
});

describe("schema drift check", () => {
  // Each check runs Prisma 6's CLI (about 12 s, most of it starting the engine): both start at once.
  let unchanged: Promise<string[]>;
  let changed: Promise<string[]>;
  beforeAll(() => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "reglament-drift-")), "schema.prisma");
    writeFileSync(
      file,
      readFileSync(SCHEMA_FILE, "utf8").replace("  schedule  String?\n", "  schedule  String?\n  fax       String?\n"),
    );
    unchanged = checkDrift(inject("pgServerUrl"));
    changed = checkDrift(inject("pgServerUrl"), file);
    // Awaited by the tests; a rejection is theirs to report.
    unchanged.catch(() => undefined);
    changed.catch(() => undefined);
  });

  it("finds no difference between the migrations and schema.prisma", async () => {
    expect(await unchanged).toEqual([]);
  });

  it("reports a model change that has no migration", async () => {
    const drift = await changed;
    expect(drift.some((d) => d.includes("only in schema.prisma") && d.includes('"fax"'))).toBe(true);
  });
});
