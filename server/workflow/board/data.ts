// The staff board (R1, R4): applications by the stages of their process, scoped to the caller's
// departments, filtered, nearest due date first, each column paginated on the server.
import "server-only";
import type { Db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import type { StaffScope } from "../../auth/scope";
import { deadlineLabel, deadlineRanges, deadlineStatus, type DeadlineContext } from "../../calendar/deadline-status";
import { cachedPinnedDocument, pinnedDocument } from "../../regulation/document-cache";
import { versionsInForce } from "../../regulation/data";
import { variantDef } from "../../regulation/variants";
import type { Channel, RegulationDocument } from "../../regulation/document";
import { offeredTransitions } from "../machine";
import { personName } from "../../people";
import { visibleToStaff } from "../../application/visibility";

export type BoardFilters = {
  serviceCode?: string;
  mine?: boolean;
  deadline?: "overdue" | "due_soon" | "on_time";
  channel?: Channel;
  q?: string;
};

export type BoardContext = DeadlineContext;

/** Parsed documents of the given versions, from the cache or one query for the missing ones. */
async function documentsOf(db: Db, versionIds: string[]): Promise<Map<string, RegulationDocument>> {
  const out = new Map<string, RegulationDocument>();
  const missing: string[] = [];
  for (const id of new Set(versionIds)) {
    // A pinned edition is published and never changes: parsed once per process (issue 13 p.3).
    const known = cachedPinnedDocument(id);
    if (known) out.set(id, known);
    else missing.push(id);
  }
  if (!missing.length) return out;
  const rows = await db.regulationVersion.findMany({
    where: { id: { in: missing } },
    select: { id: true, document: true },
  });
  for (const r of rows) out.set(r.id, pinnedDocument(r.id, r.document));
  return out;
}

/**
 * A column counts at most this many applications: a final column holds every application ever
 * closed, and counting all of them on each refresh would grow with the archive (issue 13 p.2).
 */
export const COLUMN_COUNT_CAP = 10_000;

/**
 * Nearest due first; in the final columns (no due date) the most recently closed first: the order of
 * the board's index (schema.prisma), so that a page reads a page, not the column. An open application
 * has no closing date and a closed one no due date, so NULLS FIRST on the closing date orders exactly
 * as NULLS LAST would.
 */
const COLUMN_ORDER = [
  { stageDueAt: { sort: "asc", nulls: "last" } },
  { closedAt: { sort: "desc", nulls: "first" } },
  { id: "asc" },
] satisfies Prisma.ApplicationOrderByWithRelationInput[];

/** The words of a board search: at most 5, each as typed (case is ignored by the query). */
export function searchWords(q: string | undefined): string[] {
  return (q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 5);
}

function where(
  scope: StaffScope,
  filters: BoardFilters,
  serviceId: string | undefined,
  stage: string | undefined,
  ctx: BoardContext,
): Prisma.ApplicationWhereInput {
  const due = deadlineRanges(ctx);
  const words = searchWords(filters.q);
  return visibleToStaff(scope, {
    status: { in: ["SUBMITTED", "CLOSED"] },
    ...(serviceId ? { serviceId } : {}),
    ...(stage ? { currentStage: stage } : {}),
    ...(filters.mine ? { assigneeId: scope.userId } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.deadline === "overdue" ? { status: "SUBMITTED", stageDueAt: due.overdue } : {}),
    ...(filters.deadline === "due_soon" ? { status: "SUBMITTED", stageDueAt: due.due_soon } : {}),
    ...(filters.deadline === "on_time" ? { OR: [{ stageDueAt: null }, { stageDueAt: due.on_time }] } : {}),
    // Every word must be found (issue 16 p.10: «Кузнецова Галина» finds her), each in the number, the
    // applicant named in the form (as its field roles say, set at registration) or the owner's names:
    // the one text the database keeps of them, through its trigram index (issue 13; migration
    // board_search).
    ...(words.length ? { AND: words.map((w) => ({ searchText: { contains: w, mode: "insensitive" as const } })) } : {}),
  });
}

const cardSelect = {
  id: true,
  registrationNumber: true,
  registeredAt: true,
  status: true,
  currentStage: true,
  stageDueAt: true,
  stageDueProvisional: true,
  channel: true,
  rowVersion: true,
  departmentId: true,
  assigneeId: true,
  regulationVersionId: true,
  variantCode: true,
  applicantName: true,
  delivery: true,
  service: { select: { code: true, title: true } },
  owner: { select: { lastName: true, firstName: true, middleName: true } },
  assignee: { select: { lastName: true, firstName: true, middleName: true } },
  requests: { where: { answeredAt: null }, select: { dueAt: true } },
} as const;

type CardRow = Prisma.ApplicationGetPayload<{ select: typeof cardSelect }>;

function toCard(row: CardRow, whole: RegulationDocument | undefined, scope: StaffScope, ctx: BoardContext) {
  // Issue 10 p.8: the transitions of the application's variant only.
  const doc = whole && pinnedDocument(row.regulationVersionId, whole, row.variantCode);
  const status =
    row.status === "SUBMITTED"
      ? deadlineStatus(row.stageDueAt, ctx.now, ctx.calendar, { dueSoonWorkingDays: ctx.dueSoonWorkingDays })
      : "none";
  const transitions = doc
    ? offeredTransitions(
        doc,
        {
          status: row.status,
          currentStage: row.currentStage,
          departmentId: row.departmentId,
          assigneeId: row.assigneeId,
          registeredAt: row.registeredAt,
          delivery: row.delivery,
        },
        scope,
      )
    : [];
  return {
    id: row.id,
    registrationNumber: row.registrationNumber,
    service: row.service,
    /** The variant of the service (issue 10 p.8), in words; null for a regulation without variants. */
    variant: whole ? (variantDef(whole, row.variantCode)?.title ?? null) : null,
    applicant: row.applicantName ?? personName(row.owner),
    assignee: row.assignee ? personName(row.assignee) : null,
    stage: row.currentStage,
    /** The stage's title in the application's own regulation: the all-services board shows it on the card. */
    stageTitle: doc?.stages.find((s) => s.key === row.currentStage)?.title ?? row.currentStage,
    stageDueAt: row.stageDueAt,
    stageDueProvisional: row.stageDueProvisional,
    deadline: { status, label: deadlineLabel(status, row.stageDueAt, ctx) },
    channel: row.channel,
    /** Unanswered inter-agency requests past their response deadline (R5). */
    overdueRequests: row.requests.filter((r) => r.dueAt < ctx.now).length,
    rowVersion: row.rowVersion,
    transitions,
  };
}
export type BoardCard = ReturnType<typeof toCard>;

/** The chosen service, checked against the scope (no service chosen: every service in scope). */
async function resolveService(db: Db, scope: StaffScope, serviceCode?: string) {
  if (!serviceCode) return { serviceId: undefined, found: true };
  const service = await db.service.findFirst({
    where: { code: serviceCode, departmentId: { in: [...scope.departmentIds] } },
    select: { id: true },
  });
  return { serviceId: service?.id, found: !!service };
}

/** Stage columns: the stages of the service's version in force, or of every service in scope. */
async function stageColumns(db: Db, scope: StaffScope, serviceCode?: string) {
  const services = await db.service.findMany({
    where: { departmentId: { in: [...scope.departmentIds] }, ...(serviceCode ? { code: serviceCode } : {}) },
    select: { id: true, code: true },
    orderBy: { code: "asc" },
  });
  // A column per stage key; where services name one key differently, the column carries every title
  // and each card shows its own (issue 12 p.9).
  const columns = new Map<string, string[]>();
  const add = (key: string, title: string) => {
    const titles = columns.get(key) ?? [];
    if (!titles.includes(title)) titles.push(title);
    columns.set(key, titles);
  };
  const inForce = await versionsInForce(
    db,
    services.map((s) => s.id),
  );
  for (const s of services) for (const stage of inForce.get(s.id)?.document.stages ?? []) add(stage.key, stage.title);
  // Open applications stay on the version they were submitted under (R11): a stage that a later
  // version renamed or dropped still gets its column while applications are in it.
  // Asked of the few editions, each an index probe (Application: regulationVersionId, status), not of
  // the open applications (Prisma's `distinct` fetched every one of them to dedupe).
  const serviceIds = services.map((s) => s.id);
  const departmentIds = [...scope.departmentIds];
  // (LATERAL … LIMIT 1: the planner would otherwise semi-join by hashing every open application.)
  const pinned = await db.$queryRaw<{ id: string }[]>`
    SELECT v.id FROM "RegulationVersion" v
    CROSS JOIN LATERAL (SELECT 1 FROM "Application" a
                        WHERE a."regulationVersionId" = v.id AND a.status = 'SUBMITTED'
                          AND a."departmentId" = ANY(${departmentIds}::uuid[]) LIMIT 1) open
    WHERE v."serviceId" = ANY(${serviceIds}::uuid[]) AND v.status = 'PUBLISHED'`;
  for (const doc of (
    await documentsOf(
      db,
      pinned.map((p) => p.id),
    )
  ).values()) {
    for (const stage of doc.stages) if (!columns.has(stage.key)) add(stage.key, stage.title);
  }
  return {
    serviceId: serviceCode ? services[0]?.id : undefined,
    columns: [...columns].map(([key, titles]) => ({ key, title: titles.join(" / "), titles })),
    found: !serviceCode || services.length > 0,
  };
}

/**
 * The rows after the cursor's in the column's order, by the cursor's values (keyset pagination): each
 * query starts where the cursor is in the board's index, so page 500 costs what page 2 does (Prisma's
 * own cursor over this three-key order was a scan from the column's start). A cursor that no longer
 * exists gives nothing, as Prisma's did.
 */
async function pageAfter(db: Db, w: Prisma.ApplicationWhereInput, cursorId: string, take: number) {
  const at = await db.application.findUnique({ where: { id: cursorId }, select: { stageDueAt: true, closedAt: true } });
  if (!at) return [];
  const { stageDueAt: due, closedAt: closed } = at;
  // Within one due date (or none): the closing date descending, no date first, then the id.
  const sameDue: Prisma.ApplicationWhereInput =
    closed === null
      ? { OR: [{ closedAt: null, id: { gt: cursorId } }, { closedAt: { not: null } }] }
      : { closedAt: { lte: closed }, OR: [{ closedAt: closed, id: { gt: cursorId } }, { closedAt: { lt: closed } }] };
  const parts: Prisma.ApplicationWhereInput[] =
    due === null
      ? [{ AND: [w, { stageDueAt: null }, sameDue] }]
      : [
          // Later due dates (a range in the index), then those without one, which come last.
          {
            AND: [
              w,
              { stageDueAt: { gte: due } },
              { OR: [{ stageDueAt: { gt: due } }, { AND: [{ stageDueAt: due }, sameDue] }] },
            ],
          },
          { AND: [w, { stageDueAt: null }] },
        ];
  const rows: Awaited<ReturnType<typeof columnRows>> = [];
  for (const part of parts) {
    if (rows.length >= take) break;
    rows.push(...(await columnRows(db, part, take - rows.length)));
  }
  return rows;
}

function columnRows(db: Db, w: Prisma.ApplicationWhereInput, take: number) {
  return db.application.findMany({ where: w, orderBy: COLUMN_ORDER, take, select: cardSelect });
}

export async function boardColumnPage(
  db: Db,
  scope: StaffScope,
  input: { filters: BoardFilters; stage: string; cursor?: string; limit: number },
  ctx: BoardContext,
  /** The board resolves the service once for all its columns; a single column resolves it itself. */
  resolved?: { serviceId: string | undefined; found: boolean },
) {
  const { serviceId, found } = resolved ?? (await resolveService(db, scope, input.filters.serviceCode));
  if (!found) return { cards: [], total: 0, totalCapped: false, nextCursor: null };
  const w = where(scope, input.filters, serviceId, input.stage, ctx);
  const [rows, counted] = await Promise.all([
    input.cursor ? pageAfter(db, w, input.cursor, input.limit + 1) : columnRows(db, w, input.limit + 1),
    // In the column's order too: a capped count is a LIMIT, which Prisma would otherwise order by id
    // (a sort of the whole column); in the index's order it reads at most the cap's entries.
    db.application.count({ where: w, take: COLUMN_COUNT_CAP + 1, orderBy: COLUMN_ORDER }),
  ]);
  const page = rows.slice(0, input.limit);
  const docs = await documentsOf(
    db,
    page.map((r) => r.regulationVersionId),
  );
  return {
    cards: page.map((r) => toCard(r, docs.get(r.regulationVersionId), scope, ctx)),
    total: Math.min(counted, COLUMN_COUNT_CAP),
    /** More than COLUMN_COUNT_CAP: shown as «более 10 000». */
    totalCapped: counted > COLUMN_COUNT_CAP,
    nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null,
  };
}

export async function board(
  db: Db,
  scope: StaffScope,
  input: { filters: BoardFilters; perColumn: number },
  ctx: BoardContext,
) {
  const { columns, found, serviceId } = await stageColumns(db, scope, input.filters.serviceCode);
  const services = await db.service.findMany({
    where: { departmentId: { in: [...scope.departmentIds] } },
    select: { code: true, title: true },
    orderBy: { title: "asc" },
  });
  if (!found) return { services, columns: [] };
  const pages = await Promise.all(
    columns.map((c) =>
      boardColumnPage(db, scope, { filters: input.filters, stage: c.key, limit: input.perColumn }, ctx, {
        serviceId,
        found,
      }),
    ),
  );
  return { services, columns: columns.map((c, i) => ({ ...c, ...pages[i]! })) };
}

/** The staff overview: only departments in the caller's scope, and their services' open work. */
export async function staffOverview(db: Db, scope: StaffScope) {
  const departments = await db.department.findMany({
    where: { id: { in: [...scope.departmentIds] } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      services: { where: { isActive: true }, orderBy: { title: "asc" }, select: { id: true, code: true, title: true } },
    },
  });
  const counts = await db.application.groupBy({
    by: ["serviceId"],
    where: visibleToStaff(scope, { status: "SUBMITTED" }),
    _count: { _all: true },
  });
  const open = new Map(counts.map((c) => [c.serviceId, c._count._all]));
  return departments.map((d) => ({ ...d, services: d.services.map((s) => ({ ...s, open: open.get(s.id) ?? 0 })) }));
}
