import type { Metadata } from "next";
import Link from "next/link";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { TRPCError } from "@trpc/server";
import { AcceptInvitation } from "@/components/co-applicant/accept-invitation";

export const metadata: Metadata = { title: "Приглашение к совместному запросу" };
export const dynamic = "force-dynamic";

/**
 * Issue 16 p.4: before accepting, the invited person sees who invites them, for which service and
 * what they will be asked to fill; an invitation for another address, withdrawn or already answered
 * says so instead of a button.
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const session = await requireRole(["APPLICANT"], `/invitations/${token}`);
  const invitation = await (await api()).application.invitation({ token }).catch((error: unknown) => {
    // The procedure's refusals (unknown token, another account's) are the page's to explain.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN"))
      return { failed: error.message };
    throw error;
  });
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">Приглашение к совместному запросу</h1>
      {"failed" in invitation ? (
        <div className="mt-4 space-y-3">
          <p role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 text-red-800">
            {invitation.failed}
          </p>
          <p className="text-slate-700">Сейчас вы вошли как {session.user.email}.</p>
          <Link href="/cabinet" className="font-semibold text-brand-700 underline">
            Перейти в личный кабинет
          </Link>
        </div>
      ) : (
        <>
          <p className="mt-3 text-lg">
            <strong>{invitation.inviter}</strong> приглашает вас подать вместе заявление на услугу «
            <Link href={`/services/${invitation.service.code}`} className="text-brand-700 underline">
              {invitation.service.title}
            </Link>
            ».
          </p>
          <p className="mt-2 text-slate-700">
            Созаявитель заполняет свой раздел заявления в своём личном кабинете; заявление подаёт пригласивший, когда
            все разделы заполнены. О ходе рассмотрения вы будете получать те же уведомления, что и он.
          </p>
          <section className="mt-5 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="asks-title">
            <h2 id="asks-title" className="text-lg font-semibold">
              Что нужно будет указать
            </h2>
            {invitation.asks.map((step) => (
              <div key={step.title} className="mt-3">
                <h3 className="font-medium">{step.title}</h3>
                {step.description ? <p className="text-sm text-slate-700">{step.description}</p> : null}
                <ul className="mt-1 list-disc pl-6">
                  {step.fields.map((f) => (
                    <li key={f.label}>
                      {f.label}
                      {f.required ? "" : " — необязательно"}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
          <div className="mt-6">
            {invitation.submitted ? (
              <p role="status" className="text-slate-800">
                Заявление уже подано: присоединиться к нему нельзя.
              </p>
            ) : invitation.acceptedByOther ? (
              <p role="status" className="text-slate-800">
                Приглашение уже принято из другой учётной записи.
              </p>
            ) : invitation.acceptedByYou ? (
              <Link
                href={`/applications/${invitation.applicationId}/co-applicant`}
                className="font-semibold text-brand-700 underline"
              >
                Вы уже приняли приглашение — перейти к своему разделу
              </Link>
            ) : (
              <AcceptInvitation token={token} />
            )}
          </div>
          <p className="mt-4 text-sm text-slate-600">
            Приглашение действует для адреса, на который пришло письмо; сейчас вы вошли как {session.user.email}.
          </p>
        </>
      )}
    </div>
  );
}
