import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { api, notFoundIfMissing } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { isUuid } from "@/server/ids";
import { ApplicationWizard } from "@/components/form/application-wizard";
import { CoApplicantsPanel } from "@/components/co-applicant/owner-panel-lazy";
import { FormUpdateNotice } from "@/components/form/form-update-notice";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata: Metadata = { title: "Заполнение заявления" };
export const dynamic = "force-dynamic";

// No loading.tsx here on purpose: a loading boundary sends the page's 200 before this check can answer
// 404, and another applicant's draft would be "not found" with 200 (issue 9, item 5).
async function load(id: string) {
  // A malformed id is as unknown as another applicant's draft: "not found", never a 500.
  if (!isUuid(id)) notFound();
  return (await api()).application.getDraft({ id }).catch(notFoundIfMissing);
}

export default async function ApplicationDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole(["APPLICANT"], `/applications/${id}`);
  const draft = await load(id);
  // A submitted application lives in the cabinet; its draft form is closed.
  if (draft.status !== "DRAFT") redirect(`/cabinet/applications/${draft.id}`);
  // A service with variants (issue 10 p.8): the profiling questions come first, and again when the
  // edition in force no longer has the draft's variant.
  if (draft.profiling && !draft.profiling.variant) redirect(`/applications/${draft.id}/profile`);
  return (
    <div>
      <Breadcrumbs
        noPrint
        items={[
          { label: "Личный кабинет", href: "/cabinet" },
          { label: draft.service.title, href: `/services/${draft.service.code}` },
        ]}
      />
      <h1 className="mt-3 text-3xl font-bold">{draft.service.title}</h1>
      {/* Issue 16 p.8: no «редакция регламента № N» for the applicant; a change of the rules is told by
          FormUpdateNotice in plain words when it moves the draft. */}
      <p className="mt-1 text-slate-700">Черновик заявления</p>
      {draft.profiling?.variant ? (
        <p className="mt-1 text-slate-700" data-testid="draft-variant">
          Ваш вариант: <strong>{draft.profiling.variant.title}</strong> ·{" "}
          <Link href={`/applications/${draft.id}/profile`} className="text-brand-700 underline">
            Изменить ответы на вопросы
          </Link>
        </p>
      ) : null}
      {draft.formUpdate ? <FormUpdateNotice {...draft.formUpdate} /> : null}
      <ApplicationWizard draft={draft} />
      {draft.jointRequest ? <CoApplicantsPanel applicationId={draft.id} /> : null}
    </div>
  );
}
