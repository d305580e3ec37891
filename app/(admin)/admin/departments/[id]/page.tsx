import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { isUuid } from "@/server/ids";
import { subtreeOf } from "@/server/organisation/tree";
import { formatPhone } from "@/server/regulation/identifiers";
import { formatDate } from "@/components/ui/format";
import { sentence } from "@/server/format/sentence";
import { DepartmentForm } from "@/components/admin/department-form";
import { MoveDepartmentForm } from "@/components/admin/move-department-form";
import { ConfirmAction } from "@/components/admin/confirm-action";

export const metadata: Metadata = { title: "Подразделение" };
export const dynamic = "force-dynamic";

// One department: edit, move, close (issue 11, point 1).
export default async function DepartmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole(["ADMIN"], `/admin/departments/${id}`);
  if (!isUuid(id)) notFound();
  const caller = await api();
  const [tree, open] = await Promise.all([caller.organisation.departments(), caller.organisation.openDepartments()]);
  const d = tree.find((x) => x.id === id);
  if (!d) notFound();
  // Neither itself nor anything under it can be its parent (the server refuses it too).
  const below = subtreeOf(tree, id);
  const parents = open.filter((p) => !below.has(p.id));
  return (
    <div className="max-w-2xl">
      <p>
        <Link href="/admin/departments" className="text-brand-700 underline">
          ← Все подразделения
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{d.name}</h1>
      {d.closedAt ? (
        <p className="mt-1 font-semibold">{sentence(`Подразделение закрыто ${formatDate(d.closedAt)}`)}</p>
      ) : null}
      <p className="mt-1">
        <Link href={`/admin/schedules/${d.id}`} className="text-brand-700 underline">
          График приёма
        </Link>
      </p>
      <section className="mt-6 rounded-lg border border-slate-300 bg-white p-4" aria-labelledby="edit">
        <h2 id="edit" className="text-xl font-semibold">
          Сведения
        </h2>
        <DepartmentForm
          departmentId={d.id}
          defaults={{
            name: d.name,
            code: d.code,
            kind: d.kind,
            parentId: "",
            address: d.address ?? "",
            phone: d.phone ? formatPhone(d.phone) : "",
            email: d.email ?? "",
            schedule: d.schedule ?? "",
          }}
        />
      </section>
      <section className="mt-6 rounded-lg border border-slate-300 bg-white p-4" aria-labelledby="move">
        <h2 id="move" className="text-xl font-semibold">
          Перемещение
        </h2>
        <p className="text-sm text-slate-700">Подразделение переходит вместе со всеми подчинёнными ему.</p>
        <MoveDepartmentForm departmentId={d.id} parentId={d.parentId} parents={parents} />
      </section>
      {d.closedAt ? null : (
        <section className="mt-6 rounded-lg border border-slate-300 bg-white p-4" aria-labelledby="close">
          <h2 id="close" className="text-xl font-semibold">
            Закрытие
          </h2>
          <p className="text-sm text-slate-700">
            Закрыть можно подразделение без открытых заявлений, действующих услуг и открытых подчинённых подразделений.
            Сейчас: заявлений {d.openApplications}, услуг {d.activeServices}.
          </p>
          <ConfirmAction
            action={{ kind: "closeDepartment", id: d.id }}
            label="Закрыть подразделение"
            confirm={`Закрыть подразделение «${d.name}»? История сохранится, новых заявлений и ролей в нём не будет.`}
            done="Подразделение закрыто."
          />
        </section>
      )}
    </div>
  );
}
