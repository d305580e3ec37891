import type { Metadata } from "next";
import Link from "next/link";
import { api } from "@/server/api/server";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

// The token is in the address: no referrer leaves this page, and search engines keep out.
export const metadata: Metadata = {
  title: "Новый пароль",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};
export const dynamic = "force-dynamic";

/** The e-mailed reset link (server/auth/mutations.ts). Opening it uses nothing up: setting the password does. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const pending = token.length <= 100 ? await (await api()).auth.pendingReset({ token }) : null;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Новый пароль</h1>
      {pending ? (
        <>
          <p className="mt-2 text-slate-700">
            Задайте новый пароль. После этого вход будет завершён на всех устройствах, где вы входили со старым паролем.
          </p>
          <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
            <ResetPasswordForm token={token} email={pending.email} />
          </div>
        </>
      ) : (
        <div role="alert" className="mt-4 rounded border-2 border-red-700 bg-red-50 p-4 text-red-800">
          <p>Ссылка недействительна: она уже использована или устарела.</p>
          <p className="mt-2">
            <Link href="/forgot-password" className="underline">
              Запросите восстановление пароля ещё раз
            </Link>
            .
          </p>
        </div>
      )}
    </div>
  );
}
