// The auditors' log (issue 11, R3) against real PostgreSQL: one list over the application event log
// and the administrators' log, its filters, keyset pages that neither repeat nor skip a row (ties of
// `at` across the two logs included), the CSV export, who may read it, and the chain check run from
// the auditors' page naming an event changed behind the trigger.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { loadWorkingCalendar } from "../../calendar/data";
import { createAccount, demoUser, registeredApplication } from "../../test/factories";
import { routeCaller } from "../../test/rest";
import { createCaller } from "../../api/root";
import { createContext } from "../../api/trpc";
import type { Session } from "next-auth";
import { recordAdminEvent } from "../mutations";
import { auditLog, type AuditRow } from "./data";
import { auditExportRoute, exportStream } from "./http";
import type { AuditFilter } from "./schema";

let t: TestDatabase;
let app: { id: string; number: string };
let other: { id: string; number: string };
let registrar: { id: string; email: string };
let admin: { id: string; email: string };
let auditor: { id: string; email: string };

/** Asia/Yekaterinburg, UTC+5: the tests pass the offset, the app takes it from the configuration. */
const OFFSET = 300;
const DAY = "2031-03-10";
/** 2031-03-10 00:00 at UTC+5. */
const DAY_START = Date.UTC(2031, 2, 9, 19, 0, 0);
const IN_DAY = 30;

const page = (filter: AuditFilter, after?: string, limit = 50) =>
  auditLog(t.db, { filter, after, limit }, { utcOffsetMinutes: OFFSET });

async function all(filter: AuditFilter, limit: number): Promise<{ rows: AuditRow[]; pages: number }> {
  const rows: AuditRow[] = [];
  let after: string | undefined;
  let pages = 0;
  for (;;) {
    const p = await page(filter, after, limit);
    pages++;
    rows.push(...p.rows);
    if (!p.next) return { rows, pages };
    after = p.next;
    if (pages > 1000) throw new Error("no end");
  }
}

const session = (userId: string | null) =>
  (userId
    ? {
        user: { id: userId, email: "", name: "", roles: [], departmentIds: [], authMethod: "password" },
        expires: "2099-01-01T00:00:00Z",
      }
    : null) as unknown as Session | null;
const callerAs = (userId: string | null) => createCaller(() => createContext({ db: t.db, session: session(userId) }));

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  const calendar = await loadWorkingCalendar(t.db);
  registrar = await demoUser(t.db, "registrar");
  admin = await demoUser(t.db, "admin");
  auditor = await demoUser(t.db, "auditor");
  const registered = async () => {
    const r = await registeredApplication(t.db, { serviceCode: "archive-info", calendar, actorId: registrar.id });
    return { id: r.id, number: r.registrationNumber };
  };
  app = await registered();
  other = await registered();
  const departmentId = (await t.db.department.findFirstOrThrow({ where: { code: "archive" } })).id;
  // One day of activity, three rows to a second (ties of `at`, across both logs): even rows are card
  // views of `app` by the registrar, odd ones the administrator renaming a department.
  for (let i = 0; i < IN_DAY; i++) {
    const at = new Date(DAY_START + 3600_000 + Math.floor(i / 3) * 1000);
    if (i % 2 === 0)
      await t.db.applicationEvent.create({
        data: { applicationId: app.id, actorId: registrar.id, type: "card_viewed", at },
      });
    else
      await t.db.$transaction((tx) =>
        recordAdminEvent(tx, {
          actorId: admin.id,
          type: "department_updated",
          subjectType: "department",
          subjectId: departmentId,
          before: { name: `Архив ${i}`, phone: "1" },
          after: { name: `Архив ${i + 1}`, phone: "1" },
          at,
        }),
      );
  }
  // Either side of the day's edges at UTC+5: 23:59 the day before, 00:00 the day after.
  await t.db.applicationEvent.create({
    data: {
      applicationId: other.id,
      actorId: registrar.id,
      type: "file_downloaded",
      at: new Date(DAY_START - 60_000),
      payload: { kind: "receipt", id: "x" },
    },
  });
  await t.db.applicationEvent.create({
    data: {
      applicationId: other.id,
      actorId: registrar.id,
      type: "file_downloaded",
      at: new Date(DAY_START + 86_400_000),
      payload: { kind: "receipt", id: "x" },
    },
  });
});
afterAll(() => t.drop());

describe("the auditors' log", () => {
  it("lists both logs as one, newest first, with who, what and the changed keys", async () => {
    const { rows } = await page({ from: DAY, to: DAY });
    expect(rows).toHaveLength(IN_DAY);
    const keys = rows.map((r) => [r.at.getTime(), r.log === "application" ? 1 : 0, BigInt(r.id)] as const);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1]!, keys[i]!];
      expect(a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] > b[2])))).toBe(true);
    }
    const view = rows.find((r) => r.log === "application")!;
    expect(view).toMatchObject({
      kind: "Просмотр карточки заявления",
      actor: { name: "Петрова Мария Сергеевна", email: registrar.email },
      application: { id: app.id, registrationNumber: app.number },
      subject: `Заявление № ${app.number}`,
    });
    const change = rows.find((r) => r.log === "admin")!;
    expect(change).toMatchObject({
      kind: "Подразделение изменено",
      actor: { email: admin.email },
      application: null,
      subject: expect.stringMatching(/^Подразделение «/),
    });
    // Only the key that changed, with both values.
    expect(change.changes).toEqual([
      { key: "name", before: expect.stringMatching(/^Архив \d+$/), after: expect.any(String) },
    ]);
  });

  it("pages by the keyset cursor without repeating or skipping a row, ties of `at` across the logs included", async () => {
    const whole = (await page({ from: DAY, to: DAY }, undefined, 100)).rows.map((r) => r.key);
    for (const size of [1, 4, 7]) {
      const { rows, pages } = await all({ from: DAY, to: DAY }, size);
      expect(rows.map((r) => r.key)).toEqual(whole);
      expect(new Set(rows.map((r) => r.key)).size).toBe(IN_DAY);
      expect(pages).toBe(Math.ceil(IN_DAY / size));
    }
    // The whole log pages the same way (the seed's own events below the day).
    const total = (await t.db.applicationEvent.count()) + (await t.db.adminEvent.count());
    const { rows } = await all({}, 9);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.key)).size).toBe(total);
  });

  it("filters by person (name or e-mail), kind, application number and period", async () => {
    const day = { from: DAY, to: DAY };
    const byName = (await page({ ...day, person: "петрова мар" })).rows;
    expect(byName).toHaveLength(IN_DAY / 2);
    expect(byName.every((r) => r.actor?.email === registrar.email)).toBe(true);
    const byMail = (await page({ ...day, person: "ADMIN@demo" })).rows;
    expect(byMail).toHaveLength(IN_DAY / 2);
    expect(byMail.every((r) => r.log === "admin")).toBe(true);
    // LIKE's wildcards are taken literally.
    expect((await page({ ...day, person: "%" })).rows).toEqual([]);

    const kind = (await page({ ...day, kind: "admin:department_updated" })).rows;
    expect(kind).toHaveLength(IN_DAY / 2);
    expect((await page({ ...day, kind: "application:card_viewed" })).rows.every((r) => r.type === "card_viewed")).toBe(
      true,
    );
    expect((await page({ ...day, kind: "admin:role_granted" })).rows).toEqual([]);

    // An application's events, whatever the letter case of its number; the administrators' log has none.
    const ofApp = (await all({ application: app.number.toLowerCase() }, 50)).rows;
    expect(ofApp.length).toBeGreaterThan(IN_DAY / 2);
    expect(ofApp.every((r) => r.application?.id === app.id)).toBe(true);
    expect((await page({ application: "НЕТ-ТАКОГО-1" })).rows).toEqual([]);

    // Days in the municipality's zone: 23:59 the day before and 00:00 the day after are outside.
    const edges = (await all({ application: other.number, from: DAY, to: DAY }, 50)).rows;
    expect(edges.filter((r) => r.type === "file_downloaded")).toEqual([]);
    const dayBefore = (await page({ application: other.number, to: "2031-03-09", from: "2031-03-09" })).rows;
    expect(dayBefore.map((r) => r.at.getTime())).toEqual([DAY_START - 60_000]);
    expect(dayBefore[0]!.details).toBe("Файл: расписка");
    const dayAfter = (await page({ application: other.number, from: "2031-03-11" })).rows;
    expect(dayAfter.map((r) => r.at.getTime())).toEqual([DAY_START + 86_400_000]);
  });
});

describe("the CSV export", () => {
  it("is UTF-8 with a BOM, `;`-separated, quoted, and defuses formulas", async () => {
    const sly = await createAccount(t.db, {
      email: "sly@example.ru",
      lastName: '=HYPERLINK("http://evil";"x")',
      firstName: "-1+2",
      roles: ["ADMIN"],
      password: null,
      emailVerified: true,
    });
    await t.db.$transaction((tx) =>
      recordAdminEvent(tx, {
        actorId: sly.id,
        type: "role_granted",
        subjectType: "user",
        subjectId: sly.id,
        before: { roles: [] },
        after: { roles: ["ADMIN"] },
        at: new Date(Date.UTC(2032, 0, 15, 7, 0)),
      }),
    );
    const res = await routeCaller(t.db)(auditExportRoute, {
      as: auditor.id,
      params: {},
      url: "/api/audit/export?person=sly%40example&from=2032-01-15&to=2032-01-15",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="audit-log-[\d-]+\.csv"; filename\*=UTF-8''/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "Дата и время;Время (UTC, ISO 8601);Журнал;Вид действия;Кто;Электронная почта;Регистрационный номер заявления;Предмет;Подробности;Изменения (было → стало);Номер записи",
    );
    expect(lines).toHaveLength(3); // header, one row, the final CRLF's empty tail
    // The name starts with "=": an apostrophe first; it has quotes and `;`: quoted, quotes doubled.
    expect(lines[1]).toContain(`;"'=HYPERLINK(""http://evil"";""x"") -1+2";sly@example.ru;;`);
    expect(lines[1]).toContain(";Администрирование;Роль назначена;");
    expect(lines[1]).toContain(`"roles: [] → [""ADMIN""]"`);
    expect(lines[1]).toContain(";2032-01-15T07:00:00.000Z;");
  });

  it("streams in keyset batches and stops at its bound with a note", async () => {
    const stream = exportStream(t.db, { from: DAY, to: DAY }, { maxRows: 7 });
    const text = await new Response(stream).text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean);
    expect(lines).toHaveLength(1 + 7 + 1);
    expect(lines.at(-1)).toMatch(/^Выгрузка ограничена 7 строками/);
    const full = await new Response(exportStream(t.db, { from: DAY, to: DAY })).text();
    expect(full.split("\r\n").filter(Boolean)).toHaveLength(1 + IN_DAY);
  });

  it("refuses a bad filter with the field's message, and everyone but the administrator and the auditor", async () => {
    const call = routeCaller(t.db);
    const bad = await call(auditExportRoute, { as: auditor.id, params: {}, url: "/api/audit/export?from=2031-02-30" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fieldErrors: { from: expect.stringMatching(/ГГГГ-ММ-ДД/) } });
    expect((await call(auditExportRoute, { as: null, params: {} })).status).toBe(401);
    expect((await call(auditExportRoute, { as: registrar.id, params: {} })).status).toBe(403);
    expect((await call(auditExportRoute, { as: (await demoUser(t.db, "applicant")).id, params: {} })).status).toBe(403);
    expect((await call(auditExportRoute, { as: admin.id, params: {}, url: "/?kind=admin:role_granted" })).status).toBe(
      200,
    );
  });
});

describe("the auditor", () => {
  it("reads the log and runs the check, but calls no administrator's procedure", async () => {
    const caller = callerAs(auditor.id);
    expect((await caller.audit.log({ filter: { from: DAY, to: DAY } })).rows).toHaveLength(IN_DAY);
    await expect(caller.admin.overview()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.staff.board({ filters: {} })).rejects.toBeInstanceOf(TRPCError);
    await expect(callerAs(registrar.id).audit.log({ filter: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(null).audit.verify()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // A role revoked since the session began counts at once.
    const revoked = await createAccount(t.db, {
      email: "ex-auditor@example.ru",
      lastName: "Бывший",
      firstName: "Аудитор",
      roles: ["AUDITOR"],
      password: null,
      emailVerified: true,
    });
    await t.db.user.update({ where: { id: revoked.id }, data: { roles: [] } });
    await expect(callerAs(revoked.id).audit.log({ filter: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a malformed cursor or filter as bad input", async () => {
    const caller = callerAs(auditor.id);
    await expect(caller.audit.log({ filter: {}, after: "1 OR 1=1" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.audit.log({ filter: { kind: "admin:drop_table" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.audit.log({ filter: { from: "2031-03-11", to: "2031-03-10" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("the chain check from the auditors' page", () => {
  it("says the log is intact, then names the event an owner changed behind the trigger", async () => {
    const caller = callerAs(auditor.id);
    const intact = await caller.audit.verify();
    expect(intact).toMatchObject({ ok: true, problemCount: 0, firstBrokenEvent: null });
    expect(intact.events).toBeGreaterThan(IN_DAY / 2);

    const victim = await t.db.applicationEvent.findFirstOrThrow({
      where: { applicationId: app.id, type: "card_viewed" },
      orderBy: { id: "asc" },
    });
    // As the owner of the database, the way a tamperer would: the append-only trigger switched off.
    const owner = new pg.Client({ connectionString: t.url });
    await owner.connect();
    try {
      await owner.query(
        `ALTER TABLE "ApplicationEvent" DISABLE TRIGGER "ApplicationEvent_append_only";
         UPDATE "ApplicationEvent" SET "actorId" = NULL WHERE id = ${victim.id};
         ALTER TABLE "ApplicationEvent" ENABLE TRIGGER "ApplicationEvent_append_only"`,
      );
    } finally {
      await owner.end();
    }
    const broken = await caller.audit.verify();
    expect(broken.ok).toBe(false);
    expect(broken.firstBrokenEvent).toMatchObject({ eventId: victim.id.toString(), reason: "hash" });
    expect(broken.problems[0]).toMatchObject({
      kind: "event",
      id: victim.id.toString(),
      message: expect.stringMatching(/изменено/),
    });
  });
});
