import type { Metadata } from "next";
import Link from "next/link";
import { api, notFoundIfMissing } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { EDITION_STATE_LABEL } from "@/server/regulation/editions/schema";
import { formatDate, formatDateTime } from "@/components/ui/format";
import {
  CatalogueToggle,
  DiscardDraftButton,
  ServiceSettingsForm,
  StartDraftButton,
} from "@/components/admin/regulation/service-forms";
import { ImportExport } from "@/components/admin/regulation/import-export";

export const metadata: Metadata = { title: "Услуга" };
export const dynamic = "force-dynamic";

const person = (p: { lastName: string; firstName: string } | null) => (p ? `${p.lastName} ${p.firstName}` : "—");

// One service: its settings, the catalogue, its editions and what can be done with each (issue 10 p.1, p.4).
export default async function ServicePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await requireRole(["ADMIN"], `/admin/services/${code}`);
  const caller = await api();
  const [service, departments, list] = await Promise.all([
    caller.regulation.service({ code }).catch(notFoundIfMissing),
    caller.organisation.openDepartments(),
    caller.regulation.services(),
  ]);
  const openApplications = list.find((s) => s.id === service.id)?.openApplications ?? 0;
  const draft = service.editions.find((e) => e.state === "draft");
  const inForce = service.editions.find((e) => e.state === "in_force");
  const editorHref = (id: string) => `/admin/services/${service.code}/editions/${id}`;
  return (
    <div>
      <p className="text-sm">
        <Link href="/admin/services" className="text-brand-700 underline">
          ← Все услуги
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{service.title}</h1>
      <p className="mt-1 text-slate-700">
        Код <code>{service.code}</code> · {service.department.name} ·{" "}
        {service.isActive ? "в каталоге" : <strong>исключена из каталога</strong>} · открытых заявлений:{" "}
        {openApplications}
      </p>

      <section id="editions" className="mt-6" aria-labelledby="editions-title">
        <h2 id="editions-title" className="text-xl font-semibold">
          Редакции регламента
        </h2>
        <div className="mt-3 flex flex-wrap items-start gap-3">
          {draft ? (
            <>
              <Link href={editorHref(draft.id)} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
                Продолжить черновик № {draft.version}
              </Link>
              <Link href={`${editorHref(draft.id)}/publish`} className="px-2 py-2 text-brand-700 underline">
                Опубликовать…
              </Link>
              <DiscardDraftButton id={draft.id} version={draft.version} />
            </>
          ) : (
            <StartDraftButton
              serviceId={service.id}
              serviceCode={service.code}
              label={
                inForce ? `Начать новую редакцию на основе действующей (№ ${inForce.version})` : "Начать новую редакцию"
              }
              kind="primary"
            />
          )}
        </div>
        <table className="mt-4 w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Редакции регламента услуги</caption>
          <thead>
            <tr className="border-b">
              <th scope="col" className="p-2">
                Редакция
              </th>
              <th scope="col" className="p-2">
                Состояние
              </th>
              <th scope="col" className="p-2">
                Вступает в силу
              </th>
              <th scope="col" className="p-2">
                Основание
              </th>
              <th scope="col" className="p-2">
                Кто
              </th>
              <th scope="col" className="p-2">
                Основана на
              </th>
              <th scope="col" className="p-2">
                Заявлений
              </th>
              <th scope="col" className="p-2">
                Действия
              </th>
            </tr>
          </thead>
          <tbody>
            {service.editions.map((e) => (
              <tr key={e.id} className="border-b align-top">
                <th scope="row" className="p-2">
                  <Link href={editorHref(e.id)} className="text-brand-700 underline">
                    № {e.version}
                  </Link>
                </th>
                <td className="p-2">{EDITION_STATE_LABEL[e.state]}</td>
                <td className="p-2">{e.effectiveFrom ? formatDate(e.effectiveFrom) : "—"}</td>
                <td className="p-2">
                  {e.actNumber || e.actDate
                    ? `${e.actNumber ? `№ ${e.actNumber}` : ""}${e.actDate ? ` от ${formatDate(e.actDate)}` : ""}`
                    : (e.basis ?? "—")}
                </td>
                <td className="p-2">
                  {e.publishedBy ? `опубликовал(а) ${person(e.publishedBy)}` : `создал(а) ${person(e.createdBy)}`}
                  <span className="block text-slate-600">{formatDateTime(e.publishedAt ?? e.updatedAt)}</span>
                </td>
                <td className="p-2">{e.basedOn ? `№ ${e.basedOn.version}` : "—"}</td>
                <td className="p-2">{e.applications}</td>
                <td className="p-2">
                  {e.state === "draft" ? (
                    <Link href={editorHref(e.id)} className="text-brand-700 underline">
                      Открыть черновик<span className="sr-only"> № {e.version}</span>
                    </Link>
                  ) : (
                    <div className="space-y-1">
                      <Link href={editorHref(e.id)} className="text-brand-700 underline">
                        Просмотреть<span className="sr-only"> редакцию № {e.version}</span>
                      </Link>
                      {!draft && e.state !== "in_force" ? (
                        <StartDraftButton
                          serviceId={service.id}
                          serviceCode={service.code}
                          fromVersionId={e.id}
                          label={`Восстановить редакцию № ${e.version}`}
                          kind="link"
                        />
                      ) : null}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {draft ? (
          <p className="mt-2 text-sm text-slate-700">
            Восстановить прежнюю редакцию можно, когда черновика нет: у услуги один черновик за раз.
          </p>
        ) : null}
        {/* Import and export of an edition (issue 10 p.6). */}
        <div id="edition-tools" className="mt-6">
          <ImportExport
            serviceId={service.id}
            serviceCode={service.code}
            editions={service.editions.map((e) => ({ id: e.id, version: e.version, state: e.state }))}
          />
        </div>
      </section>

      <section className="mt-8 grid gap-6 md:grid-cols-2">
        <div className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 className="text-xl font-semibold">Сведения об услуге</h2>
          <div className="mt-3">
            <ServiceSettingsForm
              serviceId={service.id}
              title={service.title}
              departmentId={service.department.id}
              departments={departments}
            />
          </div>
        </div>
        <div className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 className="text-xl font-semibold">Каталог</h2>
          <p className="mt-2 text-slate-700">
            {service.isActive
              ? "Услуга есть в каталоге: заявители могут подать заявление."
              : "Услуга исключена из каталога: новые заявления не принимаются, открытые рассматриваются дальше."}
          </p>
          <div className="mt-3">
            <CatalogueToggle serviceId={service.id} active={service.isActive} openApplications={openApplications} />
          </div>
        </div>
      </section>
    </div>
  );
}
