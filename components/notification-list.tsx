// The signed-in user's notifications (R19), newest first, the unread ones marked: the applicant's
// cabinet and the staff's workplace (issue 16 p.13) list them alike; only the link to the
// application differs (the cabinet's page or the staff card).
import Link from "next/link";
import { formatDateTime } from "@/components/ui/format";
import { MarkReadButton } from "@/components/cabinet/mark-read-button";

type Item = {
  id: string;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  applicationId: string | null;
  application: { registrationNumber: string | null } | null;
};

export function NotificationList({
  notifications,
  applicationHref,
}: {
  notifications: Item[];
  applicationHref: (applicationId: string) => string;
}) {
  const unread = notifications.filter((n) => !n.readAt);
  return (
    <div>
      <h1 id="notifications-title" tabIndex={-1} className="text-2xl font-bold">
        Уведомления
      </h1>
      <p className="mt-1 text-slate-700" role="status">
        {unread.length ? `Непрочитанных: ${unread.length}.` : "Все уведомления прочитаны."}
      </p>
      <MarkReadButton ids={unread.map((n) => n.id)} />
      {notifications.length === 0 ? (
        <p className="mt-4 text-slate-700">Уведомлений пока нет.</p>
      ) : (
        <ul className="mt-4 space-y-3" aria-label="Уведомления">
          {notifications.map((n) => (
            <li
              key={n.id}
              className={`rounded border bg-white p-3 ${n.readAt ? "border-slate-200" : "border-l-4 border-brand-700"}`}
            >
              <p className="font-medium">
                {n.readAt ? null : <span className="mr-2 rounded bg-brand-700 px-2 text-sm text-white">Новое</span>}
                {n.title}
              </p>
              <p className="text-sm text-slate-600">
                {formatDateTime(n.createdAt)}
                {n.applicationId && n.application?.registrationNumber ? (
                  <>
                    {" · "}
                    <Link href={applicationHref(n.applicationId)} className="text-brand-700 underline">
                      Заявление № {n.application.registrationNumber}
                    </Link>
                  </>
                ) : null}
              </p>
              <p className="mt-1 whitespace-pre-line">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
