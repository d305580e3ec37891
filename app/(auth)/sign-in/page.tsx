import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSession, homeFor } from "@/server/auth/session";
import { oidcConfig } from "@/server/auth/oidc";
import { OidcButton } from "@/components/auth/oidc-button";
import type { OidcRefusal } from "@/server/auth/mutations";
import { safeCallbackUrl, DEFAULT_AFTER_SIGN_IN } from "@/server/auth/callback-url";
import { env } from "@/server/env";
import { SIGN_IN_THROTTLED, signInFailureMessage } from "@/server/auth/schema";

export const metadata: Metadata = { title: "Вход" };

// Why a sign-in through the identity provider was refused (OIDC_REFUSALS, server/auth/mutations.ts).
const OIDC_ERRORS: Record<OidcRefusal, string> = {
  OidcAccountExists:
    "Вход через внешнюю систему не выполнен: на этот адрес электронной почты уже зарегистрирована учётная запись с паролем. Войдите по адресу почты и паролю.",
  OidcEmailUnverified:
    "Вход через внешнюю систему не выполнен: на этот адрес электронной почты уже есть учётная запись, а внешняя система не подтвердила, что адрес принадлежит вам. Подтвердите адрес в профиле внешней системы или зарегистрируйтесь на портале с этим адресом — на него придёт письмо со ссылкой для входа.",
  OidcStaffEmail:
    "Вход через внешнюю систему не выполнен: адрес электронной почты принадлежит учётной записи сотрудника. Войдите по паролю.",
  OidcInactive: "Вход не выполнен: учётная запись отключена. Обратитесь в администрацию.",
};
const GENERIC_OIDC_ERROR =
  "Вход через внешнюю систему не выполнен. Попробуйте ещё раз; если адрес почты принадлежит учётной записи сотрудника, войдите по паролю.";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; registered?: string; notice?: string; error?: string }>;
}) {
  const session = await getSession();
  const { callbackUrl: requested, registered, notice, error } = await searchParams;
  // Only a path of this app is followed after signing in: `//evil.example` and the like are dropped.
  const callbackUrl = safeCallbackUrl(requested, env().appUrl);
  const oidc = oidcConfig();
  if (session) redirect(homeFor(session.user.roles));
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Вход</h1>
      <p className="mt-2 text-slate-700">Для заявителей и сотрудников администрации.</p>
      {error && error !== "CredentialsSignin" ? (
        <p role="alert" className="mt-4 rounded border-2 border-red-700 bg-red-50 p-3 text-red-800">
          {error.startsWith(SIGN_IN_THROTTLED)
            ? signInFailureMessage(error)
            : Object.hasOwn(OIDC_ERRORS, error)
              ? OIDC_ERRORS[error as OidcRefusal]
              : GENERIC_OIDC_ERROR}
        </p>
      ) : null}
      {oidc ? (
        <div className="mt-6">
          <OidcButton name={oidc.name} callbackUrl={callbackUrl} />
          <p className="mt-2 text-sm text-slate-600">
            Данные профиля (ФИО, СНИЛС, контакты) будут подставлены в заявления автоматически.
          </p>
        </div>
      ) : null}
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <SignInForm
          callbackUrl={callbackUrl}
          notice={registered === "1" ? "registered" : notice === "password" ? "password" : undefined}
        />
      </div>
      <p className="mt-4">
        <Link href="/forgot-password" className="text-brand-700 underline">
          Забыли пароль?
        </Link>
      </p>
      <p className="mt-2">
        Нет учётной записи? {/* Issue 16 p.3: a newcomer who came from a service page keeps it through registration. */}
        <Link
          href={
            callbackUrl === DEFAULT_AFTER_SIGN_IN
              ? "/register"
              : `/register?callbackUrl=${encodeURIComponent(callbackUrl)}`
          }
          className="text-brand-700 underline"
        >
          Зарегистрируйтесь
        </Link>
      </p>
    </div>
  );
}
