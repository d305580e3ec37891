// Working days and hours of a year per month (issue 11): the norm of working time at a 40-hour week,
// and, for the decree's preview, the year before and after the change side by side.
import type { YearSummary } from "@/server/calendar/schema";

export const MONTH_NAMES = [
  "Январь",
  "Февраль",
  "Март",
  "Апрель",
  "Май",
  "Июнь",
  "Июль",
  "Август",
  "Сентябрь",
  "Октябрь",
  "Ноябрь",
  "Декабрь",
];

const hours = (minutes: number) =>
  minutes % 60 === 0 ? String(minutes / 60) : (minutes / 60).toFixed(1).replace(".", ",");

function Cell({ before, after, unit }: { before: number; after: number; unit: (n: number) => string }) {
  if (before === after) return <>{unit(after)}</>;
  return (
    <>
      <span className="font-semibold">{unit(after)}</span>{" "}
      <span className="text-sm text-slate-700">(было {unit(before)})</span>
    </>
  );
}

export function YearComparison({
  caption,
  before,
  after,
}: {
  caption: string;
  before: YearSummary;
  after: YearSummary;
}) {
  return (
    <table className="mt-2 w-full max-w-2xl border-collapse bg-white text-left">
      <caption className="text-left text-sm text-slate-700">{caption}</caption>
      <thead>
        <tr className="border-b">
          <th scope="col" className="p-1">
            Месяц
          </th>
          <th scope="col" className="p-1">
            Рабочих дней
          </th>
          <th scope="col" className="p-1">
            Норма часов (40-часовая неделя)
          </th>
        </tr>
      </thead>
      <tbody>
        {after.months.map((m, i) => (
          <tr key={m.month} className="border-b">
            <th scope="row" className="p-1 font-normal">
              {MONTH_NAMES[i]}
            </th>
            <td className="p-1">
              <Cell before={before.months[i]!.workingDays} after={m.workingDays} unit={String} />
            </td>
            <td className="p-1">
              <Cell before={before.months[i]!.workMinutes} after={m.workMinutes} unit={hours} />
            </td>
          </tr>
        ))}
        <tr className="font-semibold">
          <th scope="row" className="p-1">
            За год
          </th>
          <td className="p-1" data-testid="year-working-days">
            <Cell before={before.workingDays} after={after.workingDays} unit={String} />
          </td>
          <td className="p-1" data-testid="year-work-hours">
            <Cell before={before.workMinutes} after={after.workMinutes} unit={hours} />
          </td>
        </tr>
      </tbody>
    </table>
  );
}
