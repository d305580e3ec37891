import type { Metadata } from "next";
import Link from "next/link";
import { RegisterForm } from "@/components/auth/register-form";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackUrl } from "@/server/auth/callback-url";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Регистрация" };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  // Issue 16 p.3: where the newcomer was going (a service page) survives registration: it rides in the
  // e-mail's link and the sign-in after it.
  const requested = safeCallbackUrl((await searchParams).callbackUrl, env().appUrl);
  const returnTo = requested === DEFAULT_AFTER_SIGN_IN ? undefined : requested;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">Регистрация заявителя</h1>
      <p className="mt-2 text-slate-700">
        Учётная запись нужна, чтобы подавать заявления и следить за их рассмотрением в личном кабинете.
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <RegisterForm returnTo={returnTo} />
      </div>
      <p className="mt-4">
        Уже зарегистрированы?{" "}
        <Link
          href={returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in"}
          className="text-brand-700 underline"
        >
          Войдите
        </Link>
      </p>
    </div>
  );
}
