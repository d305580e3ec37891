// Complaint deadlines (210-FZ art. 11.2 part 6; R4's rule): a complaint still undecided when its term
// is near warns the heads of the department that considers it; one past its term is escalated to them
// (or, in a department without a head, to the heads above) once, with the stage monitor's guarantees:
// the same keyset sweep (server/workflow/monitor.ts), the same due ranges, and an alert row claimed in
// the transaction of the notices (ComplaintAlert), so several workers send one notice.
import type { Db } from "../db/client";
import { deadlineRanges, type DeadlineContext } from "../calendar/deadline-status";
import { departmentParents } from "../auth/data";
import { activeMembers, type DeadlinePerson as Person } from "../workflow/data";
import { PAGE, sweep } from "../workflow/monitor";
import { appBaseUrl } from "../notification/config";
import { personName } from "../people";
import { complaintsAwaitingNotice } from "./data";
import { sendComplaintNotice } from "./mutations";
import { complaintDueSoonMessage, complaintOverdueMessage } from "./notices";
import { subjectOf } from "./schema";

/** The heads of a department, or of the nearest department above it that has one. */
export function headsFinder(db: Db, parents: Map<string, string | null>) {
  const known = new Map<string, Promise<Person[]>>();
  const heads = (d: string) => {
    if (!known.has(d)) known.set(d, activeMembers(db, d, "HEAD"));
    return known.get(d)!;
  };
  return async (departmentId: string): Promise<Person[]> => {
    for (let d: string | null | undefined = departmentId; d; d = parents.get(d)) {
      const found = await heads(d);
      if (found.length) return found;
    }
    return [];
  };
}

export async function monitorComplaints(db: Db, opts: DeadlineContext) {
  const due = deadlineRanges(opts);
  const headsOf = headsFinder(db, new Map((await departmentParents(db)).map((d) => [d.id, d.parentId])));
  let warned = 0;
  let escalated = 0;
  let unrouted = 0;
  for (const kind of ["overdue", "due_soon"] as const) {
    const pages = sweep((after) =>
      complaintsAwaitingNotice(db, { kind, dueAt: kind === "overdue" ? due.overdue : due.due_soon, after, take: PAGE }),
    );
    for await (const page of pages) {
      for (const c of page) {
        const recipients = await headsOf(c.departmentId);
        if (!recipients.length) {
          unrouted += 1;
          continue;
        }
        const facts = {
          number: c.number,
          subjectLabel: subjectOf(c.subject)?.label ?? c.subject,
          registeredAt: c.registeredAt,
          dueAt: c.dueAt,
          url: `${appBaseUrl()}/staff/complaints/${c.id}`,
        };
        const notices = recipients.map((p) => ({
          userId: p.id,
          applicationId: c.applicationId,
          kind: kind === "overdue" ? ("complaint_overdue" as const) : ("complaint_due_soon" as const),
          ...(kind === "overdue" ? complaintOverdueMessage : complaintDueSoonMessage)({
            ...facts,
            recipientName: personName(p),
          }),
        }));
        const sent = await sendComplaintNotice(db, {
          complaintId: c.id,
          applicationId: c.applicationId,
          kind,
          notices,
        });
        if (sent && kind === "overdue") escalated += 1;
        else if (sent) warned += 1;
      }
    }
  }
  return { warned, escalated, unrouted };
}
