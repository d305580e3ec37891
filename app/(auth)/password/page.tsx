import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { requireRole } from "@/server/auth/session";
import { ROLES } from "@/server/regulation/document";

export const metadata: Metadata = { title: "Смена пароля" };
export const dynamic = "force-dynamic";

/** Any signed-in user changes their own password here (applicants from the cabinet, staff from the header). */
export default async function ChangePasswordPage() {
  const session = await requireRole(ROLES, "/password");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Смена пароля</h1>
      {session.user.authMethod === "oidc" ? (
        <p className="mt-2 text-slate-700">
          Вы вошли через внешнюю систему. Если у учётной записи есть пароль, его можно сменить здесь; если нет — задайте
          его через «Забыли пароль?» на странице входа.
        </p>
      ) : null}
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <ChangePasswordForm email={session.user.email} />
      </div>
    </div>
  );
}
