import type { Metadata } from "next";
import Link from "next/link";
import { api } from "@/server/api/server";
import { ClaimForm } from "@/components/auth/claim-form";
import { env } from "@/server/env";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackUrl } from "@/server/auth/callback-url";
import { formatPhone } from "@/server/regulation/identifiers";

// The token is in the address: no referrer leaves this page, and search engines keep out.
export const metadata: Metadata = {
  title: "Вход в личный кабинет: задайте пароль",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};
export const dynamic = "force-dynamic";

/** The e-mailed link that claims an account opened for a paper application (server/auth/mutations.ts). */
export default async function ClaimPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ next?: string }>;
}) {
  const { token } = await params;
  // Issue 16 p.3: the page the newcomer started from (a path of this app, or nothing).
  const next = safeCallbackUrl((await searchParams).next, env().appUrl);
  // Opening the page uses nothing up (mail scanners open links too): only setting the password does.
  const pending = token.length <= 100 ? await (await api()).auth.pendingClaim({ token }) : null;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">Вход в личный кабинет</h1>
      {pending ? (
        <>
          {pending.invitedStaff ? (
            <p className="mt-2 text-slate-700">
              Вас пригласили как сотрудника администрации. Проверьте свои данные и задайте пароль: с ним вы будете
              входить в рабочее место сотрудника.
            </p>
          ) : (
            <p className="mt-2 text-slate-700">
              Адрес электронной почты подтверждён. Проверьте свои данные и задайте пароль: с ним вы будете входить в
              личный кабинет. Там же будут видны заявления, поданные с этим адресом в администрации на бумаге.
            </p>
          )}
          <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
            <ClaimForm
              token={token}
              next={next === DEFAULT_AFTER_SIGN_IN ? undefined : next}
              email={pending.email}
              defaults={{
                lastName: pending.lastName,
                firstName: pending.firstName,
                middleName: pending.middleName ?? "",
                phone: pending.phone ? formatPhone(pending.phone) : "",
              }}
            />
          </div>
        </>
      ) : (
        <div role="alert" className="mt-4 rounded border-2 border-red-700 bg-red-50 p-4 text-red-800">
          <p>Ссылка недействительна: она уже использована, устарела или учётная запись уже активирована.</p>
          <p className="mt-2">
            <Link href="/sign-in" className="underline">
              Войдите
            </Link>{" "}
            или{" "}
            <Link href="/register" className="underline">
              зарегистрируйтесь ещё раз
            </Link>{" "}
            — мы пришлём новую ссылку.
          </p>
        </div>
      )}
    </div>
  );
}
