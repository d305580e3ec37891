import type { Metadata } from "next";
import { AdminServicesPage } from "@/components/admin/regulation/services-page";

export const metadata: Metadata = { title: "Услуги" };
export const dynamic = "force-dynamic";

// Every service and its editions; a new service (issue 10 p.1). /admin shows the same page.
export default function ServicesPage() {
  return <AdminServicesPage path="/admin/services" />;
}
