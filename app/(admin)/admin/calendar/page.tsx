import type { Metadata } from "next";
import Link from "next/link";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { formatDate } from "@/components/ui/format";

export const metadata: Metadata = { title: "Производственный календарь" };
export const dynamic = "force-dynamic";

const dec = (d: string) => d.split("-").reverse().join(".");

export default async function CalendarPage() {
  await requireRole(["ADMIN"], "/admin/calendar");
  const years = await (await api()).calendar.years();
  return (
    <div>
      <h1 className="text-2xl font-bold">Производственный календарь</h1>
      <p className="mt-2 max-w-3xl">
        Сроки считаются в рабочих днях по календарю (R7). Год без постановления Правительства о переносе выходных дней —
        предварительный: он рассчитан по ст. 112 и 95 Трудового кодекса, и каждый срок, который через него проходит,
        помечается «предварительно». Когда постановление загружено, сроки открытых заявлений пересчитываются.
      </p>
      <p className="mt-2">
        Сроки в минутах считаются по{" "}
        <Link href="/admin/schedules" className="text-brand-700 underline">
          графикам приёма подразделений
        </Link>
        .
      </p>
      <table className="mt-4 w-full border-collapse bg-white text-left">
        <thead>
          <tr className="border-b">
            <th scope="col" className="p-2">
              Год
            </th>
            <th scope="col" className="p-2">
              Состояние
            </th>
            <th scope="col" className="p-2">
              Загружен
            </th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.year} className="border-b align-top">
              <th scope="row" className="p-2">
                <Link href={`/admin/calendar/${y.year}`} className="text-brand-700 underline">
                  {y.year}
                </Link>
              </th>
              <td className="p-2">
                {y.provisional ? (
                  <>
                    <strong>Предварительный</strong>: постановление о переносе выходных дней не загружено
                  </>
                ) : y.decreeNumber && y.decreeDate ? (
                  <>
                    Постановление от {dec(y.decreeDate)} № {y.decreeNumber}
                  </>
                ) : (
                  y.source
                )}
              </td>
              <td className="p-2">{y.loadedAt ? formatDate(y.loadedAt) : "не загружен (используется расчёт)"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
