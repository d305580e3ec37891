// Writes of the applicant's journey: drafts (R15) and their submission, handed over to the one
// acceptance flow of every channel (server/intake/mutations.ts acceptApplication: the strict check,
// the simple electronic signature R17, registration R7 and the notice R19). Every query is scoped
// by the owner (server/application/visibility.ts): another applicant's draft id is "not found".
import { now as clockNow } from "../clock";
import "server-only";
import type { Db, Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { pinnedDocument } from "../regulation/document-cache";
import { versionInForce, type VersionInForce } from "../regulation/data";
import { describeAnswers, documentForVariant, variantDef, variantFor, type Answers } from "../regulation/variants";
import type { FieldDef, RegulationDocument, StepDef } from "../regulation/document";
import { fieldErrorsByPath, validateApplication } from "../regulation/form-schema";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { ACCEPTANCE_TX, acceptApplication } from "../intake/mutations";
import { checkFileRefs, fileRefIds } from "../attachment/mutations";
import { INTERAGENCY_ANSWER_FIELD } from "../attachment/data";
import { config } from "../config";
import type { FileStorage } from "../storage/storage";
import { notify, type NotifyInput } from "../notification/mutations";
import { PROFILE_SELECT, prefillValues, profileFrom } from "./prefill";
import { DRAFT_FIELDS, draftForOwner } from "./data";
import { carryValues, FORM_UPDATED } from "./form-update";
import { coApplicantSteps } from "./co-applicants";
import type { SaveDraftInput } from "./schema";
import { ownedBy } from "./visibility";
import { salutationName } from "../people";

const TX_OPTIONS = ACCEPTANCE_TX;
export const DRAFT_CONFLICT =
  "Черновик изменён в другой вкладке или на другом устройстве. Выберите, какую версию сохранить.";

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
 * The variant a draft keeps on an edition (issue 10 p.8): its own when the edition still has it,
 * none otherwise (the applicant answers the profiling questions again). An edition without
 * profiling has no variants.
 */
function variantOn(doc: RegulationDocument, variantCode: string | null): string | null {
  return variantDef(doc, variantCode)?.code ?? null;
}

/** An edition as a draft of the variant sees it: the document projected onto the variant. */
function asVariant<V extends VersionInForce | DraftVersion>(version: V, variantCode: string | null): V {
  return { ...version, document: documentForVariant(version.document, variantCode) };
}

export const PROFILING_NEEDED =
  "Сначала ответьте на вопросы о себе: от ответов зависит вариант услуги, её форма и перечень документов";

/**
 * Co-applicants' sections follow the draft to the new edition: keys the new section no longer has
 * are dropped, and a confirmed section that no longer passes the new section's check is reopened
 * (its co-applicant confirms it again; the owner sees it as not yet filled).
 */
async function moveCoApplicantSections(tx: Tx, applicationId: string, target: DraftVersion, now: Date) {
  const steps = coApplicantSteps(target.document);
  const sections = await tx.applicationParticipant.findMany({
    where: { applicationId, role: "CO_APPLICANT" },
    select: { id: true, data: true, completedAt: true },
  });
  for (const p of sections) {
    const { values } = carryValues(steps, (p.data ?? {}) as Record<string, unknown>);
    const stillComplete =
      !!p.completedAt && steps.length > 0 && validateApplication(steps, values, strictCheck(now)).ok;
    await tx.applicationParticipant.update({
      where: { id: p.id },
      data: { data: values as Prisma.InputJsonObject, completedAt: stillComplete ? p.completedAt : null },
    });
  }
}

/**
 * Moves a draft to the edition of the regulation in force now when it is on an older one (R11): a
 * draft is judged at submission by the edition in force then, so the applicant must fill the form of
 * that edition. Values are carried over (`carryValues`), the step kept where the new form has it.
 * Conditional on the row version and on the version it was read on: a save in between wins and the
 * move is tried again on what it saved. Returns the edition it moved to, or null.
 */
export async function moveDraftToVersionInForce(
  db: Db,
  ownerId: string,
  id: string,
  now: Date = clockNow(),
): Promise<{ version: number } | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const app = await findOwnedDraft(db, ownerId, id);
    if (!app || app.status !== "DRAFT") return null;
    const inForce = await versionInForce(db, app.serviceId, now);
    if (!inForce || inForce.id === app.regulationVersionId) return null;
    // The draft keeps its variant where the new edition has it; otherwise it holds the values of
    // every variant's fields until the applicant answers the questions again (issue 10 p.8).
    const variantCode = variantOn(inForce.document, app.variantCode);
    const target = asVariant(inForce, variantCode);
    const moved = await reformDraft(db, ownerId, app, target, variantCode, now);
    if (moved) return { version: target.version };
  }
  return null;
}

/**
 * The draft as the applicant opens it: moved to the edition in force first, so the form shown is
 * the one the submission is judged by.
 */
export async function openDraft(db: Db, ownerId: string, id: string, now: Date = clockNow()) {
  await moveDraftToVersionInForce(db, ownerId, id, now);
  return draftForOwner(db, ownerId, id);
}

export async function startDraft(db: Db, input: { ownerId: string; serviceCode: string; copyFrom?: string }) {
  const service = await db.service.findUnique({
    where: { code: input.serviceCode },
    select: { id: true, departmentId: true, isActive: true },
  });
  if (!service || !service.isActive) throw new AppError("NOT_FOUND", "Услуга не найдена");
  const version = await versionInForce(db, service.id);
  if (!version) throw new AppError("PRECONDITION", "Услуга пока не принимает заявления: регламент не опубликован");
  const owner = await db.user.findUniqueOrThrow({
    where: { id: input.ownerId },
    select: PROFILE_SELECT,
  });
  // A regulation with variants: the draft starts without one, and the applicant's answers to the
  // profiling questions choose it (chooseVariant) before the form; until then the draft holds the
  // values of every variant's fields (issue 10 p.8).
  const steps = applicantSteps(version.document);
  let base: Record<string, unknown> = {};
  if (input.copyFrom) {
    // "Copy into a new draft" (R15): values of the earlier application that the current form still has.
    const source = await db.application.findFirst({
      where: ownedBy(input.ownerId, { id: input.copyFrom, serviceId: service.id }),
      select: { data: true },
    });
    if (!source) throw new AppError("NOT_FOUND", "Заявление для копирования не найдено");
    const data = source.data as Record<string, unknown>;
    const known = new Set(steps.flatMap((s) => s.fields.map((f) => f.key)));
    base = Object.fromEntries(Object.entries(data).filter(([k]) => known.has(k)));
  }
  const values = prefillValues(steps, profileFrom(owner), base);
  const app = await db.application.create({
    data: {
      serviceId: service.id,
      regulationVersionId: version.id,
      departmentId: service.departmentId,
      ownerId: input.ownerId,
      status: "DRAFT",
      channel: "PORTAL",
      data: values as Prisma.InputJsonObject,
      currentStep: steps[0]?.key ?? null,
      // No event yet: a draft is not an application until it is submitted, and the event log is
      // append-only, so an event would keep an abandoned draft from ever being purged (R15).
      participants: { create: { email: owner.email, role: "OWNER", userId: input.ownerId, acceptedAt: new Date() } },
    },
    select: { id: true },
  });
  return app;
}

/** The variant the answers lead to on an edition, or the refusal: a question unanswered, or answers leading nowhere. */
function checkAnswers(doc: RegulationDocument, answers: Answers): string {
  const profiling = doc.profiling;
  if (!profiling) throw new AppError("PRECONDITION", "У этой услуги нет вариантов: вопросы не задаются");
  const unanswered = profiling.questions.filter((q) => !q.options.some((o) => o.value === answers[q.key]));
  if (unanswered.length)
    throw new AppError(
      "INVALID",
      "Ответьте на все вопросы",
      Object.fromEntries(unanswered.map((q) => [q.key, "Выберите один из ответов"])),
    );
  const code = variantFor(doc, answers);
  if (!code)
    throw new AppError(
      "INVALID",
      `Ответы «${describeAnswers(doc, answers)}» не ведут ни к одному варианту услуги. Обратитесь в орган, предоставляющий услугу`,
    );
  return code;
}

/** The draft's edition has variants and the draft has none of them yet (or one the edition lacks). */
function needsProfiling(json: unknown, versionId: string, variantCode: string | null): boolean {
  const whole = pinnedDocument(versionId, json);
  return !!whole.profiling && !variantOn(whole, variantCode);
}

/**
 * The applicant's answers to the profiling questions (issue 10 p.8): the draft takes the variant
 * they lead to, on the edition in force (moved there first). Values of fields the new variant's form
 * lacks are dropped as on a move to a new edition; fields new to the form are prefilled. Allowed
 * while the application is a draft; the answers may change as often as the applicant likes.
 */
export async function chooseVariant(
  db: Db,
  ownerId: string,
  input: { id: string; answers: Answers },
  now: Date = clockNow(),
): Promise<{ variantCode: string; title: string; rowVersion: number }> {
  // The answers are checked against the edition in force before anything is written: refused
  // answers change nothing, not even the draft's edition.
  const before = await ownedDraft(db, ownerId, input.id);
  if (before.status !== "DRAFT")
    throw new AppError("PRECONDITION", "Заявление уже подано: ответы на вопросы больше нельзя изменить");
  const inForce = await versionInForce(db, before.serviceId, now);
  if (!inForce) throw new AppError("PRECONDITION", "Услуга сейчас не принимает заявления");
  checkAnswers(inForce.document, input.answers);
  await moveDraftToVersionInForce(db, ownerId, input.id, now);
  const app = await ownedDraft(db, ownerId, input.id);
  if (app.status !== "DRAFT" || app.regulationVersionId !== inForce.id) throw new AppError("CONFLICT", DRAFT_CONFLICT);
  const whole = pinnedDocument(app.regulationVersionId, app.regulationVersion.document);
  const code = checkAnswers(whole, input.answers);
  const target: DraftVersion = {
    id: app.regulationVersionId,
    version: app.regulationVersion.version,
    document: documentForVariant(whole, code),
  };
  const changed = await reformDraft(db, ownerId, app, target, code, now);
  if (!changed) throw new AppError("CONFLICT", DRAFT_CONFLICT);
  return { variantCode: code, title: variantDef(whole, code)!.title, rowVersion: app.rowVersion + 1 };
}

type OwnedDraft = NonNullable<Awaited<ReturnType<typeof findOwnedDraft>>>;

/**
 * Puts a draft on another form: a new edition (R11) or another variant (issue 10 p.8). Values are
 * carried over (`carryValues`: fields the new form lacks dropped, new ones prefilled), the step kept
 * where the new form has it, co-applicants' sections carried too. Conditional on the row version and
 * the edition the draft was read on: false when a save came in between.
 */
async function reformDraft(
  db: Db,
  ownerId: string,
  app: OwnedDraft,
  target: DraftVersion,
  variantCode: string | null,
  now: Date,
): Promise<boolean> {
  const steps = applicantSteps(target.document);
  const previousSteps = applicantSteps(
    pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode),
  );
  const { values } = carryValues(steps, app.data as Record<string, unknown>, {
    previousSteps,
    profile: profileFrom(app.owner),
  });
  const currentStep = steps.some((s) => s.key === app.currentStep) ? app.currentStep : (steps[0]?.key ?? null);
  return db.$transaction(async (tx) => {
    const updated = await tx.application.updateMany({
      where: ownedBy(ownerId, {
        id: app.id,
        status: "DRAFT",
        rowVersion: app.rowVersion,
        regulationVersionId: app.regulationVersionId,
      }),
      data: {
        regulationVersionId: target.id,
        variantCode,
        data: values as Prisma.InputJsonObject,
        currentStep,
        rowVersion: { increment: 1 },
        purgeNoticeAt: null,
      },
    });
    if (updated.count !== 1) return false;
    await moveCoApplicantSections(tx, app.id, target, now);
    return true;
  }, TX_OPTIONS);
}

/** An applicant's own application with what saving a draft needs: its edition's form and the owner's
 * details for prefill. Null when there is none (or it is someone else's). */
function findOwnedDraft(db: Db | Tx, ownerId: string, id: string) {
  return db.application.findFirst({
    where: ownedBy(ownerId, { id }),
    select: {
      ...DRAFT_FIELDS,
      regulationVersion: { select: { version: true, document: true } },
      owner: { select: PROFILE_SELECT },
    },
  });
}

async function ownedDraft(db: Db | Tx, ownerId: string, id: string) {
  const app = await findOwnedDraft(db, ownerId, id);
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
export async function saveDraft(db: Db, ownerId: string, input: SaveDraftInput, now: Date = clockNow()) {
  const app = await ownedDraft(db, ownerId, input.id);
  if (app.status !== "DRAFT")
    throw new AppError("PRECONDITION", "Заявление уже подано: черновик больше нельзя изменить");
  const pinned: DraftVersion = {
    id: app.regulationVersionId,
    version: app.regulationVersion.version,
    document: pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode),
  };
  const inForce = await versionInForce(db, app.serviceId, now);
  const moving = !!inForce && inForce.id !== pinned.id;
  const variantCode = moving ? variantOn(inForce.document, app.variantCode) : app.variantCode;
  const target: DraftVersion = moving ? asVariant(inForce, variantCode) : pinned;
  if (!moving && needsProfiling(app.regulationVersion.document, app.regulationVersionId, app.variantCode))
    throw new AppError("PRECONDITION", PROFILING_NEEDED, undefined, "form_updated");
  const olderForm = moving || (input.formVersion !== undefined && input.formVersion !== pinned.version);
  const steps = applicantSteps(target.document);
  let values = input.values;
  let currentStep = input.currentStep;
  if (olderForm) {
    values = carryValues(
      steps,
      input.values,
      moving ? { previousSteps: applicantSteps(pinned.document), profile: profileFrom(app.owner) } : undefined,
    ).values;
    if (currentStep && !steps.some((s) => s.key === currentStep)) currentStep = steps[0]?.key ?? null;
  } else {
    const extra = unknownKeys(steps, input.values);
    if (extra.length) throw new AppError("INVALID", `В форме услуги нет полей: ${extra.slice(0, 5).join(", ")}`);
    if (currentStep && !steps.some((s) => s.key === currentStep))
      throw new AppError("INVALID", "В форме услуги нет такого шага");
  }
  const badFiles = await checkFileRefs(db, app.id, values);
  if (badFiles.length)
    throw new AppError("INVALID", `Файлы не найдены среди приложенных к заявлению: ${badFiles.slice(0, 3).join(", ")}`);
  const lenient = validateApplication(steps, values, { mode: "draft" });
  if (!lenient.ok)
    throw new AppError(
      "INVALID",
      "Черновик не сохранён: некоторые значения недопустимы",
      fieldErrorsByPath({ issues: lenient.issues }),
    );
  if (!input.overwrite && app.rowVersion !== input.expectedRowVersion) {
    throw new AppError("CONFLICT", DRAFT_CONFLICT);
  }
  const where = ownedBy(ownerId, {
    id: app.id,
    status: "DRAFT",
    regulationVersionId: pinned.id,
    rowVersion: input.overwrite ? app.rowVersion : input.expectedRowVersion,
  });
  const data = {
    data: values as Prisma.InputJsonObject,
    currentStep,
    regulationVersionId: target.id,
    variantCode,
    rowVersion: { increment: 1 },
    purgeNoticeAt: null,
  };
  const saved = moving
    ? await db.$transaction(async (tx) => {
        const updated = await tx.application.updateMany({ where, data });
        if (updated.count === 1) await moveCoApplicantSections(tx, app.id, target, now);
        return updated.count;
      }, TX_OPTIONS)
    : (await db.application.updateMany({ where, data })).count;
  if (saved !== 1) throw new AppError("CONFLICT", DRAFT_CONFLICT);
  const row = await db.application.findUniqueOrThrow({
    where: { id: app.id },
    select: { rowVersion: true, updatedAt: true },
  });
  return { rowVersion: row.rowVersion, savedAt: row.updatedAt, version: target.version };
}

/**
 * Marks a stale draft as warned and notifies its owner, in one transaction; conditional on the draft
 * still being untouched since `staleBefore`: a save in between wins. False when it did.
 */
export async function markDraftExpiring(
  db: Db,
  input: { id: string; staleBefore: Date; now: Date; notice: NotifyInput },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const marked = await tx.application.updateMany({
      where: { id: input.id, status: "DRAFT", updatedAt: { lt: input.staleBefore }, purgeNoticeAt: null },
      data: { purgeNoticeAt: input.now },
    });
    if (marked.count !== 1) return false;
    await notify(tx, input.notice);
    return true;
  });
}

/**
 * Deletes a warned draft with its attachment rows (its notifications stay, detached) and returns the
 * storage keys of its files for the caller to remove after the commit. Null when the draft changed
 * meanwhile (saved, submitted, or deleted by another run).
 */
export async function deleteExpiredDraft(db: Db, input: { id: string; graceBefore: Date }): Promise<string[] | null> {
  return db
    .$transaction(async (tx) => {
      const files = await tx.attachment.findMany({ where: { applicationId: input.id }, select: { storageKey: true } });
      await tx.attachment.deleteMany({ where: { applicationId: input.id } });
      await tx.notification.updateMany({ where: { applicationId: input.id }, data: { applicationId: null } });
      const gone = await tx.application.deleteMany({
        where: { id: input.id, status: "DRAFT", purgeNoticeAt: { lt: input.graceBefore } },
      });
      if (gone.count !== 1) throw new Error("draft changed while purging");
      return files.map((f) => f.storageKey);
    })
    .catch(() => null);
}

export type SubmitResult = {
  id: string;
  registrationNumber: string;
  registeredAt: Date;
  dueAt: Date;
  alreadySubmitted: boolean;
};

async function existingSubmission(
  db: Db | Tx,
  ownerId: string,
  where: Prisma.ApplicationWhereInput,
): Promise<SubmitResult | null> {
  const done = await db.application.findFirst({
    where: ownedBy(ownerId, { ...where, status: { not: "DRAFT" }, registrationNumber: { not: null } }),
    select: { id: true, registrationNumber: true, registeredAt: true, dueAt: true },
  });
  return done
    ? {
        id: done.id,
        registrationNumber: done.registrationNumber!,
        registeredAt: done.registeredAt!,
        dueAt: done.dueAt!,
        alreadySubmitted: true,
      }
    : null;
}

/**
 * Submits a draft on the edition of the regulation in force now, which is the one the draft is on
 * (a draft on an older edition is moved to it first and the applicant is asked to review the updated
 * form: nothing is judged by a form they have not seen), and hands it to the acceptance flow of every
 * channel (acceptApplication): the strict check, the simple electronic signature (identity, sign-in
 * method, time, SHA-256 of the content with the co-applicants' sections, R17), registration at once
 * (portal submissions are registered the same working day; one arriving on a non-working day is due
 * for registration on the first working day after it, S2 p.66, and its terms count from that day) and the notice (R19).
 * Idempotent: a double click, a retry or a second tab give the one application.
 *
 * What staff receive is what was signed: attachments the submitted content does not reference (a
 * file of a field the applicant then hid, one left behind by a failed save) are deleted with the
 * submission, and their stored files after it commits.
 */
export async function submitApplication(
  db: Db,
  input: {
    ownerId: string;
    id: string;
    submissionKey: string;
    expectedRowVersion: number;
    calendar: WorkingCalendar;
    signedWith: "password" | "oidc";
    now?: Date;
    storage: FileStorage;
  },
): Promise<SubmitResult> {
  const now = input.now ?? clockNow();
  const earlier =
    (await existingSubmission(db, input.ownerId, { submissionKey: input.submissionKey })) ??
    (await existingSubmission(db, input.ownerId, { id: input.id }));
  if (earlier) return earlier;
  const moved = await moveDraftToVersionInForce(db, input.ownerId, input.id, now);
  if (moved) throw new AppError("PRECONDITION", FORM_UPDATED(moved.version), undefined, "form_updated");
  let unreferenced: string[] = [];
  try {
    const result = await db.$transaction(async (tx) => {
      const app = await tx.application.findFirst({
        where: ownedBy(input.ownerId, { id: input.id }),
        select: {
          id: true,
          status: true,
          rowVersion: true,
          data: true,
          serviceId: true,
          regulationVersionId: true,
          variantCode: true,
          service: { select: { code: true, title: true } },
          owner: { select: { id: true, email: true, firstName: true, middleName: true } },
          participants: {
            where: { role: "CO_APPLICANT" },
            select: { id: true, email: true, completedAt: true, data: true },
            // The order the content hash takes them in; the audit recomputes it in the same order.
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          },
        },
      });
      if (!app) throw new AppError("NOT_FOUND", "Черновик не найден");
      if (app.status !== "DRAFT") throw new AppError("PRECONDITION", "Заявление уже подано");
      if (app.rowVersion !== input.expectedRowVersion) throw new AppError("CONFLICT", DRAFT_CONFLICT);
      const inForce = await versionInForce(tx, app.serviceId, now);
      if (!inForce) throw new AppError("PRECONDITION", "Услуга сейчас не принимает заявления");
      // Issue 10 p.8: judged by the form of the draft's variant, pinned with its edition.
      if (inForce.document.profiling && !variantOn(inForce.document, app.variantCode))
        throw new AppError("PRECONDITION", PROFILING_NEEDED, undefined, "form_updated");
      const version = asVariant(inForce, app.variantCode);
      // An edition that came into force since the move above: the applicant reviews its form first.
      if (version.id !== app.regulationVersionId)
        throw new AppError("PRECONDITION", FORM_UPDATED(version.version), undefined, "form_updated");
      const values = app.data as Record<string, unknown>;
      // Saves refuse keys the draft's form does not have, and moves drop them: none can be here.
      const extra = unknownKeys(applicantSteps(version.document), values);
      if (extra.length) {
        throw new AppError(
          "INVALID",
          `Заявление не отправлено: в черновике есть поля, которых нет в форме (${extra.slice(0, 5).join(", ")}). Обновите страницу и проверьте заявление`,
        );
      }
      const badFiles = await checkFileRefs(tx, app.id, values);
      if (badFiles.length)
        throw new AppError(
          "INVALID",
          `Файлы не найдены среди приложенных к заявлению: ${badFiles.slice(0, 3).join(", ")}`,
        );
      const accepted = await acceptApplication(tx, {
        application: {
          draft: { id: app.id, ownerId: app.owner.id, rowVersion: input.expectedRowVersion, conflict: DRAFT_CONFLICT },
        },
        service: app.service,
        version,
        values,
        coApplicants: app.participants,
        submissionKey: input.submissionKey,
        by: { kind: "applicant", userId: app.owner.id, email: app.owner.email, method: input.signedWith },
        receivedAt: now,
        recipientName: salutationName(app.owner),
        calendar: input.calendar,
        now,
      });
      // Only the files the signed content references stay with the application (staff's answers to
      // inter-agency requests are never the applicant's to drop; a draft has none anyway).
      const referenced = fileRefIds([accepted.data, ...accepted.coApplicants.map((c) => c.data)]);
      const orphans = await tx.attachment.findMany({
        where: { applicationId: app.id, fieldKey: { not: INTERAGENCY_ANSWER_FIELD }, id: { notIn: referenced } },
        select: { id: true, storageKey: true },
      });
      if (orphans.length) await tx.attachment.deleteMany({ where: { id: { in: orphans.map((o) => o.id) } } });
      unreferenced = orphans.map((o) => o.storageKey);
      return {
        id: accepted.id,
        registrationNumber: accepted.registrationNumber,
        registeredAt: accepted.registeredAt,
        dueAt: accepted.dueAt,
        alreadySubmitted: false,
      };
    }, TX_OPTIONS);
    // After the commit: a rolled-back submission keeps its files. A file that cannot be deleted is
    // an unreferenced blob, never shown to anyone; the submission stands.
    for (const key of unreferenced) {
      await input.storage
        .delete(key)
        .catch((error: unknown) => console.error("could not delete an unreferenced attachment", key, error));
    }
    return result;
  } catch (error) {
    // A concurrent submit of the same draft won: answer with its result, not an error.
    if (error instanceof AppError && (error.code === "CONFLICT" || error.code === "PRECONDITION")) {
      const winner =
        (await existingSubmission(db, input.ownerId, { submissionKey: input.submissionKey })) ??
        (await existingSubmission(db, input.ownerId, { id: input.id }));
      if (winner) return winner;
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await existingSubmission(db, input.ownerId, { submissionKey: input.submissionKey });
      if (winner) return winner;
    }
    throw error;
  }
}
