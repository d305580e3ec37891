import type { Metadata } from "next";
import { CONTENT_HASH_HINT, contentHashLine } from "@/server/application/content-hash";
import { ProvisionalMark } from "@/components/ui/provisional-mark";
import Link from "next/link";
import { api, notFoundIfMissing } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { formatDate, formatDateTime, formatDueBy } from "@/components/ui/format";
import { OUTCOME_LABEL, StatusBadge } from "@/components/ui/status";
import { StageStay } from "@/components/stage-stay";
import { CopyApplicationButton } from "@/components/copy-application-button";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ContentMismatchWarning } from "@/components/content-mismatch-warning";
// Issue 14 p.4-5 (appointments, rating, the cabinet): withdrawal and the rating.
import { ApplicationRights } from "@/components/cabinet/application-rights";
import { Appeals } from "@/components/cabinet/appeals";
import { SignatureVerdict } from "@/components/signature/verdict";

export const metadata: Metadata = { title: "Заявление" };
export const dynamic = "force-dynamic";

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole(["APPLICANT"], `/cabinet/applications/${id}`);
  const caller = await api();
  const app = await caller.application.get({ id }).catch(notFoundIfMissing);
  const contentCheck = await caller.application.checkContent({ id: app.id });
  // Issue 15 p.4 (R20): each issued result's signature, checked against its signed original.
  const resultVerdicts = new Map(
    await Promise.all(app.documents.map(async (d) => [d.id, await caller.verification.result({ id: d.id })] as const)),
  );
  return (
    <article>
      <Breadcrumbs
        noPrint
        items={[{ label: "Личный кабинет", href: "/cabinet" }, { label: `Заявление ${app.registrationNumber ?? ""}` }]}
      />
      <h1 className="mt-3 text-2xl font-bold">
        Заявление {app.registrationNumber ? `№ ${app.registrationNumber}` : "(черновик)"}
      </h1>
      <p className="mt-1 text-slate-700">{app.service.title}</p>
      {app.variant ? (
        <p className="mt-1 text-slate-700" data-testid="application-variant">
          Вариант: {app.variant}
        </p>
      ) : null}
      {contentCheck.intact ? null : <ContentMismatchWarning />}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <StatusBadge status={app.status} />
        {app.outcome ? <span className="font-medium">{OUTCOME_LABEL[app.outcome] ?? app.outcome}</span> : null}
      </div>

      <dl className="mt-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-600">Зарегистрировано</dt>
          <dd className="font-semibold">{app.registeredAt ? formatDateTime(app.registeredAt) : "—"}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Ожидаемый срок результата</dt>
          <dd className="font-semibold" data-testid="due-date">
            {app.dueAt ? formatDate(app.dueAt) : "—"}
            <ProvisionalMark provisional={app.dueAt ? app.dueProvisional : false} />
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Ответственный исполнитель</dt>
          <dd className="font-semibold">{app.executor ? app.executor.name : "будет назначен"}</dd>
          {app.executor?.phone ? <dd className="text-sm">Телефон: {app.executor.phone}</dd> : null}
        </div>
      </dl>

      {app.current && app.status === "SUBMITTED" ? (
        <section className="mt-6 rounded-lg border-l-4 border-brand-700 bg-brand-50 p-4" aria-labelledby="next-step">
          <h2 id="next-step" className="font-semibold">
            Сейчас: {app.current.title}
          </h2>
          <LegalTitle title={app.current.legalTitle} />
          {app.current.note ? <p className="mt-1">{app.current.note}</p> : null}
          {app.current.dueAt ? (
            <p className="mt-1 text-sm">
              Этап должен быть завершён до {formatDueBy(app.current.dueAt)}
              <ProvisionalMark provisional={app.current.dueProvisional} />.
            </p>
          ) : null}
        </section>
      ) : null}

      {app.refusal ? (
        <section className="mt-6 rounded-lg border-l-4 border-red-700 bg-red-50 p-4" aria-labelledby="refusal">
          <h2 id="refusal" className="font-semibold">
            Основания отказа
          </h2>
          <ol className="mt-2 list-decimal pl-6">
            {app.refusal.refusalGrounds?.map((g) => (
              <li key={g.code}>{g.text}</li>
            ))}
          </ol>
          {app.refusal.motivation ? <p className="mt-2">{app.refusal.motivation}</p> : null}
        </section>
      ) : null}

      {app.documents.length ? (
        <section className="mt-6 rounded-lg border-l-4 border-green-700 bg-green-50 p-4" aria-labelledby="results">
          <h2 id="results" className="font-semibold">
            Результат предоставления услуги
          </h2>
          <ul className="mt-2 space-y-1">
            {app.documents.map((d) => (
              <li key={d.id}>
                <a href={`/api/results/${d.id}`} className="font-medium text-brand-700 underline">
                  {d.title}
                </a>
                {d.outgoingNumber
                  ? ` — исх. № ${d.outgoingNumber}${d.registeredAt ? ` от ${formatDate(d.registeredAt)}` : ""}`
                  : ""}{" "}
                (PDF)
                {/* A document signed before issue 15 has no .sig: its signed original alone is offered. */}
                {d.signedOriginal && !resultVerdicts.get(d.id) ? (
                  <>
                    {" · "}
                    <a href={`/api/results/${d.id}?copy=signed`} className="text-sm text-brand-700 underline">
                      подписанный экземпляр
                    </a>
                    <span className="text-sm text-slate-600">
                      {" "}
                      (для проверки подписи; номер и отметка о подписи — в основном файле)
                    </span>
                  </>
                ) : null}
                {resultVerdicts.get(d.id) ? (
                  <div data-testid="result-signature">
                    <SignatureVerdict verdict={resultVerdicts.get(d.id)!} />
                    <p className="mt-1 text-sm">
                      <a href={`/api/results/${d.id}?copy=signed`} className="text-brand-700 underline">
                        Подписанный документ (PDF)
                      </a>
                      {" · "}
                      <a href={`/api/results/${d.id}?copy=sig`} className="text-brand-700 underline">
                        Файл электронной подписи (.sig)
                      </a>
                    </p>
                    <p className="mt-1 text-xs text-slate-700">
                      Файл подписи проверяется вместе с подписанным документом (PDF), например на странице{" "}
                      <a href="/verify" className="text-brand-700 underline">
                        «Проверка электронной подписи»
                      </a>
                      ; экземпляр с отметкой о подписи и исходящим номером — для печати.
                    </p>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {/* Issue 14 p.4-5: withdraw before the decision, rate once the result is issued. */}
      <ApplicationRights applicationId={app.id} status={app.status} />

      <section className="mt-8" aria-labelledby="timeline">
        <h2 id="timeline" className="text-xl font-semibold">
          Ход рассмотрения
        </h2>
        <ol className="mt-3 space-y-3 border-l-2 border-slate-300 pl-4">
          {app.timeline.map((s, i) => (
            <li key={`${s.stage}-${i}`}>
              <p className="font-medium">{s.title}</p>
              <LegalTitle title={s.legalTitle} />
              <StageStay stay={s} closed={app.status !== "SUBMITTED"} />
            </li>
          ))}
        </ol>
      </section>

      <section className="mt-8" aria-labelledby="notifications">
        <h2 id="notifications" className="text-xl font-semibold">
          Уведомления
        </h2>
        {app.notifications.length ? (
          <ul className="mt-3 space-y-3">
            {app.notifications.map((n) => (
              <li key={n.id} className="rounded border border-slate-200 bg-white p-3">
                <p className="font-medium">{n.title}</p>
                <p className="text-sm text-slate-600">{formatDateTime(n.createdAt)}</p>
                <p className="mt-1 whitespace-pre-line">{n.body}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">Уведомлений пока нет.</p>
        )}
      </section>

      {app.status !== "DRAFT" ? <Appeals applicationId={app.id} /> : null}

      <div className="mt-8 flex flex-wrap gap-3 no-print">
        <Link
          href={`/applications/${app.id}/print`}
          className="rounded border border-brand-700 px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50"
        >
          Версия для печати
        </Link>
        <CopyApplicationButton serviceCode={app.service.code} applicationId={app.id} />
      </div>
      {app.contentHash ? (
        <details className="mt-6 text-sm text-slate-700">
          <summary className="cursor-pointer">
            {app.signedOnPortal ? "Заявление подписано простой электронной подписью" : "Контрольная сумма заявления"}
          </summary>
          <p className="mt-2 break-all text-xs">{contentHashLine(app.signedOnPortal, app.contentHash)}</p>
          <p className="mt-1 text-xs">{CONTENT_HASH_HINT}</p>
        </details>
      ) : null}
    </article>
  );
}

/** Issue 16 p.8: the procedure's name in the regulation, for whoever asks; the plain name is shown. */
function LegalTitle({ title }: { title: string | null }) {
  if (!title) return null;
  return (
    <details className="mt-1 text-sm text-slate-700">
      <summary className="cursor-pointer text-brand-700">Наименование процедуры в регламенте</summary>
      <p className="mt-1">{title}</p>
    </details>
  );
}
