import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { api } from "@/server/api/server";
import { getSession } from "@/server/auth/session";
import { isMailSendingConfigured } from "@/server/notification/config";
import { formatDateTime } from "@/server/format/dates";

export const metadata: Metadata = { title: "Демонстрационный почтовый ящик" };
export const dynamic = "force-dynamic";

// The demo needs no mail server: without SMTP_URL e-mails stay in the outbox and are read here.
// Any signed-in user may open it (it shows only their own letters; an administrator sees all), so
// it lives with the public pages rather than in one role's area.
export default async function MailboxPage() {
  const session = await getSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/mailbox")}`);
  // With real SMTP the letters go to real mailboxes; this page would only leak them.
  if (isMailSendingConfigured()) notFound();
  const emails = await (await api()).notification.mailbox();
  const isAdmin = session.user.roles.includes("ADMIN");

  return (
    <div>
      <h1 className="text-2xl font-bold">Демонстрационный почтовый ящик</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Отправка электронной почты не настроена, поэтому письма, которые система отправила бы по почте, показаны здесь.
        {isAdmin
          ? " Вы администратор и видите письма всем адресатам."
          : ` Здесь собраны письма на адрес ${session.user.email}.`}
      </p>
      <h2 className="mt-8 text-xl font-semibold">Письма</h2>
      {emails.length === 0 ? (
        <p className="mt-2">Писем пока нет.</p>
      ) : (
        <ol className="mt-3 space-y-4" aria-label="Письма, сначала новые">
          {emails.map((e) => (
            <li key={e.id}>
              <article aria-labelledby={`mail-${e.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 id={`mail-${e.id}`} className="text-lg font-semibold">
                  {e.subject}
                </h3>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-slate-600">Кому</dt>
                  <dd>{e.to}</dd>
                  <dt className="text-slate-600">Дата</dt>
                  <dd>
                    <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>
                  </dd>
                  {e.attachmentNames.length ? (
                    <>
                      <dt className="text-slate-600">Вложения</dt>
                      <dd>{e.attachmentNames.join(", ")}</dd>
                    </>
                  ) : null}
                </dl>
                <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-slate-900">{e.text}</pre>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
