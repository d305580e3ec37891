// Reads of service ratings (R21, R27). The applicant reads the rating of their own application; heads
// see the ratings of their departments' services, administrators of every service.
import "server-only";
import type { Db, Tx } from "../db/client";
import { ISSUED_RESULTS, ownedBy } from "../application/visibility";

/** The owner's application with what decides whether it may be rated, or null (not theirs: not found). */
export async function ratingTarget(db: Db | Tx, userId: string, applicationId: string) {
  return db.application.findFirst({
    where: ownedBy(userId, { id: applicationId, status: { not: "DRAFT" } }),
    select: {
      id: true,
      serviceId: true,
      status: true,
      outcome: true,
      documents: { where: ISSUED_RESULTS, select: { id: true }, take: 1 },
      rating: { select: { score: true, comment: true, createdAt: true } },
    },
  });
}

/** R21: a service is rated once its result is issued, or once the application is closed with a result. */
export function mayRate(app: { status: string; outcome: string | null; documents: unknown[] }): boolean {
  return app.documents.length > 0 || (app.status === "CLOSED" && !!app.outcome && app.outcome !== "withdrawn");
}

/** The cabinet's view: may the owner rate it now, and the rating given. */
export async function myRating(db: Db, userId: string, applicationId: string) {
  const app = await ratingTarget(db, userId, applicationId);
  if (!app) return null;
  return { canRate: !app.rating && mayRate(app), rating: app.rating };
}

/**
 * Ratings per service for the services of `departmentIds` (null: every service): count, average,
 * the distribution of scores and the latest comments.
 */
export async function ratingsByService(db: Db, departmentIds: readonly string[] | null) {
  const where = departmentIds ? { service: { departmentId: { in: [...departmentIds] } } } : {};
  const [groups, scores, comments, services] = await Promise.all([
    db.rating.groupBy({ by: ["serviceId"], where, _count: { _all: true }, _avg: { score: true } }),
    db.rating.groupBy({ by: ["serviceId", "score"], where, _count: { _all: true } }),
    db.rating.findMany({
      where: { ...where, comment: { not: null } },
      orderBy: { createdAt: "desc" },
      take: 100,
      select: { serviceId: true, score: true, comment: true, createdAt: true },
    }),
    db.service.findMany({
      where: departmentIds ? { departmentId: { in: [...departmentIds] } } : {},
      orderBy: { title: "asc" },
      select: { id: true, code: true, title: true, department: { select: { name: true } } },
    }),
  ]);
  return services.map((s) => {
    const g = groups.find((x) => x.serviceId === s.id);
    return {
      ...s,
      count: g?._count._all ?? 0,
      average: g?._avg.score ?? null,
      distribution: [1, 2, 3, 4, 5].map(
        (score) => scores.find((x) => x.serviceId === s.id && x.score === score)?._count._all ?? 0,
      ),
      comments: comments.filter((c) => c.serviceId === s.id).slice(0, 10),
    };
  });
}
