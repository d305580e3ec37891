import type { Metadata } from "next";
import { ProvisionalMark } from "@/components/ui/provisional-mark";
import Link from "next/link";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { formatDate } from "@/components/ui/format";
import { OUTCOME_LABEL, StatusBadge } from "@/components/ui/status";
import { DeleteDraftButton } from "@/components/cabinet/delete-draft-button";

export const metadata: Metadata = { title: "Личный кабинет" };
export const dynamic = "force-dynamic";

export default async function CabinetPage() {
  const session = await requireRole(["APPLICANT"], "/cabinet");
  const applications = await (await api()).cabinet.myApplications();
  const drafts = applications.filter((a) => a.status === "DRAFT");
  const submitted = applications.filter((a) => a.status !== "DRAFT");
  return (
    <div>
      <h1 className="text-2xl font-bold">Личный кабинет</h1>
      <p className="mt-1 text-slate-700">
        {session.user.name}, здесь собраны ваши черновики и заявления.{" "}
        <Link href="/password" className="text-brand-700 underline">
          Сменить пароль
        </Link>
      </p>

      <h2 className="mt-8 text-xl font-semibold">Черновики</h2>
      {drafts.length === 0 ? (
        <p className="mt-2 text-slate-700">
          Черновиков нет. Выберите услугу в{" "}
          <Link href="/" className="text-brand-700 underline">
            каталоге
          </Link>
          .
        </p>
      ) : (
        <ul className="mt-3 space-y-2" aria-label="Черновики">
          {drafts.map((a) => (
            <li
              key={a.id}
              className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-200 bg-white p-3"
            >
              <span>
                <span className="font-medium">{a.service.title}</span>
                <span className="block text-sm text-slate-600">Сохранён {formatDate(a.updatedAt)}</span>
              </span>
              <Link
                href={a.role === "owner" ? `/applications/${a.id}` : `/applications/${a.id}/co-applicant`}
                className="rounded bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-900"
              >
                {a.role === "owner" ? "Продолжить заполнение" : "Заполнить раздел созаявителя"}
                <span className="sr-only">: {a.service.title}</span>
              </Link>
              {a.role === "owner" ? <DeleteDraftButton id={a.id} serviceTitle={a.service.title} /> : null}
            </li>
          ))}
        </ul>
      )}

      <h2 className="mt-8 text-xl font-semibold">Мои заявления</h2>
      {submitted.length === 0 ? (
        <p className="mt-2 text-slate-700">Поданных заявлений пока нет.</p>
      ) : (
        // Issue 16 p.7: a table on a wide screen, a card per application on a phone (375 px), each value
        // with its column's name, so that nothing widens the page.
        <table className="mt-3 block w-full border-collapse text-left md:table md:bg-white">
          <caption className="sr-only">Поданные заявления</caption>
          <thead className="sr-only md:not-sr-only md:table-header-group">
            <tr className="border-b">
              {CABINET_COLUMNS.map((c) => (
                <th key={c} scope="col" className="p-2">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="block space-y-3 md:table-row-group md:space-y-0">
            {submitted.map((a) => (
              <tr
                key={a.id}
                className="block rounded border border-slate-200 bg-white p-2 md:table-row md:rounded-none md:border-0 md:border-b md:p-0"
              >
                <td className={CELL} data-label="Номер">
                  <Link href={`/cabinet/applications/${a.id}`} className="break-all text-brand-700 underline">
                    {a.registrationNumber ?? "—"}
                  </Link>
                </td>
                <td className={CELL} data-label="Услуга">
                  {a.service.title}
                </td>
                <td className={CELL} data-label="Статус">
                  <StatusBadge status={a.status} />
                </td>
                <td className={CELL} data-label="Срок">
                  {a.dueAt ? formatDate(a.dueAt) : "—"}
                  <ProvisionalMark provisional={a.dueAt ? a.dueProvisional : false} />
                </td>
                <td className={CELL} data-label="Итог">
                  {a.outcome ? (OUTCOME_LABEL[a.outcome] ?? a.outcome) : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const CABINET_COLUMNS = ["Номер", "Услуга", "Статус", "Срок", "Итог"];
/** A cell: its column's name before it on a phone (the header row is for screen readers there). */
const CELL =
  "block py-0.5 before:mr-1 before:text-sm before:text-slate-600 before:content-[attr(data-label)_':'] md:table-cell md:p-2 md:before:content-none";
