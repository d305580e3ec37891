// Writes of the applicant's journey: drafts (R15), submission with its simple electronic signature
// (R17) and automatic registration of portal submissions (R7, R19). Every query is scoped by the
// owner: another applicant's draft id is "not found".
import { createHash } from "node:crypto";
import type { Db, Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { canonicalJson } from "../regulation/checksum";
import { pinnedDocument } from "../regulation/document-cache";
import { versionInForce } from "../regulation/data";
import type { FieldDef, RegulationDocument, StepDef } from "../regulation/document";
import { fieldErrorsByPath, validateApplication } from "../regulation/form-schema";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { registerInTransaction } from "../workflow/mutations";
import { checkFileRefs, fileRefIds } from "../attachment/mutations";
import { INTERAGENCY_ANSWER_FIELD } from "../attachment/data";
import { config } from "../config";
import type { FileStorage } from "../storage/storage";
import { notify } from "../notification/mutations";
import { registrationMessage } from "../notification/templates";
import { appBaseUrl } from "../notification/config";
import { prefillValues, profileFrom } from "./prefill";
import { draftForOwner } from "./data";
import { carryValues, FORM_UPDATED } from "./form-update";
import { coApplicantSteps } from "./co-applicants";
import type { SaveDraftInput } from "./schema";
import { salutationName } from "../people";

const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 };
export const DRAFT_CONFLICT = "Черновик изменён в другой вкладке или на другом устройстве. Выберите, какую версию сохранить.";

function applicantSteps(doc: RegulationDocument): StepDef[] {
  return doc.form.steps.filter((s) => (s.section ?? "applicant") === "applicant");
}

/** Field keys a value may have: the regulation's own fields. Anything else is a tampered request. */
function unknownKeys(steps: StepDef[], values: Record<string, unknown>): string[] {
  const known = new Set(steps.flatMap((s) => s.fields.map((f: FieldDef) => f.key)));
  return Object.keys(values).filter((k) => !known.has(k));
}

/** The strict check of the form: "today" is the municipality's date, wherever the server runs. */
const strictCheck = (now: Date) => ({ mode: "submit" as const, today: now, timeZone: config().timeZone });

type DraftVersion = { id: string; version: number; document: RegulationDocument };

/**
 * Co-applicants' sections follow the draft to the new edition: keys the new section no longer has
 * are dropped, and a confirmed section that no longer passes the new section's check is reopened
 * (its co-applicant confirms it again; the owner sees it as not yet filled).
 */
async function moveCoApplicantSections(tx: Tx, applicationId: string, target: DraftVersion, now: Date) {
  const steps = coApplicantSteps(target.document);
  const sections = await tx.applicationParticipant.findMany({ where: { applicationId, role: "CO_APPLICANT" }, select: { id: true, data: true, completedAt: true } });
  for (const p of sections) {
    const { values } = carryValues(steps, (p.data ?? {}) as Record<string, unknown>);
    const stillComplete = !!p.completedAt && steps.length > 0 && validateApplication(steps, values, strictCheck(now)).ok;
    await tx.applicationParticipant.update({ where: { id: p.id }, data: { data: values as Prisma.InputJsonObject, completedAt: stillComplete ? p.completedAt : null } });
  }
}

/**
 * Moves a draft to the edition of the regulation in force now when it is on an older one (R11): a
 * draft is judged at submission by the edition in force then, so the applicant must fill the form of
 * that edition. Values are carried over (`carryValues`), the step kept where the new form has it.
 * Conditional on the row version and on the version it was read on: a save in between wins and the
 * move is tried again on what it saved. Returns the edition it moved to, or null.
 */
export async function moveDraftToVersionInForce(db: Db, ownerId: string, id: string, now: Date = new Date()): Promise<{ version: number } | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const app = await db.application.findFirst({
      where: { id, ownerId },
      select: {
        id: true, status: true, rowVersion: true, data: true, currentStep: true, serviceId: true, regulationVersionId: true,
        regulationVersion: { select: { document: true } },
        owner: { select: { lastName: true, firstName: true, middleName: true, email: true, phone: true, profile: true } },
      },
    });
    if (!app || app.status !== "DRAFT") return null;
    const target = await versionInForce(db, app.serviceId, now);
    if (!target || target.id === app.regulationVersionId) return null;
    const steps = applicantSteps(target.document);
    const previousSteps = applicantSteps(pinnedDocument(app.regulationVersionId, app.regulationVersion.document));
    const { values } = carryValues(steps, app.data as Record<string, unknown>, { previousSteps, profile: profileFrom(app.owner) });
    const currentStep = steps.some((s) => s.key === app.currentStep) ? app.currentStep : (steps[0]?.key ?? null);
    const moved = await db.$transaction(async (tx) => {
      const updated = await tx.application.updateMany({
        where: { id: app.id, ownerId, status: "DRAFT", rowVersion: app.rowVersion, regulationVersionId: app.regulationVersionId },
        data: { regulationVersionId: target.id, data: values as Prisma.InputJsonObject, currentStep, rowVersion: { increment: 1 }, purgeNoticeAt: null },
      });
      if (updated.count !== 1) return false;
      await moveCoApplicantSections(tx, app.id, target, now);
      return true;
    }, TX_OPTIONS);
    if (moved) return { version: target.version };
  }
  return null;
}

/**
 * The draft as the applicant opens it: moved to the edition in force first, so the form shown is
 * the one the submission is judged by.
 */
export async function openDraft(db: Db, ownerId: string, id: string, now: Date = new Date()) {
  await moveDraftToVersionInForce(db, ownerId, id, now);
  return draftForOwner(db, ownerId, id);
}


export async function startDraft(db: Db, input: { ownerId: string; serviceCode: string; copyFrom?: string }) {
  const service = await db.service.findUnique({ where: { code: input.serviceCode }, select: { id: true, departmentId: true, isActive: true } });
  if (!service || !service.isActive) throw new AppError("NOT_FOUND", "Услуга не найдена");
  const version = await versionInForce(db, service.id);
  if (!version) throw new AppError("PRECONDITION", "Услуга пока не принимает заявления: регламент не опубликован");
  const owner = await db.user.findUniqueOrThrow({ where: { id: input.ownerId }, select: { lastName: true, firstName: true, middleName: true, email: true, phone: true, profile: true } });
  const steps = applicantSteps(version.document);
  let base: Record<string, unknown> = {};
  if (input.copyFrom) {
    // "Copy into a new draft" (R15): values of the earlier application that the current form still has.
    const source = await db.application.findFirst({ where: { id: input.copyFrom, ownerId: input.ownerId, serviceId: service.id }, select: { data: true } });
    if (!source) throw new AppError("NOT_FOUND", "Заявление для копирования не найдено");
    const data = source.data as Record<string, unknown>;
    const known = new Set(steps.flatMap((s) => s.fields.map((f) => f.key)));
    base = Object.fromEntries(Object.entries(data).filter(([k]) => known.has(k)));
  }
  const values = prefillValues(steps, profileFrom(owner), base);
  const app = await db.application.create({
    data: {
      serviceId: service.id, regulationVersionId: version.id, departmentId: service.departmentId, ownerId: input.ownerId,
      status: "DRAFT", channel: "PORTAL", data: values as Prisma.InputJsonObject, currentStep: steps[0]?.key ?? null,
      // No event yet: a draft is not an application until it is submitted, and the event log is
      // append-only, so an event would keep an abandoned draft from ever being purged (R15).
      participants: { create: { email: owner.email, role: "OWNER", userId: input.ownerId, acceptedAt: new Date() } },
    },
    select: { id: true },
  });
  return app;
}

async function ownedDraft(db: Db | Tx, ownerId: string, id: string) {
  const app = await db.application.findFirst({
    where: { id, ownerId },
    select: {
      id: true, status: true, rowVersion: true, data: true, currentStep: true, serviceId: true, regulationVersionId: true,
      regulationVersion: { select: { version: true, document: true } },
      owner: { select: { lastName: true, firstName: true, middleName: true, email: true, phone: true, profile: true } },
    },
  });
  if (!app) throw new AppError("NOT_FOUND", "Черновик не найден");
  return app;
}

/**
 * Saves a draft, invalid values included (R15: "save entered values at any moment, including after
 * input errors"). Refuses fields the regulation does not have, and a save based on an older version
 * than the server's unless the applicant chose to overwrite (two tabs never silently overwrite).
 *
 * A new edition of the regulation (R11): a draft on an older edition than the one in force is moved
 * to it with this save, and values sent from a form older than the draft's edition (a tab opened
 * before the move) are carried over rather than refused. The answer names the draft's edition: a
 * browser whose form is older reloads it.
 */
export async function saveDraft(db: Db, ownerId: string, input: SaveDraftInput, now: Date = new Date()) {
  const app = await ownedDraft(db, ownerId, input.id);
  if (app.status !== "DRAFT") throw new AppError("PRECONDITION", "Заявление уже подано: черновик больше нельзя изменить");
  const pinned: DraftVersion = { id: app.regulationVersionId, version: app.regulationVersion.version, document: pinnedDocument(app.regulationVersionId, app.regulationVersion.document) };
  const inForce = await versionInForce(db, app.serviceId, now);
  const target: DraftVersion = inForce && inForce.id !== pinned.id ? inForce : pinned;
  const moving = target.id !== pinned.id;
  const olderForm = moving || (input.formVersion !== undefined && input.formVersion !== pinned.version);
  const steps = applicantSteps(target.document);
  let values = input.values;
  let currentStep = input.currentStep;
  if (olderForm) {
    values = carryValues(steps, input.values, moving ? { previousSteps: applicantSteps(pinned.document), profile: profileFrom(app.owner) } : undefined).values;
    if (currentStep && !steps.some((s) => s.key === currentStep)) currentStep = steps[0]?.key ?? null;
  } else {
    const extra = unknownKeys(steps, input.values);
    if (extra.length) throw new AppError("INVALID", `В форме услуги нет полей: ${extra.slice(0, 5).join(", ")}`);
    if (currentStep && !steps.some((s) => s.key === currentStep)) throw new AppError("INVALID", "В форме услуги нет такого шага");
  }
  const badFiles = await checkFileRefs(db, app.id, values);
  if (badFiles.length) throw new AppError("INVALID", `Файлы не найдены среди приложенных к заявлению: ${badFiles.slice(0, 3).join(", ")}`);
  const lenient = validateApplication(steps, values, { mode: "draft" });
  if (!lenient.ok) throw new AppError("INVALID", "Черновик не сохранён: некоторые значения недопустимы", fieldErrorsByPath({ issues: lenient.issues }));
  if (!input.overwrite && app.rowVersion !== input.expectedRowVersion) {
    throw new AppError("CONFLICT", DRAFT_CONFLICT);
  }
  const where = { id: app.id, ownerId, status: "DRAFT" as const, regulationVersionId: pinned.id, rowVersion: input.overwrite ? app.rowVersion : input.expectedRowVersion };
  const data = { data: values as Prisma.InputJsonObject, currentStep, regulationVersionId: target.id, rowVersion: { increment: 1 }, purgeNoticeAt: null };
  const saved = moving
    ? await db.$transaction(async (tx) => {
        const updated = await tx.application.updateMany({ where, data });
        if (updated.count === 1) await moveCoApplicantSections(tx, app.id, target, now);
        return updated.count;
      }, TX_OPTIONS)
    : (await db.application.updateMany({ where, data })).count;
  if (saved !== 1) throw new AppError("CONFLICT", DRAFT_CONFLICT);
  const row = await db.application.findUniqueOrThrow({ where: { id: app.id }, select: { rowVersion: true, updatedAt: true } });
  return { rowVersion: row.rowVersion, savedAt: row.updatedAt, version: target.version };
}

export function contentHash(input: { serviceCode: string; version: number; values: unknown; coApplicants?: unknown }): string {
  return createHash("sha256").update(canonicalJson(input)).digest("hex");
}

export type SubmitResult = { id: string; registrationNumber: string; registeredAt: Date; dueAt: Date; alreadySubmitted: boolean };

async function existingSubmission(db: Db | Tx, ownerId: string, where: Prisma.ApplicationWhereInput): Promise<SubmitResult | null> {
  const done = await db.application.findFirst({
    where: { ...where, ownerId, status: { not: "DRAFT" }, registrationNumber: { not: null } },
    select: { id: true, registrationNumber: true, registeredAt: true, dueAt: true },
  });
  return done ? { id: done.id, registrationNumber: done.registrationNumber!, registeredAt: done.registeredAt!, dueAt: done.dueAt!, alreadySubmitted: true } : null;
}

/**
 * Submits a draft: validates every applicant step strictly against the edition of the regulation in
 * force now, which is the one the draft is on (a draft on an older edition is moved to it first and
 * the applicant is asked to review the updated form: nothing is judged by a form they have not seen),
 * records the simple electronic signature (identity, time, SHA-256 of the content, R17) and
 * registers it at once (portal submissions are registered the same working day; on a non-working
 * day they are registered with that date and counted from the next working day, S2 p.66).
 * Idempotent: a double click, a retry or a second tab give the one application.
 *
 * What staff receive is what was signed: attachments the submitted content does not reference (a
 * file of a field the applicant then hid, one left behind by a failed save) are deleted with the
 * submission, and their stored files after it commits.
 */
export async function submitApplication(
  db: Db,
  input: {
    ownerId: string; id: string; submissionKey: string; expectedRowVersion: number; calendar: WorkingCalendar; signedWith: "password" | "oidc"; now?: Date;
    storage: FileStorage;
  },
): Promise<SubmitResult> {
  const now = input.now ?? new Date();
  const earlier = (await existingSubmission(db, input.ownerId, { submissionKey: input.submissionKey })) ?? (await existingSubmission(db, input.ownerId, { id: input.id }));
  if (earlier) return earlier;
  const moved = await moveDraftToVersionInForce(db, input.ownerId, input.id, now);
  if (moved) throw new AppError("PRECONDITION", FORM_UPDATED(moved.version), undefined, "form_updated");
  let unreferenced: string[] = [];
  try {
    const result = await db.$transaction(async (tx) => {
      const app = await tx.application.findFirst({
        where: { id: input.id, ownerId: input.ownerId },
        select: {
          id: true, status: true, rowVersion: true, data: true, serviceId: true, regulationVersionId: true,
          service: { select: { code: true, title: true } },
          owner: { select: { id: true, email: true, lastName: true, firstName: true, middleName: true } },
          participants: { select: { email: true, role: true, completedAt: true, data: true }, orderBy: { createdAt: "asc" } },
        },
      });
      if (!app) throw new AppError("NOT_FOUND", "Черновик не найден");
      if (app.status !== "DRAFT") throw new AppError("PRECONDITION", "Заявление уже подано");
      if (app.rowVersion !== input.expectedRowVersion) throw new AppError("CONFLICT", DRAFT_CONFLICT);
      const version = await versionInForce(tx, app.serviceId, now);
      if (!version) throw new AppError("PRECONDITION", "Услуга сейчас не принимает заявления");
      // An edition that came into force since the move above: the applicant reviews its form first.
      if (version.id !== app.regulationVersionId) throw new AppError("PRECONDITION", FORM_UPDATED(version.version), undefined, "form_updated");
      const steps = applicantSteps(version.document);
      const values = app.data as Record<string, unknown>;
      const strict = validateApplication(steps, values, strictCheck(now));
      if (!strict.ok) throw new AppError("INVALID", "Заявление не отправлено: исправьте ошибки в отмеченных полях", fieldErrorsByPath({ issues: strict.issues }));
      // Saves refuse keys the draft's form does not have, and moves drop them: none can be here.
      const extra = unknownKeys(steps, values);
      if (extra.length) {
        throw new AppError("INVALID", `Заявление не отправлено: в черновике есть поля, которых нет в форме (${extra.slice(0, 5).join(", ")}). Обновите страницу и проверьте заявление`);
      }
      const badFiles = await checkFileRefs(tx, app.id, values);
      if (badFiles.length) throw new AppError("INVALID", `Файлы не найдены среди приложенных к заявлению: ${badFiles.slice(0, 3).join(", ")}`);
      const pendingCo = app.participants.filter((p) => p.role === "CO_APPLICANT" && !p.completedAt);
      if (pendingCo.length) {
        throw new AppError("PRECONDITION", `Не все созаявители заполнили свои разделы: ${pendingCo.map((p) => p.email).join(", ")}`);
      }
      // Co-applicants' sections are checked again under the version in force and signed with the rest.
      const coSteps = coApplicantSteps(version.document);
      const coApplicants = app.participants.filter((p) => p.role === "CO_APPLICANT").map((p) => {
        const checked = validateApplication(coSteps, p.data as Record<string, unknown>, strictCheck(now));
        if (!checked.ok) throw new AppError("PRECONDITION", `Раздел созаявителя ${p.email} заполнен не полностью: попросите его проверить раздел`);
        return { email: p.email, data: checked.data };
      });
      // Only the files the signed content references stay with the application (staff's answers to
      // inter-agency requests are never the applicant's to drop; a draft has none anyway).
      const referenced = fileRefIds([strict.data, ...coApplicants.map((c) => c.data)]);
      const orphans = await tx.attachment.findMany({
        where: { applicationId: app.id, fieldKey: { not: INTERAGENCY_ANSWER_FIELD }, id: { notIn: referenced } },
        select: { id: true, storageKey: true },
      });
      if (orphans.length) await tx.attachment.deleteMany({ where: { id: { in: orphans.map((o) => o.id) } } });
      unreferenced = orphans.map((o) => o.storageKey);
      const hash = contentHash({ serviceCode: app.service.code, version: version.version, values: strict.data, ...(coApplicants.length ? { coApplicants } : {}) });
      const updated = await tx.application.updateMany({
        where: { id: app.id, status: "DRAFT", rowVersion: input.expectedRowVersion },
        data: {
          regulationVersionId: version.id,
          data: strict.data as Prisma.InputJsonObject,
          submissionKey: input.submissionKey,
          contentHash: hash,
          signature: { userId: app.owner.id, email: app.owner.email, method: input.signedWith, at: now.toISOString(), sha256: hash },
          rowVersion: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT", DRAFT_CONFLICT);
      await tx.applicationEvent.create({
        data: { applicationId: app.id, at: now, actorId: app.owner.id, type: "submitted", payload: { sha256: hash, regulationVersion: version.version, method: input.signedWith } },
      });
      const reg = await registerInTransaction(tx, { applicationId: app.id, actorId: null, calendar: input.calendar, receivedAt: now, now });
      // R19: acceptance and registration with the expected completion date, in the cabinet and by e-mail,
      // in the same transaction (nothing is announced about a submission that rolled back).
      const message = registrationMessage({
        recipientName: salutationName(app.owner),
        serviceTitle: app.service.title, registrationNumber: reg.registrationNumber, registeredAt: reg.registeredAt,
        expectedCompletionAt: reg.dueAt, cabinetUrl: `${appBaseUrl()}/cabinet/applications/${app.id}`,
      });
      await notify(tx, { userId: app.owner.id, applicationId: app.id, kind: "application_registered", ...message });
      return { id: app.id, registrationNumber: reg.registrationNumber, registeredAt: reg.registeredAt, dueAt: reg.dueAt, alreadySubmitted: false };
    }, TX_OPTIONS);
    // After the commit: a rolled-back submission keeps its files. A file that cannot be deleted is
    // an unreferenced blob, never shown to anyone; the submission stands.
    for (const key of unreferenced) {
      await input.storage.delete(key).catch((error: unknown) => console.error("could not delete an unreferenced attachment", key, error));
    }
    return result;
  } catch (error) {
    // A concurrent submit of the same draft won: answer with its result, not an error.
    if (error instanceof AppError && (error.code === "CONFLICT" || error.code === "PRECONDITION")) {
      const winner = (await existingSubmission(db, input.ownerId, { submissionKey: input.submissionKey })) ?? (await existingSubmission(db, input.ownerId, { id: input.id }));
      if (winner) return winner;
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await existingSubmission(db, input.ownerId, { submissionKey: input.submissionKey });
      if (winner) return winner;
    }
    throw error;
  }
}
