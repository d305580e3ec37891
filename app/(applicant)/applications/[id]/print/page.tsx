import type { Metadata } from "next";
import { contentHashLine } from "@/server/application/content-hash";
import { api, notFoundIfMissing } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { FormAnswers } from "@/components/form-answers";
import { PrintButton } from "@/components/print-button";
import { formatDate } from "@/components/ui/format";

export const metadata: Metadata = { title: "Печать заявления" };
export const dynamic = "force-dynamic";

/** A paper copy of the filled form (R15), drafts included; the print stylesheet hides the chrome. */
export default async function PrintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole(["APPLICANT"], `/applications/${id}/print`);
  const app = await (await api()).application.get({ id }).catch(notFoundIfMissing);
  return (
    <article className="mx-auto max-w-3xl bg-white p-6 print:p-0" data-print-copy-ready>
      <div className="no-print mb-4 flex gap-3">
        <PrintButton />
        <a
          href={`/api/applications/${app.id}/pdf`}
          className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50"
        >
          Скачать PDF
        </a>
      </div>
      <h1 className="text-xl font-bold">Заявление о предоставлении муниципальной услуги</h1>
      <p className="mt-1">«{app.service.title}»</p>
      <p className="mt-1 text-sm">
        {app.registrationNumber
          ? `Регистрационный номер ${app.registrationNumber}, ${app.registeredAt ? formatDate(app.registeredAt) : ""}`
          : "Черновик: заявление ещё не подано"}
      </p>
      <div className="mt-6">
        <FormAnswers steps={app.steps.filter((s) => (s.section ?? "applicant") === "applicant")} values={app.values} />
      </div>
      {app.coApplicants.map((c, i) => (
        <section key={c.email} className="mt-6" aria-labelledby={`co-${i}`}>
          <h2 id={`co-${i}`} className="text-lg font-semibold">
            Созаявитель {i + 1}: {c.email}
          </h2>
          <div className="mt-2">
            <FormAnswers
              steps={app.steps.filter((s) => s.section === "co_applicant")}
              values={c.values}
              headingLevel={3}
            />
          </div>
        </section>
      ))}
      {app.contentHash ? (
        <p className="mt-6 break-all text-xs">{contentHashLine(app.signedOnPortal, app.contentHash)}</p>
      ) : null}
      <p className="mt-10">Подпись заявителя ____________________ &nbsp; Дата ______________</p>
    </article>
  );
}
