// The applicant's own applications: every query is scoped by the owner's id.
import "server-only";
import type { Db } from "../db/client";
import { acceptedBy, visibleToApplicantAmong } from "../application/visibility";

export async function myApplications(db: Db, ownerId: string) {
  const joint = await db.applicationParticipant.findMany({
    where: acceptedBy(ownerId),
    select: { applicationId: true },
  });
  const rows = await db.application.findMany({
    where: visibleToApplicantAmong(
      ownerId,
      joint.map((j) => j.applicationId),
    ),
    orderBy: { updatedAt: "desc" },
    take: 100,
    select: {
      id: true,
      status: true,
      registrationNumber: true,
      submittedAt: true,
      dueAt: true,
      dueProvisional: true,
      updatedAt: true,
      currentStage: true,
      outcome: true,
      ownerId: true,
      service: { select: { title: true, code: true } },
    },
  });
  // Co-applicants see the joint application too, and open their own section of it (R15).
  return rows.map(({ ownerId: owner, ...a }) => ({
    ...a,
    role: owner === ownerId ? ("owner" as const) : ("co_applicant" as const),
  }));
}
