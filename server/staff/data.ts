// The staff overview: only departments in the caller's scope, and their services' open work.
import type { Db } from "../db/client";
import { departmentsWithRole, type StaffScope } from "../auth/scope";

export async function staffOverview(db: Db, scope: StaffScope) {
  const departments = await db.department.findMany({
    where: { id: { in: [...scope.departmentIds] } },
    orderBy: { name: "asc" },
    select: {
      id: true, name: true,
      services: { where: { isActive: true }, orderBy: { title: "asc" }, select: { id: true, code: true, title: true } },
    },
  });
  const counts = await db.application.groupBy({
    by: ["serviceId"],
    where: { departmentId: { in: [...scope.departmentIds] }, status: "SUBMITTED" },
    _count: { _all: true },
  });
  const open = new Map(counts.map((c) => [c.serviceId, c._count._all]));
  return departments.map((d) => ({ ...d, services: d.services.map((s) => ({ ...s, open: open.get(s.id) ?? 0 })) }));
}

/** Services whose paper applications the user may register (R23): those of the departments where they are a registrar. */
export async function intakeServices(db: Db, scope: StaffScope) {
  return db.service.findMany({
    where: { departmentId: { in: departmentsWithRole(scope, ["REGISTRAR"]) } },
    select: { code: true, title: true },
    orderBy: { title: "asc" },
  });
}
