import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { isUuid } from "@/server/ids";
import { ScheduleForm } from "@/components/admin/schedule/schedule-form";

export const metadata: Metadata = { title: "График приёма" };
export const dynamic = "force-dynamic";

export default async function SchedulePage({ params }: { params: Promise<{ departmentId: string }> }) {
  const { departmentId } = await params;
  await requireRole(["ADMIN"], `/admin/schedules/${departmentId}`);
  if (!isUuid(departmentId)) notFound();
  const department = await (await api()).schedule.get({ departmentId }).catch(() => null);
  if (!department) notFound();
  return (
    <div>
      <p>
        <Link href="/admin/schedules" className="text-brand-700 underline">
          Графики приёма
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">График приёма: {department.name}</h1>
      {department.schedule ? <p className="mt-2">Указано в справочнике: {department.schedule}</p> : null}
      {department.hours ? null : (
        <p className="mt-2">
          График не задан: сроки в минутах считаются по календарю с 9:00 (8 часов, накануне праздника 7). Ниже — обычный
          график для начала.
        </p>
      )}
      <ScheduleForm departmentId={department.id} hours={department.hours} />
    </div>
  );
}
