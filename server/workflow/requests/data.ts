// Reads of the inter-agency request monitor (S0 p.6, p.11; R5).
import type { Db } from "../../db/client";

export type RequestNoticeKind = "due_soon" | "overdue";

/**
 * Unanswered requests of applications under consideration whose answer is due in `dueAt` and which
 * have not had this notice yet; keyset pages on (dueAt, id) like the stage monitor's.
 */
export async function requestsAwaitingNotice(
  db: Db,
  input: {
    kind: RequestNoticeKind;
    dueAt: { lt: Date } | { gte: Date; lte: Date };
    after?: { dueAt: Date; id: string };
    take: number;
  },
) {
  const { kind, after } = input;
  return db.interagencyRequest.findMany({
    where: {
      answeredAt: null,
      dueAt: input.dueAt,
      alerts: { none: { kind } },
      application: { status: "SUBMITTED" },
      ...(after ? { OR: [{ dueAt: { gt: after.dueAt } }, { dueAt: after.dueAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: input.take,
    select: {
      id: true,
      agency: true,
      sentAt: true,
      dueAt: true,
      sentBy: { select: { id: true, lastName: true, firstName: true, middleName: true } },
      application: {
        select: {
          id: true,
          registrationNumber: true,
          departmentId: true,
          service: { select: { title: true } },
          assignee: { select: { id: true, lastName: true, firstName: true, middleName: true } },
        },
      },
    },
  });
}
