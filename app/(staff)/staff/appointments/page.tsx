import type { Metadata } from "next";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { config } from "@/server/config";
import { now } from "@/server/clock";
import { isoDate } from "@/server/calendar/schema";
import { APPOINTMENT_STATUS_LABEL, type VisitMark } from "@/server/appointment/schema";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Button } from "@/components/ui/button";
import { formatDate, formatTime } from "@/components/ui/format";
import { VisitMarks } from "@/components/appointment/visit-marks";

export const metadata: Metadata = { title: "Запись на приём" };
export const dynamic = "force-dynamic";

/** Today's date in the municipality's zone. */
const today = () => new Date(now().getTime() + config().utcOffsetMinutes * 60_000).toISOString().slice(0, 10);

// R18: the registrar's day list of the department's bookings; the marks give the queue waiting time (R27).
export default async function AppointmentsDayPage({ searchParams }: { searchParams: Promise<{ date?: string }> }) {
  await requireRole(["REGISTRAR", "HEAD", "EXECUTOR", "SIGNER"], "/staff/appointments");
  const asked = (await searchParams).date;
  const date = asked && isoDate.safeParse(asked).success ? asked : today();
  const list = await (await api()).appointment.day({ date });
  return (
    <div>
      <Breadcrumbs items={[{ label: "Рабочее место", href: "/staff" }, { label: "Запись на приём" }]} />
      <h1 className="mt-3 text-3xl font-bold">Запись на приём</h1>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="day" className="block font-medium">
            День приёма
          </label>
          <input
            id="day"
            name="date"
            type="date"
            defaultValue={date}
            className="mt-1 rounded border border-slate-500 bg-white px-3 py-2"
          />
        </div>
        <Button type="submit" kind="secondary">
          Показать
        </Button>
      </form>
      <h2 className="mt-6 text-xl font-semibold">
        {formatDate(`${date}T12:00:00Z`)}: записей {list.length}
      </h2>
      {list.length === 0 ? (
        <p className="mt-2 text-slate-700">На этот день записей нет.</p>
      ) : (
        <table className="mt-3 w-full border-collapse bg-white text-left">
          <caption className="sr-only">Записи на приём за день</caption>
          <thead>
            <tr className="border-b">
              <th scope="col" className="p-2">
                Время
              </th>
              <th scope="col" className="p-2">
                Посетитель
              </th>
              <th scope="col" className="p-2">
                Услуга и цель визита
              </th>
              <th scope="col" className="p-2">
                Состояние
              </th>
              <th scope="col" className="p-2">
                Отметки
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((a) => {
              const marks: VisitMark[] =
                a.status !== "BOOKED" ? [] : a.arrivedAt ? ["called"] : ["arrived", "called", "missed"];
              return (
                <tr key={a.id} className="border-b align-top" data-testid="day-appointment">
                  <td className="p-2 whitespace-nowrap">
                    {formatTime(a.startsAt)}–{formatTime(a.endsAt)}
                  </td>
                  <td className="p-2">
                    {a.name}
                    <span className="block text-sm text-slate-600">
                      Код {a.code}
                      {a.phone ? ` · ${a.phone}` : ""}
                      {a.email ? ` · ${a.email}` : ""}
                    </span>
                  </td>
                  <td className="p-2">
                    {a.service.title}
                    <span className="block text-sm text-slate-600">{a.purpose}</span>
                  </td>
                  <td className="p-2">
                    {APPOINTMENT_STATUS_LABEL[a.status] ?? a.status}
                    {a.arrivedAt ? <span className="block text-sm">пришёл в {formatTime(a.arrivedAt)}</span> : null}
                    {a.calledAt ? <span className="block text-sm">приглашён в {formatTime(a.calledAt)}</span> : null}
                  </td>
                  <td className="p-2">
                    <VisitMarks id={a.id} marks={marks} visitor={`${a.name}, ${formatTime(a.startsAt)}`} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
