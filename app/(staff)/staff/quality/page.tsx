import type { Metadata } from "next";
import { requireRole } from "@/server/auth/session";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { QualityDashboard } from "@/components/quality/quality-dashboard";

export const metadata: Metadata = { title: "Показатели качества" };
export const dynamic = "force-dynamic";

// The heads' quality dashboard (issue 14 p.6, R27): their departments' figures.
export default async function StaffQualityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole(["HEAD"], "/staff/quality");
  return (
    <div>
      <Breadcrumbs items={[{ label: "Рабочее место", href: "/staff" }, { label: "Показатели качества" }]} />
      <QualityDashboard path="/staff/quality" searchParams={await searchParams} />
    </div>
  );
}
