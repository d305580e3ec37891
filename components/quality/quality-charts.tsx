"use client";
// The quality dashboard's charts (issue 14 p.6, R27), where a comparison is easier seen than read:
// applications received, decided and decided on time per service, and the time spent in each stage.
// Recharts, imported by this module only, which ./charts-lazy.tsx loads in the browser as a chunk of
// its own: no other page's bundle carries it.
//
// Accessible the way a chart in a report is: a <figure> whose caption says what it shows and that the
// same figures are in the table under it; the drawing itself is one image with a text summary for
// screen readers (role="img"), nothing in it takes the focus (accessibilityLayer off: the table is the
// keyboard's way to the numbers).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = { first: "#1d4ed8", second: "#c2410c", third: "#4b5563" };
/** Long titles are cut on the axis; the tooltip and the table have them whole. */
const short = (s: string, max = 42) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const rowHeight = (series: number) => 18 * series + 22;

type Frame = { id: string; caption: string; summary: string; height: number; children: React.ReactNode };

function ChartFigure({ id, caption, summary, height, children }: Frame) {
  return (
    <figure className="mt-4 rounded bg-white p-4" aria-labelledby={`${id}-caption`} data-testid={id}>
      <figcaption id={`${id}-caption`} className="font-semibold">
        {caption}
        <span className="block text-sm font-normal text-slate-600">Те же цифры — в таблице ниже.</span>
      </figcaption>
      <div role="img" aria-label={summary} className="mt-2 w-full" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 800, height }}>
          {children as React.ReactElement}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export type ServiceBar = { name: string; received: number; decided: number; decidedOnTime: number };

export function ApplicationsChart({ id, caption, rows }: { id: string; caption: string; rows: ServiceBar[] }) {
  const summary = rows
    .map((r) => `${r.name}: принято ${r.received}, решено ${r.decided}, из них в срок ${r.decidedOnTime}`)
    .join("; ");
  const data = rows.map((r) => ({ ...r, label: short(r.name) }));
  return (
    <ChartFigure id={id} caption={caption} summary={summary} height={Math.max(160, rows.length * rowHeight(3) + 70)}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={260} tick={{ fontSize: 12 }} />
        <Tooltip labelFormatter={(_, payload) => payload?.[0]?.payload?.name ?? ""} />
        <Legend />
        <Bar dataKey="received" name="Принято" fill={COLORS.first} isAnimationActive={false} />
        <Bar dataKey="decided" name="Решено" fill={COLORS.second} isAnimationActive={false} />
        <Bar dataKey="decidedOnTime" name="Решено в срок" fill={COLORS.third} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

export type StageBar = { title: string; avgHours: number | null; maxHours: number | null };

export function StagesChart({ id, caption, rows }: { id: string; caption: string; rows: StageBar[] }) {
  const hours = (n: number | null) => (n === null ? "нет данных" : `${n.toFixed(1).replace(".", ",")} ч`);
  const summary = rows
    .map((r) => `${r.title}: в среднем ${hours(r.avgHours)}, наибольшее ${hours(r.maxHours)}`)
    .join("; ");
  const data = rows.map((r) => ({
    name: r.title,
    label: short(r.title),
    avg: r.avgHours === null ? 0 : Number(r.avgHours.toFixed(1)),
    max: r.maxHours === null ? 0 : Number(r.maxHours.toFixed(1)),
  }));
  return (
    <ChartFigure id={id} caption={caption} summary={summary} height={Math.max(140, rows.length * rowHeight(2) + 70)}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" unit=" ч" />
        <YAxis type="category" dataKey="label" width={260} tick={{ fontSize: 12 }} />
        <Tooltip labelFormatter={(_, payload) => payload?.[0]?.payload?.name ?? ""} />
        <Legend />
        <Bar dataKey="avg" name="Среднее, ч" fill={COLORS.first} isAnimationActive={false} />
        <Bar dataKey="max" name="Наибольшее, ч" fill={COLORS.second} isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}
