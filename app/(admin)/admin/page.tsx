import type { Metadata } from "next";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { formatDate } from "@/components/ui/format";

export const metadata: Metadata = { title: "Администрирование" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  await requireRole(["ADMIN"], "/admin");
  const { services, years } = await (await api()).admin.overview();
  return (
    <div>
      <h1 className="text-2xl font-bold">Администрирование</h1>
      <h2 className="mt-6 text-xl font-semibold">Услуги и редакции регламентов</h2>
      <table className="mt-3 w-full border-collapse bg-white text-left">
        <thead>
          <tr className="border-b">
            <th className="p-2">Услуга</th>
            <th className="p-2">Подразделение</th>
            <th className="p-2">Редакции</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.code} className="border-b align-top">
              <td className="p-2">{s.title}</td>
              <td className="p-2">{s.department.name}</td>
              <td className="p-2">
                <ul>
                  {s.versions.map((v) => (
                    <li key={v.version}>
                      № {v.version}: {v.status === "PUBLISHED" ? "опубликована" : "черновик"}
                      {v.effectiveFrom ? `, действует с ${formatDate(v.effectiveFrom)}` : ""}
                      {v.basis ? ` (${v.basis})` : ""}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="mt-8 text-xl font-semibold">Производственный календарь</h2>
      <ul className="mt-2 list-disc pl-6">
        {years.map((y) => (
          <li key={y.year}>
            {y.year}:{" "}
            {y.provisional
              ? "предварительный (по ст. 112 ТК РФ, постановление о переносе выходных не загружено)"
              : y.source}
          </li>
        ))}
      </ul>
    </div>
  );
}
