// The administrator's list of services (issue 10 p.1): each with its department, whether it is in the
// catalogue, its editions and their states, its open applications; and the form for a new service.
// A server component: the page fetches, this renders.
import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { EDITION_STATE_LABEL } from "@/server/regulation/editions/schema";
import { formatDate } from "@/components/ui/format";
import { NewServiceForm, type DepartmentOption } from "./service-forms";

type Out = inferRouterOutputs<AppRouter>;

export function ServicesOverview({
  title = "Услуги",
  services,
  departments,
  provisionalYears,
}: {
  /** The page's heading: /admin says it is the administration's home. */
  title?: string;
  services: Out["regulation"]["services"];
  departments: DepartmentOption[];
  provisionalYears: number[];
}) {
  return (
    <div>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Регламент каждой услуги хранится редакциями: черновик изменяется, опубликованная редакция — никогда. Новая
        редакция начинается с действующей или с любой прежней.
      </p>
      <table className="mt-4 w-full border-collapse bg-white text-left">
        <caption className="sr-only">Услуги и редакции их регламентов</caption>
        <thead>
          <tr className="border-b">
            <th scope="col" className="p-2">
              Услуга
            </th>
            <th scope="col" className="p-2">
              Подразделение
            </th>
            <th scope="col" className="p-2">
              В каталоге
            </th>
            <th scope="col" className="p-2">
              Редакции
            </th>
            <th scope="col" className="p-2">
              Открытых заявлений
            </th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.id} className="border-b align-top">
              <th scope="row" className="p-2 font-normal">
                <Link href={`/admin/services/${s.code}`} className="font-semibold text-brand-700 underline">
                  {s.title}
                </Link>
                <span className="block text-sm text-slate-600">
                  код <code>{s.code}</code>
                </span>
              </th>
              <td className="p-2">{s.department.name}</td>
              <td className="p-2">{s.isActive ? "да" : <strong>исключена</strong>}</td>
              <td className="p-2">
                <ul className="text-sm">
                  {s.editions
                    .filter((e) => e.state !== "discarded")
                    .map((e) => (
                      <li key={e.id}>
                        <Link href={`/admin/services/${s.code}/editions/${e.id}`} className="text-brand-700 underline">
                          № {e.version}
                        </Link>
                        : {EDITION_STATE_LABEL[e.state].toLowerCase()}
                        {e.effectiveFrom && e.state !== "draft" ? ` с ${formatDate(e.effectiveFrom)}` : ""}
                      </li>
                    ))}
                </ul>
              </td>
              <td className="p-2">{s.openApplications}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="mt-8 max-w-2xl rounded-lg border border-slate-300 bg-white p-4" aria-labelledby="new-service">
        <h2 id="new-service" className="text-xl font-semibold">
          Новая услуга
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Создаётся черновик первой редакции с типовым регламентом: его можно сразу изменять и проверять.
        </p>
        <div className="mt-3">
          <NewServiceForm departments={departments} />
        </div>
      </section>
      <p className="mt-8 text-sm text-slate-700">
        Сроки считаются по{" "}
        <Link href="/admin/calendar" className="text-brand-700 underline">
          производственному календарю
        </Link>
        {provisionalYears.length
          ? `; предварительные годы (постановление о переносе выходных не загружено): ${provisionalYears.join(", ")}.`
          : "."}
      </p>
    </div>
  );
}
