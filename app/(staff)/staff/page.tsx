import type { Metadata } from "next";
import Link from "next/link";
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

export default async function StaffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireRole(STAFF_ROLES, "/staff");
  const filters = parseFilters(paramsFromRecord(await searchParams));
  const [{ board, readAt }, departments] = await Promise.all([loadBoard(filters), (await api()).staff.overview()]);
  const roles = session.user.roles;
  const links = [
    { href: "/staff/register", label: "Принять заявление на бумаге", show: roles.includes("REGISTRAR") },
    { href: "/staff/deadlines", label: "Контроль сроков", show: roles.includes("HEAD") || roles.includes("REGISTRAR") },
  ].filter((l) => l.show);
  return (
    <div>
      <h1 className="text-2xl font-bold">Рабочее место сотрудника</h1>
      <p className="mt-1 text-slate-700">
        {session.user.name} · {session.user.roles.filter((r) => STAFF_ROLES.includes(r)).map((r) => ROLE_LABEL[r]).join(", ")}
      </p>
      {links.length ? (
        <nav aria-label="Разделы рабочего места" className="mt-3">
          <ul className="flex flex-wrap gap-3">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="inline-block rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50">{l.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <StaffBoard initialFilters={filters} initialBoard={board} initialUpdatedAt={readAt} />
      <DepartmentsSummary departments={departments} />
    </div>
  );
}
