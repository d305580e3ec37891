// The applicant's own actions in the cabinet (issue 14 p.5): deleting a draft with its files, and
// withdrawing a submitted application before the decision.
import "server-only";
import type { Db } from "../db/client";
import type { FileStorage } from "../storage/storage";
import { AppError } from "../errors";
import { ownedBy } from "../application/visibility";
import { notify } from "../notification/mutations";
import { appBaseUrl } from "../notification/config";
import { activeMembers } from "../workflow/data";
import { personName } from "../people";

/**
 * Deletes the owner's draft: its attachment rows, co-applicant invitations and the draft itself in
 * one transaction (its notifications stay, detached), then the stored files. A draft has no events
 * (README: drafts are not applications), so nothing of the log is touched. Only the owner's draft
 * is found: another's, or a submitted application, is not found.
 */
export async function deleteDraft(db: Db, storage: FileStorage, input: { ownerId: string; id: string }) {
  const keys = await db.$transaction(async (tx) => {
    const draft = await tx.application.findFirst({
      where: ownedBy(input.ownerId, { id: input.id, status: "DRAFT" }),
      select: { id: true },
    });
    if (!draft) throw new AppError("NOT_FOUND", "Черновик не найден");
    const files = await tx.attachment.findMany({ where: { applicationId: draft.id }, select: { storageKey: true } });
    await tx.attachment.deleteMany({ where: { applicationId: draft.id } });
    await tx.notification.updateMany({ where: { applicationId: draft.id }, data: { applicationId: null } });
    const gone = await tx.application.deleteMany({ where: { id: draft.id, ownerId: input.ownerId, status: "DRAFT" } });
    // Submitted meanwhile (another tab): the transaction rolls back and nothing is deleted.
    if (gone.count !== 1) throw new AppError("CONFLICT", "Черновик только что изменился: обновите страницу");
    return files.map((f) => f.storageKey);
  });
  // Files go once the rows are gone: a failure here leaves an orphan file, never a row without its file.
  for (const key of keys) await storage.delete(key);
  return { id: input.id, files: keys.length };
}

const DECIDED = "Решение по заявлению уже принято: отозвать его нельзя";

/**
 * Withdraws the owner's submitted application before the decision: status WITHDRAWN with closedAt,
 * the open stage closed (its deadline stops: the monitor watches submitted applications only), an
 * event with the reason, and a notice to the executor, or before one is assigned to the department's
 * registrars, all in one transaction guarded by the row version. Refused once a result document is
 * signed or the application is closed.
 */
export async function withdrawApplication(db: Db, input: { ownerId: string; id: string; reason: string; now: Date }) {
  return db.$transaction(async (tx) => {
    const app = await tx.application.findFirst({
      where: ownedBy(input.ownerId, { id: input.id, status: { not: "DRAFT" } }),
      select: {
        id: true,
        status: true,
        rowVersion: true,
        currentStage: true,
        departmentId: true,
        registrationNumber: true,
        assignee: { select: { id: true, lastName: true, firstName: true, middleName: true } },
        service: { select: { title: true } },
        documents: { where: { signedAt: { not: null } }, select: { id: true }, take: 1 },
      },
    });
    if (!app) throw new AppError("NOT_FOUND", "Заявление не найдено");
    if (app.status === "WITHDRAWN") throw new AppError("PRECONDITION", "Заявление уже отозвано");
    if (app.status !== "SUBMITTED" || app.documents.length) throw new AppError("PRECONDITION", DECIDED);
    const updated = await tx.application.updateMany({
      where: { id: app.id, status: "SUBMITTED", rowVersion: app.rowVersion },
      data: { status: "WITHDRAWN", outcome: "withdrawn", closedAt: input.now, rowVersion: { increment: 1 } },
    });
    if (updated.count !== 1)
      throw new AppError("CONFLICT", "Заявление только что изменилось: обновите страницу и повторите");
    await tx.applicationStage.updateMany({
      where: { applicationId: app.id, leftAt: null },
      data: { leftAt: input.now },
    });
    await tx.applicationEvent.create({
      data: {
        applicationId: app.id,
        at: input.now,
        actorId: input.ownerId,
        type: "withdrawn",
        fromStage: app.currentStage,
        toStage: app.currentStage,
        payload: { reason: input.reason },
      },
    });
    const recipients = app.assignee ? [app.assignee] : await activeMembers(tx, app.departmentId, "REGISTRAR");
    const number = app.registrationNumber ?? "—";
    for (const r of recipients) {
      await notify(tx, {
        userId: r.id,
        applicationId: app.id,
        kind: "application_withdrawn",
        title: `Заявление № ${number} отозвано заявителем`,
        body: [
          `Здравствуйте, ${personName(r)}!`,
          `Заявитель отозвал заявление № ${number} (услуга «${app.service.title}»). Рассмотрение прекращено, сроки по заявлению больше не контролируются.`,
          `Причина: ${input.reason}`,
          `Карточка заявления: ${appBaseUrl()}/staff/applications/${app.id}`,
        ].join("\n\n"),
      });
    }
    return { id: app.id, notified: recipients.length };
  });
}
