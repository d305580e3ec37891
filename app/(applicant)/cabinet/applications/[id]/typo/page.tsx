import type { Metadata } from "next";
import { api, notFoundIfMissing } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { typoTermsText } from "@/server/typo/schema";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { TypoForm } from "@/components/typo/typo-form";
import { TypoList } from "@/components/typo/typo-list";

export const metadata: Metadata = { title: "Исправление опечатки" };
export const dynamic = "force-dynamic";

// Correction of typos and errors in an issued document (R21; S2 p.72), by the pinned regulation's terms.
export default async function TypoPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole(["APPLICANT"], `/cabinet/applications/${id}/typo`);
  const { application: app, requests } = await (
    await api()
  ).typo
    .forApplication({ applicationId: id })
    .catch(notFoundIfMissing);
  const label = `Заявление ${app.registrationNumber ?? ""}`.trim();
  const terms = app.terms ? typoTermsText(app.terms) : null;
  return (
    <article>
      <Breadcrumbs
        items={[
          { label: "Личный кабинет", href: "/cabinet" },
          { label, href: `/cabinet/applications/${app.id}` },
          { label: "Исправление опечатки" },
        ]}
      />
      <h1 className="mt-3 text-2xl font-bold">Исправление опечаток и ошибок в выданном документе</h1>
      <p className="mt-1 text-slate-700">
        {label} · {app.serviceTitle}
      </p>
      {terms ? (
        <ul className="mt-3 max-w-3xl list-disc pl-6" data-testid="typo-terms">
          <li>{terms.check};</li>
          <li>{terms.fix}.</li>
        </ul>
      ) : (
        <p className="mt-3 max-w-3xl" role="note">
          Регламент этой услуги не предусматривает исправления опечаток в выданных документах через личный кабинет.
        </p>
      )}
      {requests.length ? (
        <section className="mt-6" aria-labelledby="typos-title">
          <h2 id="typos-title" className="text-xl font-semibold">
            Поданные заявления
          </h2>
          <TypoList requests={requests} />
        </section>
      ) : null}
      {terms ? (
        <section className="mt-8 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
          {app.documents.length ? (
            <TypoForm applicationId={app.id} documents={app.documents} />
          ) : (
            <p>По заявлению ещё не выдан документ: исправить в нём опечатку можно после его выдачи.</p>
          )}
        </section>
      ) : null}
    </article>
  );
}
