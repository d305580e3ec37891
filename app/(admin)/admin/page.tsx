import type { Metadata } from "next";
import { AdminServicesPage } from "@/components/admin/regulation/services-page";

export const metadata: Metadata = { title: "Администрирование: услуги" };
export const dynamic = "force-dynamic";

// The administration's home is its list of services (issue 10 p.1), the same as /admin/services;
// the working calendar has its own section (/admin/calendar), linked from the list.
export default function AdminPage() {
  return <AdminServicesPage path="/admin" title="Администрирование: услуги" />;
}
