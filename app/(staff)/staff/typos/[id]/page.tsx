import type { Metadata } from "next";
import Link from "next/link";
import { api, notFoundIfMissing } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { DEADLINE_STATUS_LABEL } from "@/server/calendar/deadline-status";
import { TYPO_STATUS_LABEL } from "@/server/typo/schema";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { DeadlineBadge } from "@/components/board/deadline-badge";
import { formatDateTime, formatDueBy } from "@/components/ui/format";
import { ProvisionalMark } from "@/components/ui/provisional-mark";
import { TypoCheckForm, TypoSignForm } from "@/components/typo/typo-staff-forms";

export const metadata: Metadata = { title: "Исправление опечатки" };
export const dynamic = "force-dynamic";

export default async function TypoCardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole(["REGISTRAR", "EXECUTOR", "HEAD", "SIGNER"], `/staff/typos/${id}`);
  const r = await (await api()).typo.get({ id }).catch(notFoundIfMissing);
  return (
    <article>
      <Breadcrumbs
        items={[
          { label: "Рабочее место", href: "/staff" },
          { label: "Исправление опечаток", href: "/staff/typos" },
          { label: `№ ${r.number}` },
        ]}
      />
      <h1 className="mt-3 text-2xl font-bold">Заявление об исправлении опечатки № {r.number}</h1>
      <p className="mt-1 flex flex-wrap items-center gap-3">
        <span className="font-medium" data-testid="typo-state">
          {TYPO_STATUS_LABEL[r.status]}
        </span>
        {r.deadline !== "none" ? <DeadlineBadge status={r.deadline} label={DEADLINE_STATUS_LABEL[r.deadline]} /> : null}
      </p>
      <dl className="mt-4 grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">Заявление</dt>
        <dd>
          <Link href={`/staff/applications/${r.applicationId}`} className="text-brand-700 underline">
            № {r.registrationNumber}
          </Link>{" "}
          — {r.serviceTitle}
        </dd>
        <dt className="text-slate-600">Документ</dt>
        <dd>
          <a href={`/api/results/${r.document.id}`} className="text-brand-700 underline">
            {r.document.title}
            {r.document.outgoingNumber ? `, исх. № ${r.document.outgoingNumber}` : ""} (PDF)
          </a>
        </dd>
        <dt className="text-slate-600">Зарегистрировано</dt>
        <dd>{formatDateTime(r.registeredAt)}</dd>
        <dt className="text-slate-600">Проверка</dt>
        <dd>до {formatDueBy(r.checkDueAt)}</dd>
        <dt className="text-slate-600">Исправление или ответ</dt>
        <dd>
          до {formatDueBy(r.fixDueAt)}
          <ProvisionalMark provisional={r.dueProvisional} />
        </dd>
        {r.handlerName ? (
          <>
            <dt className="text-slate-600">Проверил</dt>
            <dd>{r.handlerName}</dd>
          </>
        ) : null}
      </dl>
      <section className="mt-6" aria-labelledby="typo-description-title">
        <h2 id="typo-description-title" className="text-xl font-semibold">
          Опечатка в словах заявителя
        </h2>
        <p className="mt-2 whitespace-pre-line">{r.description}</p>
      </section>
      {r.correctedDocument ? (
        <p className="mt-4">
          Исправленный документ:{" "}
          <a href={`/api/results/${r.correctedDocument.id}`} className="text-brand-700 underline">
            {r.correctedDocument.title}
            {r.correctedDocument.outgoingNumber
              ? `, исх. № ${r.correctedDocument.outgoingNumber}`
              : " (не зарегистрирован)"}
          </a>
          {r.correctedDocument.issuedAt ? `, выдан ${formatDateTime(r.correctedDocument.issuedAt)}` : ""}
        </p>
      ) : null}
      {r.status === "NO_ERROR" && r.hasLetter ? (
        <p className="mt-4">
          <a href={`/api/typos/${r.id}/letter`} className="text-brand-700 underline">
            Письмо об отсутствии опечаток (PDF)
          </a>
        </p>
      ) : null}
      {r.mayCheck ? (
        <section className="mt-8 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
          <TypoCheckForm id={r.id} originalBody={r.originalBody} />
        </section>
      ) : null}
      {r.maySign ? (
        <section className="mt-8 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
          <TypoSignForm id={r.id} document={r.correctedDocument ?? null} />
        </section>
      ) : null}
    </article>
  );
}
