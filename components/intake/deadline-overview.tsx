// The head of department's control of deadlines (R4): overdue and due-soon work of the departments
// in scope, by executor and by stage, each application linking to its card. A server component:
// plain markup from two board queries (overdue, due soon) the page makes with the server caller.
// A deadline's state is told in colour AND words AND a shape, never by colour alone.
import { ProvisionalMark } from "@/components/ui/provisional-mark";
import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { countOf } from "@/server/format/plural";
import { applicationsCount } from "@/components/board/format";
import { formatDueBy } from "@/components/ui/format";

type Board = inferRouterOutputs<AppRouter>["staff"]["board"];
type Card = Board["columns"][number]["cards"][number];
export type Kind = "overdue" | "due_soon";

export type DeadlineItem = {
  id: string;
  registrationNumber: string | null;
  serviceTitle: string;
  applicant: string;
  assignee: string | null;
  stageKey: string;
  stageTitle: string;
  stageDueAt: Date | null;
  /** Counted over a year without its decree (issue 11). */
  stageDueProvisional: boolean;
  kind: Kind;
  overdueRequests: number;
};

export type StageCount = { key: string; title: string; overdue: number; dueSoon: number; truncated: boolean };

const UNASSIGNED = "Исполнитель не назначен";

const KIND: Record<Kind, { label: string; badge: string; box: string }> = {
  overdue: { label: "Просрочено", badge: "border-red-800 bg-red-50 text-red-900", box: "border-red-800" },
  due_soon: { label: "Срок истекает", badge: "border-amber-700 bg-amber-50 text-amber-900", box: "border-amber-700" },
};

/**
 * A shape beside the words, for those who cannot tell the colours apart: a warning triangle for
 * overdue, a clock for due soon, a tick for none. Inline SVG: no emoji font needed.
 */
function Mark({ kind, className = "h-4 w-4" }: { kind: Kind | "ok"; className?: string }) {
  const common = {
    className: `inline-block shrink-0 ${className}`,
    viewBox: "0 0 24 24",
    fill: "none",
    stroke: "currentColor",
    strokeWidth: 2.2,
    strokeLinecap: "round" as const,
    strokeLinejoin: "round" as const,
    "aria-hidden": true,
    focusable: false,
  };
  if (kind === "overdue") {
    return (
      <svg {...common}>
        <path d="M12 3 2 21h20L12 3Z" />
        <path d="M12 10v5M12 18h.01" />
      </svg>
    );
  }
  if (kind === "due_soon") {
    return (
      <svg {...common}>
        <circle cx="12" cy="12" r="9" />
        <path d="M12 7v5l3 2" />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <path d="m5 12 5 5 9-10" />
    </svg>
  );
}

const applications = applicationsCount;
const workingDays = (n: number) => countOf(n, ["рабочий день", "рабочих дня", "рабочих дней"]);

function itemsOf(board: Board, kind: Kind): DeadlineItem[] {
  return board.columns.flatMap((column) =>
    column.cards.map((c: Card) => ({
      id: c.id,
      registrationNumber: c.registrationNumber,
      serviceTitle: c.service.title,
      applicant: c.applicant,
      assignee: c.assignee,
      stageKey: column.key,
      stageTitle: c.stageTitle ?? column.title,
      stageDueAt: c.stageDueAt ? new Date(c.stageDueAt) : null,
      stageDueProvisional: c.stageDueProvisional,
      kind,
      overdueRequests: c.overdueRequests,
    })),
  );
}

/** Both boards as one list (overdue first, the most overdue first) and per-stage counts from the totals. */
export function deadlineItems(overdue: Board, dueSoon: Board): { items: DeadlineItem[]; stages: StageCount[] } {
  const due = (i: DeadlineItem) => i.stageDueAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  const items = [
    ...itemsOf(overdue, "overdue").sort((a, b) => due(a) - due(b)),
    ...itemsOf(dueSoon, "due_soon").sort((a, b) => due(a) - due(b)),
  ];
  const stages = new Map<string, StageCount>();
  for (const [board, kind] of [
    [overdue, "overdue"],
    [dueSoon, "due_soon"],
  ] as const) {
    for (const column of board.columns) {
      const s = stages.get(column.key) ?? {
        key: column.key,
        title: column.title,
        overdue: 0,
        dueSoon: 0,
        truncated: false,
      };
      if (kind === "overdue") s.overdue += column.total;
      else s.dueSoon += column.total;
      s.truncated ||= column.total > column.cards.length;
      stages.set(column.key, s);
    }
  }
  return { items, stages: [...stages.values()] };
}

function DeadlineBadge({ kind }: { kind: Kind }) {
  const k = KIND[kind];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-semibold ${k.badge}`}
      data-deadline={kind}
    >
      <Mark kind={kind} className="h-3.5 w-3.5" />
      {k.label}
    </span>
  );
}

function Counts({ overdue, dueSoon }: { overdue: number; dueSoon: number }) {
  return (
    <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
      <span className={`inline-flex items-center gap-1 ${overdue ? "font-semibold text-red-900" : "text-slate-700"}`}>
        {overdue ? <Mark kind="overdue" /> : null}Просрочено: {overdue}
      </span>
      <span className={`inline-flex items-center gap-1 ${dueSoon ? "font-semibold text-amber-900" : "text-slate-700"}`}>
        {dueSoon ? <Mark kind="due_soon" /> : null}Срок истекает: {dueSoon}
      </span>
    </p>
  );
}

function ItemList({ items, show, timeZone }: { items: DeadlineItem[]; show: "assignee" | "stage"; timeZone: string }) {
  return (
    <ul className="mt-3 space-y-2">
      {items.map((i) => (
        <li key={`${i.kind}-${i.id}`} className={`rounded border-l-4 bg-white p-3 shadow-sm ${KIND[i.kind].box}`}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Link href={`/staff/applications/${i.id}`} className="font-semibold text-brand-700 underline">
              {i.registrationNumber ? `№ ${i.registrationNumber}` : "Заявление без номера"}
            </Link>
            <DeadlineBadge kind={i.kind} />
            {i.overdueRequests ? (
              <span className="text-xs font-semibold text-red-900">
                Просрочен ответ на межведомственный запрос: {i.overdueRequests}
              </span>
            ) : null}
          </div>
          <p className="mt-1 text-sm text-slate-800">
            {i.applicant} · {i.serviceTitle}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {show === "stage" ? <>Этап: {i.stageTitle}</> : <>Исполнитель: {i.assignee ?? "не назначен"}</>}
            {" · "}
            {i.stageDueAt ? (
              <>
                срок этапа — до {formatDueBy(i.stageDueAt, timeZone)}
                <ProvisionalMark provisional={i.stageDueProvisional} />
              </>
            ) : (
              "срок этапа не установлен"
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}

export type DeadlineOverviewProps = {
  overdue: Board;
  dueSoon: Board;
  timeZone: string;
  dueSoonWorkingDays: number;
};

export function DeadlineOverview({ overdue, dueSoon, timeZone, dueSoonWorkingDays }: DeadlineOverviewProps) {
  const { items, stages } = deadlineItems(overdue, dueSoon);
  const totalOverdue = stages.reduce((n, s) => n + s.overdue, 0);
  const totalDueSoon = stages.reduce((n, s) => n + s.dueSoon, 0);
  const truncated = stages.some((s) => s.truncated);

  const byExecutor = new Map<string, DeadlineItem[]>();
  for (const i of items) {
    const key = i.assignee ?? UNASSIGNED;
    byExecutor.set(key, [...(byExecutor.get(key) ?? []), i]);
  }
  const executors = [...byExecutor.entries()]
    .map(([name, list]) => ({
      name,
      list,
      overdue: list.filter((i) => i.kind === "overdue").length,
      dueSoon: list.filter((i) => i.kind === "due_soon").length,
    }))
    // The unassigned first (nobody answers for them yet), then by overdue, then by due soon.
    .sort(
      (a, b) =>
        Number(b.name === UNASSIGNED) - Number(a.name === UNASSIGNED) ||
        b.overdue - a.overdue ||
        b.dueSoon - a.dueSoon ||
        a.name.localeCompare(b.name, "ru"),
    );
  const activeStages = stages.filter((s) => s.overdue || s.dueSoon);

  return (
    <div>
      <section aria-labelledby="deadline-totals" className="mt-6">
        <h2 id="deadline-totals" className="sr-only">
          Итого
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <div
            className={`rounded-lg border-2 p-4 ${totalOverdue ? "border-red-800 bg-red-50 text-red-900" : "border-slate-300 bg-white text-slate-800"}`}
            data-testid="total-overdue"
          >
            <p className="flex items-center gap-2 text-lg font-semibold">
              <Mark kind={totalOverdue ? "overdue" : "ok"} className="h-5 w-5" />
              Просрочено
            </p>
            <p className="mt-1 text-3xl font-bold">{totalOverdue}</p>
            <p className="text-sm">
              {totalOverdue ? `${applications(totalOverdue)} с нарушенным сроком этапа` : "Просроченных заявлений нет"}
            </p>
          </div>
          <div
            className={`rounded-lg border-2 p-4 ${totalDueSoon ? "border-amber-700 bg-amber-50 text-amber-900" : "border-slate-300 bg-white text-slate-800"}`}
            data-testid="total-due-soon"
          >
            <p className="flex items-center gap-2 text-lg font-semibold">
              <Mark kind={totalDueSoon ? "due_soon" : "ok"} className="h-5 w-5" />
              Срок истекает
            </p>
            <p className="mt-1 text-3xl font-bold">{totalDueSoon}</p>
            <p className="text-sm">
              {totalDueSoon
                ? `${applications(totalDueSoon)}: до конца срока этапа не больше ${workingDays(dueSoonWorkingDays)}`
                : "Заявлений с истекающим сроком нет"}
            </p>
          </div>
        </div>
        {truncated ? (
          <p className="mt-3 text-sm text-slate-700">
            Списки ниже показывают первые 100 заявлений каждого этапа; все заявления —{" "}
            <Link href="/staff?deadline=overdue" className="text-brand-700 underline">
              на доске с отбором «Просрочено»
            </Link>{" "}
            и{" "}
            <Link href="/staff?deadline=due_soon" className="text-brand-700 underline">
              «Срок истекает»
            </Link>
            .
          </p>
        ) : null}
      </section>

      {!items.length ? (
        <p
          className="mt-8 flex items-center gap-2 rounded border-l-4 border-green-800 bg-green-50 p-4 text-green-900"
          data-testid="deadlines-empty"
        >
          <Mark kind="ok" className="h-5 w-5" />
          Просроченных заявлений и заявлений с истекающим сроком нет: все этапы идут в срок.
        </p>
      ) : (
        <>
          <section aria-labelledby="by-executor" className="mt-10">
            <h2 id="by-executor" className="text-2xl font-bold">
              По исполнителям
            </h2>
            <div className="mt-4 space-y-6">
              {executors.map((e) => (
                <section
                  key={e.name}
                  aria-labelledby={`executor-${slug(e.name)}`}
                  className="rounded-lg border border-slate-200 bg-slate-50 p-4"
                  data-testid="executor-group"
                >
                  <h3 id={`executor-${slug(e.name)}`} className="text-lg font-semibold">
                    {e.name}
                  </h3>
                  <Counts overdue={e.overdue} dueSoon={e.dueSoon} />
                  <ItemList items={e.list} show="stage" timeZone={timeZone} />
                </section>
              ))}
            </div>
          </section>

          <section aria-labelledby="by-stage" className="mt-10">
            <h2 id="by-stage" className="text-2xl font-bold">
              По этапам
            </h2>
            <div className="mt-4 space-y-6">
              {activeStages.map((s) => (
                <section
                  key={s.key}
                  aria-labelledby={`stage-${s.key}`}
                  className="rounded-lg border border-slate-200 bg-slate-50 p-4"
                  data-testid="stage-group"
                >
                  <h3 id={`stage-${s.key}`} className="text-lg font-semibold">
                    {s.title}
                  </h3>
                  <Counts overdue={s.overdue} dueSoon={s.dueSoon} />
                  <ItemList items={items.filter((i) => i.stageKey === s.key)} show="assignee" timeZone={timeZone} />
                </section>
              ))}
            </div>
          </section>
        </>
      )}
    </div>
  );
}

/** A DOM id fragment from a person's name (Cyrillic letters are fine in ids; spaces are not). */
function slug(text: string): string {
  return text.trim().replace(/\s+/g, "-");
}
