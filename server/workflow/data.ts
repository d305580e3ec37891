// Deadline reads of the monitoring job (R4): who to tell, and which stays in a stage await a notice.
import "server-only";
import type { Db, Tx } from "../db/client";

export type DeadlinePerson = { id: string; lastName: string; firstName: string; middleName: string | null };
export type DeadlineNoticeKind = "breach" | "due_soon";

/** Active staff holding `role` in one department: who is told about its deadlines. */
export async function activeMembers(
  db: Db | Tx,
  departmentId: string,
  role: "HEAD" | "REGISTRAR",
): Promise<DeadlinePerson[]> {
  const rows = await db.departmentMember.findMany({
    where: { departmentId, role, user: { isActive: true } },
    select: { user: { select: { id: true, lastName: true, firstName: true, middleName: true } } },
  });
  return rows.map((m) => m.user);
}

/**
 * One page of open stays in a stage whose due instant is in `dueAt` (the overdue or due-soon range
 * of server/calendar/deadline-status.ts deadlineRanges) and that have no notice of that kind yet,
 * nearest due first.
 */
export async function stagesAwaitingNotice(
  db: Db,
  input: {
    kind: DeadlineNoticeKind;
    dueAt: { lt: Date } | { gte: Date; lte: Date };
    after?: { dueAt: Date; id: string };
    take: number;
  },
) {
  const { kind, after } = input;
  // Only stages without this notice yet, so a backlog of any size is worked through; keyset
  // pagination on (dueAt, id), so stages left unclaimed (nobody to tell) do not come back in
  // this run. (Prisma's `cursor` would not do: the cursor row itself leaves the filter once it
  // is claimed.)
  return db.applicationStage.findMany({
    where: {
      leftAt: null,
      dueAt: input.dueAt,
      alerts: { none: { kind } },
      application: { status: "SUBMITTED" },
      ...(after ? { OR: [{ dueAt: { gt: after.dueAt } }, { dueAt: after.dueAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: input.take,
    select: {
      id: true,
      stage: true,
      dueAt: true,
      dueProvisional: true,
      application: {
        select: {
          id: true,
          registrationNumber: true,
          departmentId: true,
          regulationVersionId: true,
          variantCode: true,
          regulationVersion: { select: { document: true } },
          service: { select: { title: true } },
          assignee: { select: { id: true, lastName: true, firstName: true, middleName: true } },
        },
      },
    },
  });
}

export type LateEntry = {
  eventId: string;
  applicationId: string;
  registrationNumber: string | null;
  enteredAt: Date;
  doneAt: Date;
  actor: string | null;
};

/**
 * Moves entered later than they were done (S0 p.7), newest first, in the given departments since
 * `since`: the head sees how late each procedure reached the system. The (type, at) index bounds
 * the scan to the period's stage changes.
 */
export async function lateEntries(
  db: Db,
  input: { departmentIds: readonly string[]; since: Date; take: number },
): Promise<LateEntry[]> {
  if (!input.departmentIds.length) return [];
  const rows = await db.$queryRaw<
    {
      id: bigint;
      at: Date;
      doneAt: string;
      applicationId: string;
      registrationNumber: string | null;
      lastName: string | null;
      firstName: string | null;
      middleName: string | null;
    }[]
  >`
    SELECT e.id, e.at, e.payload->>'doneAt' AS "doneAt", a.id AS "applicationId", a."registrationNumber",
           u."lastName", u."firstName", u."middleName"
    FROM "ApplicationEvent" e
    JOIN "Application" a ON a.id = e."applicationId"
    LEFT JOIN "User" u ON u.id = e."actorId"
    WHERE e.type = 'stage_changed' AND e.at >= ${input.since} AND e.payload ? 'doneAt'
      AND a."departmentId" = ANY(${[...input.departmentIds]}::uuid[])
    ORDER BY e.at DESC, e.id DESC
    LIMIT ${input.take}`;
  return rows.map((r) => ({
    eventId: String(r.id),
    applicationId: r.applicationId,
    registrationNumber: r.registrationNumber,
    enteredAt: r.at,
    doneAt: new Date(r.doneAt),
    actor: r.lastName ? [r.lastName, r.firstName, r.middleName].filter(Boolean).join(" ") : null,
  }));
}
