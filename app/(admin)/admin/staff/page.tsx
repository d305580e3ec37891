import type { Metadata } from "next";
import Link from "next/link";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { DEPARTMENT_ROLES, GLOBAL_ROLES, STAFF_ROLE_LABEL, zStaffFilters } from "@/server/organisation/schema";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form-field";

export const metadata: Metadata = { title: "Сотрудники" };
export const dynamic = "force-dynamic";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

// Staff accounts: search by name or e-mail, filter by department, role and activity (issue 11,
// point 2). The filter is a plain GET form: the address keeps it, and it works without scripts.
export default async function StaffPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole(["ADMIN"], "/admin/staff");
  const sp = await searchParams;
  const parsed = zStaffFilters.safeParse({
    q: one(sp.q),
    departmentId: one(sp.departmentId),
    role: one(sp.role),
    active: one(sp.active),
  });
  const filters = parsed.success ? parsed.data : {};
  const caller = await api();
  const [{ accounts, truncated }, departments] = await Promise.all([
    caller.organisation.staff(filters),
    caller.organisation.openDepartments(),
  ]);
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Сотрудники</h1>
        <Link href="/admin/staff/invite" className={buttonClass("primary")}>
          Пригласить сотрудника
        </Link>
      </div>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3">
        <div>
          <label htmlFor="staff-q" className="block font-medium">
            Имя или e-mail
          </label>
          <input id="staff-q" name="q" defaultValue={filters.q ?? ""} className={inputClass(false, "w-64")} />
        </div>
        <div>
          <label htmlFor="staff-department" className="block font-medium">
            Подразделение
          </label>
          <select
            id="staff-department"
            name="departmentId"
            defaultValue={filters.departmentId ?? ""}
            className={inputClass(false, "w-72")}
          >
            <option value="">Все</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {"\u00a0\u00a0".repeat(d.depth)}
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="staff-role" className="block font-medium">
            Роль
          </label>
          <select id="staff-role" name="role" defaultValue={filters.role ?? ""} className={inputClass(false, "w-auto")}>
            <option value="">Любая</option>
            {[...DEPARTMENT_ROLES, ...GLOBAL_ROLES].map((r) => (
              <option key={r} value={r}>
                {STAFF_ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="staff-active" className="block font-medium">
            Состояние
          </label>
          <select
            id="staff-active"
            name="active"
            defaultValue={filters.active ?? ""}
            className={inputClass(false, "w-auto")}
          >
            <option value="">Все</option>
            <option value="active">Действующие</option>
            <option value="inactive">Отключённые</option>
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Найти
        </button>
      </form>
      {parsed.success ? null : (
        <p role="alert" className="mt-2 text-red-800">
          Фильтр не применён: проверьте условия поиска.
        </p>
      )}
      <p className="mt-3" role="status">
        Найдено: {accounts.length}
        {truncated ? " (показаны первые; уточните поиск)" : ""}
      </p>
      <table className="mt-2 w-full border-collapse bg-white text-left">
        <thead>
          <tr className="border-b">
            <th className="p-2">Сотрудник</th>
            <th className="p-2">E-mail</th>
            <th className="p-2">Роли</th>
            <th className="p-2">Состояние</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((u) => (
            <tr key={u.id} className="border-b align-top">
              <td className="p-2">
                <Link href={`/admin/staff/${u.id}`} className="text-brand-700 underline">
                  {u.name}
                </Link>
              </td>
              <td className="p-2">{u.email}</td>
              <td className="p-2">
                <ul>
                  {u.globalRoles.map((r) => (
                    <li key={r}>{STAFF_ROLE_LABEL[r as keyof typeof STAFF_ROLE_LABEL]} (во всей системе)</li>
                  ))}
                  {u.memberships.map((m) => (
                    <li key={`${m.department.id}-${m.role}`}>
                      {STAFF_ROLE_LABEL[m.role as keyof typeof STAFF_ROLE_LABEL]}: {m.department.name}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="p-2">
                {u.isActive ? (u.invitationPending ? "Приглашён, пароль не задан" : "Действует") : "Отключён"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
