import type { ReactNode } from "react";
import { SectionNav } from "@/components/ui/section-nav";
import { getSession } from "@/server/auth/session";
import { api } from "@/server/api/server";

// Navigation only: every cabinet page checks the role itself (requireRole), a layout is no guard.
// The unread count (R19) is read here so that every page of the cabinet shows it.
export default async function CabinetLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  if (!session?.user.roles.includes("APPLICANT")) return children;
  const unread = await (await api()).notification.unreadCount().catch(() => 0);
  const links = [
    { href: "/cabinet", label: "Заявления", also: ["/cabinet/applications"] },
    { href: "/cabinet/appointments", label: "Записи на приём" },
    { href: "/cabinet/notifications", label: unread ? `Уведомления (непрочитанных: ${unread})` : "Уведомления" },
  ];
  return (
    <>
      <SectionNav label="Разделы личного кабинета" links={links} />
      {children}
    </>
  );
}
