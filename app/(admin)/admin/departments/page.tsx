import type { Metadata } from "next";
import Link from "next/link";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { DEPARTMENT_KIND_LABEL } from "@/server/organisation/schema";
import { formatPhone } from "@/server/regulation/identifiers";
import { formatDate } from "@/components/ui/format";
import { DepartmentForm } from "@/components/admin/department-form";

export const metadata: Metadata = { title: "Подразделения" };
export const dynamic = "force-dynamic";

// The administration, its units and the MFC offices as a tree (issue 11, point 1).
export default async function DepartmentsPage() {
  await requireRole(["ADMIN"], "/admin/departments");
  const caller = await api();
  const [tree, parents] = await Promise.all([caller.organisation.departments(), caller.organisation.openDepartments()]);
  return (
    <div>
      <h1 className="text-2xl font-bold">Подразделения</h1>
      <p className="mt-2 text-slate-700">
        Администрация, её отделы и офисы МФЦ. Роли сотрудников действуют в своём подразделении и в подчинённых ему.
      </p>
      <ul className="mt-4 space-y-2" aria-label="Дерево подразделений">
        {tree.map((d) => (
          <li
            key={d.id}
            style={{ marginLeft: `${d.depth * 1.5}rem` }}
            className={`rounded border bg-white p-3 ${d.closedAt ? "border-slate-300 text-slate-600" : "border-slate-400"}`}
          >
            <div className="flex flex-wrap items-baseline gap-x-3">
              <Link href={`/admin/departments/${d.id}`} className="font-semibold text-brand-700 underline">
                {d.name}
              </Link>
              <span className="text-sm">
                {DEPARTMENT_KIND_LABEL[d.kind]}, код <code>{d.code}</code>
              </span>
              {d.closedAt ? <span className="text-sm font-semibold">закрыто {formatDate(d.closedAt)}</span> : null}
            </div>
            <p className="text-sm">
              {[d.address, d.phone ? formatPhone(d.phone) : null, d.email].filter(Boolean).join(" · ") ||
                "Адрес и контакты не указаны"}
            </p>
            {d.schedule ? <p className="text-sm">Режим работы: {d.schedule}</p> : null}
            <p className="text-sm">
              Открытых заявлений: {d.openApplications}; действующих услуг: {d.activeServices}; ролей сотрудников:{" "}
              {d.memberships}.{" "}
              <Link href={`/admin/schedules/${d.id}`} className="text-brand-700 underline">
                График приёма<span className="sr-only">: {d.name}</span>
              </Link>
            </p>
          </li>
        ))}
      </ul>
      <section className="mt-8 max-w-2xl rounded-lg border border-slate-300 bg-white p-4" aria-labelledby="new-dept">
        <h2 id="new-dept" className="text-xl font-semibold">
          Новое подразделение
        </h2>
        <DepartmentForm
          parents={parents}
          defaults={{
            name: "",
            code: "",
            kind: "UNIT",
            parentId: tree.find((d) => d.kind === "ADMINISTRATION" && !d.closedAt)?.id ?? "",
            address: "",
            phone: "",
            email: "",
            schedule: "",
          }}
        />
      </section>
    </div>
  );
}
