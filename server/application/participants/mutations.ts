// Writes of co-applicants (R15): invitations, acceptance and the co-applicant's own section. The
// rules of the feature are in ../co-applicants.ts.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { AppError } from "../../errors";
import { ownedBy } from "../visibility";
import { config } from "../../config";
import { pinnedDocument } from "../../regulation/document-cache";
import { fieldErrorsByPath, validateApplication } from "../../regulation/form-schema";
import { notify, queueEmail } from "../../notification/mutations";
import { coApplicantInvitationMessage } from "../../notification/templates";
import { appBaseUrl } from "../../notification/config";
import { personName } from "../../people";
import { coApplicantSteps, hashToken, MAX_CO_APPLICANTS } from "../co-applicants";
import { invitationByToken, sectionOf } from "./data";
import { THROTTLES, waitPhrase } from "../../throttle/policy";
import { admitOrThrow } from "../../throttle/mutations";

async function ownerDraft(db: Db, ownerId: string, applicationId: string) {
  const app = await db.application.findFirst({
    where: ownedBy(ownerId, { id: applicationId }),
    select: {
      id: true,
      status: true,
      regulationVersionId: true,
      variantCode: true,
      regulationVersion: { select: { document: true } },
      service: { select: { title: true } },
      owner: { select: { email: true, lastName: true, firstName: true, middleName: true } },
    },
  });
  if (!app) throw new AppError("NOT_FOUND", "Черновик не найден");
  if (app.status !== "DRAFT")
    throw new AppError("PRECONDITION", "Заявление уже подано: состав заявителей изменить нельзя");
  return { ...app, document: pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode) };
}

/** Parallel invitations wait for the application's row lock: give them time to queue. */
const INVITE_TX = { maxWait: 15_000, timeout: 20_000 };

export async function inviteCoApplicant(db: Db, input: { ownerId: string; applicationId: string; email: string }) {
  const app = await ownerDraft(db, input.ownerId, input.applicationId);
  if (!coApplicantSteps(app.document).length)
    throw new AppError("PRECONDITION", "Эта услуга не предусматривает совместного запроса");
  const email = input.email.trim().toLowerCase();
  if (email === app.owner.email)
    throw new AppError("INVALID", "Это ваш собственный адрес", {
      email: "Укажите адрес электронной почты созаявителя, а не свой",
    });
  const token = randomBytes(24).toString("base64url");
  return db.$transaction(async (tx) => {
    // The application row is locked while the co-applicants are counted and the new one added:
    // parallel invitations queue here, so the limit holds (MAX_CO_APPLICANTS, issue 9).
    const locked = await tx.$queryRaw<{ status: string }[]>`
      SELECT "status"::text AS "status" FROM "Application" WHERE "id" = ${app.id}::uuid FOR UPDATE`;
    if (locked[0]?.status !== "DRAFT")
      throw new AppError("PRECONDITION", "Заявление уже подано: состав заявителей изменить нельзя");
    const exists = await tx.applicationParticipant.findUnique({
      where: { applicationId_email: { applicationId: app.id, email } },
    });
    if (exists)
      throw new AppError("CONFLICT", "Этот созаявитель уже приглашён", {
        email: "Приглашение на этот адрес уже отправлено",
      });
    const count = await tx.applicationParticipant.count({ where: { applicationId: app.id, role: "CO_APPLICANT" } });
    if (count >= MAX_CO_APPLICANTS)
      throw new AppError("INVALID", `Можно пригласить не больше ${MAX_CO_APPLICANTS} созаявителей`);
    // Every invitation sent counts against the inviter, removed ones too: invite, remove and invite
    // again cannot send mail without end. Counted in this transaction, so a refused one is not.
    await admitOrThrow(
      tx,
      THROTTLES.coApplicantInvitations,
      input.ownerId,
      (ms) => `Слишком много приглашений за сутки. Повторите ${waitPhrase(ms)}.`,
    );
    const participant = await tx.applicationParticipant.create({
      data: { applicationId: app.id, email, role: "CO_APPLICANT", inviteTokenHash: hashToken(token) },
      select: { id: true, email: true },
    });
    const message = coApplicantInvitationMessage({
      inviterName: personName(app.owner),
      serviceTitle: app.service.title,
      link: `${appBaseUrl()}/invitations/${token}`,
    });
    const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (user) await notify(tx, { userId: user.id, applicationId: app.id, kind: "co_applicant_invited", ...message });
    else await queueEmail(tx, { to: email, subject: message.title, body: message.body });
    return { ...participant, token };
  }, INVITE_TX);
}

export async function removeCoApplicant(
  db: Db,
  input: { ownerId: string; applicationId: string; participantId: string },
) {
  const app = await ownerDraft(db, input.ownerId, input.applicationId);
  const removed = await db.applicationParticipant.deleteMany({
    where: { id: input.participantId, applicationId: app.id, role: "CO_APPLICANT" },
  });
  if (removed.count !== 1) throw new AppError("NOT_FOUND", "Созаявитель не найден");
}

/** The invitee must be signed in with the invited e-mail: a forwarded link opens nothing for others. */
export async function acceptInvitation(db: Db, input: { userId: string; email: string; token: string }) {
  const participant = await invitationByToken(db, input);
  if (participant.userId && participant.userId !== input.userId)
    throw new AppError("CONFLICT", "Приглашение уже принято");
  if (participant.application.status !== "DRAFT") throw new AppError("PRECONDITION", "Заявление уже подано");
  await db.applicationParticipant.update({
    where: { id: participant.id },
    data: { userId: input.userId, acceptedAt: new Date() },
  });
  return { applicationId: participant.applicationId };
}

/** Saves the co-applicant's section; `complete` checks it strictly and marks it done (R14 rules). */
export async function saveCoApplicantSection(
  db: Db,
  input: { userId: string; applicationId: string; values: Record<string, unknown>; complete: boolean },
) {
  const p = await sectionOf(db, input.userId, input.applicationId);
  if (p.application.status !== "DRAFT")
    throw new AppError("PRECONDITION", "Заявление уже подано: раздел изменить нельзя");
  const known = new Set(p.steps.flatMap((s) => s.fields.map((f) => f.key)));
  const extra = Object.keys(input.values).filter((k) => !known.has(k));
  if (extra.length) throw new AppError("INVALID", `В разделе нет полей: ${extra.slice(0, 5).join(", ")}`);
  const result = validateApplication(
    p.steps,
    input.values,
    input.complete ? { mode: "submit", timeZone: config().timeZone } : { mode: "draft" },
  );
  if (!result.ok)
    throw new AppError(
      "INVALID",
      input.complete ? "Раздел не заполнен: исправьте отмеченные поля" : "Раздел не сохранён",
      fieldErrorsByPath({ issues: result.issues }),
    );
  await db.applicationParticipant.update({
    where: { id: p.id },
    data: {
      data: (input.complete ? result.data : input.values) as object,
      completedAt: input.complete ? new Date() : null,
    },
  });
  return { completed: input.complete };
}
