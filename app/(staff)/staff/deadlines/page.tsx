import type { Metadata } from "next";
import Link from "next/link";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { config } from "@/server/config";
import { DeadlineOverview } from "@/components/intake/deadline-overview";

export const metadata: Metadata = { title: "Контроль сроков" };
export const dynamic = "force-dynamic";

/** The largest page the board procedure gives per stage. */
const PER_STAGE = 100;

export default async function DeadlinesPage() {
  await requireRole(["HEAD", "REGISTRAR"], "/staff/deadlines");
  const caller = await api();
  const [overdue, dueSoon] = await Promise.all([
    caller.staff.board({ filters: { deadline: "overdue" }, perColumn: PER_STAGE }),
    caller.staff.board({ filters: { deadline: "due_soon" }, perColumn: PER_STAGE }),
  ]);
  const { timeZone, dueSoonWorkingDays } = config();
  return (
    <div>
      <nav aria-label="Навигационная цепочка" className="text-sm">
        <Link href="/staff" className="text-brand-700 underline">
          Рабочее место
        </Link>{" "}
        <span aria-hidden>›</span> <span>Контроль сроков</span>
      </nav>
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
    </div>
  );
}
