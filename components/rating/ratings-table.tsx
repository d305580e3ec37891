// Ratings of the services (R21, R27; S1 p.27, S2 p.73) as heads and administrators see them: how many,
// the average, the scores' distribution and the latest comments.
import { formatDate } from "@/components/ui/format";

export type ServiceRatings = {
  id: string;
  code: string;
  title: string;
  department: { name: string };
  count: number;
  average: number | null;
  distribution: number[];
  comments: { score: number; comment: string | null; createdAt: Date }[];
};

const average = (n: number | null) => (n === null ? "—" : n.toLocaleString("ru-RU", { maximumFractionDigits: 2 }));

export function RatingsTable({ services }: { services: ServiceRatings[] }) {
  if (!services.length) return <p className="mt-4">Услуг нет.</p>;
  return (
    <div className="mt-4 space-y-6">
      <table className="w-full border-collapse bg-white text-left">
        <caption className="sr-only">Оценки услуг</caption>
        <thead>
          <tr className="border-b">
            <th scope="col" className="p-2">
              Услуга
            </th>
            <th scope="col" className="p-2">
              Оценок
            </th>
            <th scope="col" className="p-2">
              Средняя оценка
            </th>
            <th scope="col" className="p-2">
              Распределение (1–5)
            </th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.id} className="border-b" data-testid="service-rating">
              <th scope="row" className="p-2 font-normal">
                {s.title}
                <span className="block text-sm text-slate-600">{s.department.name}</span>
              </th>
              <td className="p-2">{s.count}</td>
              <td className="p-2">{average(s.average)}</td>
              <td className="p-2">{s.distribution.map((n, i) => `${i + 1}: ${n}`).join(" · ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {services
        .filter((s) => s.comments.length)
        .map((s) => (
          <section key={s.id} aria-labelledby={`comments-${s.code}`}>
            <h2 id={`comments-${s.code}`} className="text-lg font-semibold">
              Комментарии: {s.title}
            </h2>
            <ul className="mt-2 space-y-2">
              {s.comments.map((c, i) => (
                <li key={i} className="rounded border border-slate-200 bg-white p-3">
                  <span className="font-medium">Оценка {c.score}</span>{" "}
                  <span className="text-sm text-slate-600">{formatDate(c.createdAt)}</span>
                  <p className="mt-1">{c.comment}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}
