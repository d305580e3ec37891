import type { Metadata } from "next";
import { StaffBoard } from "@/components/board/staff-board";
import { BOARD_PAGE_SIZE, paramsFromRecord, parseFilters, type BoardFilters } from "@/components/board/filters";
import { DepartmentsSummary } from "@/components/staff/departments-summary";
import { api } from "@/server/api/server";
import { requireRole, STAFF_ROLES } from "@/server/auth/session";
import { ROLE_LABEL } from "@/server/regulation/document";

export const metadata: Metadata = { title: "Рабочее место сотрудника" };
export const dynamic = "force-dynamic";

/** The first board comes with the page; the browser then keeps it fresh and follows the filters. */
async function loadBoard(filters: BoardFilters) {
  const readAt = Date.now();
  return { board: await (await api()).staff.board({ filters, perColumn: BOARD_PAGE_SIZE }), readAt };
}

export default async function StaffPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireRole(STAFF_ROLES, "/staff");
  const filters = parseFilters(paramsFromRecord(await searchParams));
  const [{ board, readAt }, departments] = await Promise.all([loadBoard(filters), (await api()).staff.overview()]);
  return (
    <div>
      <h1 className="text-2xl font-bold">Рабочее место сотрудника</h1>
      <p className="mt-1 text-slate-700">
        {session.user.name} ·{" "}
        {session.user.roles
          .filter((r) => STAFF_ROLES.includes(r))
          .map((r) => ROLE_LABEL[r])
          .join(", ")}
      </p>
      <StaffBoard initialFilters={filters} initialBoard={board} initialUpdatedAt={readAt} />
      <DepartmentsSummary departments={departments} />
    </div>
  );
}
