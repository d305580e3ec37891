// The list of services with the new-service form, as /admin and /admin/services show it (issue 10 p.1).
// A server component: it checks the role for the page it stands on and reads through the tRPC caller.
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { ServicesOverview } from "./services-overview";

export async function AdminServicesPage({ path, title }: { path: string; title?: string }) {
  await requireRole(["ADMIN"], path);
  const caller = await api();
  const [services, departments, years] = await Promise.all([
    caller.regulation.services(),
    caller.organisation.openDepartments(),
    caller.calendar.years(),
  ]);
  return (
    <ServicesOverview
      title={title}
      services={services}
      departments={departments}
      provisionalYears={years.filter((y) => y.provisional).map((y) => y.year)}
    />
  );
}
