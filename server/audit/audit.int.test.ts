// The tamper-evident record (R3, S0 p.5-6; issue 9 item 7) against real PostgreSQL: every event is
// chained by the database, `verifyAuditTrail` recomputes the chain and the submitted content and names
// the first record changed behind the app's back (as the owner, with the append-only trigger turned
// off), concurrent writers never fork the chain, and reads of personal data are recorded (152-FZ).
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { seedDemo } from "../../prisma/seed/demo";
import type { StaffScope } from "../auth/scope";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { registerPaperApplication } from "../intake/mutations";
import { moveApplication, sendDeadlineNotice } from "../workflow/mutations";
import { addComment } from "../workflow/card/mutations";
import { board } from "../workflow/board/data";
import { staffCard } from "../workflow/card/data";
import { downloadRoute } from "../attachment/http";
import { receiptRoute } from "../document/receipt-http";
import { applicationPdfRoute } from "../application/http";
import { LocalFileStorage } from "../storage/storage";
import { INTERAGENCY_ANSWER_FIELD } from "../attachment/data";
import { demoScope, demoUser } from "../test/factories";
import { routeCaller } from "../test/rest";
import { PAPER_ARCHIVE_REQUEST } from "../test/fixtures";
import { eventDigest } from "./chain";
import { verifyAuditTrail } from "./data";
import { checkContentOnOpen, recordCardRead } from "./mutations";

let t: TestDatabase;
let calendar: WorkingCalendar;
let registrar: StaffScope;
let head: StaffScope;
let executor: StaffScope;
let storage: LocalFileStorage;

/** SQL as the owner of the database (the test cluster's superuser), the way a tamperer would. */
async function asOwner<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    return (
      await client.query(
        sql,
        params.map((p) => (typeof p === "bigint" ? String(p) : p)),
      )
    ).rows as T[];
  } finally {
    await client.end();
  }
}
/** An UPDATE or DELETE of the event log: the owner can switch its append-only trigger off. */
const behindTheTrigger = (sql: string, params: unknown[] = []) =>
  asOwner(
    `ALTER TABLE "ApplicationEvent" DISABLE TRIGGER "ApplicationEvent_append_only"; ${sql}; ALTER TABLE "ApplicationEvent" ENABLE TRIGGER "ApplicationEvent_append_only"`.replace(
      /\$1/g,
      String(params[0]),
    ),
  );

async function paperApplication(): Promise<{ id: string; rowVersion: number }> {
  const reg = await registerPaperApplication(t.db, registrar, {
    serviceCode: "archive-info",
    values: PAPER_ARCHIVE_REQUEST,
    channel: "IN_PERSON",
    receivedAt: new Date(),
    applicant: { lastName: "Проверкин", firstName: "Аудит", email: `audit-${randomUUID()}@example.ru` },
    calendar,
    submissionKey: randomUUID(),
  });
  const row = await t.db.application.findUniqueOrThrow({ where: { id: reg.id }, select: { rowVersion: true } });
  return { id: reg.id, rowVersion: row.rowVersion };
}

/** Registered → assignment → check: the registrar's move, then the head names the executor. */
async function assigned(appId: string, rowVersion: number): Promise<number> {
  const a = await moveApplication(t.db, {
    applicationId: appId,
    expectedRowVersion: rowVersion,
    actor: registrar,
    request: { transition: "register" },
    calendar,
  });
  const b = await moveApplication(t.db, {
    applicationId: appId,
    expectedRowVersion: a.rowVersion,
    actor: head,
    request: { transition: "assign_executor", executorId: executor.userId },
    calendar,
  });
  return b.rowVersion;
}

const eventsOf = (applicationId: string, type?: string) =>
  t.db.applicationEvent.findMany({ where: { applicationId, ...(type ? { type } : {}) }, orderBy: { id: "asc" } });

beforeAll(async () => {
  t = await createTestDatabase({ max: 20 });
  await seedDemo(t.db);
  calendar = await loadWorkingCalendar(t.db);
  registrar = await demoScope(t.db, "registrar");
  head = await demoScope(t.db, "head");
  executor = await demoScope(t.db, "executor");
  storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-audit-")));
});
afterAll(() => t.drop());

describe("the hash chain of the event log", () => {
  it("links every event to the one before it, and the verifier agrees with the database", async () => {
    const app = await paperApplication();
    await assigned(app.id, app.rowVersion);
    await addComment(t.db, executor, { applicationId: app.id, text: "Проверяю «кавычки», \\ и \n переводы строк" });
    const rows = await asOwner<{ id: string; prevHash: string | null; hash: string }>(
      `SELECT e.id::text, "prevHash", hash FROM "ApplicationEvent" e ORDER BY e.id`,
    );
    expect(rows.length).toBeGreaterThan(5);
    expect(rows[0]!.prevHash).toBeNull();
    rows.slice(1).forEach((row, i) => expect(row.prevHash).toBe(rows[i]!.hash));
    const head = await t.db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    expect({ id: head.lastEventId?.toString(), hash: head.hash }).toEqual({
      id: rows.at(-1)!.id,
      hash: rows.at(-1)!.hash,
    });

    const report = await verifyAuditTrail(t.db);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, events: rows.length, head: { eventId: rows.at(-1)!.id } });
    expect(report.applications).toBeGreaterThan(0);
  });

  it("records the submitted content's hash in the chained `submitted` event of a paper application too", async () => {
    const app = await paperApplication();
    const [submitted] = await eventsOf(app.id, "submitted");
    const row = await t.db.application.findUniqueOrThrow({ where: { id: app.id } });
    expect((submitted!.payload as { sha256: string }).sha256).toBe(row.contentHash);
  });

  it("names the event an owner edited behind the trigger, and only that one", async () => {
    const app = await paperApplication();
    await addComment(t.db, executor, { applicationId: app.id, text: "событие после изменённого" });
    const [registered] = await eventsOf(app.id, "registered");
    const original = (
      await asOwner<{ payload: string }>(`SELECT payload::text FROM "ApplicationEvent" WHERE id = $1`, [registered!.id])
    )[0]!.payload;
    await behindTheTrigger(
      `UPDATE "ApplicationEvent" SET payload = jsonb_set(payload, '{registrationNumber}', '"ARCHIVE-2026-99999"') WHERE id = $1`,
      [registered!.id],
    );
    const report = await verifyAuditTrail(t.db);
    expect(report.ok).toBe(false);
    expect(report.firstBrokenEvent).toMatchObject({ eventId: registered!.id.toString(), reason: "hash" });
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: "event",
        id: registered!.id.toString(),
        message: expect.stringMatching(/изменено/),
      }),
    ]);

    // Rewriting its hash to hide the edit breaks the link of the next event instead.
    const next = (
      await asOwner<{ id: string }>(
        `SELECT e.id::text FROM "ApplicationEvent" e WHERE e.id > $1 ORDER BY e.id LIMIT 1`,
        [registered!.id],
      )
    )[0]!;
    await behindTheTrigger(
      `UPDATE "ApplicationEvent" SET hash = reglament_event_digest("prevHash", id, "applicationId", at, "actorId", type, "fromStage", "toStage", payload) WHERE id = $1`,
      [registered!.id],
    );
    const hidden = await verifyAuditTrail(t.db);
    expect(hidden.firstBrokenEvent).toMatchObject({ eventId: next.id, reason: "link" });

    // Put back as it was: the chain holds again (nothing else was touched).
    await behindTheTrigger(
      `UPDATE "ApplicationEvent" SET payload = '${original.replaceAll("'", "''")}'::jsonb WHERE id = $1`,
      [registered!.id],
    );
    await behindTheTrigger(
      `UPDATE "ApplicationEvent" SET hash = reglament_event_digest("prevHash", id, "applicationId", at, "actorId", type, "fromStage", "toStage", payload) WHERE id = $1`,
      [registered!.id],
    );
    expect((await verifyAuditTrail(t.db)).ok).toBe(true);
  });

  it("keeps one unforked chain under concurrent moves, comments and card reads", async () => {
    const apps = await Promise.all(Array.from({ length: 6 }, () => paperApplication()));
    const before = await t.db.applicationEvent.count();
    await Promise.all(
      apps.flatMap((app) => [
        moveApplication(t.db, {
          applicationId: app.id,
          expectedRowVersion: app.rowVersion,
          actor: registrar,
          request: { transition: "register" },
          calendar,
        }),
        addComment(t.db, executor, { applicationId: app.id, text: "параллельно" }),
        recordCardRead(t.db, head, { applicationId: app.id }),
      ]),
    );
    const [{ events, links }] = (await asOwner<{ events: number; links: number }>(
      `SELECT count(*)::int AS events, count(DISTINCT "prevHash")::int AS links FROM "ApplicationEvent"`,
    )) as [{ events: number; links: number }];
    // Every event has a predecessor of its own (the first has none): no two share one.
    expect(links).toBe(events - 1);
    expect(events).toBeGreaterThanOrEqual(before + 6 * 3);
    const report = await verifyAuditTrail(t.db);
    expect(report.problems).toEqual([]);
  });

  it("hashes the canonical encoding, not the database's function (the verifier's own code)", async () => {
    const [row] = await asOwner<{
      id: string;
      prevHash: string | null;
      applicationId: string;
      at: string;
      actorId: string | null;
      type: string;
      fromStage: string | null;
      toStage: string | null;
      payload: string;
      hash: string;
    }>(
      `SELECT id::text, "prevHash", "applicationId"::text, to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at, "actorId"::text,
              type, "fromStage", "toStage", payload::text, hash FROM "ApplicationEvent" e WHERE type = 'comment' ORDER BY e.id LIMIT 1`,
    );
    expect(eventDigest(row!)).toBe(row!.hash);
    expect(eventDigest({ ...row!, payload: row!.payload.replace("}", ', "x": 1}') })).not.toBe(row!.hash);
  });
});

describe("the submitted content", () => {
  it("an owner's UPDATE of it is reported with the application's id, warned about on the card and logged", async () => {
    const app = await paperApplication();
    const owner = (await t.db.application.findUniqueOrThrow({ where: { id: app.id } })).ownerId;
    expect(await recordCardRead(t.db, registrar, { applicationId: app.id })).toEqual({ intact: true });
    await asOwner(`UPDATE "Application" SET data = jsonb_set(data, '{request_subject}', '"Другое"') WHERE id = $1`, [
      app.id,
    ]);

    const report = await verifyAuditTrail(t.db);
    expect(report.ok).toBe(false);
    expect(report.firstBrokenEvent).toBeNull();
    expect(report.problems).toEqual([expect.objectContaining({ kind: "application", id: app.id })]);

    expect(await recordCardRead(t.db, registrar, { applicationId: app.id })).toEqual({ intact: false });
    expect(await checkContentOnOpen(t.db, owner, { applicationId: app.id })).toEqual({ intact: false });
    const found = await eventsOf(app.id, "content_mismatch");
    expect(found.map((e) => [e.actorId, (e.payload as { via: string }).via])).toEqual([
      [registrar.userId, "staff_card"],
      [owner, "applicant_page"],
    ]);
    // The staff history shows the finding; the card's reads themselves stay out of it.
    const card = await staffCard(t.db, registrar, app.id, { now: new Date(), calendar, dueSoonWorkingDays: 2 });
    expect(card!.events.map((e) => e.type)).toContain("content_mismatch");
    expect(card!.events.map((e) => e.type)).not.toContain("card_viewed");

    await asOwner(`UPDATE "Application" SET data = data - 'request_subject' || $2::jsonb WHERE id = $1`, [
      app.id,
      JSON.stringify({ request_subject: PAPER_ARCHIVE_REQUEST.request_subject }),
    ]);
    expect((await verifyAuditTrail(t.db)).ok).toBe(true);
  });
});

describe("reads of personal data are recorded (152-FZ)", () => {
  it("records opening the card once per opening, and nothing for the board's list", async () => {
    const app = await paperApplication();
    await recordCardRead(t.db, head, { applicationId: app.id });
    await recordCardRead(t.db, head, { applicationId: app.id });
    const views = await eventsOf(app.id, "card_viewed");
    expect(views.map((e) => e.actorId)).toEqual([head.userId, head.userId]);

    const before = await t.db.applicationEvent.count();
    await board(t.db, head, { filters: {}, perColumn: 20 }, { now: new Date(), calendar, dueSoonWorkingDays: 2 });
    expect(await t.db.applicationEvent.count()).toBe(before);
    // Another department's card is not found, and nothing is written for it.
    const outsider = { ...head, departmentIds: [], rolesByDepartment: new Map() };
    await expect(recordCardRead(t.db, outsider, { applicationId: app.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await t.db.applicationEvent.count()).toBe(before);
  });

  it("records downloads of a file, the receipt and the application's copy", async () => {
    const app = await paperApplication();
    const owner = (await t.db.application.findUniqueOrThrow({ where: { id: app.id } })).ownerId;
    const key = `answers/${randomUUID()}`;
    await storage.put(key, Buffer.from("%PDF-1.7\nответ\n"));
    const file = await t.db.attachment.create({
      data: {
        applicationId: app.id,
        fieldKey: INTERAGENCY_ANSWER_FIELD,
        fileName: "ответ.pdf",
        mimeType: "application/pdf",
        size: 14,
        sha256: "x",
        storageKey: key,
      },
    });
    const call = routeCaller(t.db, storage);
    expect((await call(downloadRoute, { as: registrar.userId, params: { id: file.id } })).status).toBe(200);
    expect((await call(receiptRoute, { as: registrar.userId, params: { id: app.id } })).status).toBe(200);
    expect((await call(applicationPdfRoute, { as: owner, params: { id: app.id } })).status).toBe(200);
    // A refused download records nothing.
    const applicant = (await demoUser(t.db, "applicant")).id;
    expect((await call(downloadRoute, { as: applicant, params: { id: file.id } })).status).toBe(404);

    const downloads = await eventsOf(app.id, "file_downloaded");
    expect(downloads.map((e) => [e.actorId, (e.payload as { kind: string }).kind])).toEqual([
      [registrar.userId, "attachment"],
      [registrar.userId, "receipt"],
      [owner, "application_pdf"],
    ]);
  });

  it("records a deadline escalation once, with whom it went to", async () => {
    const app = await paperApplication();
    const stay = await t.db.applicationStage.findFirstOrThrow({ where: { applicationId: app.id } });
    const notice = {
      userId: head.userId,
      applicationId: app.id,
      kind: "deadline_breached" as const,
      title: "Срок",
      body: "Срок нарушен",
    };
    expect(await sendDeadlineNotice(t.db, { stageId: stay.id, kind: "breach", notices: [notice] })).toBe(true);
    expect(await sendDeadlineNotice(t.db, { stageId: stay.id, kind: "breach", notices: [notice] })).toBe(false);
    const escalations = await eventsOf(app.id, "deadline_escalated");
    expect(escalations.map((e) => e.payload)).toEqual([
      expect.objectContaining({ stageId: stay.id, notified: [head.userId] }),
    ]);
  });
});

describe("what the verifier finds last (these leave the log broken)", () => {
  it("names the event after a deleted one, and events removed from the end", async () => {
    const app = await paperApplication();
    const [submitted, registered] = await eventsOf(app.id);
    await behindTheTrigger(`DELETE FROM "ApplicationEvent" WHERE id = $1`, [submitted!.id]);
    const report = await verifyAuditTrail(t.db);
    expect(report.firstBrokenEvent).toMatchObject({ eventId: registered!.id.toString(), reason: "link" });

    const last = await t.db.applicationEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    await behindTheTrigger(`DELETE FROM "ApplicationEvent" WHERE id = $1`, [last.id]);
    const truncated = await verifyAuditTrail(t.db);
    expect(truncated.problems).toContainEqual(expect.objectContaining({ kind: "chain_head" }));
  });
});
