// The auditors' log (issue 11, R3; 152-FZ: access to personal data is recorded): every recorded
// action, newest first, from the application event log (transitions, card views, downloads,
// escalations...) and the administrators' log (departments, accounts and roles, calendar, schedules,
// editions) as one list.
//
// Scale: at 100,000 applications the two logs hold millions of rows, so a page is never found by
// OFFSET. The order is (at, log, id) descending, and a page starts strictly below the last row of
// the one before (its cursor, ./schema.ts CURSOR). Each log is read by its own (at, id) index
// (ApplicationEvent: at+id, actorId+at, type+at, applicationId+at; AdminEvent: at, actorId+at,
// type+at) with LIMIT n+1, and the two short lists are merged: a page costs two index range scans
// whatever its depth. The filters narrow the same scans (person: the matching accounts' ids; kind:
// one log and one type; application: that application's events, which leaves the administrators'
// log out; period: a range of `at`).
import "server-only";
import type { Db } from "../../db/client";
import { Prisma } from "../../generated/prisma/client";
import { personName } from "../../people";
import { ADMIN_EVENT_LABEL, ADMIN_SUBJECT_LABEL } from "../admin-event-types";
import { verifyAuditTrail, type AuditReport } from "../data";
import { EVENT_LABEL } from "../event-labels";
import { changedKeys, type Change } from "./changes";
import { AUDIT_PAGE_SIZE, parseKind, type AuditFilter } from "./schema";

export type AuditRow = {
  /** The row's cursor: pass it as `after` for the rows below it. */
  key: string;
  log: "application" | "admin";
  id: string;
  at: Date;
  type: string;
  /** The kind in Russian. */
  kind: string;
  actor: { name: string; email: string } | null;
  application: { id: string; registrationNumber: string | null } | null;
  /** What it concerns, in Russian: «Заявление № …», «Подразделение «…»», «Учётная запись …». */
  subject: string;
  /** An application event's particulars (a move, what was downloaded), or null. */
  details: string | null;
  /** An administrator's change: the keys it changed, before and after. */
  changes: Change[];
};

export type AuditPage = { rows: AuditRow[]; next: string | null };

type KeyRow = { log: number; id: bigint; at: string };

/** The first instant of a civil date in the municipality's zone, as UTC text for `timestamp` columns. */
function startOfLocalDay(date: string, utcOffsetMinutes: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - utcOffsetMinutes * 60_000).toISOString();
}
const nextDay = (date: string) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};
const utc = (iso: string) => Prisma.sql`(${iso}::timestamptz AT TIME ZONE 'UTC')`;

/** `%text%` for ILIKE, its own % _ \ taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The rows' keys of one page, merged from both logs. `applicationId` is the application the number
 * names (undefined: no such filter; null: the number names none, so nothing matches).
 */
async function pageKeys(
  db: Db,
  filter: AuditFilter,
  applicationId: string | null | undefined,
  after: string | undefined,
  take: number,
  utcOffsetMinutes: number,
): Promise<KeyRow[]> {
  if (applicationId === null) return [];
  const kind = filter.kind ? parseKind(filter.kind) : null;
  const logs: ("application" | "admin")[] = [];
  if (!kind || kind.source === "application") logs.push("application");
  if ((!kind || kind.source === "admin") && applicationId === undefined) logs.push("admin");

  const cursor = after
    ? (() => {
        const [at, log, id] = after.split("_") as [string, string, string];
        return { at, log: Number(log), id: BigInt(id) };
      })()
    : null;

  const parts = logs.map((log) => {
    const table = log === "application" ? Prisma.sql`"ApplicationEvent"` : Prisma.sql`"AdminEvent"`;
    const self = log === "application" ? 1 : 0;
    const where: Prisma.Sql[] = [];
    if (cursor) {
      const at = Prisma.sql`${cursor.at}::timestamp`;
      // Below the cursor in (at, log, id) order: this log sorts above the cursor's at the same instant
      // (self > cursor.log), level with it (then by id), or below it.
      if (self > cursor.log) where.push(Prisma.sql`e."at" < ${at}`);
      else if (self === cursor.log) where.push(Prisma.sql`(e."at", e."id") < (${at}, ${cursor.id})`);
      else where.push(Prisma.sql`e."at" <= ${at}`);
    }
    if (kind) where.push(Prisma.sql`e."type" = ${kind.type}`);
    if (applicationId) where.push(Prisma.sql`e."applicationId" = ${applicationId}::uuid`);
    if (filter.person) {
      const like = contains(filter.person);
      where.push(Prisma.sql`e."actorId" IN (SELECT u."id" FROM "User" u
        WHERE u."email" ILIKE ${like}
           OR concat_ws(' ', u."lastName", u."firstName", u."middleName") ILIKE ${like})`);
    }
    if (filter.from) where.push(Prisma.sql`e."at" >= ${utc(startOfLocalDay(filter.from, utcOffsetMinutes))}`);
    if (filter.to) where.push(Prisma.sql`e."at" < ${utc(startOfLocalDay(nextDay(filter.to), utcOffsetMinutes))}`);
    const whereSql = where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
    return Prisma.sql`(SELECT ${self}::int AS "log", e."id", to_char(e."at", 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "at", e."at" AS "sortAt"
      FROM ${table} e ${whereSql} ORDER BY e."at" DESC, e."id" DESC LIMIT ${take})`;
  });
  if (parts.length === 0) return [];
  return db.$queryRaw<KeyRow[]>`
    SELECT "log", "id", "at" FROM (${Prisma.join(parts, " UNION ALL ")}) u
    ORDER BY "sortAt" DESC, "log" DESC, "id" DESC LIMIT ${take}`;
}

const DOWNLOAD_LABEL: Record<string, string> = {
  attachment: "вложение",
  result: "документ — результат услуги",
  receipt: "расписка",
  application_pdf: "заявление в PDF",
};

function applicationDetails(e: { type: string; fromStage: string | null; toStage: string | null; payload: unknown }) {
  const p = (e.payload ?? {}) as Record<string, unknown>;
  if (e.type === "file_downloaded") return `Файл: ${DOWNLOAD_LABEL[String(p.kind)] ?? String(p.kind ?? "")}`;
  if (e.fromStage && e.toStage && e.fromStage !== e.toStage) return `Из «${e.fromStage}» в «${e.toStage}»`;
  if (!e.fromStage && e.toStage && e.type !== "card_viewed") return `Этап «${e.toStage}»`;
  if (typeof p.title === "string") return p.title;
  return null;
}

/** Names for the subjects of administrators' changes: departments, accounts, services, editions. */
async function subjectNames(db: Db, events: { subjectType: string; subjectId: string }[]) {
  const ids = (type: string) => [
    ...new Set(events.filter((e) => e.subjectType === type && isUuidLike(e.subjectId)).map((e) => e.subjectId)),
  ];
  const [departments, users, services, versions] = await Promise.all([
    db.department.findMany({ where: { id: { in: ids("department") } }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { id: { in: ids("user") } },
      select: { id: true, email: true, lastName: true, firstName: true, middleName: true },
    }),
    db.service.findMany({ where: { id: { in: ids("service") } }, select: { id: true, title: true } }),
    db.regulationVersion.findMany({
      where: { id: { in: ids("regulation_version") } },
      select: { id: true, version: true, service: { select: { title: true } } },
    }),
  ]);
  const names = new Map<string, string>();
  for (const d of departments) names.set(`department:${d.id}`, `«${d.name}»`);
  for (const u of users) names.set(`user:${u.id}`, `${personName(u)} (${u.email})`);
  for (const s of services) names.set(`service:${s.id}`, `«${s.title}»`);
  for (const v of versions) names.set(`regulation_version:${v.id}`, `«${v.service.title}», редакция № ${v.version}`);
  return names;
}

const isUuidLike = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** One page of the log, newest first; `next` is the cursor of the page below (null: this is the last). */
export async function auditLog(
  db: Db,
  input: { filter: AuditFilter; after?: string; limit?: number },
  options: { utcOffsetMinutes: number },
): Promise<AuditPage> {
  const limit = input.limit ?? AUDIT_PAGE_SIZE;
  const { filter } = input;
  let applicationId: string | null | undefined;
  if (filter.application) {
    const app = await db.application.findFirst({
      where: { registrationNumber: { equals: filter.application, mode: "insensitive" } },
      select: { id: true },
    });
    applicationId = app?.id ?? null;
  }
  const keys = await pageKeys(db, filter, applicationId, input.after, limit + 1, options.utcOffsetMinutes);
  const more = keys.length > limit;
  const page = keys.slice(0, limit);
  const ids = (log: number) => page.filter((k) => k.log === log).map((k) => k.id);
  const [appEvents, adminEvents] = await Promise.all([
    db.applicationEvent.findMany({
      where: { id: { in: ids(1) } },
      select: {
        id: true,
        at: true,
        type: true,
        fromStage: true,
        toStage: true,
        payload: true,
        application: { select: { id: true, registrationNumber: true } },
        actor: { select: { email: true, lastName: true, firstName: true, middleName: true } },
      },
    }),
    db.adminEvent.findMany({
      where: { id: { in: ids(0) } },
      select: {
        id: true,
        at: true,
        type: true,
        subjectType: true,
        subjectId: true,
        before: true,
        after: true,
        actor: { select: { email: true, lastName: true, firstName: true, middleName: true } },
      },
    }),
  ]);
  const names = await subjectNames(db, adminEvents);
  const app = new Map(appEvents.map((e) => [e.id, e]));
  const admin = new Map(adminEvents.map((e) => [e.id, e]));
  const actorOf = (a: { email: string; lastName: string; firstName: string; middleName: string | null } | null) =>
    a ? { name: personName(a), email: a.email } : null;
  const keyOf = (k: KeyRow) => `${k.at}_${k.log}_${k.id}`;

  const rows: AuditRow[] = page.flatMap((k): AuditRow[] => {
    if (k.log === 1) {
      const e = app.get(k.id);
      if (!e) return [];
      return [
        {
          key: keyOf(k),
          log: "application",
          id: e.id.toString(),
          at: e.at,
          type: e.type,
          kind: EVENT_LABEL[e.type] ?? e.type,
          actor: actorOf(e.actor),
          application: e.application,
          subject: `Заявление № ${e.application.registrationNumber ?? "— (не зарегистрировано)"}`,
          details: applicationDetails(e),
          changes: [],
        },
      ];
    }
    const e = admin.get(k.id);
    if (!e) return [];
    const what = ADMIN_SUBJECT_LABEL[e.subjectType as keyof typeof ADMIN_SUBJECT_LABEL] ?? e.subjectType;
    return [
      {
        key: keyOf(k),
        log: "admin",
        id: e.id.toString(),
        at: e.at,
        type: e.type,
        kind: ADMIN_EVENT_LABEL[e.type as keyof typeof ADMIN_EVENT_LABEL] ?? e.type,
        actor: actorOf(e.actor),
        application: null,
        subject: `${what} ${names.get(`${e.subjectType}:${e.subjectId}`) ?? e.subjectId}`,
        details: null,
        changes: changedKeys(e.before, e.after),
      },
    ];
  });
  return { rows, next: more && page.length ? keyOf(page[page.length - 1]!) : null };
}

/** What the page shows of the chain check: the report with its first problems (the rest are counted). */
export type AuditCheck = Omit<AuditReport, "problems"> & { problems: AuditReport["problems"]; problemCount: number };

const SHOWN_PROBLEMS = 20;

/**
 * The tamper-evidence check of the application event log (`npm run audit:verify`, ../data.ts) run
 * from the auditors' page. The administrators' log is append-only (a database trigger) but not yet
 * hash-chained, so it is not part of this check.
 */
export async function checkAuditTrail(db: Db): Promise<AuditCheck> {
  const report = await verifyAuditTrail(db);
  return { ...report, problems: report.problems.slice(0, SHOWN_PROBLEMS), problemCount: report.problems.length };
}
