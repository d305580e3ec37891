import type { Metadata } from "next";
import { api, notFoundIfMissing } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { formatWithin } from "@/components/ui/format";
import { ComplaintForm } from "@/components/complaint/complaint-form";
import { ComplaintList } from "@/components/complaint/complaint-list";

export const metadata: Metadata = { title: "Жалоба" };
export const dynamic = "force-dynamic";

// A pre-trial complaint on the application (R21; 210-FZ art. 11.1-11.2; S1 p.47-50, S2 p.74).
export default async function ComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole(["APPLICANT"], `/cabinet/applications/${id}/complaint`);
  const { application: app, complaints } = await (
    await api()
  ).complaint
    .forApplication({ applicationId: id })
    .catch(notFoundIfMissing);
  const label = `Заявление ${app.registrationNumber ?? ""}`.trim();
  return (
    <article>
      <Breadcrumbs
        items={[
          { label: "Личный кабинет", href: "/cabinet" },
          { label, href: `/cabinet/applications/${app.id}` },
          { label: "Жалоба" },
        ]}
      />
      <h1 className="mt-3 text-2xl font-bold">Досудебное обжалование</h1>
      <p className="mt-1 text-slate-700">
        {label} · {app.serviceTitle}
      </p>
      <p className="mt-3 max-w-3xl">
        Жалоба рассматривается {formatWithin(app.reviewTerm ?? { value: 15, unit: "working_days" })} со дня её
        регистрации, а жалоба на отказ в приёме документов или в исправлении опечаток —{" "}
        {formatWithin({ value: 5, unit: "working_days" })}. Решение направляется вам в письменной форме и по электронной
        почте. Её рассматривает руководитель подразделения; должностное лицо, чьё решение обжалуется, её не
        рассматривает.
      </p>
      <details className="mt-2 max-w-3xl text-sm text-slate-700">
        <summary className="cursor-pointer text-brand-700 underline">Порядок обжалования по регламенту</summary>
        <p className="mt-1 whitespace-pre-line">{app.appealText}</p>
      </details>

      {complaints.length ? (
        <section className="mt-6" aria-labelledby="complaints-title">
          <h2 id="complaints-title" className="text-xl font-semibold">
            Поданные жалобы
          </h2>
          <ComplaintList complaints={complaints} />
        </section>
      ) : null}

      <section className="mt-8 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
        <ComplaintForm
          applicationId={app.id}
          defaultSubject={
            app.outcome === "refused" ? "refusal" : app.outcome === "intake_refused" ? "intake_refusal" : undefined
          }
        />
      </section>
    </article>
  );
}
