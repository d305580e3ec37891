// Deadline reads (R4): overdue and due-soon work per department, executor and stage, for the
// monitoring job and the head's overview. Served by the (departmentId, status, stageDueAt) index.
import "server-only";
import type { Db } from "../db/client";
import type { StaffScope } from "../auth/scope";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { deadlineStatus, type DeadlineStatus } from "../calendar/deadline-status";
import { visibleToStaff } from "../application/visibility";

export type DeadlineRow = {
  id: string;
  registrationNumber: string | null;
  serviceTitle: string;
  departmentId: string;
  currentStage: string | null;
  stageDueAt: Date;
  assignee: { id: string; name: string } | null;
  status: Exclude<DeadlineStatus, "on_time" | "none">;
};

export async function overdueAndDueSoon(
  db: Db,
  scope: StaffScope | { departmentIds: readonly string[] },
  opts: { now: Date; calendar: WorkingCalendar; dueSoonWorkingDays: number; assigneeId?: string },
): Promise<DeadlineRow[]> {
  // Everything due before the end of the due-soon window; the exact status is decided per row by
  // the same function the board uses, so the list and the colours never disagree.
  const horizon = opts.calendar.addWorkingDays(opts.now, opts.dueSoonWorkingDays);
  const rows = await db.application.findMany({
    where: visibleToStaff(scope, {
      status: "SUBMITTED",
      stageDueAt: { not: null, lte: horizon },
      ...(opts.assigneeId ? { assigneeId: opts.assigneeId } : {}),
    }),
    orderBy: { stageDueAt: "asc" },
    select: {
      id: true, registrationNumber: true, departmentId: true, currentStage: true, stageDueAt: true,
      service: { select: { title: true } },
      assignee: { select: { id: true, lastName: true, firstName: true, middleName: true } },
    },
  });
  return rows.flatMap((r) => {
    const status = deadlineStatus(r.stageDueAt, opts.now, opts.calendar, { dueSoonWorkingDays: opts.dueSoonWorkingDays });
    if (status !== "overdue" && status !== "due_soon") return [];
    return [{
      id: r.id, registrationNumber: r.registrationNumber, serviceTitle: r.service.title, departmentId: r.departmentId,
      currentStage: r.currentStage, stageDueAt: r.stageDueAt!, status,
      assignee: r.assignee ? { id: r.assignee.id, name: [r.assignee.lastName, r.assignee.firstName, r.assignee.middleName].filter(Boolean).join(" ") } : null,
    }];
  });
}

export type DeadlinePerson = { id: string; lastName: string; firstName: string; middleName: string | null };
export type DeadlineNoticeKind = "breach" | "due_soon";

/** Active staff holding `role` in one department: who is told about its deadlines. */
export async function activeMembers(db: Db, departmentId: string, role: "HEAD" | "REGISTRAR"): Promise<DeadlinePerson[]> {
  const rows = await db.departmentMember.findMany({ where: { departmentId, role, user: { isActive: true } }, select: { user: { select: { id: true, lastName: true, firstName: true, middleName: true } } } });
  return rows.map((m) => m.user);
}

/**
 * One page of open stays in a stage that are overdue (`breach`) or due by `horizon` (`due_soon`) and
 * have no notice of that kind yet, nearest due first.
 */
export async function stagesAwaitingNotice(
  db: Db,
  input: { kind: DeadlineNoticeKind; now: Date; horizon: Date; after?: { dueAt: Date; id: string }; take: number },
) {
  const { kind, after } = input;
  // Only stages without this notice yet, so a backlog of any size is worked through; keyset
  // pagination on (dueAt, id), so stages left unclaimed (nobody to tell) do not come back in
  // this run. (Prisma's `cursor` would not do: the cursor row itself leaves the filter once it
  // is claimed.)
  return db.applicationStage.findMany({
    where: {
      leftAt: null,
      dueAt: kind === "breach" ? { lt: input.now } : { gte: input.now, lte: input.horizon },
      alerts: { none: { kind } },
      application: { status: "SUBMITTED" },
      ...(after ? { OR: [{ dueAt: { gt: after.dueAt } }, { dueAt: after.dueAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: input.take,
    select: {
      id: true, stage: true, dueAt: true,
      application: {
        select: {
          id: true, registrationNumber: true, departmentId: true, regulationVersionId: true, regulationVersion: { select: { document: true } },
          service: { select: { title: true } },
          assignee: { select: { id: true, lastName: true, firstName: true, middleName: true } },
        },
      },
    },
  });
}
