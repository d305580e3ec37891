// The quality indicators (issue 14 p.6; R27; S0 p.10; S1 p.25: deadlines met, queue waiting time not
// exceeded, no justified complaints), per service, per department and in total over a period.
//
// Every figure is an SQL aggregate over the rows of the period, grouped by (department, service): no
// application is loaded into memory, whatever the municipality's size. Each query reads by a range or
// a key its table has an index for (Application: departmentId+status+stageDueAt for "decided" and
// "overdue now"; ApplicationStage: leftAt+dueAt; Appointment: departmentId+startsAt / serviceId+startsAt;
// Complaint: registeredAt; Rating: serviceId+createdAt). Applications have no index on registeredAt,
// so "received" filters by department (and service) first.
//
// The groups hold sums and counts, never averages, so a department's and the total's figures are the
// exact sums of their services' (an average of averages would not be).
//
// Period: two civil dates of the municipality (Asia/Yekaterinburg for the demo), both included: from
// the first instant of `from` to the first instant of the day after `to`, at the municipality's offset.
import "server-only";
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { now as clockNow } from "../clock";
import { config } from "../config";
import { AppError } from "../errors";
import type { Identity } from "../auth/data";
import { departmentsWithRole, staffScope } from "../auth/scope";
import { FORBIDDEN_MESSAGE } from "../api/access";
import { hasStaffRole } from "../auth/session-roles";
import { subtreeOf } from "../organisation/tree";
import { pinnedDocument } from "../regulation/document-cache";
import { parseDate, MS_PER_DAY, MS_PER_MINUTE } from "../calendar/civil-date";
import type { Figures, QualityFilter, QualityOptions, QualityReport, StageFigures } from "./schema";

export const NOT_FOUND_MESSAGE = "Услуга или подразделение не найдены среди ваших";

/** Whose figures a caller may read: every department (an administrator) or these (a head's, with the units under them). */
export type QualityViewer = { all: true } | { all: false; departmentIds: readonly string[] };

/**
 * Administrators read every department; a head the departments where they are the head (and the
 * units under them). Anyone else is refused: the dashboard is the heads' control (R27, S0 p.10).
 */
export async function qualityViewer(db: Db, identity: Identity): Promise<QualityViewer> {
  if (identity.roles.includes("ADMIN")) return { all: true };
  if (!hasStaffRole(identity.roles)) throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE);
  const departmentIds = departmentsWithRole(await staffScope(db, identity), ["HEAD"]);
  if (departmentIds.length === 0) throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE);
  return { all: false, departmentIds };
}

/** The first instant of a civil date at the municipality's offset. */
export function startOfLocalDay(date: string, utcOffsetMinutes: number): Date {
  return new Date(parseDate(date) * MS_PER_DAY - utcOffsetMinutes * MS_PER_MINUTE);
}

/** An instant for a `timestamp` (UTC, without zone) column. */
const ts = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
const uuids = (ids: readonly string[]) => Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`));

type Scope = {
  /** null: every department. */
  departmentIds: string[] | null;
  serviceId: string | null;
};

/** The departments the filter leaves of the viewer's: NOT_FOUND for a department or service outside them. */
async function resolveScope(db: Db, viewer: QualityViewer, filter: QualityFilter): Promise<Scope> {
  let departmentIds: string[] | null = viewer.all ? null : [...viewer.departmentIds];
  if (filter.department) {
    if (departmentIds && !departmentIds.includes(filter.department)) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
    const nodes = await db.department.findMany({ select: { id: true, parentId: true } });
    if (!nodes.some((n) => n.id === filter.department)) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
    const subtree = subtreeOf(nodes, filter.department);
    departmentIds = (departmentIds ?? nodes.map((n) => n.id)).filter((id) => subtree.has(id));
  }
  if (filter.service) {
    const service = await db.service.findUnique({ where: { id: filter.service }, select: { departmentId: true } });
    if (!service || (!viewer.all && !viewer.departmentIds.includes(service.departmentId)))
      throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  }
  return { departmentIds, serviceId: filter.service ?? null };
}

/** The filter's choices: the viewer's departments and their services. */
export async function qualityOptions(db: Db, viewer: QualityViewer): Promise<QualityOptions> {
  const inScope = viewer.all ? {} : { id: { in: [...viewer.departmentIds] } };
  const [departments, services] = await Promise.all([
    db.department.findMany({ where: inScope, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.service.findMany({
      where: viewer.all ? {} : { departmentId: { in: [...viewer.departmentIds] } },
      select: { id: true, title: true },
      orderBy: { title: "asc" },
    }),
  ]);
  return { departments, services };
}

// ---------------------------------------------------------------------------------------------
// The aggregates

type Cell = {
  received: number;
  decided: number;
  decidedWithDue: number;
  decidedOnTime: number;
  overdueNow: number;
  queueCount: number;
  queueSumMinutes: number;
  queueMaxMinutes: number | null;
  queueExceeded: number;
  complaints: number;
  justified: number;
  ratings: number;
  ratingSum: number;
};

const emptyCell = (): Cell => ({
  received: 0,
  decided: 0,
  decidedWithDue: 0,
  decidedOnTime: 0,
  overdueNow: 0,
  queueCount: 0,
  queueSumMinutes: 0,
  queueMaxMinutes: null,
  queueExceeded: 0,
  complaints: 0,
  justified: 0,
  ratings: 0,
  ratingSum: 0,
});

const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

function addCell(into: Cell, c: Cell): Cell {
  for (const k of Object.keys(c) as (keyof Cell)[]) {
    if (k === "queueMaxMinutes") into.queueMaxMinutes = maxOf(into.queueMaxMinutes, c.queueMaxMinutes);
    else into[k] += c[k];
  }
  return into;
}

function figuresOf(c: Cell, limitMinutes: number | null): Figures {
  return {
    received: c.received,
    decided: c.decided,
    decidedWithDue: c.decidedWithDue,
    decidedOnTime: c.decidedOnTime,
    onTimeShare: c.decidedWithDue ? c.decidedOnTime / c.decidedWithDue : null,
    overdueNow: c.overdueNow,
    queue: {
      count: c.queueCount,
      avgMinutes: c.queueCount ? c.queueSumMinutes / c.queueCount : null,
      maxMinutes: c.queueMaxMinutes,
      exceeded: c.queueExceeded,
      limitMinutes,
    },
    complaints: { received: c.complaints, justified: c.justified },
    rating: { count: c.ratings, average: c.ratings ? c.ratingSum / c.ratings : null },
  };
}

type Key = { departmentId: string; serviceId: string | null };
const keyOf = (k: Key) => `${k.departmentId}|${k.serviceId ?? ""}`;

type StageRow = {
  serviceId: string;
  versionId: string;
  variantCode: string | null;
  stage: string;
  completed: number;
  sumHours: number;
  maxHours: number | null;
  withDue: number;
  onTime: number;
  open: number;
};

/** The dashboard's figures for the viewer and the filter. `now` decides "overdue now" and the limits in force. */
export async function qualityReport(
  db: Db,
  viewer: QualityViewer,
  filter: QualityFilter,
  options: { now?: Date; utcOffsetMinutes?: number } = {},
): Promise<QualityReport> {
  const now = options.now ?? clockNow();
  const offset = options.utcOffsetMinutes ?? config().utcOffsetMinutes;
  const scope = await resolveScope(db, viewer, filter);
  const from = ts(startOfLocalDay(filter.from, offset));
  const to = ts(new Date(startOfLocalDay(filter.to, offset).getTime() + MS_PER_DAY));

  // The services shown: the scope's own, with zeros where nothing happened.
  const services = await db.service.findMany({
    where: {
      ...(scope.serviceId ? { id: scope.serviceId } : {}),
      ...(scope.departmentIds ? { departmentId: { in: scope.departmentIds } } : {}),
    },
    select: { id: true, title: true, departmentId: true },
    orderBy: { title: "asc" },
  });
  const limits = await queueLimits(
    db,
    services.map((s) => s.id),
    now,
  );

  const empty = scope.departmentIds !== null && scope.departmentIds.length === 0;
  const appWhere = (alias: Prisma.Sql) => {
    const parts: Prisma.Sql[] = [];
    if (scope.departmentIds) parts.push(Prisma.sql`${alias}."departmentId" IN (${uuids(scope.departmentIds)})`);
    if (scope.serviceId) parts.push(Prisma.sql`${alias}."serviceId" = ${scope.serviceId}::uuid`);
    return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
  };
  const a = Prisma.sql`a`;

  type Counts = Key & Record<string, number | null>;
  const [received, decided, overdue, queue, complaints, ratings, stages, open] = empty
    ? [[], [], [], [], [], [], [], []]
    : await Promise.all([
        db.$queryRaw<Counts[]>`
          SELECT a."departmentId", a."serviceId", count(*)::int AS "received"
          FROM "Application" a
          WHERE a."registeredAt" >= ${from} AND a."registeredAt" < ${to} ${appWhere(a)}
          GROUP BY a."departmentId", a."serviceId"`,
        db.$queryRaw<Counts[]>`
          SELECT a."departmentId", a."serviceId", count(*)::int AS "decided",
            count(*) FILTER (WHERE a."dueAt" IS NOT NULL)::int AS "decidedWithDue",
            count(*) FILTER (WHERE a."closedAt" <= a."dueAt")::int AS "decidedOnTime"
          FROM "Application" a
          WHERE a."status" = 'CLOSED' AND a."outcome" IS NOT NULL AND a."outcome" <> 'withdrawn'
            AND a."closedAt" >= ${from} AND a."closedAt" < ${to} ${appWhere(a)}
          GROUP BY a."departmentId", a."serviceId"`,
        db.$queryRaw<Counts[]>`
          SELECT a."departmentId", a."serviceId", count(*)::int AS "overdueNow"
          FROM "Application" a
          WHERE a."status" = 'SUBMITTED' AND a."stageDueAt" < ${ts(now)} ${appWhere(a)}
          GROUP BY a."departmentId", a."serviceId"`,
        queueWaits(db, scope, limits, from, to),
        db.$queryRaw<Counts[]>`
          SELECT c."departmentId", a."serviceId", count(*)::int AS "complaints",
            count(*) FILTER (WHERE c."status" = 'UPHELD')::int AS "justified"
          FROM "Complaint" c LEFT JOIN "Application" a ON a."id" = c."applicationId"
          WHERE c."registeredAt" >= ${from} AND c."registeredAt" < ${to}
            ${scope.departmentIds ? Prisma.sql`AND c."departmentId" IN (${uuids(scope.departmentIds)})` : Prisma.empty}
            ${scope.serviceId ? Prisma.sql`AND a."serviceId" = ${scope.serviceId}::uuid` : Prisma.empty}
          GROUP BY c."departmentId", a."serviceId"`,
        db.$queryRaw<Counts[]>`
          SELECT a."departmentId", r."serviceId", count(*)::int AS "ratings", sum(r."score")::int AS "ratingSum"
          FROM "Rating" r JOIN "Application" a ON a."id" = r."applicationId"
          WHERE r."createdAt" >= ${from} AND r."createdAt" < ${to}
            ${scope.departmentIds ? Prisma.sql`AND a."departmentId" IN (${uuids(scope.departmentIds)})` : Prisma.empty}
            ${scope.serviceId ? Prisma.sql`AND r."serviceId" = ${scope.serviceId}::uuid` : Prisma.empty}
          GROUP BY a."departmentId", r."serviceId"`,
        db.$queryRaw<StageRow[]>`
          SELECT a."serviceId", a."regulationVersionId" AS "versionId", a."variantCode", s."stage",
            count(*)::int AS "completed",
            sum(EXTRACT(EPOCH FROM (s."leftAt" - s."enteredAt")) / 3600)::float8 AS "sumHours",
            max(EXTRACT(EPOCH FROM (s."leftAt" - s."enteredAt")) / 3600)::float8 AS "maxHours",
            count(*) FILTER (WHERE s."dueAt" IS NOT NULL)::int AS "withDue",
            count(*) FILTER (WHERE s."leftAt" <= s."dueAt")::int AS "onTime",
            0 AS "open"
          FROM "ApplicationStage" s JOIN "Application" a ON a."id" = s."applicationId"
          WHERE s."leftAt" >= ${from} AND s."leftAt" < ${to} ${appWhere(a)}
          GROUP BY a."serviceId", a."regulationVersionId", a."variantCode", s."stage"`,
        db.$queryRaw<StageRow[]>`
          SELECT a."serviceId", a."regulationVersionId" AS "versionId", a."variantCode", s."stage",
            0 AS "completed", 0::float8 AS "sumHours", NULL::float8 AS "maxHours", 0 AS "withDue", 0 AS "onTime",
            count(*)::int AS "open"
          FROM "ApplicationStage" s JOIN "Application" a ON a."id" = s."applicationId"
          WHERE s."leftAt" IS NULL AND a."status" = 'SUBMITTED' ${appWhere(a)}
          GROUP BY a."serviceId", a."regulationVersionId", a."variantCode", s."stage"`,
      ]);

  // (department, service) cells, summed from every query's groups.
  const cells = new Map<string, Key & { cell: Cell }>();
  for (const rows of [received, decided, overdue, queue, complaints, ratings])
    for (const row of rows as Counts[]) {
      const k = keyOf(row);
      if (!cells.has(k)) cells.set(k, { departmentId: row.departmentId, serviceId: row.serviceId, cell: emptyCell() });
      const cell = cells.get(k)!.cell;
      for (const [name, value] of Object.entries(row)) {
        if (name === "departmentId" || name === "serviceId") continue;
        const field = name as keyof Cell;
        if (field === "queueMaxMinutes")
          cell.queueMaxMinutes = maxOf(cell.queueMaxMinutes, value === null ? null : Number(value));
        else cell[field] += Number(value ?? 0);
      }
    }

  // Services seen in the groups but not the scope's own (an application handled by another department).
  const known = new Set(services.map((s) => s.id));
  const extra = [...new Set([...cells.values()].map((c) => c.serviceId))].filter(
    (id): id is string => !!id && !known.has(id),
  );
  if (extra.length)
    services.push(
      ...(await db.service.findMany({
        where: { id: { in: extra } },
        select: { id: true, title: true, departmentId: true },
        orderBy: { title: "asc" },
      })),
    );

  const stageFigures = await stagesByService(db, [...stages, ...open]);
  const serviceRows = services.map((s) => {
    const sum = emptyCell();
    for (const c of cells.values()) if (c.serviceId === s.id) addCell(sum, c.cell);
    return {
      id: s.id,
      title: s.title,
      departmentId: s.departmentId,
      figures: figuresOf(sum, limits.get(s.id) ?? null),
      stages: stageFigures.get(s.id) ?? [],
    };
  });

  // Departments: the scope's that have a service or a figure, each with its own applications' figures.
  const departmentIdsShown = new Set([
    ...services
      .filter((s) => !scope.departmentIds || scope.departmentIds.includes(s.departmentId))
      .map((s) => s.departmentId),
    ...[...cells.values()].map((c) => c.departmentId),
  ]);
  const departmentNames = await db.department.findMany({
    where: { id: { in: [...departmentIdsShown] } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const departmentRows = departmentNames.map((d) => {
    const sum = emptyCell();
    const serviceIds = new Set(services.filter((s) => s.departmentId === d.id).map((s) => s.id));
    for (const c of cells.values())
      if (c.departmentId === d.id) {
        addCell(sum, c.cell);
        if (c.serviceId) serviceIds.add(c.serviceId);
      }
    return { id: d.id, name: d.name, figures: figuresOf(sum, commonLimit([...serviceIds], limits)) };
  });

  const total = emptyCell();
  for (const c of cells.values()) addCell(total, c.cell);
  return {
    period: { from: filter.from, to: filter.to },
    services: serviceRows,
    departments: departmentRows,
    total: figuresOf(
      total,
      commonLimit(
        services.map((s) => s.id),
        limits,
      ),
    ),
  };
}

/** The one queue limit of several services, or null when they have none or differ. */
function commonLimit(serviceIds: string[], limits: Map<string, number>): number | null {
  const values = new Set(serviceIds.map((id) => limits.get(id) ?? null));
  return values.size === 1 ? [...values][0]! : null;
}

/** Each service's passport.maxQueueMinutes in the edition in force at `now` (S1 p.21: 15 minutes). */
async function queueLimits(db: Db, serviceIds: string[], now: Date): Promise<Map<string, number>> {
  if (serviceIds.length === 0) return new Map();
  // The edition in force per service: the published one with the latest effective-from not after now.
  const rows = await db.$queryRaw<{ serviceId: string; id: string; document: unknown }[]>`
    SELECT DISTINCT ON (v."serviceId") v."serviceId", v."id", v."document"
    FROM "RegulationVersion" v
    WHERE v."serviceId" IN (${uuids(serviceIds)}) AND v."status" = 'PUBLISHED'
      AND (v."effectiveFrom" IS NULL OR v."effectiveFrom" <= ${ts(now)})
    ORDER BY v."serviceId", v."effectiveFrom" DESC NULLS LAST, v."version" DESC`;
  const limits = new Map<string, number>();
  for (const r of rows) {
    const minutes = pinnedDocument(r.id, r.document).passport.maxQueueMinutes;
    if (minutes) limits.set(r.serviceId, minutes);
  }
  return limits;
}

/**
 * The queue waiting time of visitors called to the desk (R27, S1 p.21, p.25): from the later of their
 * arrival and their appointment's start until they were called, never below zero (called early). Over
 * the limit: longer than the service's maxQueueMinutes.
 */
function queueWaits(db: Db, scope: Scope, limits: Map<string, number>, from: Prisma.Sql, to: Prisma.Sql) {
  const limitRows = [...limits].map(([id, minutes]) => Prisma.sql`(${id}::uuid, ${minutes}::int)`);
  const limitsTable = limitRows.length
    ? Prisma.sql`LEFT JOIN (VALUES ${Prisma.join(limitRows)}) l("serviceId", "minutes") ON l."serviceId" = w."serviceId"`
    : Prisma.sql`LEFT JOIN (SELECT NULL::uuid AS "serviceId", NULL::int AS "minutes") l ON false`;
  return db.$queryRaw<(Key & Record<string, number | null>)[]>`
    SELECT w."departmentId", w."serviceId", count(*)::int AS "queueCount",
      sum(w."minutes")::float8 AS "queueSumMinutes", max(w."minutes")::float8 AS "queueMaxMinutes",
      count(*) FILTER (WHERE w."minutes" > l."minutes")::int AS "queueExceeded"
    FROM (
      SELECT ap."departmentId", ap."serviceId",
        GREATEST(0, EXTRACT(EPOCH FROM (ap."calledAt" - GREATEST(ap."arrivedAt", ap."startsAt"))) / 60) AS "minutes"
      FROM "Appointment" ap
      WHERE ap."calledAt" IS NOT NULL AND ap."startsAt" >= ${from} AND ap."startsAt" < ${to}
        ${scope.departmentIds ? Prisma.sql`AND ap."departmentId" IN (${uuids(scope.departmentIds)})` : Prisma.empty}
        ${scope.serviceId ? Prisma.sql`AND ap."serviceId" = ${scope.serviceId}::uuid` : Prisma.empty}
    ) w ${limitsTable}
    GROUP BY w."departmentId", w."serviceId"`;
}

/**
 * Time per stage, by the stage's title in the regulation each application is pinned to (R11: an
 * edition may rename a stage; its stays are counted under the title they were made under). Stays of
 * one title in several editions add up; the order is the stages' order in the regulation.
 */
async function stagesByService(db: Db, rows: StageRow[]): Promise<Map<string, StageFigures[]>> {
  const versionIds = [...new Set(rows.map((r) => r.versionId))];
  const versions = versionIds.length
    ? await db.regulationVersion.findMany({
        where: { id: { in: versionIds } },
        select: { id: true, version: true, document: true },
      })
    : [];
  const versionOf = new Map(versions.map((v) => [v.id, v]));
  type Acc = StageFigures & { sumHours: number; order: [number, number] };
  const byService = new Map<string, Map<string, Acc>>();
  for (const r of rows) {
    const v = versionOf.get(r.versionId);
    const doc = v ? pinnedDocument(v.id, v.document, r.variantCode) : null;
    const index = doc?.stages.findIndex((s) => s.key === r.stage) ?? -1;
    const title = index >= 0 ? doc!.stages[index]!.title : r.stage;
    const accs = byService.get(r.serviceId) ?? new Map<string, Acc>();
    byService.set(r.serviceId, accs);
    const acc = accs.get(title) ?? {
      title,
      completed: 0,
      avgHours: null,
      maxHours: null,
      withDue: 0,
      onTime: 0,
      open: 0,
      sumHours: 0,
      // The latest edition's position wins: the order a head knows today.
      order: [-(v?.version ?? 0), index < 0 ? Number.MAX_SAFE_INTEGER : index],
    };
    accs.set(title, acc);
    acc.completed += Number(r.completed);
    acc.sumHours += Number(r.sumHours ?? 0);
    acc.maxHours = maxOf(acc.maxHours, r.maxHours === null ? null : Number(r.maxHours));
    acc.withDue += Number(r.withDue);
    acc.onTime += Number(r.onTime);
    acc.open += Number(r.open);
    const order: [number, number] = [-(v?.version ?? 0), index < 0 ? Number.MAX_SAFE_INTEGER : index];
    if (order[0] < acc.order[0]) acc.order = order;
  }
  const result = new Map<string, StageFigures[]>();
  for (const [serviceId, accs] of byService)
    result.set(
      serviceId,
      [...accs.values()]
        .sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1])
        .map(({ sumHours, order: _, ...s }) => ({ ...s, avgHours: s.completed ? sumHours / s.completed : null })),
    );
  return result;
}
