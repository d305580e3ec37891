// What administrators configure: services with their regulation versions, and the calendar years.
import "server-only";
import type { Db } from "../db/client";

export async function adminOverview(db: Db) {
  const [services, years] = await Promise.all([
    db.service.findMany({
      orderBy: { title: "asc" },
      select: {
        code: true,
        title: true,
        department: { select: { name: true } },
        versions: {
          orderBy: { version: "desc" },
          select: { version: true, status: true, effectiveFrom: true, basis: true, publishedAt: true },
        },
      },
    }),
    db.calendarYear.findMany({ orderBy: { year: "asc" } }),
  ]);
  const workingDays = await db.calendarDay.groupBy({ by: ["working"], _count: { _all: true } }).catch(() => []);
  return { services, years, totalWorkingDays: workingDays.find((w) => w.working)?._count._all ?? 0 };
}
