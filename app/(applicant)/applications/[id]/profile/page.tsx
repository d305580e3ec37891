import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { api, notFoundIfMissing } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { isUuid } from "@/server/ids";
import { ProfilingForm } from "@/components/form/profiling-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata: Metadata = { title: "Вопросы о заявителе" };
export const dynamic = "force-dynamic";

// The profiling questions of a service with variants (issue 10 p.8): asked before the form, and
// again whenever the applicant wants to change the answers while the application is a draft.
export default async function ProfilingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole(["APPLICANT"], `/applications/${id}/profile`);
  if (!isUuid(id)) notFound();
  const draft = await (await api()).application.getDraft({ id }).catch(notFoundIfMissing);
  if (draft.status !== "DRAFT") redirect(`/cabinet/applications/${draft.id}`);
  // A service without variants asks nothing: straight to the form.
  if (!draft.profiling) redirect(`/applications/${draft.id}`);
  return (
    <div>
      <Breadcrumbs
        items={[
          { label: "Личный кабинет", href: "/cabinet" },
          { label: draft.service.title, href: `/services/${draft.service.code}` },
        ]}
      />
      <h1 className="mt-3 text-3xl font-bold">{draft.service.title}</h1>
      <p className="mt-1 text-slate-700">Заявление (черновик) · вопросы о заявителе</p>
      <ProfilingForm applicationId={draft.id} profiling={draft.profiling} />
    </div>
  );
}
