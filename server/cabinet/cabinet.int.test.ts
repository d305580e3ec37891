// The cabinet's own actions (issue 14 p.4-5) on real PostgreSQL: a draft deleted with its files (and
// nothing of anyone else's), a submitted application withdrawn before the decision (the event, the
// staff notified, the deadlines stopped), a refusal once decided; the service rated once, after the
// result (R21, R27; S1 p.27, S2 p.73).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { applicantAccount, applicationRow, demoScope, demoUser, registeredApplication } from "../test/factories";
import { callerAs, failure } from "../test/callers";
import { pdfBytes } from "../test/files";
import { LocalFileStorage } from "../storage/storage";
import { uploadAttachment } from "../attachment/mutations";
import { startDraft } from "../application/mutations";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { moveApplication } from "../workflow/mutations";
import { monitorDeadlines } from "../workflow/monitor";
import { deleteDraft, withdrawApplication } from "./mutations";
import { rateService, ALREADY_RATED } from "../rating/mutations";

let t: TestDatabase;
let storage: LocalFileStorage;
let calendar: WorkingCalendar;
let owner: { id: string; email: string };

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-cabinet-")));
  calendar = await loadWorkingCalendar(t.db);
  owner = await demoUser(t.db, "applicant");
});
afterAll(() => t.drop());

const upload = (userId: string, applicationId: string) =>
  uploadAttachment(t.db, storage, {
    userId,
    applicationId,
    fieldKey: "attachments",
    fileName: "скан.pdf",
    content: pdfBytes(),
  });
const keyOf = async (id: string) => (await t.db.attachment.findUniqueOrThrow({ where: { id } })).storageKey;

describe("deleting a draft", () => {
  it("removes the draft, its attachments and their stored files; another's draft and its file stay", async () => {
    const mine = await startDraft(t.db, { ownerId: owner.id, serviceCode: "archive-info" });
    const other = await applicantAccount(t.db);
    const theirs = await startDraft(t.db, { ownerId: other.id, serviceCode: "archive-info" });
    const myKeys = [
      await keyOf((await upload(owner.id, mine.id)).id),
      await keyOf((await upload(owner.id, mine.id)).id),
    ];
    const theirKey = await keyOf((await upload(other.id, theirs.id)).id);

    // Someone else's draft is not found, and nothing of it is touched.
    await expect(deleteDraft(t.db, storage, { ownerId: owner.id, id: theirs.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await storage.exists(theirKey)).toBe(true);

    expect(await deleteDraft(t.db, storage, { ownerId: owner.id, id: mine.id })).toEqual({ id: mine.id, files: 2 });
    expect(await t.db.application.count({ where: { id: mine.id } })).toBe(0);
    expect(await t.db.attachment.count({ where: { applicationId: mine.id } })).toBe(0);
    for (const key of myKeys) expect(await storage.exists(key)).toBe(false);
    expect(await t.db.application.count({ where: { id: theirs.id } })).toBe(1);
    expect(await storage.exists(theirKey)).toBe(true);
  });

  it("a submitted application is not a draft: not found for deletion", async () => {
    const app = await registeredApplication(t.db, { serviceCode: "archive-info", ownerId: owner.id, calendar });
    const e = await failure(callerAs(t.db, owner.id).cabinet.deleteDraft({ id: app.id }));
    expect(e.code).toBe("NOT_FOUND");
    expect(await t.db.application.count({ where: { id: app.id } })).toBe(1);
  });
});

describe("withdrawing an application", () => {
  it("records the withdrawal with its reason, tells the registrars, and the deadline monitor ignores it", async () => {
    const app = await registeredApplication(t.db, {
      serviceCode: "archive-info",
      ownerId: owner.id,
      calendar,
      receivedAt: new Date("2026-06-01T05:00:00Z"),
    });
    const stage = await t.db.applicationStage.findFirstOrThrow({ where: { applicationId: app.id, leftAt: null } });
    const at = new Date("2026-06-01T06:00:00Z");
    const result = await callerAs(t.db, owner.id).cabinet.withdraw({ id: app.id, reason: "Документы больше не нужны" });
    expect(result.notified).toBeGreaterThan(0);
    const row = await t.db.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({ status: "WITHDRAWN", outcome: "withdrawn" });
    expect(row.closedAt).not.toBeNull();
    const event = await t.db.applicationEvent.findFirstOrThrow({ where: { applicationId: app.id, type: "withdrawn" } });
    expect(event).toMatchObject({ actorId: owner.id, payload: { reason: "Документы больше не нужны" } });
    // Before an executor is assigned, the department's registrars are told.
    const registrar = await demoUser(t.db, "registrar");
    const notice = await t.db.notification.findFirstOrThrow({
      where: { userId: registrar.id, applicationId: app.id, kind: "application_withdrawn" },
    });
    expect(notice.body).toContain("Причина: Документы больше не нужны");
    expect((await t.db.applicationStage.findUniqueOrThrow({ where: { id: stage.id } })).leftAt).not.toBeNull();

    // Its deadline has long passed: no warning, no escalation.
    const late = new Date(stage.dueAt!.getTime() + 30 * 86_400_000);
    await monitorDeadlines(t.db, { now: late, calendar, dueSoonWorkingDays: 2 });
    await monitorDeadlines(t.db, { now: at, calendar, dueSoonWorkingDays: 2 });
    expect(
      await t.db.notification.count({
        where: { applicationId: app.id, kind: { in: ["deadline_due_soon", "deadline_breached"] } },
      }),
    ).toBe(0);

    // Withdrawn once: a second attempt is refused.
    const again = await failure(callerAs(t.db, owner.id).cabinet.withdraw({ id: app.id, reason: "Ещё раз" }));
    expect(again.code).toBe("PRECONDITION_FAILED");
  });

  it("the assigned executor is told instead of the registrars", async () => {
    const app = await registeredApplication(t.db, { serviceCode: "archive-info", ownerId: owner.id, calendar });
    let rowVersion = app.rowVersion;
    const executor = await demoUser(t.db, "executor");
    for (const [who, request] of [
      ["registrar", { transition: "register" }],
      ["head", { transition: "assign_executor", executorId: executor.id }],
    ] as const) {
      ({ rowVersion } = await moveApplication(t.db, {
        applicationId: app.id,
        expectedRowVersion: rowVersion,
        actor: await demoScope(t.db, who),
        request,
        calendar,
      }));
    }
    await withdrawApplication(t.db, { ownerId: owner.id, id: app.id, reason: "Передумал", now: new Date() });
    const notices = await t.db.notification.findMany({
      where: { applicationId: app.id, kind: "application_withdrawn" },
    });
    expect(notices.map((n) => n.userId)).toEqual([executor.id]);
    // The process stops: the executor can no longer move it.
    await expect(
      moveApplication(t.db, {
        applicationId: app.id,
        expectedRowVersion: rowVersion + 1,
        actor: await demoScope(t.db, "executor"),
        request: { transition: "no_grounds_found" },
        calendar,
      }),
    ).rejects.toMatchObject({ code: "PRECONDITION" });
  });

  it("is refused once the application is decided, and someone else's is not found", async () => {
    const closed = await applicationRow(t.db, {
      serviceCode: "archive-info",
      ownerId: owner.id,
      state: { status: "CLOSED", outcome: "granted", closedAt: new Date(), registrationNumber: `T-${randomUUID()}` },
    });
    const e = await failure(callerAs(t.db, owner.id).cabinet.withdraw({ id: closed.id, reason: "Поздно" }));
    expect(e.code).toBe("PRECONDITION_FAILED");
    expect(e.message).toBe("Решение по заявлению уже принято: отозвать его нельзя");
    expect(await t.db.applicationEvent.count({ where: { applicationId: closed.id } })).toBe(0);

    const stranger = await applicantAccount(t.db);
    const app = await registeredApplication(t.db, { serviceCode: "archive-info", ownerId: owner.id, calendar });
    const nf = await failure(callerAs(t.db, stranger.id).cabinet.withdraw({ id: app.id, reason: "Чужое" }));
    expect(nf.code).toBe("NOT_FOUND");
    expect((await t.db.application.findUniqueOrThrow({ where: { id: app.id } })).status).toBe("SUBMITTED");
  });
});

describe("rating the service (R21, R27; S1 p.27, S2 p.73)", () => {
  it("once per application, after the result: a second rating is refused", async () => {
    const app = await applicationRow(t.db, {
      serviceCode: "archive-info",
      ownerId: owner.id,
      state: { status: "CLOSED", outcome: "granted", closedAt: new Date(), registrationNumber: `T-${randomUUID()}` },
    });
    const caller = callerAs(t.db, owner.id);
    expect(await caller.rating.mine({ id: app.id })).toEqual({ canRate: true, rating: null });
    await caller.rating.rate({ applicationId: app.id, score: 4, comment: "  Быстро и вежливо  " });
    const second = await failure(caller.rating.rate({ applicationId: app.id, score: 1, comment: "" }));
    expect(second.code).toBe("CONFLICT");
    expect(second.message).toBe(ALREADY_RATED);
    // Two at once: still one.
    const other = await applicationRow(t.db, {
      serviceCode: "archive-info",
      ownerId: owner.id,
      state: { status: "CLOSED", outcome: "refused", closedAt: new Date(), registrationNumber: `T-${randomUUID()}` },
    });
    const both = await Promise.allSettled(
      [5, 3].map((score) => rateService(t.db, { userId: owner.id, applicationId: other.id, score, comment: "" })),
    );
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.rating.findUniqueOrThrow({ where: { applicationId: app.id } })).toMatchObject({
      score: 4,
      comment: "Быстро и вежливо",
      userId: owner.id,
    });
    expect((await caller.rating.mine({ id: app.id })).canRate).toBe(false);

    // Heads and administrators see it per service; an executor does not.
    const head = await demoUser(t.db, "head");
    const admin = await demoUser(t.db, "admin");
    const otherScore = (await t.db.rating.findUniqueOrThrow({ where: { applicationId: other.id } })).score;
    const expected = [0, 0, 0, 1, 0];
    expected[otherScore - 1]! += 1;
    for (const who of [head.id, admin.id]) {
      const archive = (await callerAs(t.db, who).rating.byService()).find((s) => s.code === "archive-info")!;
      expect(archive).toMatchObject({ count: 2, average: (4 + otherScore) / 2, distribution: expected });
      expect(archive.comments.map((c) => c.comment)).toEqual(["Быстро и вежливо"]);
    }
    expect((await failure(callerAs(t.db, (await demoUser(t.db, "executor")).id).rating.byService())).code).toBe(
      "FORBIDDEN",
    );
  });

  it("not before the result: a submitted application without an issued document cannot be rated; an issued one can", async () => {
    const app = await registeredApplication(t.db, { serviceCode: "archive-info", ownerId: owner.id, calendar });
    const caller = callerAs(t.db, owner.id);
    expect((await failure(caller.rating.rate({ applicationId: app.id, score: 5, comment: "" }))).code).toBe(
      "PRECONDITION_FAILED",
    );
    await t.db.resultDocument.create({
      data: {
        applicationId: app.id,
        resultType: "info_letter",
        kind: "result",
        title: "Архивная справка",
        storageKey: `results/${randomUUID()}`,
        sha256: "x",
        issuedAt: new Date(),
      },
    });
    await caller.rating.rate({ applicationId: app.id, score: 5, comment: "" });
    expect((await t.db.rating.findUniqueOrThrow({ where: { applicationId: app.id } })).comment).toBeNull();
    // Someone else's application is not found.
    const stranger = await applicantAccount(t.db);
    expect(
      (await failure(callerAs(t.db, stranger.id).rating.rate({ applicationId: app.id, score: 1, comment: "" }))).code,
    ).toBe("NOT_FOUND");
  });
});
