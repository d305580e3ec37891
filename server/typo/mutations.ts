// Writes of typo corrections (R21; S2 p.72): a request naming an issued result document and the error,
// registered with its own number and the two terms of the pinned regulation (passport.typoCorrection:
// the check, and the corrected document or the no-error letter, both counted from registration); the
// staff's check; the corrected document generated as a new ResultDocument that `corrects` the
// original (kept as it was), then signed, registered and issued by the very effects a result goes
// through (server/workflow/effects.ts). One transaction per change, with its events and notices.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import type { StaffScope } from "../auth/scope";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { pinnedDocument } from "../regulation/document-cache";
import type { RegulationDocument, TransitionDef, TransitionEffect as Effect } from "../regulation/document";
import { visibleToApplicant, visibleToStaff, ISSUED_RESULTS } from "../application/visibility";
import { renderResultDocument, type ResultDocumentContent } from "../document/result";
import { latestResultDocument } from "../document/mutations";
import { runEffects } from "../workflow/effects";
import { prepareSigning, type SigningRequest } from "../signature/mutations";
import { addDuration, rolesIn } from "../workflow/machine";
import { sha256, type FileStorage } from "../storage/storage";
import { notify, type NotifyInput } from "../notification/mutations";
import { appBaseUrl } from "../notification/config";
import { formatDate } from "../format/dates";
import { personName } from "../people";
import { isUuid } from "../ids";
import { now as clockNow } from "../clock";
import { renderTypoLetter } from "./letter";
import { typoDecidedMessage, typoRegisteredMessage } from "./notices";
import type { PaperTypoChannel } from "./schema";

const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

/** Who files a typo request: the applicant in the cabinet, or a registrar entering one received on paper. */
export type TypoRequester =
  { kind: "applicant"; userId: string } | { kind: "registrar"; scope: StaffScope; channel: PaperTypoChannel };

export const NO_TYPO_PROCEDURE =
  "Регламент этой услуги не предусматривает исправления опечаток в выданных документах: обратитесь в орган, выдавший документ";

async function nextTypoNumber(tx: Tx, year: string): Promise<string> {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "Counter" ("key", "value") VALUES (${`typo-${year}`}, 1)
    ON CONFLICT ("key") DO UPDATE SET "value" = "Counter"."value" + 1 RETURNING "value"`;
  return `И-${year}-${rows[0]!.value}`;
}

/**
 * The applicant's request (S2 p.72): on an application of theirs with an issued result document, when
 * the pinned regulation provides the procedure; registered at once, its terms counted from then.
 */
export async function fileTypoRequest(
  db: Db,
  input: {
    /** The applicant's own account, or the registrar who enters a request received on paper (S2 p.72). */
    by: TypoRequester;
    applicationId: string;
    documentId: string;
    description: string;
    calendar: WorkingCalendar;
    now?: Date;
  },
) {
  if (!isUuid(input.applicationId)) throw new AppError("NOT_FOUND", "Заявление не найдено");
  const { by } = input;
  const where = { id: input.applicationId, status: { not: "DRAFT" as const } };
  const app = await db.application.findFirst({
    where: by.kind === "applicant" ? visibleToApplicant(by.userId, where) : visibleToStaff(by.scope, where),
    select: {
      id: true,
      ownerId: true,
      departmentId: true,
      registrationNumber: true,
      currentStage: true,
      regulationVersionId: true,
      variantCode: true,
      regulationVersion: { select: { document: true } },
    },
  });
  if (!app) throw new AppError("NOT_FOUND", "Заявление не найдено");
  // A request on paper is entered by a registrar of the application's department, as paper applications are.
  if (by.kind === "registrar" && !rolesIn(by.scope, app.departmentId).includes("REGISTRAR"))
    throw new AppError("FORBIDDEN", "Заявление, поступившее на бумаге, регистрирует регистратор подразделения");
  const terms = pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode).passport
    .typoCorrection;
  if (!terms) throw new AppError("PRECONDITION", NO_TYPO_PROCEDURE);
  // The request is the applicant's whoever enters it: they are told, and the answer is theirs.
  const requesterId = by.kind === "applicant" ? by.userId : app.ownerId;
  const actorId = by.kind === "applicant" ? by.userId : by.scope.userId;
  const doc = isUuid(input.documentId)
    ? await db.resultDocument.findFirst({
        where: { id: input.documentId, applicationId: app.id, ...ISSUED_RESULTS },
        select: { id: true, title: true, outgoingNumber: true },
      })
    : null;
  if (!doc)
    throw new AppError("INVALID", "Выберите выданный документ по этому заявлению", {
      documentId: "Выберите документ из списка выданных по заявлению",
    });
  const registeredAt = input.now ?? clockNow();
  const checkDueAt = addDuration(input.calendar, registeredAt, terms.check);
  const fixDueAt = addDuration(input.calendar, registeredAt, terms.fix);
  return db.$transaction(async (tx) => {
    const number = await nextTypoNumber(tx, input.calendar.localDate(registeredAt).slice(0, 4));
    const row = await tx.typoRequest.create({
      data: {
        number,
        applicationId: app.id,
        documentId: doc.id,
        requesterId,
        channel: by.kind === "applicant" ? "PORTAL" : by.channel,
        description: input.description,
        registeredAt,
        checkDueAt,
        fixDueAt,
        dueProvisional: input.calendar.isProvisionalBetween(registeredAt, fixDueAt),
      },
      select: { id: true, number: true, registeredAt: true, checkDueAt: true, fixDueAt: true },
    });
    await tx.applicationEvent.create({
      data: {
        applicationId: app.id,
        at: registeredAt,
        actorId,
        type: "typo_registered",
        fromStage: app.currentStage,
        toStage: app.currentStage,
        payload: {
          typoRequestId: row.id,
          number,
          documentId: doc.id,
          checkDueAt: checkDueAt.toISOString(),
          fixDueAt: fixDueAt.toISOString(),
        },
      },
    });
    await notify(tx, {
      userId: requesterId,
      applicationId: app.id,
      kind: "typo_registered",
      ...typoRegisteredMessage({
        number,
        documentTitle: doc.title,
        outgoingNumber: doc.outgoingNumber,
        registeredAt,
        checkDueAt,
        fixDueAt,
        cabinetUrl: `${appBaseUrl()}/cabinet/applications/${app.id}/typo`,
      }),
    });
    return row;
  }, TX_OPTIONS);
}

const REQUEST_SELECT = {
  id: true,
  number: true,
  status: true,
  rowVersion: true,
  registeredAt: true,
  description: true,
  requesterId: true,
  requester: { select: { firstName: true } },
  correctedDocumentId: true,
  document: {
    select: {
      id: true,
      title: true,
      resultType: true,
      kind: true,
      content: true,
      outgoingNumber: true,
      registeredAt: true,
      createdAt: true,
    },
  },
  application: {
    select: {
      id: true,
      departmentId: true,
      currentStage: true,
      registrationNumber: true,
      ownerId: true,
      regulationVersionId: true,
      variantCode: true,
      regulationVersion: { select: { document: true } },
      service: { select: { title: true } },
    },
  },
} satisfies Prisma.TypoRequestSelect;

async function loadRequest(db: Db, scope: StaffScope, id: string) {
  if (!isUuid(id)) throw new AppError("NOT_FOUND", NOT_FOUND);
  const r = await db.typoRequest.findFirst({
    where: { id, application: visibleToStaff(scope) },
    select: REQUEST_SELECT,
  });
  if (!r) throw new AppError("NOT_FOUND", NOT_FOUND);
  return {
    ...r,
    regulation: pinnedDocument(
      r.application.regulationVersionId,
      r.application.regulationVersion.document,
      r.application.variantCode,
    ),
  };
}

const NOT_FOUND = "Заявление об исправлении опечатки не найдено";
const ALREADY_CHECKED = "Проверка по этому заявлению уже проведена";

/** The stored content of a document, dates back as Date objects (JSON keeps them as strings). */
function contentOf(json: unknown): ResultDocumentContent | null {
  if (!json || typeof json !== "object") return null;
  const c = json as ResultDocumentContent;
  return { ...c, registeredAt: new Date(c.registeredAt), createdAt: new Date(c.createdAt) };
}

/**
 * The check (S2 p.72), by the department's executor or head: an error confirmed gives the corrected
 * document (its text as the official corrected it, a note that it replaces the original), still to be
 * signed; no error gives the reasoned letter, sent to the applicant with it attached.
 */
export async function recordTypoCheck(
  db: Db,
  storage: FileStorage,
  scope: StaffScope,
  input: { id: string; confirmed: boolean; text: string; now?: Date },
): Promise<{ status: "CONFIRMED" | "NO_ERROR" }> {
  const r = await loadRequest(db, scope, input.id);
  const roles = rolesIn(scope, r.application.departmentId);
  if (!roles.includes("EXECUTOR") && !roles.includes("HEAD"))
    throw new AppError("FORBIDDEN", "Проверку проводит исполнитель или руководитель подразделения");
  if (r.status !== "REGISTERED") throw new AppError("PRECONDITION", ALREADY_CHECKED);
  const now = input.now ?? clockNow();
  const passport = r.regulation.passport;
  const handler = await db.user.findUniqueOrThrow({
    where: { id: scope.userId },
    select: { lastName: true, firstName: true, middleName: true },
  });
  const written: string[] = [];
  try {
    let file: { key: string; sha256: string };
    let correctedId: string | null = null;
    if (input.confirmed) {
      const original = contentOf(r.document.content);
      if (!original)
        throw new AppError(
          "PRECONDITION",
          "Документ выдан без сохранённого содержания: исправленный документ нужно подготовить вручную",
        );
      correctedId = randomUUID();
      const content: ResultDocumentContent = {
        ...original,
        body: `${input.text}\n\nДокумент выдан взамен документа${
          r.document.outgoingNumber ? ` исх. № ${r.document.outgoingNumber}` : ""
        }${r.document.registeredAt ? ` от ${formatDate(r.document.registeredAt)}` : ""} в связи с исправлением опечаток и ошибок (заявление № ${r.number}).`,
        createdAt: now,
      };
      const pdf = await renderResultDocument({ ...content, passport });
      file = { key: `results/${correctedId.slice(0, 2)}/${correctedId}`, sha256: sha256(pdf) };
      await storage.put(file.key, pdf);
      written.push(file.key);
      await db.$transaction(async (tx) => {
        await tx.resultDocument.create({
          data: {
            id: correctedId!,
            applicationId: r.application.id,
            resultType: r.document.resultType,
            kind: r.document.kind,
            title: r.document.title,
            storageKey: file.key,
            sha256: file.sha256,
            // After every document of the application: the effects work on the newest one.
            createdAt: now,
            createdById: scope.userId,
            content: content as object,
            correctsId: r.document.id,
          },
        });
        await markChecked(tx, r, {
          status: "CONFIRMED",
          handlerId: scope.userId,
          now,
          reason: input.text,
          correctedId,
        });
        await tx.applicationEvent.create({
          data: {
            applicationId: r.application.id,
            at: now,
            actorId: scope.userId,
            type: "typo_confirmed",
            fromStage: r.application.currentStage,
            toStage: r.application.currentStage,
            payload: { typoRequestId: r.id, number: r.number, documentId: correctedId, correctsId: r.document.id },
          },
        });
      }, TX_OPTIONS);
      return { status: "CONFIRMED" };
    }
    const pdf = await renderTypoLetter({
      authority: passport.authority,
      number: r.number,
      registeredAt: r.registeredAt,
      applicationNumber: r.application.registrationNumber,
      serviceTitle: r.application.service.title,
      document: { title: r.document.title, outgoingNumber: r.document.outgoingNumber },
      description: r.description,
      reasons: input.text,
      official: personName(handler),
      ref: passport.typoCorrection?.ref ?? null,
      at: now,
    });
    file = { key: `typos/${r.id.slice(0, 2)}/${r.id}-${randomUUID().slice(0, 8)}`, sha256: sha256(pdf) };
    await storage.put(file.key, pdf);
    written.push(file.key);
    await db.$transaction(async (tx) => {
      await markChecked(tx, r, {
        status: "NO_ERROR",
        handlerId: scope.userId,
        now,
        reason: input.text,
        letterKey: file.key,
      });
      if (r.requesterId)
        await notify(tx, {
          userId: r.requesterId,
          applicationId: r.application.id,
          kind: "typo_decided",
          ...typoDecidedMessage({
            recipientName: r.requester?.firstName,
            number: r.number,
            corrected: false,
            reasons: input.text,
            cabinetUrl: `${appBaseUrl()}/cabinet/applications/${r.application.id}/typo`,
          }),
          attachments: [{ fileName: `Ответ-${r.number}.pdf`, contentType: "application/pdf", storageKey: file.key }],
        });
      await tx.applicationEvent.create({
        data: {
          applicationId: r.application.id,
          at: now,
          actorId: scope.userId,
          type: "typo_no_error",
          fromStage: r.application.currentStage,
          toStage: r.application.currentStage,
          payload: { typoRequestId: r.id, number: r.number },
        },
      });
    }, TX_OPTIONS);
    return { status: "NO_ERROR" };
  } catch (error) {
    for (const key of written) await storage.delete(key).catch(() => undefined);
    throw error;
  }
}

async function markChecked(
  tx: Tx,
  r: { id: string; rowVersion: number },
  c: {
    status: "CONFIRMED" | "NO_ERROR";
    handlerId: string;
    now: Date;
    reason: string;
    correctedId?: string | null;
    letterKey?: string;
  },
) {
  // Conditional on "still registered": of two officials checking at once, exactly one check stands.
  const updated = await tx.typoRequest.updateMany({
    where: { id: r.id, status: "REGISTERED", rowVersion: r.rowVersion },
    data: {
      status: c.status,
      handlerId: c.handlerId,
      checkedAt: c.now,
      reason: c.reason,
      ...(c.status === "NO_ERROR" ? { decidedAt: c.now, letterStorageKey: c.letterKey } : {}),
      ...(c.correctedId ? { correctedDocumentId: c.correctedId } : {}),
      rowVersion: { increment: 1 },
    },
  });
  if (updated.count !== 1) throw new AppError("PRECONDITION", ALREADY_CHECKED);
}

/**
 * How the regulation signs and registers a result, in its order (S1 signs then registers, S2 registers
 * then signs), and who signs: the first transition with the signature effect.
 */
function signingOf(doc: RegulationDocument): { effects: Effect[]; roles: readonly string[] } {
  const t = doc.transitions.find((x) => x.effects?.includes("sign_result"));
  const effects = (t?.effects ?? ["sign_result", "register_result"]).filter(
    (e): e is Effect => e === "sign_result" || e === "register_result",
  );
  if (!effects.includes("register_result")) effects.push("register_result");
  return { effects, roles: t?.roles ?? ["SIGNER"] };
}

/**
 * The corrected document signed, registered and issued like a result (S2 p.72: «выдача (направление)
 * исправленного документа ... способом, определенным заявителем»): by the official the regulation has
 * sign results, through the same effects as a move (server/workflow/effects.ts), in one transaction.
 * `comment`: the proof of a paper issue (the postal notice, the signed receipt), as for a result.
 */
export async function signTypoCorrection(
  db: Db,
  storage: FileStorage,
  scope: StaffScope,
  input: { id: string; comment?: string; signing?: SigningRequest; calendar: WorkingCalendar; now?: Date },
): Promise<{ status: "CORRECTED"; documentId: string }> {
  const r = await loadRequest(db, scope, input.id);
  const signing = signingOf(r.regulation);
  const roles = rolesIn(scope, r.application.departmentId);
  if (!signing.roles.some((role) => roles.includes(role as (typeof roles)[number])))
    throw new AppError(
      "FORBIDDEN",
      "Исправленный документ подписывает должностное лицо, подписывающее результат услуги",
    );
  if (r.status !== "CONFIRMED" || !r.correctedDocumentId)
    throw new AppError(
      "PRECONDITION",
      r.status === "CORRECTED" ? "Исправленный документ уже выдан" : "Исправленный документ ещё не подготовлен",
    );
  const now = input.now ?? clockNow();
  const written: string[] = [];
  const obsolete: string[] = [];
  // The PIN is checked before the transaction, which a refusal rolls back (issue 15).
  const prepared = input.signing ? await prepareSigning(db, scope.userId, input.signing, now) : undefined;
  const transition: TransitionDef = {
    key: "typo_correction",
    from: r.application.currentStage ?? "",
    to: r.application.currentStage ?? "",
    title: "Исправление опечатки",
    roles: ["SIGNER"],
    kind: "normal",
    requires: {},
    effects: [...signing.effects, "issue_result"],
  } as TransitionDef;
  try {
    await db.$transaction(async (tx) => {
      const latest = await latestResultDocument(tx, r.application.id);
      if (latest?.id !== r.correctedDocumentId)
        throw new AppError("CONFLICT", "По заявлению сформирован более новый документ: обновите страницу");
      const claimed = await tx.typoRequest.updateMany({
        where: { id: r.id, status: "CONFIRMED", rowVersion: r.rowVersion },
        data: { status: "CORRECTED", decidedAt: now, rowVersion: { increment: 1 } },
      });
      if (claimed.count !== 1) throw new AppError("PRECONDITION", "Исправленный документ уже выдан");
      const events = await runEffects({
        tx,
        storage,
        calendar: input.calendar,
        now,
        actorId: scope.userId,
        document: r.regulation,
        transition,
        request: { transition: transition.key, ...(input.comment ? { comment: input.comment } : {}) },
        applicationId: r.application.id,
        written,
        obsolete,
        signing: prepared,
      });
      for (const e of [
        ...events,
        {
          type: "typo_corrected",
          fromStage: transition.from,
          toStage: transition.to,
          payload: {
            typoRequestId: r.id,
            number: r.number,
            documentId: r.correctedDocumentId,
            correctsId: r.document.id,
          },
        },
      ])
        await tx.applicationEvent.create({
          data: {
            applicationId: r.application.id,
            at: now,
            actorId: scope.userId,
            type: e.type,
            fromStage: e.fromStage,
            toStage: e.toStage,
            payload: e.payload as Prisma.InputJsonObject,
          },
        });
    }, TX_OPTIONS);
  } catch (error) {
    for (const key of written) await storage.delete(key).catch(() => undefined);
    throw error;
  }
  for (const key of obsolete) await storage.delete(key).catch(() => undefined);
  return { status: "CORRECTED", documentId: r.correctedDocumentId };
}

/** A typo request's due-soon warning or overdue escalation, once (TypoAlert, like DeadlineAlert). */
export async function sendTypoNotice(
  db: Db,
  input: { typoRequestId: string; applicationId: string; kind: string; notices: readonly NotifyInput[] },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ typoRequestId: string }[]>`
      INSERT INTO "TypoAlert" ("typoRequestId", "kind") VALUES (${input.typoRequestId}::uuid, ${input.kind}) ON CONFLICT DO NOTHING RETURNING "typoRequestId"`;
    if (claimed.length === 0) return false;
    for (const notice of input.notices) await notify(tx, notice);
    if (input.kind.endsWith("overdue"))
      await tx.applicationEvent.create({
        data: {
          applicationId: input.applicationId,
          type: "typo_escalated",
          payload: {
            typoRequestId: input.typoRequestId,
            kind: input.kind,
            notified: [...new Set(input.notices.map((n) => n.userId))],
          },
        },
      });
    return true;
  });
}
