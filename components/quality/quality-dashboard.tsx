// The quality dashboard (issue 14 p.6; R27; S0 p.10; S1 p.25: deadlines met, queue waiting time not
// exceeded, no justified complaints), as /staff/quality (heads: their departments) and
// /admin/quality (administrators: all) show it. A server component: the page checks the role, this
// reads through the tRPC caller, whose procedure decides whose figures they are.
//
// The filter is a plain GET form: a filtered view is an address to bookmark or hand over, and the CSV
// link carries the same filter. The figures are a table (indicators down, services, departments and
// the total across); the charts repeat what is easier seen than read, and say so.
import Link from "next/link";
import { api, notFoundIfMissing } from "@/server/api/server";
import { config } from "@/server/config";
import { now } from "@/server/clock";
import {
  defaultPeriod,
  qualityFilterSchema,
  qualityQuery,
  QUALITY_FILTER_KEYS,
  type Figures,
  type QualityReport,
} from "@/server/quality/schema";
import { FIGURE_COLUMNS, STAGE_COLUMNS, shown } from "@/server/quality/format";
import { FormField } from "@/components/ui/form-field";
import { TextField } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { formatIsoDate } from "@/server/format/dates";
import { ApplicationsChart, StagesChart } from "./charts-lazy";

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Today in the municipality (its civil date), for the default period. */
function municipalToday(): string {
  return new Date(now().getTime() + config().utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

const cellText = (v: string | number | null) => (typeof v === "number" ? String(v) : shown(v));

export async function QualityDashboard({ path, searchParams }: { path: string; searchParams: SearchParams }) {
  const caller = await api();
  const options = await caller.quality.options();
  const raw = Object.fromEntries(QUALITY_FILTER_KEYS.map((k) => [k, one(searchParams[k])])) as Record<
    (typeof QUALITY_FILTER_KEYS)[number],
    string | undefined
  >;
  const period = defaultPeriod(municipalToday());
  const values = { ...raw, from: raw.from || period.from, to: raw.to || period.to };
  const parsed = qualityFilterSchema.safeParse(values);
  const errors: Record<string, string> = parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
  const report = parsed.success ? await caller.quality.report(parsed.data).catch(notFoundIfMissing) : null;
  const summaryErrors = Object.entries(errors).map(([k, message]) => ({ target: k, message }));

  return (
    <div>
      <h1 className="mt-3 text-3xl font-bold">Показатели качества</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Показатели качества муниципальных услуг, которые называет регламент: соблюдение сроков, время ожидания в
        очереди, отсутствие обоснованных жалоб, — а также оценки заявителей. За период считаются заявления,
        зарегистрированные или решённые в нём, жалобы, поступившие в нём, и посетители по записи на приём в его дни;
        «просрочено сейчас» — на текущий момент. Даты — по часовому поясу муниципалитета.
      </p>

      <ErrorSummary errors={summaryErrors} title="Исправьте условия отбора" />
      <form method="get" action={path} className="mt-4 grid gap-4 rounded bg-white p-4 md:grid-cols-4">
        <FormField id="service" label="Услуга" error={errors.service}>
          {(control) => (
            <select {...control} name="service" defaultValue={values.service ?? ""}>
              <option value="">Все услуги</option>
              {options.services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="department" label="Подразделение" error={errors.department}>
          {(control) => (
            <select {...control} name="department" defaultValue={values.department ?? ""}>
              <option value="">Все подразделения</option>
              {options.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <TextField id="from" name="from" type="date" label="С даты" defaultValue={values.from} error={errors.from} />
        <TextField id="to" name="to" type="date" label="По дату" defaultValue={values.to} error={errors.to} />
        <div className="flex flex-wrap items-end gap-2 md:col-span-4">
          <button type="submit" className={buttonClass("primary")}>
            Показать
          </button>
          <Link href={path} className={buttonClass("link")}>
            Сбросить условия
          </Link>
        </div>
      </form>

      {report ? (
        <Report report={report} query={qualityQuery(parsed.data!)} />
      ) : (
        <p className="mt-4 font-semibold text-red-700" role="alert">
          Исправьте условия отбора: показатели не посчитаны.
        </p>
      )}
    </div>
  );
}

function Report({ report, query }: { report: QualityReport; query: string }) {
  const columns: { id: string; label: string; figures: Figures; kind: "service" | "department" | "total" }[] = [
    ...report.services.map((s) => ({ id: s.id, label: s.title, figures: s.figures, kind: "service" as const })),
    ...(report.departments.length > 1 || report.services.length > 1
      ? report.departments.map((d) => ({ id: d.id, label: d.name, figures: d.figures, kind: "department" as const }))
      : []),
    { id: "total", label: "Всего", figures: report.total, kind: "total" },
  ];
  const periodText = `с ${formatIsoDate(report.period.from)} по ${formatIsoDate(report.period.to)}`;
  return (
    <>
      <p className="mt-4">
        <a href={`/api/quality/export${query}`} className={buttonClass("secondary", "inline-block")} download>
          Выгрузить в CSV
        </a>{" "}
        <span className="text-sm text-slate-600">(те же показатели и время по этапам; файл открывается в Excel)</span>
      </p>

      <h2 className="mt-6 text-2xl font-bold">Заявления и сроки</h2>
      {report.services.length ? (
        <ApplicationsChart
          id="quality-applications-chart"
          caption={`Заявления по услугам ${periodText}: принято, решено, решено в срок`}
          rows={report.services.map((s) => ({
            name: s.title,
            received: s.figures.received,
            decided: s.figures.decided,
            decidedOnTime: s.figures.decidedOnTime,
          }))}
        />
      ) : null}

      <div className="mt-4 overflow-x-auto" role="region" aria-labelledby="quality-table-caption" tabIndex={0}>
        <table className="w-full border-collapse bg-white text-left text-sm" data-testid="quality-table">
          <caption id="quality-table-caption" className="p-2 text-left font-semibold">
            Показатели {periodText}
          </caption>
          <thead>
            <tr className="border-b">
              <th scope="col" className="p-2">
                Показатель
              </th>
              {columns.map((c) => (
                <th
                  key={`${c.kind}-${c.id}`}
                  scope="col"
                  className={`p-2 align-bottom ${c.kind === "service" ? "" : "bg-slate-50"}`}
                >
                  {c.kind === "department" ? <span className="block text-xs font-normal">Подразделение</span> : null}
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FIGURE_COLUMNS.map((row) => (
              <tr key={row.key} className="border-b">
                <th scope="row" className="p-2 font-normal">
                  {row.header}
                </th>
                {columns.map((c) => (
                  <td
                    key={`${c.kind}-${c.id}`}
                    className={`p-2 text-right tabular-nums ${c.kind === "service" ? "" : "bg-slate-50"}`}
                    data-testid={c.kind === "total" ? `total-${row.key}` : undefined}
                  >
                    {cellText(row.cell(c.figures))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-sm text-slate-600">
        «—» — нет данных за период. Доля решённых в срок считается по решённым заявлениям, у которых был срок; решение в
        последний день срока — в срок. Обоснованные жалобы — удовлетворённые (полностью или частично).
      </p>

      <h2 className="mt-8 text-2xl font-bold">Время по этапам</h2>
      <p className="mt-2 max-w-3xl text-slate-700">
        По названиям этапов из редакции регламента, по которой ведётся заявление; время — в календарных часах от
        поступления на этап до перехода с него, по этапам, завершённым в периоде. Заявления, которые ещё на этапе, в
        среднее не входят: они показаны отдельно.
      </p>
      {report.services.map((s) => (
        <section key={s.id} className="mt-6" aria-labelledby={`stages-${s.id}`}>
          <h3 id={`stages-${s.id}`} className="text-xl font-semibold">
            {s.title}
          </h3>
          {s.stages.length === 0 ? (
            <p className="mt-2">За период этапы не завершались, на этапах сейчас никого нет.</p>
          ) : (
            <>
              {s.stages.some((st) => st.completed > 0) ? (
                <StagesChart
                  id={`quality-stages-chart-${s.id}`}
                  caption={`Время на этапах, ч: среднее и наибольшее (${s.title})`}
                  rows={s.stages.filter((st) => st.completed > 0)}
                />
              ) : null}
              <div className="mt-4 overflow-x-auto" role="region" aria-label={`Этапы: ${s.title}`} tabIndex={0}>
                <table className="w-full border-collapse bg-white text-left text-sm">
                  <caption className="sr-only">Время по этапам: {s.title}</caption>
                  <thead>
                    <tr className="border-b">
                      <th scope="col" className="p-2">
                        Этап
                      </th>
                      {STAGE_COLUMNS.map((c) => (
                        <th key={c.header} scope="col" className="p-2 text-right">
                          {c.header}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {s.stages.map((st) => (
                      <tr key={st.title} className="border-b">
                        <th scope="row" className="p-2 font-normal">
                          {st.title}
                        </th>
                        {STAGE_COLUMNS.map((c) => (
                          <td key={c.header} className="p-2 text-right tabular-nums">
                            {cellText(c.cell(st))}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      ))}
    </>
  );
}
