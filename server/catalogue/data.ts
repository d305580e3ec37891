// The public catalogue (R8, R12): what every visitor may read without signing in.
import "server-only";
import type { Db } from "../db/client";
import { versionInForce, versionsInForce } from "../regulation/data";

export async function listServices(db: Db) {
  const services = await db.service.findMany({
    where: { isActive: true },
    orderBy: { title: "asc" },
    select: { id: true, code: true, title: true, department: { select: { name: true } } },
  });
  const versions = await versionsInForce(
    db,
    services.map((s) => s.id),
  );
  return services.flatMap((s) => {
    const version = versions.get(s.id);
    return version
      ? [
          {
            code: s.code,
            title: s.title,
            department: s.department.name,
            term: version.document.passport.term,
            free: version.document.passport.fee.free,
            summary: version.document.passport.summary ?? null,
          },
        ]
      : [];
  });
}

export async function getServiceInfo(db: Db, code: string) {
  const service = await db.service.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      title: true,
      isActive: true,
      department: {
        select: {
          name: true,
          address: true,
          phone: true,
          email: true,
          schedule: true,
          parent: { select: { name: true, address: true, phone: true, email: true, schedule: true } },
        },
      },
    },
  });
  if (!service || !service.isActive) return null;
  const version = await versionInForce(db, service.id);
  if (!version) return null;
  return {
    code: service.code,
    title: service.title,
    department: service.department,
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    document: version.document,
  };
}
