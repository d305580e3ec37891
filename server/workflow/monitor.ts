// Deadline monitoring (R4, S0 p.6, p.10): due-soon warnings go to the executor (or, before one is
// assigned, to the department's registrars); each breach notifies the heads of the department once,
// in the app and by e-mail. "Once" is a primary key on (stage stay, kind) written in the same
// transaction as the notices, so any number of instances running the job produce one notice.
import type { Db } from "../db/client";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { pinnedDocument } from "../regulation/document-cache";
import { notify } from "../notification/mutations";
import { deadlineBreachedMessage, deadlineDueSoonMessage } from "../notification/templates";
import { appBaseUrl } from "../notification/config";
import { personName } from "../people";


export async function monitorDeadlines(db: Db, opts: { now: Date; calendar: WorkingCalendar; dueSoonWorkingDays: number }) {
  const horizon = opts.calendar.addWorkingDays(opts.now, opts.dueSoonWorkingDays);
  const open = await db.applicationStage.findMany({
    where: { leftAt: null, dueAt: { not: null, lte: horizon }, application: { status: "SUBMITTED" } },
    select: {
      id: true, stage: true, dueAt: true,
      alerts: { select: { kind: true } },
      application: {
        select: {
          id: true, registrationNumber: true, departmentId: true, regulationVersionId: true, regulationVersion: { select: { document: true } },
          service: { select: { title: true } },
          assignee: { select: { id: true, lastName: true, firstName: true, middleName: true } },
        },
      },
    },
    take: 1000,
  });
  let warned = 0;
  let escalated = 0;
  for (const s of open) {
    const kind = s.dueAt! < opts.now ? "breach" : "due_soon";
    if (s.alerts.some((a) => a.kind === kind)) continue;
    const app = s.application;
    const doc = pinnedDocument(app.regulationVersionId, app.regulationVersion.document);
    const facts = {
      registrationNumber: app.registrationNumber ?? "—", serviceTitle: app.service.title,
      stageTitle: doc.stages.find((x) => x.key === s.stage)?.title ?? s.stage, dueAt: s.dueAt!,
      executorName: app.assignee ? personName(app.assignee) : null, applicationUrl: `${appBaseUrl()}/staff/applications/${app.id}`,
    };
    const recipients =
      kind === "breach"
        ? await db.departmentMember.findMany({ where: { departmentId: app.departmentId, role: "HEAD", user: { isActive: true } }, select: { user: { select: { id: true, lastName: true, firstName: true, middleName: true } } } })
        : app.assignee
          ? [{ user: app.assignee }]
          : await db.departmentMember.findMany({ where: { departmentId: app.departmentId, role: "REGISTRAR", user: { isActive: true } }, select: { user: { select: { id: true, lastName: true, firstName: true, middleName: true } } } });
    const sent = await db.$transaction(async (tx) => {
      const claimed = await tx.$queryRaw<{ stageId: string }[]>`
        INSERT INTO "DeadlineAlert" ("stageId", "kind") VALUES (${s.id}::uuid, ${kind}) ON CONFLICT DO NOTHING RETURNING "stageId"`;
      if (claimed.length === 0) return false; // another instance got here first
      for (const r of recipients) {
        const message =
          kind === "breach"
            ? deadlineBreachedMessage({ ...facts, recipientName: personName(r.user) })
            : deadlineDueSoonMessage({ ...facts, recipientName: personName(r.user), workingDaysLeft: opts.calendar.countWorkingDays(opts.now, s.dueAt!) });
        await notify(tx, { userId: r.user.id, applicationId: app.id, kind: kind === "breach" ? "deadline_breached" : "deadline_due_soon", ...message });
      }
      return true;
    });
    if (sent && kind === "breach") escalated += 1;
    else if (sent) warned += 1;
  }
  return { warned, escalated };
}
