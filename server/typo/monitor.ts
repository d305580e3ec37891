// Typo-correction terms (S2 p.72: the check within 2 working days, the corrected document or the
// no-error letter within 5, both of registration), watched like stage deadlines: the official
// handling it (or the application's executor, or the heads) is warned when a term is near, the heads
// of the department are told once when it has passed (TypoAlert, claimed with the notices).
import type { Db } from "../db/client";
import { deadlineRanges, type DeadlineContext } from "../calendar/deadline-status";
import { departmentParents } from "../auth/data";
import { PAGE, sweep } from "../workflow/monitor";
import { headsFinder } from "../complaint/monitor";
import { appBaseUrl } from "../notification/config";
import { personName } from "../people";
import { typoRequestsAwaitingNotice } from "./data";
import { sendTypoNotice } from "./mutations";
import { typoDueSoonMessage, typoOverdueMessage } from "./notices";

const WHAT = { check: "проверки сведений", fix: "исправления опечатки (или ответа об её отсутствии)" } as const;

export async function monitorTypoRequests(db: Db, opts: DeadlineContext) {
  const due = deadlineRanges(opts);
  const headsOf = headsFinder(db, new Map((await departmentParents(db)).map((d) => [d.id, d.parentId])));
  let warned = 0;
  let escalated = 0;
  let unrouted = 0;
  for (const term of ["check", "fix"] as const)
    for (const state of ["overdue", "due_soon"] as const) {
      const kind = `${term}_${state}`;
      const pages = sweep((after) =>
        typoRequestsAwaitingNotice(db, {
          term,
          kind,
          due: state === "overdue" ? due.overdue : due.due_soon,
          after,
          take: PAGE,
        }),
      );
      for await (const page of pages) {
        for (const r of page) {
          const owner = r.handler ?? r.application.assignee;
          const recipients = state === "due_soon" && owner ? [owner] : await headsOf(r.application.departmentId);
          if (!recipients.length) {
            unrouted += 1;
            continue;
          }
          const facts = {
            number: r.number,
            what: WHAT[term],
            dueAt: r.dueAt,
            url: `${appBaseUrl()}/staff/typos/${r.id}`,
          };
          const notices = recipients.map((p) => ({
            userId: p.id,
            applicationId: r.application.id,
            kind: state === "overdue" ? ("typo_overdue" as const) : ("typo_due_soon" as const),
            ...(state === "overdue" ? typoOverdueMessage : typoDueSoonMessage)({
              ...facts,
              recipientName: personName(p),
            }),
          }));
          const sent = await sendTypoNotice(db, {
            typoRequestId: r.id,
            applicationId: r.application.id,
            kind,
            notices,
          });
          if (sent && state === "overdue") escalated += 1;
          else if (sent) warned += 1;
        }
      }
    }
  return { warned, escalated, unrouted };
}
