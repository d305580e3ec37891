// The head's view of S0 p.7: procedures entered into the system later than they were done (at most one
// working day is allowed), with the lag of each. Only the departments the reader heads are listed.
import Link from "next/link";
import type { LateEntry } from "@/server/workflow/data";
import { formatDateTime } from "@/server/format/dates";
import { lagLabel } from "./event-history";

export function LateEntries({ entries }: { entries: LateEntry[] }) {
  return (
    <section aria-labelledby="late-entries-title" className="mt-8">
      <h2 id="late-entries-title" className="text-2xl font-bold">
        Внесено позже выполнения
      </h2>
      <p className="mt-1 max-w-3xl text-slate-700">
        Действия за последние 30 дней в подразделениях, которыми вы руководите, внесённые в систему позже, чем выполнены
        (п. 7 Порядка работы: не позднее одного рабочего дня после выполнения).
      </p>
      {entries.length === 0 ? (
        <p className="mt-2 text-slate-700">Таких действий нет.</p>
      ) : (
        <table className="mt-3 w-full border-collapse text-left text-sm" data-testid="late-entries">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">
                Заявление
              </th>
              <th scope="col" className="py-2 pr-4">
                Выполнено
              </th>
              <th scope="col" className="py-2 pr-4">
                Внесено
              </th>
              <th scope="col" className="py-2 pr-4">
                Запоздание
              </th>
              <th scope="col" className="py-2">
                Сотрудник
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.eventId} className="border-b border-slate-200">
                <td className="py-2 pr-4">
                  <Link className="underline" href={`/staff/applications/${e.applicationId}`}>
                    № {e.registrationNumber ?? "—"}
                  </Link>
                </td>
                <td className="py-2 pr-4">{formatDateTime(e.doneAt)}</td>
                <td className="py-2 pr-4">{formatDateTime(e.enteredAt)}</td>
                <td className="py-2 pr-4">
                  {lagLabel(e.enteredAt.getTime() - e.doneAt.getTime()).replace(/^через /, "")}
                </td>
                <td className="py-2">{e.actor ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
