import type { ReactNode } from "react";
import { SectionNav } from "@/components/ui/section-nav";
import { getSession } from "@/server/auth/session";

// Navigation only: every administration page checks the role itself (requireRole), a layout is no
// guard. An auditor sees the audit log and nothing else (issue 11).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const roles = (await getSession())?.user.roles ?? [];
  const admin = roles.includes("ADMIN");
  const links = [
    { href: "/admin/services", label: "Услуги", show: admin, also: ["/admin"] },
    { href: "/admin/departments", label: "Подразделения", show: admin },
    { href: "/admin/staff", label: "Сотрудники", show: admin },
    { href: "/admin/schedules", label: "Графики приёма", show: admin },
    { href: "/admin/calendar", label: "Календарь", show: admin },
    { href: "/admin/ratings", label: "Оценки услуг", show: admin },
    { href: "/admin/audit", label: "Журнал действий", show: admin || roles.includes("AUDITOR") },
    { href: "/admin/quality", label: "Показатели качества", show: admin },
    { href: "/admin/signatures", label: "Электронная подпись", show: admin },
  ].filter((l) => l.show);
  return (
    <>
      {links.length > 1 ? (
        <SectionNav label="Разделы администрирования" links={links.map(({ show: _, ...l }) => l)} />
      ) : null}
      {children}
    </>
  );
}
