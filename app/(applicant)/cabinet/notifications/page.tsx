import type { Metadata } from "next";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { NotificationList } from "@/components/notification-list";

export const metadata: Metadata = { title: "Уведомления" };
export const dynamic = "force-dynamic";

// R19: every notice the applicant was sent, newest first; the unread ones marked, and marked read here.
export default async function NotificationsPage() {
  await requireRole(["APPLICANT"], "/cabinet/notifications");
  const notifications = await (await api()).notification.mine({ limit: 100 });
  return <NotificationList notifications={notifications} applicationHref={(id) => `/cabinet/applications/${id}`} />;
}
