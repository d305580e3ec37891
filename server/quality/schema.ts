// The quality dashboard's filter (issue 14 p.6; R27; S0 p.10; S1 p.25: "соблюдение сроков, отсутствие
// превышения времени ожидания в очереди, отсутствие обоснованных жалоб"), client-safe. One schema for
// the page's filter form (read from the address), the procedure and the CSV export, so the three
// filter alike. The period is two civil dates of the municipality, both included.
import { z } from "zod";
import { parseDate } from "../calendar/civil-date";

const realDate = (s: string) => {
  try {
    parseDate(s);
    return true;
  } catch {
    return false;
  }
};

/** An empty field of the form (the address carries `service=`) means no filter. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const date = (label: string) =>
  z
    .string({ error: `${label}: укажите дату` })
    .trim()
    .min(1, { error: `${label}: укажите дату`, abort: true })
    .refine(realDate, `${label}: укажите дату в формате ГГГГ-ММ-ДД`);

export const qualityFilterSchema = z
  .object({
    /** A service of the caller's departments. */
    service: optional(z.uuid("Выберите услугу из списка")),
    /** A department of the caller's (with the units under it). */
    department: optional(z.uuid("Выберите подразделение из списка")),
    /** The period, both days included, in the municipality's time zone. */
    from: date("Начало периода"),
    to: date("Конец периода"),
  })
  .superRefine((f, ctx) => {
    if (realDate(f.from) && realDate(f.to) && f.from > f.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "Конец периода раньше его начала" });
  });

export type QualityFilter = z.output<typeof qualityFilterSchema>;

export const QUALITY_FILTER_KEYS = ["service", "department", "from", "to"] as const;

/** The filter as an address query (the page's links, the CSV export). */
export function qualityQuery(filter: Partial<Record<(typeof QUALITY_FILTER_KEYS)[number], string | undefined>>) {
  const q = new URLSearchParams();
  for (const k of QUALITY_FILTER_KEYS) if (filter[k]) q.set(k, filter[k]!);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The default period: from the first day of the current year to today (municipality dates). */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

// What the dashboard shows. Every average comes with its count, so a total is the exact sum of its
// parts (sums and counts add up; an average of averages would not).

export type QueueFigures = {
  /** Visitors called to the desk whose appointment started in the period. */
  count: number;
  /** Waiting time: calledAt − max(arrivedAt, startsAt), never below zero; in minutes. */
  avgMinutes: number | null;
  maxMinutes: number | null;
  /** Waits over the regulation's limit (passport.maxQueueMinutes) of their service. */
  exceeded: number;
  /** The limit, when one applies (a department or total mixing two limits shows none). */
  limitMinutes: number | null;
};

export type Figures = {
  /** Registered in the period. */
  received: number;
  /** Closed with an outcome (granted, refused, refusal to accept) in the period; withdrawals are not decisions. */
  decided: number;
  /** Of those decided, the ones with a due date, and the ones closed at or before it. */
  decidedWithDue: number;
  decidedOnTime: number;
  /** decidedOnTime / decidedWithDue, 0..1; null when nothing with a due date was decided. */
  onTimeShare: number | null;
  /** In progress now with the current stage's deadline passed (the board's "overdue"). */
  overdueNow: number;
  queue: QueueFigures;
  /** Complaints registered in the period, and how many of them were upheld (justified). */
  complaints: { received: number; justified: number };
  /** Ratings given in the period. */
  rating: { count: number; average: number | null };
};

export type StageFigures = {
  /** The stage's title in the pinned regulation. */
  title: string;
  /** Stays that ended (leftAt) in the period. */
  completed: number;
  /** Time in the stage, enteredAt → leftAt, in calendar hours. */
  avgHours: number | null;
  maxHours: number | null;
  /** Of the completed stays, those with a deadline, and those that left by it. */
  withDue: number;
  onTime: number;
  /** Stays not left yet, of applications in progress now: not in the average. */
  open: number;
};

export type QualityReport = {
  period: { from: string; to: string };
  services: { id: string; title: string; departmentId: string; figures: Figures; stages: StageFigures[] }[];
  departments: { id: string; name: string; figures: Figures }[];
  total: Figures;
};

export type QualityOptions = {
  services: { id: string; title: string }[];
  departments: { id: string; name: string }[];
};
