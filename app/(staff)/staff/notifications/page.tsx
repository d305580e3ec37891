import type { Metadata } from "next";
import { api } from "@/server/api/server";
import { requireRole, STAFF_ROLES } from "@/server/auth/session";
import { NotificationList } from "@/components/notification-list";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata: Metadata = { title: "Уведомления" };
export const dynamic = "force-dynamic";

// Issue 16 p.13: what staff are told — deadlines coming and breached, assignments, withdrawals,
// complaints — listed in the workplace as well as e-mailed, the unread ones marked.
export default async function StaffNotificationsPage() {
  await requireRole(STAFF_ROLES, "/staff/notifications");
  const notifications = await (await api()).notification.mine({ limit: 100 });
  return (
    <div>
      <Breadcrumbs items={[{ label: "Рабочее место", href: "/staff" }, { label: "Уведомления" }]} />
      <div className="mt-3">
        <NotificationList notifications={notifications} applicationHref={(id) => `/staff/applications/${id}`} />
      </div>
    </div>
  );
}
