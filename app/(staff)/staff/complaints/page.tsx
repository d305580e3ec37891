import type { Metadata } from "next";
import Link from "next/link";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { DEADLINE_STATUS_LABEL } from "@/server/calendar/deadline-status";
import { COMPLAINT_STATUS_LABEL, COMPLAINT_SUBJECT_LABEL, type ComplaintSubject } from "@/server/complaint/schema";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { DeadlineBadge } from "@/components/board/deadline-badge";
import { formatDate, formatDueBy } from "@/components/ui/format";
import { ProvisionalMark } from "@/components/ui/provisional-mark";

export const metadata: Metadata = { title: "Жалобы" };
export const dynamic = "force-dynamic";

// Pre-trial complaints of the caller's departments (R21; 210-FZ art. 11.2): heads consider them,
// registrars enter paper ones; each with its term and its state.
export default async function ComplaintsPage() {
  const session = await requireRole(["HEAD", "REGISTRAR"], "/staff/complaints");
  const complaints = await (await api()).complaint.list({});
  return (
    <div>
      <Breadcrumbs items={[{ label: "Рабочее место", href: "/staff" }, { label: "Жалобы" }]} />
      <h1 className="mt-3 text-3xl font-bold">Жалобы</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Досудебные жалобы на решения и действия при предоставлении услуг. Жалоба рассматривается в течение 15 рабочих
        дней со дня регистрации, на отказ в приёме документов или в исправлении опечаток — в течение 5 рабочих дней.
      </p>
      {session.user.roles.includes("REGISTRAR") ? (
        <p className="mt-3">
          <Link href="/staff/complaints/new" className="font-medium text-brand-700 underline">
            Зарегистрировать жалобу, поступившую на бумаге
          </Link>
        </p>
      ) : null}
      {complaints.length ? (
        <table className="mt-6 w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Жалобы подразделений</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">
                Номер
              </th>
              <th scope="col" className="p-2">
                Заявитель
              </th>
              <th scope="col" className="p-2">
                Предмет
              </th>
              <th scope="col" className="p-2">
                Срок
              </th>
              <th scope="col" className="p-2">
                Состояние
              </th>
            </tr>
          </thead>
          <tbody>
            {complaints.map((c) => (
              <tr key={c.id} className="border-b border-slate-200" data-testid="complaint-row">
                <td className="p-2">
                  <Link href={`/staff/complaints/${c.id}`} className="font-medium text-brand-700 underline">
                    {c.number}
                  </Link>
                  <span className="block text-slate-600">от {formatDate(c.registeredAt)}</span>
                </td>
                <td className="p-2">
                  {c.complainantName}
                  {c.registrationNumber ? (
                    <span className="block text-slate-600">заявление № {c.registrationNumber}</span>
                  ) : null}
                </td>
                <td className="p-2">{COMPLAINT_SUBJECT_LABEL[c.subject as ComplaintSubject] ?? c.subject}</td>
                <td className="p-2" data-testid="complaint-due">
                  до {formatDueBy(c.dueAt)}
                  <ProvisionalMark provisional={c.dueProvisional} />
                </td>
                <td className="p-2">
                  {c.status === "REGISTERED" ? (
                    <DeadlineBadge status={c.deadline} label={DEADLINE_STATUS_LABEL[c.deadline]} />
                  ) : (
                    COMPLAINT_STATUS_LABEL[c.status]
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-6">Жалоб нет.</p>
      )}
    </div>
  );
}
