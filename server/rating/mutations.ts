// The applicant's rating of the service (R21, R27; S1 p.27, S2 p.73): once per application (the
// rating's primary key is the application), after the result is issued.
import "server-only";
import type { Db } from "../db/client";
import { AppError, isRace } from "../errors";
import { mayRate, ratingTarget } from "./data";

export const ALREADY_RATED = "Вы уже оценили качество предоставления услуги по этому заявлению: оценку дают один раз";

export async function rateService(
  db: Db,
  input: { userId: string; applicationId: string; score: number; comment: string },
) {
  const app = await ratingTarget(db, input.userId, input.applicationId);
  if (!app) throw new AppError("NOT_FOUND", "Заявление не найдено");
  if (app.rating) throw new AppError("CONFLICT", ALREADY_RATED);
  if (!mayRate(app))
    throw new AppError("PRECONDITION", "Оценить услугу можно после того, как результат её предоставления выдан");
  try {
    await db.rating.create({
      data: {
        applicationId: app.id,
        serviceId: app.serviceId,
        userId: input.userId,
        score: input.score,
        comment: input.comment.trim() || null,
      },
    });
  } catch (error) {
    if (isRace(error)) throw new AppError("CONFLICT", ALREADY_RATED);
    throw error;
  }
  return { applicationId: app.id, score: input.score };
}
