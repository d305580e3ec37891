import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { api, notFoundIfMissing } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { isUuid } from "@/server/ids";
import type { EditionState } from "@/server/regulation/editions/schema";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PublishForm } from "@/components/admin/regulation/publish-form";
import { formatShortDate } from "@/components/admin/regulation/impact-text";

export const metadata: Metadata = { title: "Публикация редакции регламента" };
export const dynamic = "force-dynamic";

// Publishing a draft edition of a service's regulation (issue 10 p.4, R11): the effective date and
// the amending act, what changes against the edition in force, whom it concerns, and the problems
// that forbid it. An edition already published is shown with its state, never published again.
function publishedState(state: EditionState, effectiveFrom: Date | null): string {
  const from = effectiveFrom ? formatShortDate(effectiveFrom) : null;
  if (state === "scheduled" && from) return `вступит в силу ${from}`;
  if (state === "in_force") return from ? `действует с ${from}` : "действует";
  return from ? `утратила силу (действовала с ${from})` : "утратила силу";
}

export default async function PublishEditionPage({ params }: { params: Promise<{ code: string; id: string }> }) {
  const { code, id } = await params;
  await requireRole(["ADMIN"], `/admin/services/${code}/editions/${id}/publish`);
  if (!isUuid(id)) notFound();
  const caller = await api();
  const edition = await caller.regulation.edition({ id }).catch(notFoundIfMissing);
  if (edition.service.code !== code) notFound();
  const serviceHref = `/admin/services/${encodeURIComponent(code)}`;
  const editorHref = `${serviceHref}/editions/${id}`;
  const crumbs = [
    { label: "Услуги", href: "/admin/services" },
    { label: edition.service.title, href: serviceHref },
    { label: `Редакция № ${edition.version}`, href: editorHref },
    { label: "Публикация" },
  ];

  if (edition.status !== "DRAFT")
    return (
      <div className="max-w-3xl space-y-4">
        <Breadcrumbs items={crumbs} />
        <h1 className="text-2xl font-bold">Редакция № {edition.version}</h1>
        <p role="status" className="rounded border-2 border-slate-400 bg-slate-50 p-3">
          {edition.status === "PUBLISHED"
            ? `Редакция уже опубликована: ${publishedState(edition.state, edition.effectiveFrom)}. Опубликованная редакция не изменяется: изменения вносятся новой редакцией.`
            : "Черновик удалён: его нельзя опубликовать. Начните новую редакцию на странице услуги."}
        </p>
        <p>
          <Link href={serviceHref} className="text-brand-700 underline">
            К услуге и её редакциям
          </Link>
        </p>
      </div>
    );

  const preview = await caller.regulation.publishPreview({ id });
  const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  return (
    <div className="space-y-4">
      <Breadcrumbs items={crumbs} />
      <h1 className="text-2xl font-bold">Публикация редакции № {edition.version}</h1>
      <p className="max-w-3xl">
        Услуга «{edition.service.title}». Изменения регламента публикуются в течение 5 рабочих дней со дня принятия акта
        (R11). Заявления, поданные до даты вступления в силу, рассматриваются по редакции, по которой поданы.{" "}
        <Link href={editorHref} className="text-brand-700 underline">
          Вернуться в редактор
        </Link>
      </p>
      <PublishForm
        editionId={id}
        serviceCode={code}
        initial={preview}
        defaults={{
          effectiveFrom: preview.today,
          actNumber: edition.actNumber ?? "",
          actDate: iso(edition.actDate),
          basis: edition.basis ?? "",
        }}
      />
    </div>
  );
}
