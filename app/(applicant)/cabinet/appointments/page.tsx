import type { Metadata } from "next";
import Link from "next/link";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { formatDate, formatTime } from "@/components/ui/format";
import { APPOINTMENT_STATUS_LABEL } from "@/server/appointment/schema";
import { CancelAppointmentButton } from "@/components/appointment/cancel-button";

export const metadata: Metadata = { title: "Записи на приём" };
export const dynamic = "force-dynamic";

// R18, R19: the applicant's bookings with date, time, place and code; cancel, then book another time.
export default async function MyAppointmentsPage() {
  await requireRole(["APPLICANT"], "/cabinet/appointments");
  const caller = await api();
  const [{ coming, past }, services] = await Promise.all([caller.appointment.mine(), caller.appointment.services()]);
  return (
    <div>
      <h1 className="text-2xl font-bold">Записи на приём</h1>
      <h2 className="mt-6 text-xl font-semibold">Предстоящие</h2>
      {coming.length === 0 ? (
        <p className="mt-2 text-slate-700">Предстоящих записей нет.</p>
      ) : (
        <ul className="mt-3 space-y-3" aria-label="Предстоящие записи">
          {coming.map((a) => {
            const label = `${formatDate(a.startsAt)} в ${formatTime(a.startsAt)}`;
            return (
              <li key={a.id} className="rounded border border-slate-200 bg-white p-4" data-testid="appointment">
                <p className="font-semibold">
                  {label} — {a.service.title}
                </p>
                <p className="text-slate-700">
                  Место: {[a.department.name, a.department.address].filter(Boolean).join(", ")}
                </p>
                <p className="text-slate-700">
                  Код записи: <span className="font-mono font-bold">{a.code}</span>. Цель визита: {a.purpose}
                </p>
                <div className="mt-2 flex flex-wrap gap-3">
                  <CancelAppointmentButton id={a.id} label={label} />
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <h2 className="mt-8 text-xl font-semibold">Записаться на приём</h2>
      <ul className="mt-2 list-disc pl-6">
        {services.map((s) => (
          <li key={s.code}>
            <Link href={`/appointments/${s.code}`} className="text-brand-700 underline">
              {s.title}
            </Link>
          </li>
        ))}
      </ul>

      {past.length ? (
        <>
          <h2 className="mt-8 text-xl font-semibold">Прошедшие и отменённые</h2>
          <table className="mt-3 w-full border-collapse bg-white text-left">
            <caption className="sr-only">Прошедшие и отменённые записи</caption>
            <thead>
              <tr className="border-b">
                <th scope="col" className="p-2">
                  Дата и время
                </th>
                <th scope="col" className="p-2">
                  Услуга
                </th>
                <th scope="col" className="p-2">
                  Состояние
                </th>
              </tr>
            </thead>
            <tbody>
              {past.map((a) => (
                <tr key={a.id} className="border-b">
                  <td className="p-2">
                    {formatDate(a.startsAt)} в {formatTime(a.startsAt)}
                  </td>
                  <td className="p-2">{a.service.title}</td>
                  <td className="p-2">
                    {a.status === "BOOKED" ? "Время прошло" : (APPOINTMENT_STATUS_LABEL[a.status] ?? a.status)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
