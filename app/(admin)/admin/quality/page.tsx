import type { Metadata } from "next";
import { requireRole } from "@/server/auth/session";
import { QualityDashboard } from "@/components/quality/quality-dashboard";

export const metadata: Metadata = { title: "Показатели качества" };
export const dynamic = "force-dynamic";

// The administrators' quality dashboard (issue 14 p.6, R27): every department's figures.
export default async function AdminQualityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole(["ADMIN"], "/admin/quality");
  return <QualityDashboard path="/admin/quality" searchParams={await searchParams} />;
}
