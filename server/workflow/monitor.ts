// Deadline monitoring (R4, S0 p.6, p.10): due-soon warnings go to the executor (or, before one is
// assigned, to the department's registrars); each breach notifies the heads of the department once,
// in the app and by e-mail. "Once" is a primary key on (stage stay, kind) written in the same
// transaction as the notices, so any number of instances running the job produce one notice.
import type { Db } from "../db/client";
import { deadlineRanges, type DeadlineContext } from "../calendar/deadline-status";
import { pinnedDocument } from "../regulation/document-cache";
import { deadlineBreachedMessage, deadlineDueSoonMessage } from "../notification/templates";
import { appBaseUrl } from "../notification/config";
import { personName } from "../people";
import { departmentParents } from "../auth/data";
import {
  activeMembers,
  stagesAwaitingNotice,
  type DeadlineNoticeKind as Kind,
  type DeadlinePerson as Person,
} from "./data";
import { sendDeadlineNotice } from "./mutations";
import { requestsAwaitingNotice } from "./requests/data";
import { sendRequestNotice } from "./requests/mutations";
import { requestDueSoonMessage, requestOverdueMessage } from "./requests/notices";

/** Stages checked per query: the run walks all of them page by page, nearest due first. */
export const PAGE = 200;

type Cursor = { dueAt: Date; id: string };

/**
 * Both monitors walk what awaits a notice by one keyset: (due date, id), nearest due first, a page of
 * PAGE rows after the last one seen, until a short page.
 */
export async function* sweep<T extends { dueAt: Date | null; id: string }>(
  fetch: (after: Cursor | undefined) => Promise<T[]>,
): AsyncGenerator<T[]> {
  let after: Cursor | undefined;
  for (;;) {
    const page = await fetch(after);
    yield page;
    if (page.length < PAGE) return;
    const last = page[page.length - 1]!;
    after = { dueAt: last.dueAt!, id: last.id };
  }
}

/**
 * Who is told. A breach goes to the heads of the department, or, where it has none, to the heads of
 * the departments above it; a warning goes to the executor, or before one is assigned to the
 * department's registrars. Nobody to tell (a department without staff yet): the stage is left
 * unclaimed, so the notice goes out once someone is appointed.
 */
type Members = (departmentId: string, role: "HEAD" | "REGISTRAR") => Promise<Person[]>;

/** Staff of a department by role, read once per run (a backlog is mostly one department's). */
function membersOnce(db: Db): Members {
  const known = new Map<string, Promise<Person[]>>();
  return (departmentId, role) => {
    const key = `${departmentId}:${role}`;
    if (!known.has(key)) {
      known.set(key, activeMembers(db, departmentId, role));
    }
    return known.get(key)!;
  };
}

async function recipientsFor(
  members: Members,
  kind: Kind,
  app: { departmentId: string; assignee: Person | null },
  parents: Map<string, string | null>,
): Promise<Person[]> {
  if (kind === "due_soon") return app.assignee ? [app.assignee] : members(app.departmentId, "REGISTRAR");
  for (let d: string | null | undefined = app.departmentId; d; d = parents.get(d)) {
    const heads = await members(d, "HEAD");
    if (heads.length) return heads;
  }
  return [];
}

export async function monitorDeadlines(db: Db, opts: DeadlineContext) {
  // The rule the board and the card show (server/calendar/deadline-status.ts), as ranges of due instants.
  const due = deadlineRanges(opts);
  const parents = new Map((await departmentParents(db)).map((d) => [d.id, d.parentId]));
  const members = membersOnce(db);
  let warned = 0;
  let escalated = 0;
  let unrouted = 0;
  for (const kind of ["breach", "due_soon"] as const) {
    const pages = sweep((after) =>
      stagesAwaitingNotice(db, { kind, dueAt: kind === "breach" ? due.overdue : due.due_soon, after, take: PAGE }),
    );
    for await (const page of pages) {
      for (const s of page) {
        const app = s.application;
        const recipients = await recipientsFor(members, kind, app, parents);
        if (!recipients.length) {
          unrouted += 1;
          continue;
        }
        const doc = pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode);
        const facts = {
          registrationNumber: app.registrationNumber ?? "—",
          serviceTitle: app.service.title,
          stageTitle: doc.stages.find((x) => x.key === s.stage)?.title ?? s.stage,
          dueAt: s.dueAt!,
          dueProvisional: s.dueProvisional,
          executorName: app.assignee ? personName(app.assignee) : null,
          applicationUrl: `${appBaseUrl()}/staff/applications/${app.id}`,
        };
        const notices = recipients.map((r) => {
          const message =
            kind === "breach"
              ? deadlineBreachedMessage({ ...facts, recipientName: personName(r) })
              : deadlineDueSoonMessage({
                  ...facts,
                  recipientName: personName(r),
                  workingDaysLeft: opts.calendar.countWorkingDays(opts.now, s.dueAt!),
                });
          return {
            userId: r.id,
            applicationId: app.id,
            kind: kind === "breach" ? ("deadline_breached" as const) : ("deadline_due_soon" as const),
            ...message,
          };
        });
        const sent = await sendDeadlineNotice(db, { stageId: s.id, kind, notices });
        if (sent && kind === "breach") escalated += 1;
        else if (sent) warned += 1;
      }
    }
  }
  return { warned, escalated, unrouted };
}

/**
 * Inter-agency answers (S0 p.6, p.11; R5), by the same rule and with the same once-only guarantee
 * as stage deadlines: an unanswered request past its due date is escalated to the heads of the
 * department (or of the departments above it); one due soon warns the official who sent it (or,
 * when the sender is unknown, the assigned executor).
 */
export async function monitorRequests(db: Db, opts: DeadlineContext) {
  const due = deadlineRanges(opts);
  const parents = new Map((await departmentParents(db)).map((d) => [d.id, d.parentId]));
  const members = membersOnce(db);
  let warned = 0;
  let escalated = 0;
  let unrouted = 0;
  for (const kind of ["overdue", "due_soon"] as const) {
    const pages = sweep((after) =>
      requestsAwaitingNotice(db, { kind, dueAt: kind === "overdue" ? due.overdue : due.due_soon, after, take: PAGE }),
    );
    for await (const page of pages) {
      for (const r of page) {
        const app = r.application;
        const recipients =
          kind === "due_soon"
            ? [r.sentBy ?? app.assignee].filter((p): p is Person => !!p)
            : await recipientsFor(members, "breach", { departmentId: app.departmentId, assignee: null }, parents);
        if (!recipients.length) {
          unrouted += 1;
          continue;
        }
        const facts = {
          registrationNumber: app.registrationNumber ?? "—",
          serviceTitle: app.service.title,
          agency: r.agency,
          sentAt: r.sentAt,
          dueAt: r.dueAt,
          senderName: r.sentBy ? personName(r.sentBy) : null,
          applicationUrl: `${appBaseUrl()}/staff/applications/${app.id}`,
        };
        const notices = recipients.map((p) => ({
          userId: p.id,
          applicationId: app.id,
          kind: kind === "overdue" ? ("request_overdue" as const) : ("request_due_soon" as const),
          ...(kind === "overdue" ? requestOverdueMessage : requestDueSoonMessage)({
            ...facts,
            recipientName: personName(p),
          }),
        }));
        const sent = await sendRequestNotice(db, { requestId: r.id, applicationId: app.id, kind, notices });
        if (sent && kind === "overdue") escalated += 1;
        else if (sent) warned += 1;
      }
    }
  }
  return { warned, escalated, unrouted };
}
