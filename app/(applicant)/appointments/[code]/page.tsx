import type { Metadata } from "next";
import { api, notFoundIfMissing } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { BookingForm } from "@/components/appointment/booking-form";
import { TRPCError } from "@trpc/server";

export const metadata: Metadata = { title: "Запись на приём" };
export const dynamic = "force-dynamic";

// R18, S1 p.32: booking a visit at a free date and time of the reception schedule.
export default async function BookingPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const session = await requireRole(["APPLICANT"], `/appointments/${code}`);
  const offer = await (await api()).appointment.offer({ serviceCode: code }).catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === "PRECONDITION_FAILED") return null;
    return notFoundIfMissing(e);
  });
  return (
    <div>
      <Breadcrumbs items={[{ label: "Личный кабинет", href: "/cabinet" }, { label: "Запись на приём" }]} />
      <h1 className="mt-3 text-2xl font-bold">Запись на приём</h1>
      {offer ? (
        <>
          <p className="mt-1 text-slate-700">{offer.service.title}</p>
          <p className="mt-3 max-w-3xl">
            Место приёма: <strong>{offer.service.place}</strong>. Продолжительность приёма — {offer.service.slotMinutes}{" "}
            мин. Запись от имени: <strong>{session.user.name || session.user.email}</strong>.
          </p>
          {offer.service.note ? <p className="mt-1 text-slate-700">{offer.service.note}</p> : null}
          <BookingForm serviceCode={code} days={offer.days} />
        </>
      ) : (
        <p className="mt-3">По этой услуге запись на приём не ведётся.</p>
      )}
    </div>
  );
}
