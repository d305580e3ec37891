import type { Metadata } from "next";
import Link from "next/link";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { DEADLINE_STATUS_LABEL } from "@/server/calendar/deadline-status";
import { TYPO_STATUS_LABEL } from "@/server/typo/schema";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { DeadlineBadge } from "@/components/board/deadline-badge";
import { formatDate, formatDueBy } from "@/components/ui/format";

export const metadata: Metadata = { title: "Исправление опечаток" };
export const dynamic = "force-dynamic";

// Requests to correct typos in issued documents (S2 p.72) of the caller's departments, with the term
// that runs now: the check while registered, the correction once confirmed.
export default async function TyposPage() {
  await requireRole(["REGISTRAR", "EXECUTOR", "HEAD", "SIGNER"], "/staff/typos");
  const requests = await (await api()).typo.list();
  return (
    <div>
      <Breadcrumbs items={[{ label: "Рабочее место", href: "/staff" }, { label: "Исправление опечаток" }]} />
      <h1 className="mt-3 text-3xl font-bold">Исправление опечаток</h1>
      {requests.length ? (
        <table className="mt-6 w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Заявления об исправлении опечаток</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">
                Номер
              </th>
              <th scope="col" className="p-2">
                Документ
              </th>
              <th scope="col" className="p-2">
                Сроки
              </th>
              <th scope="col" className="p-2">
                Состояние
              </th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id} className="border-b border-slate-200" data-testid="typo-row">
                <td className="p-2">
                  <Link href={`/staff/typos/${r.id}`} className="font-medium text-brand-700 underline">
                    {r.number}
                  </Link>
                  <span className="block text-slate-600">от {formatDate(r.registeredAt)}</span>
                </td>
                <td className="p-2">
                  {r.document.title}
                  <span className="block text-slate-600">заявление № {r.registrationNumber}</span>
                </td>
                <td className="p-2">
                  проверка до {formatDueBy(r.checkDueAt)}
                  <span className="block">исправление до {formatDueBy(r.fixDueAt)}</span>
                </td>
                <td className="p-2">
                  {TYPO_STATUS_LABEL[r.status]}
                  {r.deadline !== "none" ? (
                    <span className="block">
                      <DeadlineBadge status={r.deadline} label={DEADLINE_STATUS_LABEL[r.deadline]} />
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-6">Заявлений об исправлении опечаток нет.</p>
      )}
    </div>
  );
}
