import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { isUuid } from "@/server/ids";
import { STAFF_ROLE_LABEL } from "@/server/organisation/schema";
import { formatPhone } from "@/server/regulation/identifiers";
import { formatDate } from "@/components/ui/format";
import { AccountForm } from "@/components/admin/account-form";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { GrantRoleForm } from "@/components/admin/grant-role-form";

export const metadata: Metadata = { title: "Сотрудник" };
export const dynamic = "force-dynamic";

const label = (role: string) => STAFF_ROLE_LABEL[role as keyof typeof STAFF_ROLE_LABEL] ?? role;

// One staff account: details, roles per department, deactivation with the open assignments to hand
// over (issue 11, point 2).
export default async function StaffAccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const session = await requireRole(["ADMIN"], `/admin/staff/${id}`);
  if (!isUuid(id)) notFound();
  const invited = (await searchParams).invited === "1";
  const caller = await api();
  const [u, departments] = await Promise.all([
    caller.organisation.account({ id }).catch(() => null),
    caller.organisation.openDepartments(),
  ]);
  if (!u) notFound();
  return (
    <div className="max-w-3xl">
      <p>
        <Link href="/admin/staff" className="text-brand-700 underline">
          ← Все сотрудники
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{u.name}</h1>
      {invited ? (
        <p role="status" className="mt-2 rounded border-2 border-green-700 bg-green-50 p-3 text-green-900">
          Приглашение отправлено на {u.email}.
        </p>
      ) : null}
      <p className="mt-1">
        {u.isActive
          ? u.invitationPending
            ? "Приглашён: пароль ещё не задан."
            : "Учётная запись действует."
          : "Учётная запись отключена: войти в неё нельзя."}
      </p>

      {u.assigned.length ? (
        <section className="mt-4 rounded-lg border-2 border-amber-700 bg-amber-50 p-4" aria-labelledby="assigned-title">
          <h2 id="assigned-title" className="text-xl font-semibold">
            Открытые заявления сотрудника ({u.assigned.length})
          </h2>
          {u.isActive ? null : (
            <p className="mt-1">Сотрудник отключён: передайте эти заявления другим исполнителям в их карточках.</p>
          )}
          <ul className="mt-2 list-disc pl-6">
            {u.assigned.map((a) => (
              <li key={a.id}>
                <Link href={`/staff/applications/${a.id}`} className="text-brand-700 underline">
                  {a.registrationNumber ?? "Без номера"}
                </Link>{" "}
                — {a.service.title}, {a.department.name}
                {a.stageDueAt ? `, срок этапа ${formatDate(a.stageDueAt)}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="mt-6 rounded-lg border border-slate-300 bg-white p-4" aria-labelledby="roles-title">
        <h2 id="roles-title" className="text-xl font-semibold">
          Роли
        </h2>
        {u.globalRoles.length + u.memberships.length === 0 ? <p>Ролей нет.</p> : null}
        <ul className="mt-2 space-y-2">
          {u.globalRoles.map((r) => (
            <li key={r} className="flex flex-wrap items-start gap-3">
              <span className="py-2">{label(r)} (во всей системе)</span>
              <ConfirmAction
                action={{ kind: "revokeRole", userId: u.id, role: r }}
                label="Снять роль"
                confirm={`Снять роль «${label(r)}»?`}
                done="Роль снята."
                kind="link"
              />
            </li>
          ))}
          {u.memberships.map((m) => (
            <li key={`${m.department.id}-${m.role}`} className="flex flex-wrap items-start gap-3">
              <span className="py-2">
                {label(m.role)}: {m.department.name}
                {m.department.closedAt ? " (закрыто)" : ""}
              </span>
              <ConfirmAction
                action={{ kind: "revokeRole", userId: u.id, role: m.role, departmentId: m.department.id }}
                label="Снять роль"
                confirm={`Снять роль «${label(m.role)}» в подразделении «${m.department.name}»?`}
                done="Роль снята."
                kind="link"
              />
            </li>
          ))}
        </ul>
        <h3 className="mt-4 font-semibold">Назначить роль</h3>
        <GrantRoleForm userId={u.id} departments={departments} />
      </section>

      <section className="mt-6 rounded-lg border border-slate-300 bg-white p-4" aria-labelledby="details-title">
        <h2 id="details-title" className="text-xl font-semibold">
          Данные сотрудника
        </h2>
        <AccountForm
          id={u.id}
          defaults={{
            email: u.email,
            lastName: u.lastName,
            firstName: u.firstName,
            middleName: u.middleName ?? "",
            phone: u.phone ? formatPhone(u.phone) : "",
          }}
        />
      </section>

      <section className="mt-6 rounded-lg border border-slate-300 bg-white p-4" aria-labelledby="access-title">
        <h2 id="access-title" className="text-xl font-semibold">
          Доступ
        </h2>
        {u.isActive && u.invitationPending ? (
          <ConfirmAction
            action={{ kind: "resendInvitation", id: u.id }}
            label="Отправить приглашение ещё раз"
            done={`Новая ссылка отправлена на ${u.email}.`}
          />
        ) : null}
        <div className="mt-3">
          {u.isActive ? (
            <ConfirmAction
              action={{ kind: "deactivate", id: u.id }}
              label="Отключить учётную запись"
              confirm={
                u.id === session.user.id
                  ? "Отключить вашу собственную учётную запись? Вы сразу выйдете из системы."
                  : `Отключить учётную запись «${u.name}»? Сотрудник сразу выйдет из системы и не сможет войти.`
              }
              done="Учётная запись отключена."
            />
          ) : (
            <ConfirmAction
              action={{ kind: "reactivate", id: u.id }}
              label="Включить учётную запись"
              done="Учётная запись включена."
            />
          )}
        </div>
      </section>
    </div>
  );
}
