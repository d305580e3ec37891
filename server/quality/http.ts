// GET /api/quality/export?service=&department=&from=&to= — the quality dashboard (issue 14 p.6, R27)
// as CSV, filtered exactly as the page is (the same schema, ./schema.ts), for the same callers (heads:
// their departments; administrators: all; anyone else 403, a service or department not theirs 404).
// The audit export's CSV rules (../audit/log/csv.ts): UTF-8 with a BOM, `;`, formula cells escaped.
//
// Two tables in one file, an empty line between them: the indicators (each service, each department,
// the total), then the time per stage of each service. The figures are aggregates: a few dozen lines
// whatever the period, so the file is built whole.
import { z } from "zod";
import { restRoute } from "../api/rest";
import { CSV_BOM, csvLine } from "../audit/log/csv";
import { AppError } from "../errors";
import { qualityReport, qualityViewer } from "./data";
import { FIGURE_COLUMNS, STAGE_COLUMNS } from "./format";
import { qualityFilterSchema, QUALITY_FILTER_KEYS, type QualityReport } from "./schema";

export function qualityCsv(report: QualityReport): string {
  const departmentName = new Map(report.departments.map((d) => [d.id, d.name]));
  const lines = [
    csvLine([`Показатели качества за период с ${report.period.from} по ${report.period.to}`]),
    csvLine(["Уровень", "Подразделение", "Услуга", ...FIGURE_COLUMNS.map((c) => c.header)]),
    ...report.services.map((s) =>
      csvLine([
        "Услуга",
        departmentName.get(s.departmentId) ?? "",
        s.title,
        ...FIGURE_COLUMNS.map((c) => c.cell(s.figures)),
      ]),
    ),
    ...report.departments.map((d) =>
      csvLine(["Подразделение", d.name, "", ...FIGURE_COLUMNS.map((c) => c.cell(d.figures))]),
    ),
    csvLine(["Всего", "", "", ...FIGURE_COLUMNS.map((c) => c.cell(report.total))]),
    "\r\n",
    csvLine(["Услуга", "Этап", ...STAGE_COLUMNS.map((c) => c.header)]),
    ...report.services.flatMap((s) =>
      s.stages.map((st) => csvLine([s.title, st.title, ...STAGE_COLUMNS.map((c) => c.cell(st))])),
    ),
  ];
  return CSV_BOM + lines.join("");
}

export const qualityExportRoute = restRoute({
  name: "quality export",
  auth: "user",
  params: z.object({}),
  notFound: "Не найдено",
  async handler({ req, db, identity }) {
    const viewer = await qualityViewer(db, identity);
    const q = new URL(req.url).searchParams;
    const parsed = qualityFilterSchema.safeParse(
      Object.fromEntries(QUALITY_FILTER_KEYS.map((k) => [k, q.get(k) ?? undefined])),
    );
    if (!parsed.success) {
      const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
      throw new AppError("INVALID", "Проверьте условия отбора", fieldErrors);
    }
    const report = await qualityReport(db, viewer, parsed.data);
    const name = `показатели-качества-${parsed.data.from}-${parsed.data.to}.csv`;
    return new Response(qualityCsv(report), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="quality-${parsed.data.from}-${parsed.data.to}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  },
});
