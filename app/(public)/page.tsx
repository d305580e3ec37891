import Link from "next/link";
import { api } from "@/server/api/server";
import { formatDuration } from "@/components/ui/format";

export const dynamic = "force-dynamic";

export default async function CataloguePage() {
  const services = await (await api()).catalogue.list();
  return (
    <div>
      <h1 className="text-3xl font-bold">Каталог муниципальных услуг</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Сведения о порядке, сроках и документах доступны без регистрации. Чтобы подать заявление, войдите или
        зарегистрируйтесь.
      </p>
      <ul className="mt-6 grid gap-4 md:grid-cols-2" aria-label="Услуги">
        {services.map((s) => (
          <li key={s.code} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold">
              <Link href={`/services/${s.code}`} className="text-brand-700 underline-offset-2 hover:underline">
                {s.title}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-600">{s.department}</p>
            {s.summary && <p className="mt-2 text-slate-700">{s.summary}</p>}
            <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
              <div>
                <dt className="inline text-slate-600">Срок: </dt>
                <dd className="inline font-medium">{formatDuration(s.term)}</dd>
              </div>
              <div>
                <dt className="inline text-slate-600">Стоимость: </dt>
                <dd className="inline font-medium">{s.free ? "бесплатно" : "платно"}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      {services.length === 0 && <p className="mt-6">Услуги пока не опубликованы.</p>}
    </div>
  );
}
