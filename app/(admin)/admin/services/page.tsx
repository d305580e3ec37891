import type { Metadata } from "next";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { ServicesOverview } from "@/components/admin/regulation/services-overview";

export const metadata: Metadata = { title: "Услуги" };
export const dynamic = "force-dynamic";

// Every service and its editions; a new service (issue 10 p.1). /admin shows the same page.
export default async function ServicesPage() {
  await requireRole(["ADMIN"], "/admin/services");
  const caller = await api();
  const [services, departments, years] = await Promise.all([
    caller.regulation.services(),
    caller.organisation.openDepartments(),
    caller.calendar.years(),
  ]);
  return (
    <ServicesOverview
      services={services}
      departments={departments}
      provisionalYears={years.filter((y) => y.provisional).map((y) => y.year)}
    />
  );
}
