import type { Metadata } from "next";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { config } from "@/server/config";
import { DeadlineOverview } from "@/components/intake/deadline-overview";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { LateEntries } from "@/components/staff/late-entries";

export const metadata: Metadata = { title: "Контроль сроков" };
export const dynamic = "force-dynamic";

/** The largest page the board procedure gives per stage. */
const PER_STAGE = 100;

export default async function DeadlinesPage() {
  await requireRole(["HEAD", "REGISTRAR"], "/staff/deadlines");
  const caller = await api();
  const [overdue, dueSoon, late] = await Promise.all([
    caller.staff.board({ filters: { deadline: "overdue" }, perColumn: PER_STAGE }),
    caller.staff.board({ filters: { deadline: "due_soon" }, perColumn: PER_STAGE }),
    caller.staff.lateEntries(),
  ]);
  const { timeZone, dueSoonWorkingDays } = config();
  return (
    <div>
      <Breadcrumbs items={[{ label: "Рабочее место", href: "/staff" }, { label: "Контроль сроков" }]} />
      <h1 className="mt-3 text-3xl font-bold">Контроль сроков</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Заявления ваших подразделений, у которых срок текущего этапа нарушен или истекает, — по исполнителям и по
        этапам. Сроки считаются в рабочих днях по производственному календарю.
      </p>
      <DeadlineOverview
        overdue={overdue}
        dueSoon={dueSoon}
        timeZone={timeZone}
        dueSoonWorkingDays={dueSoonWorkingDays}
      />
      <LateEntries entries={late} />
    </div>
  );
}
