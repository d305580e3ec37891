import type { Metadata } from "next";
import { api, notFoundIfMissing } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { CoApplicantSectionForm } from "@/components/co-applicant/section-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata: Metadata = { title: "Раздел созаявителя" };
export const dynamic = "force-dynamic";

export default async function CoApplicantPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole(["APPLICANT"], `/applications/${id}/co-applicant`);
  const section = await (await api()).application.coApplicantSection({ id }).catch(notFoundIfMissing);
  return (
    <div className="mx-auto max-w-3xl">
      <Breadcrumbs items={[{ label: "Личный кабинет", href: "/cabinet" }]} />
      <h1 className="mt-3 text-2xl font-bold">Раздел созаявителя</h1>
      {section.status !== "DRAFT" ? (
        <p className="mt-4 rounded bg-slate-100 p-3">Заявление уже подано; раздел больше нельзя изменить.</p>
      ) : (
        <div className="mt-6">
          <CoApplicantSectionForm
            applicationId={id}
            steps={section.steps}
            values={section.values}
            completed={!!section.completedAt}
            ownerName={section.ownerName}
            serviceTitle={section.serviceTitle}
          />
        </div>
      )}
    </div>
  );
}
