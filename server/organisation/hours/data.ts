// Reception schedules (issue 11): the departments with their hours, for /admin/schedules.
import "server-only";
import type { Db } from "../../db/client";
import { AppError } from "../../errors";
import { isUuid } from "../../ids";
import { parseHours } from "../schedule";

export async function departmentsWithHours(db: Db) {
  const rows = await db.department.findMany({
    orderBy: [{ name: "asc" }],
    select: { id: true, name: true, code: true, closedAt: true, hours: true, schedule: true },
  });
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    code: d.code,
    closed: d.closedAt !== null,
    schedule: d.schedule,
    hours: parseHours(d.hours),
  }));
}

export async function departmentHours(db: Db, departmentId: string) {
  if (!isUuid(departmentId)) throw new AppError("NOT_FOUND", "Подразделение не найдено");
  const d = await db.department.findUnique({
    where: { id: departmentId },
    select: { id: true, name: true, code: true, closedAt: true, hours: true, schedule: true },
  });
  if (!d) throw new AppError("NOT_FOUND", "Подразделение не найдено");
  return {
    id: d.id,
    name: d.name,
    code: d.code,
    closed: d.closedAt !== null,
    schedule: d.schedule,
    hours: parseHours(d.hours),
  };
}
