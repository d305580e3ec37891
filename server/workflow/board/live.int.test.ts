// The live board (issue 13 p.4) on real PostgreSQL: the triggers NOTIFY the department of a changed
// application when the change commits, a hub LISTENs on a connection of its own and tells the boards of
// that department only, the event stream turns that into server-sent events. Two Prisma clients on one
// database stand for two app instances: the change is made through one, the board listens through the
// other. "Nothing was sent" is proven by a marker notification sent after the change: notifications of
// one database arrive in commit order, so whatever the change sent would arrive before the marker.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "../../db/client";
import { loadWorkingCalendar } from "../../calendar/data";
import type { WorkingCalendar } from "../../calendar/working-calendar";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { applicationRow, demoScope, departmentIds, registeredApplication } from "../../test/factories";
import { moveApplication } from "../mutations";
import { BOARD_CHANNEL, BoardChanges, boardEventStream, boardEventsRoute } from "./live";

let t: TestDatabase;
/** The other instance's client: changes go through it, the hub listens through t.db's settings. */
let other: Db;
let calendar: WorkingCalendar;
let departments: Record<string, string>;
let raw: pg.Client;
const heard: string[] = [];

/** Waits for the marker and returns what the channel carried before it (and since the last call). */
async function heardUntilMarker(): Promise<string[]> {
  const marker = `marker-${Math.random().toString(36).slice(2)}`;
  await other.$executeRawUnsafe(`SELECT pg_notify('${BOARD_CHANNEL}', '${marker}')`);
  await eventually(() => heard.includes(marker));
  const before = heard.splice(0, heard.length);
  return before.slice(0, before.indexOf(marker));
}

/** Polls until `check` holds; fails after 10 s (a notification that never comes, not a slow one). */
async function eventually(check: () => boolean) {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > 10_000) throw new Error("the expected notification never came");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const connectTo = (url: string) => () => new pg.Client({ connectionString: url });

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  other = createPrismaClient(t.url, { max: 2 });
  calendar = await loadWorkingCalendar(t.db);
  departments = await departmentIds(t.db);
  raw = new pg.Client({ connectionString: t.url });
  await raw.connect();
  raw.on("notification", (m) => heard.push(m.payload ?? ""));
  await raw.query(`LISTEN ${BOARD_CHANNEL}`);
});
afterAll(async () => {
  await raw.end();
  await other.$disconnect();
  await t.drop();
});

describe("board notifications from the database (issue 13 p.4)", () => {
  it("a registration and a move notify the application's department once each, when they commit", async () => {
    await heardUntilMarker();
    const app = await registeredApplication(other, { serviceCode: "archive-info", calendar });
    const archive = (await other.application.findUniqueOrThrow({ where: { id: app.id } })).departmentId;
    expect(await heardUntilMarker()).toEqual([archive]);
    await moveApplication(other, {
      applicationId: app.id,
      expectedRowVersion: app.rowVersion,
      actor: await demoScope(other, "registrar"),
      request: { transition: "register" },
      calendar,
    });
    // The move writes the application several times in one transaction: PostgreSQL folds them.
    expect(await heardUntilMarker()).toEqual([archive]);
  });

  it("a draft's autosave, a new draft and a rolled-back change send nothing", async () => {
    await heardUntilMarker();
    const draft = await applicationRow(other, { serviceCode: "road-info" });
    await other.application.update({ where: { id: draft.id }, data: { data: { a: 1 }, rowVersion: { increment: 1 } } });
    const submitted = await applicationRow(other, { serviceCode: "road-info", state: { status: "SUBMITTED" } });
    await heardUntilMarker();
    await expect(
      other.$transaction(async (tx) => {
        await tx.application.update({ where: { id: submitted.id }, data: { rowVersion: { increment: 1 } } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await other.application.delete({ where: { id: draft.id } });
    expect(await heardUntilMarker()).toEqual([]);
  });

  it("an inter-agency request sent or answered notifies its application's department", async () => {
    const app = await applicationRow(other, { serviceCode: "archive-info", state: { status: "SUBMITTED" } });
    await heardUntilMarker();
    const request = await other.interagencyRequest.create({
      data: { applicationId: app.id, typeCode: "t", agency: "ФНС", text: "Запрос", dueAt: new Date() },
    });
    await other.interagencyRequest.update({ where: { id: request.id }, data: { answeredAt: new Date() } });
    expect(await heardUntilMarker()).toEqual([app.departmentId, app.departmentId]);
  });
});

describe("the hub and the event stream", () => {
  it("tells a board of the department, not one of another department; the stream says ready, then change", async () => {
    const hub = new BoardChanges(connectTo(t.url), 0);
    const seen = { road: 0, archive: 0 };
    const offRoad = await hub.subscribe(
      [departments.roads!],
      () => seen.road++,
      () => undefined,
    );
    const offArchive = await hub.subscribe(
      [departments.archive!],
      () => seen.archive++,
      () => undefined,
    );
    const abort = new AbortController();
    const response = (await boardEventStream(hub, [departments.roads!], abort.signal, { settleMs: 0, minGapMs: 0 }))!;
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toContain("event: ready");

    await registeredApplication(other, { serviceCode: "road-info", calendar });
    await eventually(() => seen.road === 1);
    expect((await reader.read()).value).toBe("event: change\ndata: {}\n\n");
    await heardUntilMarker(); // the archive's listener has had every notification sent so far
    expect(seen.archive).toBe(0);

    expect(hub.size).toBe(3);
    abort.abort(); // the browser left
    expect((await reader.read()).done).toBe(true);
    offRoad();
    offArchive();
    expect(hub.size).toBe(0);
    await eventually(() => !hub.listening); // the last board gone: the connection is closed
  });

  it("changes in quick succession go out as one event", async () => {
    const hub = new BoardChanges(connectTo(t.url), 0);
    const abort = new AbortController();
    const response = (await boardEventStream(hub, [departments.roads!], abort.signal, { settleMs: 300, minGapMs: 0 }))!;
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // ready
    const app = await applicationRow(other, { serviceCode: "road-info", state: { status: "SUBMITTED" } });
    for (let i = 0; i < 3; i++)
      await other.application.update({ where: { id: app.id }, data: { rowVersion: { increment: 1 } } });
    expect((await reader.read()).value).toBe("event: change\ndata: {}\n\n");
    // Nothing else is queued: the next thing read is the end of the stream.
    abort.abort();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    await hub.close();
  });

  it("a lost LISTEN connection ends the streams, and the next board listens anew", async () => {
    const hub = new BoardChanges(connectTo(t.url), 0);
    const abort = new AbortController();
    const response = (await boardEventStream(hub, [departments.roads!], abort.signal))!;
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // ready
    await other.$executeRawUnsafe(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN ${BOARD_CHANNEL}' AND pid <> ${(await raw.query("SELECT pg_backend_pid() AS pid")).rows[0].pid}`,
    );
    expect((await reader.read()).done).toBe(true);
    expect(hub.listening).toBe(false);

    const again = (await boardEventStream(hub, [departments.roads!], new AbortController().signal))!;
    expect(hub.listening).toBe(true);
    await again.body!.cancel();
    await eventually(() => !hub.listening);
  });

  it("a database that cannot be listened to gives no stream (the route answers 503 and the board polls)", async () => {
    const hub = new BoardChanges(connectTo("postgresql://nobody:wrong@127.0.0.1:1/none"), 0);
    expect(await boardEventStream(hub, [departments.roads!], new AbortController().signal)).toBeNull();
    expect(hub.size).toBe(0);
    expect(hub.listening).toBe(false);
  });

  it("the route gives staff their departments' stream; an applicant gets 403", async () => {
    const registrar = await t.db.user.findUniqueOrThrow({ where: { email: "registrar@demo.reglament.ru" } });
    const applicant = await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } });
    const call = (sessionUserId: string) =>
      boardEventsRoute.run(
        new Request("http://localhost/api/staff/board/events"),
        {},
        {
          db: t.db,
          storage: undefined as never,
          sessionUserId,
        },
      );
    expect((await call(applicant.id)).status).toBe(403);
    const response = await call(registrar.id);
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toContain("event: ready");
    await registeredApplication(other, { serviceCode: "road-info", calendar });
    expect((await reader.read()).value).toBe("event: change\ndata: {}\n\n");
    await reader.cancel();
  });
});
