// Least privilege (issue 9 item 7, R3) against real PostgreSQL: the app's role does the app's work
// (a whole move with its chained events, pg-boss's queues) but cannot UPDATE or DELETE events,
// TRUNCATE, ALTER a table or switch a trigger off; tables of later migrations come with its rights.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { seedDemo } from "../../prisma/seed/demo";
import { createPrismaClient, type Db } from "./client";
import { loadWorkingCalendar } from "../calendar/data";
import { registerPaperApplication } from "../intake/mutations";
import { moveApplication } from "../workflow/mutations";
import { demoScope } from "../test/factories";
import { PAPER_ARCHIVE_REQUEST } from "../test/fixtures";
import { verifyAuditTrail } from "../audit/data";
import { setUpAppRole, urlAs } from "./app-role";

const ROLE = "reglament_app_test";
let t: TestDatabase;
let appUrl: string;
let app: Db;

/** One statement as the app's role: the PostgreSQL error code it fails with, or "ok". */
async function asApp(sql: string): Promise<string> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    await client.query(sql);
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await client.end();
  }
}
async function asOwner(sql: string) {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

const PERMISSION_DENIED = "42501";
const MUST_BE_OWNER = "42501";

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  // An installation from before the app had a role of its own: pg-boss set up by the owner.
  const ownersBoss = new PgBoss({ connectionString: t.url, schema: "pgboss", max: 2 });
  ownersBoss.on("error", () => undefined);
  await ownersBoss.start();
  await ownersBoss.createQueue("made-by-the-owner");
  await ownersBoss.stop({ graceful: false, wait: true });
  const password = randomBytes(12).toString("base64url");
  await setUpAppRole(t.url, ROLE, { password, resetPassword: true });
  appUrl = urlAs(t.url, ROLE, password);
  app = createPrismaClient(appUrl, { max: 4 });
});
afterAll(async () => {
  await app.$disconnect();
  await t.drop();
});

describe("the app's role", () => {
  it("does the app's work: a paper application registered and moved, its events chained", async () => {
    const calendar = await loadWorkingCalendar(app);
    const registrar = await demoScope(app, "registrar");
    const reg = await registerPaperApplication(app, registrar, {
      serviceCode: "archive-info",
      values: PAPER_ARCHIVE_REQUEST,
      channel: "POST",
      receivedAt: new Date(),
      applicant: { lastName: "Ролев", firstName: "Прикладной" },
      calendar,
      submissionKey: randomUUID(),
    });
    const { rowVersion } = await app.application.findUniqueOrThrow({ where: { id: reg.id } });
    await moveApplication(app, {
      applicationId: reg.id,
      expectedRowVersion: rowVersion,
      actor: registrar,
      request: { transition: "register" },
      calendar,
    });
    expect(await app.applicationEvent.count({ where: { applicationId: reg.id } })).toBe(3);
    expect((await verifyAuditTrail(app)).problems).toEqual([]);
  });

  it("cannot change or remove events, the chain's head, or the migration history", async () => {
    expect(await asApp(`UPDATE "ApplicationEvent" SET payload = '{}' WHERE true`)).toBe(PERMISSION_DENIED);
    expect(await asApp(`DELETE FROM "ApplicationEvent" WHERE true`)).toBe(PERMISSION_DENIED);
    // Administrators' changes too (issue 11): inserted, read, never rewritten.
    expect(await asApp(`INSERT INTO "AdminEvent" ("type", "subjectType", "subjectId") VALUES ('t', 's', '1')`)).toBe(
      "ok",
    );
    expect(await asApp(`UPDATE "AdminEvent" SET "type" = 'x' WHERE true`)).toBe(PERMISSION_DENIED);
    expect(await asApp(`DELETE FROM "AdminEvent" WHERE true`)).toBe(PERMISSION_DENIED);
    expect(await asOwner(`DELETE FROM "AdminEvent" WHERE true`).catch((e: Error) => e.message)).toMatch(/append-only/);
    expect(await asApp(`UPDATE "AuditChainHead" SET hash = NULL`)).toBe(PERMISSION_DENIED);
    expect(await asApp(`INSERT INTO "AuditChainHead" VALUES (2, NULL, NULL)`)).toBe(PERMISSION_DENIED);
    expect(await asApp(`SELECT count(*) FROM "_prisma_migrations"`)).toBe("ok");
    expect(await asApp(`DELETE FROM "_prisma_migrations" WHERE true`)).toBe(PERMISSION_DENIED);
  });

  it("cannot TRUNCATE, ALTER or drop a table, or switch a trigger off", async () => {
    expect(await asApp(`TRUNCATE "ApplicationEvent"`)).toBe(PERMISSION_DENIED);
    expect(await asApp(`TRUNCATE "Application" CASCADE`)).toBe(PERMISSION_DENIED);
    expect(await asApp(`ALTER TABLE "ApplicationEvent" DISABLE TRIGGER "ApplicationEvent_append_only"`)).toBe(
      MUST_BE_OWNER,
    );
    expect(await asApp(`ALTER TABLE "ApplicationEvent" DISABLE TRIGGER ALL`)).toBe(MUST_BE_OWNER);
    expect(await asApp(`ALTER TABLE "Application" ADD COLUMN "x" INT`)).toBe(MUST_BE_OWNER);
    expect(await asApp(`DROP TABLE "Counter"`)).toBe(MUST_BE_OWNER);
    expect(await asApp(`SET session_replication_role = replica`)).toBe(PERMISSION_DENIED);
    expect(await asApp(`CREATE TABLE "Sneaky" (id INT)`)).toBe(PERMISSION_DENIED);
    // What was refused changed nothing.
    expect((await asOwner(`SELECT count(*)::int AS n FROM "ApplicationEvent"`)).rows[0].n).toBeGreaterThan(0);
  });

  it("gets the same rights on a table a later migration creates (default privileges)", async () => {
    await asOwner(`CREATE TABLE "LaterTable" (id INT PRIMARY KEY)`);
    expect(await asApp(`INSERT INTO "LaterTable" VALUES (1)`)).toBe("ok");
    expect(await asApp(`SELECT * FROM "LaterTable"`)).toBe("ok");
    expect(await asApp(`TRUNCATE "LaterTable"`)).toBe(PERMISSION_DENIED);
    // Setting the role up again (every start does) is harmless.
    await setUpAppRole(t.url, ROLE);
    expect(await asApp(`UPDATE "ApplicationEvent" SET payload = '{}' WHERE true`)).toBe(PERMISSION_DENIED);
  });

  it("runs pg-boss in the schema handed over to it: queues old and new work", async () => {
    const boss = new PgBoss({ connectionString: appUrl, schema: "pgboss", max: 2 });
    boss.on("error", () => undefined);
    await boss.start();
    try {
      await boss.createQueue("audit-role-test");
      await boss.send("audit-role-test", { ok: true });
      await boss.send("made-by-the-owner", { ok: true });
      expect((await boss.getQueue("audit-role-test"))?.name).toBe("audit-role-test");
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it("gets pg-boss installed by the owner on a new database: the role may not create schemas", async () => {
    await asOwner(`DROP SCHEMA "pgboss" CASCADE`);
    await setUpAppRole(t.url, ROLE);
    expect(await asApp(`CREATE SCHEMA "sneaky"`)).toBe(PERMISSION_DENIED);
    const boss = new PgBoss({ connectionString: appUrl, schema: "pgboss", max: 2 });
    boss.on("error", () => undefined);
    await boss.start();
    try {
      await boss.createQueue("after-a-fresh-install");
      expect((await boss.getQueue("after-a-fresh-install"))?.name).toBe("after-a-fresh-install");
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it("is refused when it could undo its limits (the owner itself)", async () => {
    const owner = new URL(t.url).username;
    await expect(setUpAppRole(t.url, decodeURIComponent(owner))).rejects.toThrow(/owner itself/);
  });
});
