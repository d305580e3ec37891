import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { api } from "@/server/api/server";
import { getSession } from "@/server/auth/session";
import { isDemoMailboxOpen } from "@/server/notification/config";
import { formatDateTime } from "@/server/format/dates";

export const metadata: Metadata = { title: "Демонстрационный почтовый ящик" };
export const dynamic = "force-dynamic";

// The demo needs no mail server: without SMTP_URL e-mails stay in the outbox and are read here. The
// page exists only in demo mode and only for an administrator (issue 9, item 1): to anyone else, and
// in production or with real SMTP, it is "not found" (the outbox holds others' links and letters).
export default async function MailboxPage() {
  const session = await getSession();
  if (!isDemoMailboxOpen() || !session?.user.roles.includes("ADMIN")) notFound();
  const emails = await (await api()).notification.mailbox();

  return (
    <div>
      <h1 className="text-2xl font-bold">Демонстрационный почтовый ящик</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Это демонстрационный режим, и отправка электронной почты не настроена, поэтому письма, которые система отправила
        бы по почте, показаны здесь администратору: письма всем адресатам.
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
