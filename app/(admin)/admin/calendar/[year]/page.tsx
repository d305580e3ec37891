import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { DAY_KIND_LABEL, MAX_ADMIN_YEAR, MIN_ADMIN_YEAR, summarizeYear } from "@/server/calendar/schema";
import { YearComparison } from "@/components/admin/calendar/year-summary";
import { DecreeForm } from "@/components/admin/calendar/decree-form";
import { DayForm, ExportButton, ImportForm } from "@/components/admin/calendar/year-tools";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Календарь на ${(await params).year} год` };
}

const dec = (d: string) => d.split("-").reverse().join(".");

export default async function CalendarYearPage({ params }: Props) {
  const { year: raw } = await params;
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < MIN_ADMIN_YEAR || year > MAX_ADMIN_YEAR) notFound();
  await requireRole(["ADMIN"], `/admin/calendar/${year}`);
  const { meta, data } = await (await api()).calendar.year({ year });
  const summary = summarizeYear(data.days);
  const special = data.days.filter((d) => d.kind !== "working" && d.kind !== "weekend");
  return (
    <div>
      <p>
        <Link href="/admin/calendar" className="text-brand-700 underline">
          Производственный календарь
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Календарь на {year} год</h1>
      <p className="mt-2" data-testid="year-status">
        {meta.provisional ? (
          <>
            <strong>Предварительный</strong>: рассчитан по Трудовому кодексу, постановление о переносе выходных дней не
            загружено. Сроки, которые проходят через этот год, помечаются «предварительно».
          </>
        ) : meta.decreeNumber && meta.decreeDate ? (
          <>
            Официальный: постановление Правительства РФ от {dec(meta.decreeDate)} № {meta.decreeNumber}
          </>
        ) : (
          <>Официальный: {meta.source}</>
        )}
      </p>
      <YearComparison caption={`Рабочие дни и часы ${year} года`} before={summary} after={summary} />

      <section aria-labelledby="decree-title" className="mt-8">
        <h2 id="decree-title" className="text-xl font-semibold">
          Постановление о переносе выходных дней
        </h2>
        <DecreeForm year={year} current={data.days} />
      </section>

      <section aria-labelledby="day-title" className="mt-8">
        <h2 id="day-title" className="text-xl font-semibold">
          Изменить один день
        </h2>
        <DayForm year={year} />
      </section>

      <section aria-labelledby="file-title" className="mt-8">
        <h2 id="file-title" className="text-xl font-semibold">
          Загрузка и выгрузка файла
        </h2>
        <ImportForm year={year} />
        <div className="mt-4">
          <ExportButton year={year} />
        </div>
      </section>

      <section aria-labelledby="days-title" className="mt-8">
        <h2 id="days-title" className="text-xl font-semibold">
          Праздничные, перенесённые и сокращённые дни
        </h2>
        <table className="mt-2 w-full border-collapse bg-white text-left">
          <thead>
            <tr className="border-b">
              <th scope="col" className="p-1">
                Дата
              </th>
              <th scope="col" className="p-1">
                Вид
              </th>
              <th scope="col" className="p-1">
                Основание
              </th>
            </tr>
          </thead>
          <tbody>
            {special.map((d) => (
              <tr key={d.date} className="border-b align-top">
                <td className="p-1 whitespace-nowrap">{dec(d.date)}</td>
                <td className="p-1">{DAY_KIND_LABEL[d.kind]}</td>
                <td className="p-1 text-sm">{d.note ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
