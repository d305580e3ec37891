// How the dashboard's numbers read, on the page and in the CSV alike (client-safe): a decimal comma
// (the Russian way, and what Excel with a Russian locale reads as a number), a fixed number of digits,
// and no figure where there is nothing to average ("—" on the page, an empty cell in the CSV), never NaN.
import type { Figures, StageFigures } from "./schema";

/** `12,5`; null (or anything not finite) when there is no figure. */
export function decimal(n: number | null | undefined, digits = 1): string | null {
  if (n === null || n === undefined || !Number.isFinite(n)) return null;
  return n.toFixed(digits).replace(".", ",");
}

/** A share 0..1 as a percentage: `87,5`. */
export const percent = (share: number | null) => decimal(share === null ? null : share * 100, 1);

/** For the page: a dash where there is no figure. */
export const shown = (s: string | null) => s ?? "—";

export const FIGURE_COLUMNS: { key: string; header: string; cell: (f: Figures) => string | number | null }[] = [
  { key: "received", header: "Принято заявлений", cell: (f) => f.received },
  { key: "decided", header: "Решено", cell: (f) => f.decided },
  { key: "decidedOnTime", header: "Решено в срок", cell: (f) => f.decidedOnTime },
  { key: "decidedWithDue", header: "Решено со сроком", cell: (f) => f.decidedWithDue },
  { key: "onTimeShare", header: "Доля решённых в срок, %", cell: (f) => percent(f.onTimeShare) },
  { key: "overdueNow", header: "Просрочено сейчас", cell: (f) => f.overdueNow },
  { key: "queueCount", header: "Принято посетителей по записи", cell: (f) => f.queue.count },
  { key: "queueAvg", header: "Ожидание в очереди: среднее, мин", cell: (f) => decimal(f.queue.avgMinutes) },
  { key: "queueMax", header: "Ожидание в очереди: наибольшее, мин", cell: (f) => decimal(f.queue.maxMinutes) },
  { key: "queueLimit", header: "Норматив ожидания, мин", cell: (f) => f.queue.limitMinutes },
  { key: "queueExceeded", header: "Ожиданий сверх норматива", cell: (f) => f.queue.exceeded },
  { key: "complaints", header: "Жалоб поступило", cell: (f) => f.complaints.received },
  { key: "justified", header: "Из них обоснованных", cell: (f) => f.complaints.justified },
  { key: "ratings", header: "Оценок", cell: (f) => f.rating.count },
  { key: "ratingAverage", header: "Средняя оценка", cell: (f) => decimal(f.rating.average, 2) },
];

export const STAGE_COLUMNS: { header: string; cell: (s: StageFigures) => string | number | null }[] = [
  { header: "Завершено пребываний", cell: (s) => s.completed },
  { header: "Среднее время, ч", cell: (s) => decimal(s.avgHours) },
  { header: "Наибольшее время, ч", cell: (s) => decimal(s.maxHours) },
  { header: "Завершено в срок", cell: (s) => s.onTime },
  { header: "Из завершённых со сроком", cell: (s) => s.withDue },
  { header: "На этапе сейчас", cell: (s) => s.open },
];
