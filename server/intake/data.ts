// Paper intake: what a registrar may register.
import "server-only";
import type { Db } from "../db/client";
import { departmentsWithRole, type StaffScope } from "../auth/scope";

/** Services whose paper applications the user may register (R23): those of the departments where they are a registrar. */
export async function intakeServices(db: Db, scope: StaffScope) {
  return db.service.findMany({
    where: { departmentId: { in: departmentsWithRole(scope, ["REGISTRAR"]) } },
    select: { code: true, title: true },
    orderBy: { title: "asc" },
  });
}
