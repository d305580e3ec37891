// Reception schedules (issue 11): saving a department's hours with its AdminEvent, in one transaction.
import "server-only";
import type { Db } from "../../db/client";
import { Prisma } from "../../generated/prisma/client";
import { AppError } from "../../errors";
import { recordAdminEvent } from "../../audit/mutations";
import type { SaveScheduleInput } from "../schedule";

/** Sets (or, with null, removes) a department's reception hours. Minute deadlines computed from now on use them. */
export async function saveDepartmentHours(db: Db, actorId: string, input: SaveScheduleInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const d = await tx.department.findUnique({ where: { id: input.departmentId }, select: { id: true, hours: true } });
    if (!d) throw new AppError("NOT_FOUND", "Подразделение не найдено");
    await tx.department.update({
      where: { id: d.id },
      data: { hours: input.hours === null ? Prisma.DbNull : (input.hours as Prisma.InputJsonObject) },
    });
    await recordAdminEvent(tx, {
      actorId,
      type: "schedule_changed",
      subjectType: "department",
      subjectId: d.id,
      before: (d.hours as Prisma.InputJsonValue | null) ?? null,
      after: (input.hours as Prisma.InputJsonObject | null) ?? null,
    });
  });
}
