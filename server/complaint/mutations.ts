// Writes of pre-trial complaints (R21; Federal Law 210-FZ art. 11.1-11.2; S1 p.47-50, S2 p.74):
// registration with its own number and term, the decision by the head of the department (never by the
// official complained about) written as a letter and sent to the complainant, and the monitor's
// once-only notices. Each change is one transaction with its event and its notices (the outbox), and a
// file stored for a change that does not commit is removed again.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import type { StaffScope } from "../auth/scope";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { pinnedDocument } from "../regulation/document-cache";
import { visibleToApplicant, visibleToStaff } from "../application/visibility";
import { vetFile } from "../attachment/mutations";
import { sha256, type FileStorage } from "../storage/storage";
import { notify, queueEmail, type NotifyInput } from "../notification/mutations";
import { appBaseUrl } from "../notification/config";
import { personName } from "../people";
import { isUuid } from "../ids";
import { now as clockNow } from "../clock";
import { rolesIn } from "../workflow/machine";
import { complaintDueAt } from "./terms";
import { COMPLAINT_FILE_RULE, COMPLAINT_FILES_MAX, subjectOf, type ComplaintSubject } from "./schema";
import { renderComplaintLetter } from "./letter";
import { complaintDecidedMessage, complaintRegisteredMessage } from "./notices";

const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

export type ComplaintFile = { key: string; fileName: string; mimeType: string; size: number; sha256: string };

/** Complaint numbers are gap-free per year under concurrency, like outgoing numbers: one counter row. */
async function nextComplaintNumber(tx: Tx, year: string): Promise<string> {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "Counter" ("key", "value") VALUES (${`complaint-${year}`}, 1)
    ON CONFLICT ("key") DO UPDATE SET "value" = "Counter"."value" + 1 RETURNING "value"`;
  return `Ж-${year}-${rows[0]!.value}`;
}

const APP_SELECT = {
  id: true,
  ownerId: true,
  status: true,
  registrationNumber: true,
  departmentId: true,
  assigneeId: true,
  currentStage: true,
  regulationVersionId: true,
  variantCode: true,
  regulationVersion: { select: { document: true } },
  service: { select: { title: true } },
  events: {
    where: { type: { in: ["refused", "intake_refused"] } },
    orderBy: { id: "desc" },
    take: 1,
    select: { actorId: true },
  },
  typoRequests: { orderBy: { registeredAt: "desc" }, take: 1, select: { handlerId: true } },
} satisfies Prisma.ApplicationSelect;

type ComplainedApp = Prisma.ApplicationGetPayload<{ select: typeof APP_SELECT }>;

/**
 * Whose decision or action is complained of, by default: the official who refused (the decider) for a
 * refusal, the one who handled the typo request for a typo refusal, the assigned executor for the
 * other actions; nobody for "other".
 */
function defaultAgainst(app: ComplainedApp, subject: ComplaintSubject): string | null {
  const against = subjectOf(subject)?.against;
  if (against === "decider") return app.events[0]?.actorId ?? app.assigneeId;
  if (against === "typo_handler") return app.typoRequests[0]?.handlerId ?? app.assigneeId;
  if (against === "assignee") return app.assigneeId;
  return null;
}

function reviewTermOf(app: ComplainedApp) {
  return pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode).passport.appeal
    .reviewTerm;
}

type Registered = { id: string; number: string; registeredAt: Date; dueAt: Date };

async function insertComplaint(
  tx: Tx,
  calendar: WorkingCalendar,
  data: Omit<Prisma.ComplaintUncheckedCreateInput, "number" | "dueAt" | "dueProvisional" | "registeredAt"> & {
    registeredAt: Date;
  },
  app: ComplainedApp | null,
  actorId: string,
): Promise<Registered> {
  const number = await nextComplaintNumber(tx, calendar.localDate(data.registeredAt).slice(0, 4));
  const dueAt = complaintDueAt(calendar, data.registeredAt, data.subject, app ? reviewTermOf(app) : undefined);
  const row = await tx.complaint.create({
    data: { ...data, number, dueAt, dueProvisional: calendar.isProvisionalBetween(data.registeredAt, dueAt) },
    select: { id: true, number: true, registeredAt: true, dueAt: true },
  });
  if (app)
    await tx.applicationEvent.create({
      data: {
        applicationId: app.id,
        at: data.registeredAt,
        actorId,
        type: "complaint_registered",
        fromStage: app.currentStage,
        toStage: app.currentStage,
        payload: { complaintId: row.id, number, subject: data.subject, dueAt: dueAt.toISOString() },
      },
    });
  return row;
}

/**
 * The applicant's complaint from the cabinet, against a decision or an action on their application
 * (210-FZ art. 11.1): registered at once with its number and term. The files are vetted by content
 * (PDF, JPEG, PNG) and stored first; if the complaint is not registered they are removed again.
 */
export async function fileComplaint(
  db: Db,
  storage: FileStorage,
  input: {
    userId: string;
    applicationId: string;
    subject: ComplaintSubject;
    text: string;
    files?: { fileName: string; content: Uint8Array }[];
    calendar: WorkingCalendar;
    now?: Date;
  },
): Promise<Registered> {
  if (!isUuid(input.applicationId)) throw new AppError("NOT_FOUND", "Заявление не найдено");
  const app = await db.application.findFirst({
    where: visibleToApplicant(input.userId, { id: input.applicationId, status: { not: "DRAFT" } }),
    select: APP_SELECT,
  });
  if (!app) throw new AppError("NOT_FOUND", "Заявление не найдено");
  const files = input.files ?? [];
  if (files.length > COMPLAINT_FILES_MAX)
    throw new AppError("INVALID", `Приложите не больше ${COMPLAINT_FILES_MAX} файлов`, {
      files: `Не больше ${COMPLAINT_FILES_MAX} файлов`,
    });
  const vetted = files.map((f) => {
    try {
      return { ...vetFile(f.fileName, f.content, COMPLAINT_FILE_RULE), content: f.content };
    } catch (error) {
      if (error instanceof AppError) throw new AppError(error.code, error.message, { files: error.message });
      throw error;
    }
  });
  const user = await db.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { lastName: true, firstName: true, middleName: true, email: true },
  });
  const id = randomUUID();
  const stored: ComplaintFile[] = [];
  try {
    for (const f of vetted) {
      const key = `complaints/${id.slice(0, 2)}/${id}/${randomUUID()}`;
      await storage.put(key, f.content);
      stored.push({ key, fileName: f.name, mimeType: f.mimeType, size: f.content.length, sha256: sha256(f.content) });
    }
    const now = input.now ?? clockNow();
    return await db.$transaction(async (tx) => {
      const row = await insertComplaint(
        tx,
        input.calendar,
        {
          id,
          applicationId: app.id,
          departmentId: app.departmentId,
          complainantId: input.userId,
          complainantName: personName(user),
          complainantEmail: user.email,
          channel: "PORTAL",
          subject: input.subject,
          againstUserId: defaultAgainst(app, input.subject),
          text: input.text,
          files: stored as unknown as Prisma.InputJsonArray,
          registeredAt: now,
        },
        app,
        input.userId,
      );
      await notify(tx, {
        userId: input.userId,
        applicationId: app.id,
        kind: "complaint_registered",
        ...complaintRegisteredMessage({
          recipientName: user.firstName,
          number: row.number,
          registeredAt: row.registeredAt,
          dueAt: row.dueAt,
          subjectLabel: subjectOf(input.subject)!.label,
          applicationNumber: app.registrationNumber,
          cabinetUrl: `${appBaseUrl()}/cabinet/applications/${app.id}/complaint`,
        }),
      });
      return row;
    }, TX_OPTIONS);
  } catch (error) {
    for (const f of stored) await storage.delete(f.key).catch(() => undefined);
    throw error;
  }
}

/** Departments of the scope where the user has one of `roles`. */
function departmentsWith(scope: StaffScope, roles: readonly string[]): string[] {
  return scope.departmentIds.filter((d) => rolesIn(scope, d).some((r) => roles.includes(r)));
}

/**
 * A complaint received on paper (or by post), entered by a registrar: the complainant's name and
 * postal address from the letter, the application it names if any (found by its registration number
 * among the registrar's departments), otherwise the registrar's own department considers it.
 */
export async function registerPaperComplaint(
  db: Db,
  scope: StaffScope,
  input: {
    registrationNumber?: string;
    complainantName: string;
    complainantAddress: string;
    complainantEmail?: string;
    subject: ComplaintSubject;
    text: string;
    calendar: WorkingCalendar;
    now?: Date;
  },
): Promise<Registered> {
  const departments = departmentsWith(scope, ["REGISTRAR"]);
  if (!departments.length)
    throw new AppError("FORBIDDEN", "Жалобу на бумаге регистрирует специалист по регистрации подразделения");
  const app = input.registrationNumber
    ? await db.application.findFirst({
        where: visibleToStaff(scope, {
          registrationNumber: input.registrationNumber,
          departmentId: { in: departments },
        }),
        select: APP_SELECT,
      })
    : null;
  if (input.registrationNumber && !app)
    throw new AppError("INVALID", "Заявление с таким номером в вашем подразделении не найдено", {
      registrationNumber: "Заявление с таким номером не найдено: проверьте номер или оставьте поле пустым",
    });
  const now = input.now ?? clockNow();
  return db.$transaction(async (tx) => {
    const row = await insertComplaint(
      tx,
      input.calendar,
      {
        applicationId: app?.id ?? null,
        departmentId: app?.departmentId ?? departments[0]!,
        complainantId: null,
        complainantName: input.complainantName,
        complainantAddress: input.complainantAddress,
        complainantEmail: input.complainantEmail ?? null,
        channel: "POST",
        registeredById: scope.userId,
        subject: input.subject,
        againstUserId: app ? defaultAgainst(app, input.subject) : null,
        text: input.text,
        registeredAt: now,
      },
      app,
      scope.userId,
    );
    if (input.complainantEmail)
      await queueEmail(tx, {
        to: input.complainantEmail,
        ...(({ title, body }) => ({ subject: title, body }))(
          complaintRegisteredMessage({
            number: row.number,
            registeredAt: row.registeredAt,
            dueAt: row.dueAt,
            subjectLabel: subjectOf(input.subject)!.label,
            applicationNumber: app?.registrationNumber ?? null,
            cabinetUrl: null,
          }),
        ),
      });
    return row;
  }, TX_OPTIONS);
}

export const NOT_REVIEWER =
  "Жалобу рассматривает руководитель подразделения, в которое она подана: у вас нет этой роли в подразделении";
export const OWN_DECISION =
  "Жалоба подана на ваше решение (действие): рассмотреть её вы не можете. Её должен рассмотреть другой руководитель (210-ФЗ, ст. 11.2) — передайте жалобу вышестоящему должностному лицу.";
const ALREADY_DECIDED = "Решение по этой жалобе уже принято: изменить его нельзя";

/**
 * The decision on a complaint (210-FZ art. 11.2 parts 7-8): by the head of the department that
 * considers it, never by the official complained about; upheld with the remedy, or rejected with
 * reasons; written as a letter (PDF) and sent to the complainant in the cabinet and by e-mail with
 * the letter attached (the outbox, in the same transaction), so decisionSentAt is the decision's
 * own instant: "no later than the next working day" holds by construction.
 */
export async function decideComplaint(
  db: Db,
  storage: FileStorage,
  scope: StaffScope,
  input: {
    id: string;
    outcome: "UPHELD" | "REJECTED";
    decisionText: string;
    remedy?: string;
    now?: Date;
  },
): Promise<{ decidedAt: Date; status: "UPHELD" | "REJECTED" }> {
  if (!isUuid(input.id)) throw new AppError("NOT_FOUND", "Жалоба не найдена");
  const complaint = await db.complaint.findFirst({
    where: { id: input.id, departmentId: { in: departmentsWith(scope, ["HEAD", "REGISTRAR"]) } },
    select: {
      id: true,
      number: true,
      status: true,
      rowVersion: true,
      registeredAt: true,
      departmentId: true,
      department: { select: { name: true, address: true, phone: true, email: true } },
      againstUserId: true,
      subject: true,
      complainantId: true,
      complainantName: true,
      complainantAddress: true,
      complainantEmail: true,
      complainant: { select: { firstName: true } },
      application: {
        select: {
          id: true,
          registrationNumber: true,
          currentStage: true,
          regulationVersionId: true,
          variantCode: true,
          regulationVersion: { select: { document: true } },
          service: { select: { title: true } },
        },
      },
    },
  });
  if (!complaint) throw new AppError("NOT_FOUND", "Жалоба не найдена");
  if (!rolesIn(scope, complaint.departmentId).includes("HEAD")) throw new AppError("FORBIDDEN", NOT_REVIEWER);
  if (complaint.againstUserId === scope.userId) throw new AppError("FORBIDDEN", OWN_DECISION);
  if (complaint.status !== "REGISTERED") throw new AppError("PRECONDITION", ALREADY_DECIDED);
  const now = input.now ?? clockNow();
  const reviewer = await db.user.findUniqueOrThrow({
    where: { id: scope.userId },
    select: { lastName: true, firstName: true, middleName: true },
  });
  const app = complaint.application;
  const authority = app
    ? pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode).passport.authority
    : complaint.department;
  const remedy = input.outcome === "UPHELD" ? (input.remedy?.trim() ?? null) : null;
  const pdf = await renderComplaintLetter({
    authority,
    number: complaint.number,
    registeredAt: complaint.registeredAt,
    complainant: {
      name: complaint.complainantName,
      address: complaint.complainantAddress,
      email: complaint.complainantEmail,
    },
    subjectLabel: subjectOf(complaint.subject)?.label ?? complaint.subject,
    applicationNumber: app?.registrationNumber ?? null,
    serviceTitle: app?.service.title ?? null,
    outcome: input.outcome,
    decisionText: input.decisionText,
    remedy,
    reviewer: personName(reviewer),
    decidedAt: now,
  });
  const key = `complaints/${complaint.id.slice(0, 2)}/${complaint.id}/decision-${randomUUID().slice(0, 8)}`;
  await storage.put(key, pdf);
  try {
    await db.$transaction(async (tx) => {
      // Conditional on "still registered": of two heads deciding at once, exactly one decision stands.
      const updated = await tx.complaint.updateMany({
        where: { id: complaint.id, status: "REGISTERED", rowVersion: complaint.rowVersion },
        data: {
          status: input.outcome,
          reviewerId: scope.userId,
          decidedAt: now,
          decisionText: input.decisionText,
          remedy,
          decisionStorageKey: key,
          decisionSha256: sha256(pdf),
          decisionSentAt: now,
          rowVersion: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw new AppError("PRECONDITION", ALREADY_DECIDED);
      const message = complaintDecidedMessage({
        recipientName: complaint.complainant?.firstName,
        number: complaint.number,
        outcome: input.outcome,
        decisionText: input.decisionText,
        remedy,
        cabinetUrl: app ? `${appBaseUrl()}/cabinet/applications/${app.id}/complaint` : null,
      });
      const attachments = [
        { fileName: `Решение-по-жалобе-${complaint.number}.pdf`, contentType: "application/pdf", storageKey: key },
      ];
      if (complaint.complainantId)
        await notify(tx, {
          userId: complaint.complainantId,
          applicationId: app?.id ?? null,
          kind: "complaint_decided",
          ...message,
          emailTo: complaint.complainantEmail,
          attachments,
        });
      else if (complaint.complainantEmail)
        await queueEmail(tx, { to: complaint.complainantEmail, subject: message.title, body: message.body });
      if (app)
        await tx.applicationEvent.create({
          data: {
            applicationId: app.id,
            at: now,
            actorId: scope.userId,
            type: "complaint_decided",
            fromStage: app.currentStage,
            toStage: app.currentStage,
            payload: { complaintId: complaint.id, number: complaint.number, outcome: input.outcome },
          },
        });
    }, TX_OPTIONS);
  } catch (error) {
    await storage.delete(key).catch(() => undefined);
    throw error;
  }
  return { decidedAt: now, status: input.outcome };
}

/**
 * A complaint's due-soon warning or overdue escalation, once: the ComplaintAlert primary key is
 * claimed in the transaction of the notices, so monitors running at once send one. An escalation is
 * written to the application's history (R3) when the complaint names one.
 */
export async function sendComplaintNotice(
  db: Db,
  input: {
    complaintId: string;
    applicationId: string | null;
    kind: "due_soon" | "overdue";
    notices: readonly NotifyInput[];
  },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ complaintId: string }[]>`
      INSERT INTO "ComplaintAlert" ("complaintId", "kind") VALUES (${input.complaintId}::uuid, ${input.kind}) ON CONFLICT DO NOTHING RETURNING "complaintId"`;
    if (claimed.length === 0) return false;
    for (const notice of input.notices) await notify(tx, notice);
    if (input.kind === "overdue" && input.applicationId)
      await tx.applicationEvent.create({
        data: {
          applicationId: input.applicationId,
          type: "complaint_escalated",
          payload: { complaintId: input.complaintId, notified: [...new Set(input.notices.map((n) => n.userId))] },
        },
      });
    return true;
  });
}
