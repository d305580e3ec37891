import type { Metadata } from "next";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { RatingsTable } from "@/components/rating/ratings-table";

export const metadata: Metadata = { title: "Оценки услуг" };
export const dynamic = "force-dynamic";

// R21, R27: the applicants' ratings of every service.
export default async function AdminRatingsPage() {
  await requireRole(["ADMIN"], "/admin/ratings");
  const services = await (await api()).rating.byService();
  return (
    <div>
      <h1 className="text-3xl font-bold">Оценки услуг</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Оценки заявителей после выдачи результата: по одной на заявление, от 1 до 5.
      </p>
      <RatingsTable services={services} />
    </div>
  );
}
