// Reads of co-applicants' sections (R15), always scoped by the participant or by the owner. The rules
// of the feature are in ../co-applicants.ts.
import "server-only";
import type { Db } from "../../db/client";
import { AppError } from "../../errors";
import { pinnedDocument } from "../../regulation/document-cache";
import { personName } from "../../people";
import { PROFILE_SELECT, prefillValues, profileFrom } from "../prefill";
import { coApplicantSteps, hashToken } from "../co-applicants";
import { ownedBy } from "../visibility";

/** What a co-applicant's section and an invitation read of the application: its form and whose it is. */
const SECTION_APPLICATION = {
  status: true,
  regulationVersionId: true,
  variantCode: true,
  regulationVersion: { select: { document: true } },
  service: { select: { title: true, code: true } },
  owner: { select: { lastName: true, firstName: true, middleName: true } },
} as const;

/** The signed-in co-applicant's own section of an application, with the steps of its pinned regulation. */
export async function sectionOf(db: Db, userId: string, applicationId: string) {
  const p = await db.applicationParticipant.findFirst({
    where: { applicationId, userId, role: "CO_APPLICANT" },
    select: {
      id: true,
      data: true,
      completedAt: true,
      application: { select: SECTION_APPLICATION },
    },
  });
  if (!p) throw new AppError("NOT_FOUND", "Раздел созаявителя не найден");
  return {
    ...p,
    steps: coApplicantSteps(
      pinnedDocument(
        p.application.regulationVersionId,
        p.application.regulationVersion.document,
        p.application.variantCode,
      ),
    ),
  };
}

export async function coApplicantSection(db: Db, userId: string, applicationId: string) {
  const p = await sectionOf(db, userId, applicationId);
  let values = p.data as Record<string, unknown>;
  if (!Object.keys(values).length) {
    const me = await db.user.findUniqueOrThrow({
      where: { id: userId },
      select: PROFILE_SELECT,
    });
    values = prefillValues(
      p.steps.map((s) => ({ ...s, section: "applicant" as const })),
      profileFrom(me),
    );
  }
  return {
    applicationId,
    status: p.application.status,
    serviceTitle: p.application.service.title,
    ownerName: personName(p.application.owner),
    steps: p.steps,
    values,
    completedAt: p.completedAt,
  };
}

/** What the owner sees of the co-applicants: who is invited, who accepted, who has completed. */
export async function coApplicantsForOwner(db: Db, ownerId: string, applicationId: string) {
  // Loaded through the application, so that another's application is "not found" like everywhere
  // else (the authorization matrix), not an empty list.
  const app = await db.application.findFirst({
    where: ownedBy(ownerId, { id: applicationId }),
    select: {
      participants: {
        where: { role: "CO_APPLICANT" },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          email: true,
          acceptedAt: true,
          completedAt: true,
          user: { select: { lastName: true, firstName: true, middleName: true } },
        },
      },
    },
  });
  if (!app) throw new AppError("NOT_FOUND", "Заявление не найдено");
  const rows = app.participants;
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.user ? personName(r.user) : null,
    acceptedAt: r.acceptedAt,
    completedAt: r.completedAt,
  }));
}

/**
 * The invitation a token stands for, read for the address it was sent to: "not found" for an unknown
 * or withdrawn token, "forbidden" for another account's (shared by the preview and the acceptance).
 */
export async function invitationByToken(db: Db, input: { email: string; token: string }) {
  const p = await db.applicationParticipant.findUnique({
    where: { inviteTokenHash: hashToken(input.token) },
    select: {
      id: true,
      email: true,
      userId: true,
      applicationId: true,
      application: { select: SECTION_APPLICATION },
    },
  });
  if (!p) throw new AppError("NOT_FOUND", "Приглашение не найдено или отозвано");
  if (p.email !== input.email.toLowerCase()) {
    throw new AppError(
      "FORBIDDEN",
      "Приглашение отправлено на другой адрес электронной почты: войдите под той учётной записью, на адрес которой пришло письмо",
    );
  }
  return p;
}

/**
 * Issue 16 p.4: what the invited person sees before accepting: who invites them, to which service,
 * and what they will be asked (the co-applicant's steps and fields).
 */
export async function invitationPreview(db: Db, input: { userId: string; email: string; token: string }) {
  const p = await invitationByToken(db, input);
  const a = p.application;
  const steps = coApplicantSteps(pinnedDocument(a.regulationVersionId, a.regulationVersion.document, a.variantCode));
  return {
    applicationId: p.applicationId,
    inviter: personName(a.owner),
    service: a.service,
    /** Accepted by this account already: the section is open to it. */
    acceptedByYou: p.userId === input.userId,
    acceptedByOther: !!p.userId && p.userId !== input.userId,
    submitted: a.status !== "DRAFT",
    asks: steps.map((s) => ({
      title: s.title,
      description: s.description ?? null,
      fields: s.fields.map((f) => ({ label: f.label, required: !!f.required })),
    })),
  };
}
