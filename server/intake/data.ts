// Paper intake: what a registrar may register.
import "server-only";
import type { Db } from "../db/client";
import { departmentsWithRole, type StaffScope } from "../auth/scope";
import { AppError } from "../errors";
import { versionInForce } from "../regulation/data";
import { rolesIn } from "../workflow/machine";
import { INTAKE_FORBIDDEN } from "./mutations";

/** Services whose paper applications the user may register (R23): those of the departments where they are a registrar. */
export async function intakeServices(db: Db, scope: StaffScope) {
  return db.service.findMany({
    where: { departmentId: { in: departmentsWithRole(scope, ["REGISTRAR"]) } },
    select: { code: true, title: true },
    orderBy: { title: "asc" },
  });
}

/**
 * The form of a service for entering a paper application: the portal's applicant steps and the
 * channels the regulation accepts on paper. Another department's service is "not found"; one of the
 * user's departments where they are no registrar is forbidden.
 */
export async function intakeForm(db: Db, scope: StaffScope, serviceCode: string) {
  const service = await db.service.findFirst({
    where: { code: serviceCode, departmentId: { in: [...scope.departmentIds] } },
    select: { id: true, title: true, code: true, departmentId: true },
  });
  if (!service) throw new AppError("NOT_FOUND", "Услуга не найдена");
  if (!rolesIn(scope, service.departmentId).includes("REGISTRAR")) throw new AppError("FORBIDDEN", INTAKE_FORBIDDEN);
  const version = await versionInForce(db, service.id);
  if (!version) throw new AppError("PRECONDITION", "Регламент услуги не опубликован");
  return {
    service: { code: service.code, title: service.title },
    steps: version.document.form.steps.filter((s) => (s.section ?? "applicant") === "applicant"),
    intakeChannels: version.document.intakeChannels.filter((c) => c !== "PORTAL"),
    /** The regulation's documents the applicant provides: the intake's checklist of what was received (issue 16 p.12). */
    documents: version.document.passport.documents
      .filter((d) => d.providedBy === "applicant")
      .map((d) => ({ title: d.title, required: d.required, condition: d.condition ?? null })),
  };
}
