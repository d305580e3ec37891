import Link from "next/link";
import type { Session } from "next-auth";
import { SignOutButton } from "./sign-out-button";
import { hasStaffRole } from "@/server/auth/session-roles";

export function SiteHeader({ session, demoMailbox }: { session: Session | null; demoMailbox: boolean }) {
  const roles = session?.user.roles ?? [];
  const links = [
    { href: "/", label: "Каталог услуг", show: true },
    { href: "/cabinet", label: "Личный кабинет", show: roles.includes("APPLICANT") },
    { href: "/staff", label: "Рабочее место", show: hasStaffRole(roles) },
    // Issue 16 p.13: staff read what they are told in the app too, not only by e-mail.
    { href: "/staff/notifications", label: "Уведомления", show: hasStaffRole(roles) },
    { href: "/admin", label: "Администрирование", show: roles.includes("ADMIN") },
    // Demo mode without an SMTP server keeps outgoing mail in the database and shows it to administrators.
    { href: "/mailbox", label: "Почта (демо)", show: roles.includes("ADMIN") && demoMailbox },
  ];
  return (
    <header className="bg-brand-700 text-white no-print">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:px-3 focus:py-2 focus:text-brand-900"
      >
        Перейти к содержанию
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-wide">
          Регламент
          <span className="ml-2 hidden text-sm font-normal text-brand-100 sm:inline">
            муниципальные услуги в электронной форме
          </span>
        </Link>
        {/* Issue 16 p.7: on a phone the links fold into «Меню», so the page's own heading is on the
            first screen; from 640 px they are in a row. Only one of the two is shown (and in the
            accessibility tree) at a time. */}
        <details className="group relative sm:hidden">
          <summary className="cursor-pointer list-none rounded border border-brand-100 px-3 py-1.5 text-sm font-semibold">
            Меню <span aria-hidden>▾</span>
          </summary>
          <nav
            aria-label="Основная навигация"
            className="absolute right-0 z-20 mt-2 flex w-64 flex-col gap-1 rounded bg-brand-700 p-2 shadow-lg"
          >
            <HeaderLinks links={links} session={session} />
          </nav>
        </details>
        <nav aria-label="Основная навигация" className="hidden flex-wrap items-center gap-1 sm:flex">
          <HeaderLinks links={links} session={session} primary />
        </nav>
      </div>
    </header>
  );
}

/** The header's links; `primary`: the wide screen's row, the one tests and tools find by its test id. */
function HeaderLinks({
  links,
  session,
  primary = false,
}: {
  links: { href: string; label: string; show: boolean }[];
  session: Session | null;
  primary?: boolean;
}) {
  return (
    <>
      {links
        .filter((l) => l.show)
        .map((l) => (
          <Link key={l.href} href={l.href} className="rounded px-3 py-2 text-sm hover:bg-brand-900">
            {l.label}
          </Link>
        ))}
      {session ? (
        <>
          <Link
            href="/password"
            title="Сменить пароль"
            className="rounded px-3 py-2 text-sm text-brand-100 hover:bg-brand-900"
            data-testid={primary ? "current-user" : undefined}
          >
            {session.user.name}
          </Link>
          <SignOutButton />
        </>
      ) : (
        <>
          <Link href="/sign-in" className="rounded px-3 py-2 text-sm hover:bg-brand-900">
            Войти
          </Link>
          <Link
            href="/register"
            className="rounded bg-white px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50"
          >
            Регистрация
          </Link>
        </>
      )}
    </>
  );
}
