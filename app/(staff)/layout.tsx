import type { ReactNode } from "react";
import Script from "next/script";
import { env } from "@/server/env";
import { SectionNav } from "@/components/ui/section-nav";
import { getSession, hasStaffRole } from "@/server/auth/session";

// Navigation only: every staff page checks the role itself (requireRole), a layout is no guard.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const roles = (await getSession())?.user.roles ?? [];
  const links = [
    { href: "/staff", label: "Доска заявлений", also: ["/staff/applications"], show: hasStaffRole(roles) },
    { href: "/staff/register", label: "Принять заявление на бумаге", show: roles.includes("REGISTRAR") },
    { href: "/staff/deadlines", label: "Контроль сроков", show: roles.includes("HEAD") || roles.includes("REGISTRAR") },
    { href: "/staff/quality", label: "Показатели качества", show: roles.includes("HEAD") },
    // Issue 14: the day list of appointments (R18) and the services' ratings (R21, R27).
    { href: "/staff/appointments", label: "Запись на приём", show: hasStaffRole(roles) },
    { href: "/staff/ratings", label: "Оценки услуг", show: roles.includes("HEAD") },
    { href: "/staff/complaints", label: "Жалобы", show: roles.includes("HEAD") || roles.includes("REGISTRAR") },
    { href: "/staff/typos", label: "Исправление опечаток", show: hasStaffRole(roles) },
    { href: "/staff/signature", label: "Моя электронная подпись", show: hasStaffRole(roles) },
  ].filter((l) => l.show);
  return (
    <>
      {links.length > 1 ? (
        <SectionNav label="Разделы рабочего места" links={links.map(({ show: _, ...l }) => l)} />
      ) : null}
      {children}
      {/* Issue 15: CryptoPro's own script, where the installation serves it (the sign dialog's plug-in option). */}
      {env().cryptoProScript ? <Script src={env().cryptoProScript!} strategy="afterInteractive" /> : null}
    </>
  );
}
