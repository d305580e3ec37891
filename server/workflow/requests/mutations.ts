// Inter-agency and intra-agency requests (R5, S0 p.11): only the types the regulation lists, each
// with its response deadline in working days; the answer is recorded with its text and, optionally,
// the file that came with it. An open request does not suspend the stage deadline (neither the seeds
// nor 210-FZ provide that).
import "server-only";
import type { Db } from "../../db/client";
import { INTERAGENCY_ANSWER_FIELD } from "../../attachment/data";
import { newAttachmentKey, vetFile } from "../../attachment/mutations";
import { sha256, type FileStorage } from "../../storage/storage";
import { AppError } from "../../errors";
import type { StaffScope } from "../../auth/scope";
import type { WorkingCalendar } from "../../calendar/working-calendar";
import { pinnedDocument } from "../../regulation/document-cache";
import { addDuration, mayActAs } from "../machine";
import { DEFAULT_REQUEST_ROLES, type InteragencyRequestType } from "../../regulation/document";
import { visibleToStaff } from "../../application/visibility";
import { isUuid } from "../../ids";
import { ANSWER_FILE_RULE } from "../schema";
import { notify, type NotifyInput } from "../../notification/mutations";

async function scopedApp(db: Db, scope: StaffScope, applicationId: string) {
  const app = await db.application.findFirst({
    where: visibleToStaff(scope, { id: applicationId, status: "SUBMITTED" }),
    select: {
      id: true,
      currentStage: true,
      departmentId: true,
      assigneeId: true,
      regulationVersionId: true,
      variantCode: true,
      regulationVersion: { select: { document: true } },
    },
  });
  if (!app) throw new AppError("NOT_FOUND", "Заявление не найдено или его рассмотрение завершено");
  return { ...app, document: pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode) };
}

/**
 * Requests follow the regulation's roles (R2, R5): the roles its request type names, by default the
 * executor; on an assigned application the assigned executor or the head of the department, as for
 * the executor's transitions (mayActAs).
 */
function checkRequestRole(
  type: Pick<InteragencyRequestType, "roles"> | undefined,
  app: { departmentId: string; assigneeId: string | null },
  scope: StaffScope,
  what: "send" | "answer",
) {
  const may = mayActAs(type?.roles ?? DEFAULT_REQUEST_ROLES, app, scope);
  if (may === "yes") return;
  const act = what === "send" ? "Направить запрос" : "Внести ответ на запрос";
  throw new AppError(
    "FORBIDDEN",
    may === "not_assignee"
      ? `${act} может назначенный исполнитель заявления или руководитель подразделения`
      : `${act} может только сотрудник с ролью, которую для этого запроса указывает регламент`,
  );
}

export async function sendInteragencyRequest(
  db: Db,
  scope: StaffScope,
  input: { applicationId: string; typeCode: string; text: string; calendar: WorkingCalendar; now?: Date },
) {
  const app = await scopedApp(db, scope, input.applicationId);
  const type = app.document.interagencyRequestTypes.find((r) => r.code === input.typeCode);
  if (!type)
    throw new AppError("INVALID", "Регламент услуги не предусматривает такого запроса", {
      typeCode: "Выберите вид запроса из перечня регламента",
    });
  checkRequestRole(type, app, scope, "send");
  const now = input.now ?? new Date();
  const dueAt = addDuration(input.calendar, now, type.responseDeadline);
  return db.$transaction(async (tx) => {
    const request = await tx.interagencyRequest.create({
      data: {
        applicationId: app.id,
        typeCode: type.code,
        agency: type.agency,
        text: input.text,
        sentAt: now,
        dueAt,
        sentById: scope.userId,
      },
      select: { id: true, dueAt: true },
    });
    await tx.applicationEvent.create({
      data: {
        applicationId: app.id,
        at: now,
        actorId: scope.userId,
        type: "request_sent",
        fromStage: app.currentStage,
        toStage: app.currentStage,
        payload: { requestId: request.id, type: type.title, agency: type.agency, dueAt: dueAt.toISOString() },
      },
    });
    return request;
  });
}

/**
 * Records the answer to a request once: its text and, optionally, the file the agency sent. The file
 * becomes an attachment of the application under a key no form field can have (kept out of the
 * applicant's files); it is stored first and deleted again if the transaction does not commit, so a
 * refused or failed answer leaves neither a row nor a file behind.
 */
export async function recordRequestAnswer(
  db: Db,
  scope: StaffScope,
  input: { requestId: string; answerText: string; file?: { fileName: string; content: Uint8Array }; now?: Date },
  storage?: FileStorage,
): Promise<{ answeredAt: Date; file: { id: string; name: string; size: number; mimeType: string } | null }> {
  if (!isUuid(input.requestId)) throw new AppError("NOT_FOUND", "Запрос не найден");
  const request = await db.interagencyRequest.findFirst({
    where: { id: input.requestId, application: visibleToStaff(scope) },
    select: {
      id: true,
      applicationId: true,
      answeredAt: true,
      typeCode: true,
      application: {
        select: {
          currentStage: true,
          departmentId: true,
          assigneeId: true,
          regulationVersionId: true,
          variantCode: true,
          regulationVersion: { select: { document: true } },
        },
      },
    },
  });
  if (!request) throw new AppError("NOT_FOUND", "Запрос не найден");
  const doc = pinnedDocument(
    request.application.regulationVersionId,
    request.application.regulationVersion.document,
    request.application.variantCode,
  );
  checkRequestRole(
    doc.interagencyRequestTypes.find((r) => r.code === request.typeCode),
    request.application,
    scope,
    "answer",
  );
  if (request.answeredAt) throw new AppError("PRECONDITION", ALREADY_ANSWERED);

  let file: { id: string; storageKey: string; name: string; mimeType: string; content: Uint8Array } | null = null;
  if (input.file) {
    if (!storage) throw new Error("recordRequestAnswer: a file needs the file storage");
    try {
      file = {
        ...vetFile(input.file.fileName, input.file.content, ANSWER_FILE_RULE),
        ...newAttachmentKey(),
        content: input.file.content,
      };
    } catch (error) {
      if (error instanceof AppError) throw new AppError(error.code, error.message, { file: error.message });
      throw error;
    }
    await storage.put(file.storageKey, file.content);
  }
  const now = input.now ?? new Date();
  try {
    await db.$transaction(async (tx) => {
      if (file) {
        await tx.attachment.create({
          data: {
            id: file.id,
            applicationId: request.applicationId,
            fieldKey: INTERAGENCY_ANSWER_FIELD,
            fileName: file.name,
            mimeType: file.mimeType,
            size: file.content.length,
            sha256: sha256(file.content),
            storageKey: file.storageKey,
            uploadedById: scope.userId,
          },
        });
      }
      // Conditional on "still open": of two clerks answering at once, exactly one records the answer.
      const updated = await tx.interagencyRequest.updateMany({
        where: { id: request.id, answeredAt: null },
        data: { answeredAt: now, answerText: input.answerText, answerFileId: file?.id ?? null },
      });
      if (updated.count !== 1) throw new AppError("PRECONDITION", ALREADY_ANSWERED);
      await tx.applicationEvent.create({
        data: {
          applicationId: request.applicationId,
          at: now,
          actorId: scope.userId,
          type: "request_answered",
          fromStage: request.application.currentStage,
          toStage: request.application.currentStage,
          payload: { requestId: request.id, ...(file ? { file: { id: file.id, name: file.name } } : {}) },
        },
      });
    });
  } catch (error) {
    if (file) await storage!.delete(file.storageKey); // no orphan file without its row
    throw error;
  }
  return {
    answeredAt: now,
    file: file ? { id: file.id, name: file.name, size: file.content.length, mimeType: file.mimeType } : null,
  };
}

const ALREADY_ANSWERED = "Ответ на этот запрос уже внесён: изменить или внести его повторно нельзя";

/**
 * Sends an inter-agency answer's due-soon warning or overdue escalation (S0 p.6, p.11) once: the
 * RequestAlert primary key is claimed in the transaction of the notices, so monitors running at once
 * send one. An escalation is recorded on the application's history with whom it went to (R3).
 */
export async function sendRequestNotice(
  db: Db,
  input: { requestId: string; applicationId: string; kind: "due_soon" | "overdue"; notices: readonly NotifyInput[] },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ requestId: string }[]>`
      INSERT INTO "RequestAlert" ("requestId", "kind") VALUES (${input.requestId}::uuid, ${input.kind}) ON CONFLICT DO NOTHING RETURNING "requestId"`;
    if (claimed.length === 0) return false;
    for (const notice of input.notices) await notify(tx, notice);
    if (input.kind === "overdue")
      await tx.applicationEvent.create({
        data: {
          applicationId: input.applicationId,
          type: "request_escalated",
          payload: { requestId: input.requestId, notified: [...new Set(input.notices.map((n) => n.userId))] },
        },
      });
    return true;
  });
}
