import type { Metadata } from "next";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { ServicesOverview } from "@/components/admin/regulation/services-overview";

export const metadata: Metadata = { title: "Администрирование: услуги" };
export const dynamic = "force-dynamic";

// The administration's home is its list of services (issue 10 p.1), the same as /admin/services;
// the working calendar has its own section (/admin/calendar), linked from the list.
export default async function AdminPage() {
  await requireRole(["ADMIN"], "/admin");
  const caller = await api();
  const [services, departments, years] = await Promise.all([
    caller.regulation.services(),
    caller.organisation.openDepartments(),
    caller.calendar.years(),
  ]);
  return (
    <ServicesOverview
      title="Администрирование: услуги"
      services={services}
      departments={departments}
      provisionalYears={years.filter((y) => y.provisional).map((y) => y.year)}
    />
  );
}
