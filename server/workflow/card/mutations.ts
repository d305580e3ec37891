// Staff's writes on the card that are not moves: internal comments.
import "server-only";
import type { Db } from "../../db/client";
import type { StaffScope } from "../../auth/scope";
import { AppError } from "../../errors";
import { visibleToStaff } from "../../application/visibility";

/** Internal comments are events too: kept, never edited (R3). */
export async function addComment(db: Db, scope: StaffScope, input: { applicationId: string; text: string }) {
  const app = await db.application.findFirst({
    where: visibleToStaff(scope, { id: input.applicationId }),
    select: { id: true, currentStage: true },
  });
  if (!app) throw new AppError("NOT_FOUND", "Заявление не найдено");
  await db.applicationEvent.create({
    data: {
      applicationId: app.id,
      actorId: scope.userId,
      type: "comment",
      fromStage: app.currentStage,
      toStage: app.currentStage,
      payload: { text: input.text },
    },
  });
}
