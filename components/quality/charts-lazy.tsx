"use client";
// The dashboard's charts, loaded in the browser only, as a chunk of their own: Recharts stays out of
// every other page's bundle and out of the first load of this one, and the charts are drawn by the
// browser (their sizes are inline styles, which the Content-Security-Policy allows only when script
// sets them: server-rendered style attributes are refused, proxy.ts). Without scripts the table has
// every figure.
import dynamic from "next/dynamic";

const loading = () => (
  <p className="mt-4 min-h-40 rounded bg-white p-4 text-slate-600" role="status">
    Диаграмма загружается…
  </p>
);

export const ApplicationsChart = dynamic(() => import("./quality-charts").then((m) => m.ApplicationsChart), {
  ssr: false,
  loading,
});
export const StagesChart = dynamic(() => import("./quality-charts").then((m) => m.StagesChart), {
  ssr: false,
  loading,
});
