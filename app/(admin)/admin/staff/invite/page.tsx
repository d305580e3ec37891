import type { Metadata } from "next";
import Link from "next/link";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { InviteForm } from "@/components/admin/invite-form";

export const metadata: Metadata = { title: "Приглашение сотрудника" };
export const dynamic = "force-dynamic";

export default async function InvitePage() {
  await requireRole(["ADMIN"], "/admin/staff/invite");
  const departments = await (await api()).organisation.openDepartments();
  return (
    <div className="max-w-2xl">
      <p>
        <Link href="/admin/staff" className="text-brand-700 underline">
          ← Все сотрудники
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Приглашение сотрудника</h1>
      <p className="mt-2 text-slate-700">
        Сотрудник получит письмо со ссылкой: по ней он сам задаст пароль. Ссылка действует сутки; до этого войти в
        учётную запись нельзя.
      </p>
      <div className="mt-4 rounded-lg border border-slate-300 bg-white p-4">
        <InviteForm departments={departments} />
      </div>
    </div>
  );
}
