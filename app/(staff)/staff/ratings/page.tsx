import type { Metadata } from "next";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { RatingsTable } from "@/components/rating/ratings-table";

export const metadata: Metadata = { title: "Оценки услуг" };
export const dynamic = "force-dynamic";

// R21, R27: the applicants' ratings of the services of the head's departments.
export default async function StaffRatingsPage() {
  await requireRole(["HEAD"], "/staff/ratings");
  const services = await (await api()).rating.byService();
  return (
    <div>
      <Breadcrumbs items={[{ label: "Рабочее место", href: "/staff" }, { label: "Оценки услуг" }]} />
      <h1 className="mt-3 text-3xl font-bold">Оценки услуг</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Оценки заявителей после выдачи результата: по одной на заявление, от 1 до 5.
      </p>
      <RatingsTable services={services} />
    </div>
  );
}
