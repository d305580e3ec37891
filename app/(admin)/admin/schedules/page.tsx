import type { Metadata } from "next";
import Link from "next/link";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { WEEKDAY_SHORT, type DepartmentHours } from "@/server/organisation/schedule";

export const metadata: Metadata = { title: "Графики приёма" };
export const dynamic = "force-dynamic";

/** "Пн–Пт 09:00–18:00, перерыв 13:00–14:00" in short form, one entry per open day. */
function describe(hours: DepartmentHours | null): string {
  if (!hours) return "Не задан: сроки в минутах считаются по календарю с 9:00";
  return hours.days
    .filter((d) => d.open)
    .map(
      (d) =>
        `${WEEKDAY_SHORT[d.weekday]} ${d.from}–${d.to}${d.breakFrom ? ` (перерыв ${d.breakFrom}–${d.breakTo})` : ""}`,
    )
    .join("; ");
}

export default async function SchedulesPage() {
  await requireRole(["ADMIN"], "/admin/schedules");
  const departments = await (await api()).schedule.departments();
  return (
    <div>
      <h1 className="text-2xl font-bold">Графики приёма подразделений</h1>
      <p className="mt-2 max-w-3xl">
        Сроки в минутах (регистрация при личном обращении — 15 минут) считаются по рабочему времени подразделения,
        принявшего заявление.
      </p>
      <table className="mt-4 w-full border-collapse bg-white text-left">
        <thead>
          <tr className="border-b">
            <th scope="col" className="p-2">
              Подразделение
            </th>
            <th scope="col" className="p-2">
              График
            </th>
          </tr>
        </thead>
        <tbody>
          {departments.map((d) => (
            <tr key={d.id} className="border-b align-top">
              <th scope="row" className="p-2 font-normal">
                <Link href={`/admin/schedules/${d.id}`} className="text-brand-700 underline">
                  {d.name}
                </Link>
                {d.closed ? " (закрыто)" : ""}
              </th>
              <td className="p-2 text-sm">{describe(d.hours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
