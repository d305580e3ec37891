// Inter-agency and intra-agency requests (R5, S0 p.11): only the types the regulation lists, each
// with its response deadline in working days; the answer is recorded with its text. An open request
// does not suspend the stage deadline (neither the seeds nor 210-FZ provide that).
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { StaffScope } from "../auth/scope";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { pinnedDocument } from "../regulation/document-cache";
import { addDuration } from "../workflow/machine";

async function scopedApp(db: Db, scope: StaffScope, applicationId: string) {
  const app = await db.application.findFirst({
    where: { id: applicationId, departmentId: { in: [...scope.departmentIds] }, status: "SUBMITTED" },
    select: { id: true, currentStage: true, regulationVersionId: true, regulationVersion: { select: { document: true } } },
  });
  if (!app) throw new AppError("NOT_FOUND", "Заявление не найдено или его рассмотрение завершено");
  return { ...app, document: pinnedDocument(app.regulationVersionId, app.regulationVersion.document) };
}

export async function sendInteragencyRequest(db: Db, scope: StaffScope, input: { applicationId: string; typeCode: string; text: string; calendar: WorkingCalendar; now?: Date }) {
  const app = await scopedApp(db, scope, input.applicationId);
  const type = app.document.interagencyRequestTypes.find((r) => r.code === input.typeCode);
  if (!type) throw new AppError("INVALID", "Регламент услуги не предусматривает такого запроса", { typeCode: "Выберите вид запроса из перечня регламента" });
  const now = input.now ?? new Date();
  const dueAt = addDuration(input.calendar, now, type.responseDeadline);
  return db.$transaction(async (tx) => {
    const request = await tx.interagencyRequest.create({ data: { applicationId: app.id, typeCode: type.code, agency: type.agency, text: input.text, sentAt: now, dueAt, sentById: scope.userId }, select: { id: true, dueAt: true } });
    await tx.applicationEvent.create({ data: { applicationId: app.id, at: now, actorId: scope.userId, type: "request_sent", fromStage: app.currentStage, toStage: app.currentStage, payload: { requestId: request.id, type: type.title, agency: type.agency, dueAt: dueAt.toISOString() } } });
    return request;
  });
}

export async function recordRequestAnswer(db: Db, scope: StaffScope, input: { requestId: string; answerText: string; now?: Date }) {
  const request = await db.interagencyRequest.findFirst({
    where: { id: input.requestId, application: { departmentId: { in: [...scope.departmentIds] } } },
    select: { id: true, applicationId: true, answeredAt: true, typeCode: true, application: { select: { currentStage: true } } },
  });
  if (!request) throw new AppError("NOT_FOUND", "Запрос не найден");
  if (request.answeredAt) throw new AppError("PRECONDITION", "Ответ на запрос уже внесён");
  const now = input.now ?? new Date();
  await db.$transaction([
    db.interagencyRequest.update({ where: { id: request.id }, data: { answeredAt: now, answerText: input.answerText } }),
    db.applicationEvent.create({ data: { applicationId: request.applicationId, at: now, actorId: scope.userId, type: "request_answered", fromStage: request.application.currentStage, toStage: request.application.currentStage, payload: { requestId: request.id } } }),
  ]);
}
