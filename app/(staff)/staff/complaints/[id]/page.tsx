import type { Metadata } from "next";
import Link from "next/link";
import { api, notFoundIfMissing } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { DEADLINE_STATUS_LABEL } from "@/server/calendar/deadline-status";
import { COMPLAINT_STATUS_LABEL, COMPLAINT_SUBJECT_LABEL, type ComplaintSubject } from "@/server/complaint/schema";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { DeadlineBadge } from "@/components/board/deadline-badge";
import { formatDate, formatDateTime, formatDueBy } from "@/components/ui/format";
import { ProvisionalMark } from "@/components/ui/provisional-mark";
import { DecisionForm } from "@/components/complaint/decision-form";

export const metadata: Metadata = { title: "Жалоба" };
export const dynamic = "force-dynamic";

const CHANNEL: Record<string, string> = { PORTAL: "через личный кабинет", POST: "на бумаге (по почте или лично)" };

export default async function ComplaintCardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole(["HEAD", "REGISTRAR"], `/staff/complaints/${id}`);
  const c = await (await api()).complaint.get({ id }).catch(notFoundIfMissing);
  return (
    <article>
      <Breadcrumbs
        items={[
          { label: "Рабочее место", href: "/staff" },
          { label: "Жалобы", href: "/staff/complaints" },
          { label: `Жалоба № ${c.number}` },
        ]}
      />
      <h1 className="mt-3 text-2xl font-bold">Жалоба № {c.number}</h1>
      <p className="mt-1 flex flex-wrap items-center gap-3">
        <span className="font-medium">{COMPLAINT_STATUS_LABEL[c.status]}</span>
        {c.status === "REGISTERED" ? (
          <DeadlineBadge status={c.deadline} label={DEADLINE_STATUS_LABEL[c.deadline]} />
        ) : null}
      </p>
      <dl className="mt-4 grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">Заявитель</dt>
        <dd>
          {c.complainantName}
          {c.complainantAddress ? <span className="block text-sm">{c.complainantAddress}</span> : null}
          {c.complainantEmail ? <span className="block text-sm">{c.complainantEmail}</span> : null}
        </dd>
        <dt className="text-slate-600">Поступила</dt>
        <dd>
          {formatDateTime(c.registeredAt)}, {CHANNEL[c.channel] ?? c.channel}
        </dd>
        <dt className="text-slate-600">Срок рассмотрения</dt>
        <dd data-testid="complaint-due">
          до {formatDueBy(c.dueAt)}
          <ProvisionalMark provisional={c.dueProvisional} />
        </dd>
        <dt className="text-slate-600">Предмет</dt>
        <dd>{COMPLAINT_SUBJECT_LABEL[c.subject as ComplaintSubject] ?? c.subject}</dd>
        {c.registrationNumber ? (
          <>
            <dt className="text-slate-600">Заявление</dt>
            <dd>
              <Link href={`/staff/applications/${c.applicationId}`} className="text-brand-700 underline">
                № {c.registrationNumber}
              </Link>
              {c.serviceTitle ? ` — ${c.serviceTitle}` : ""}
            </dd>
          </>
        ) : null}
        <dt className="text-slate-600">Обжалуется решение (действие)</dt>
        <dd>{c.againstName ?? "должностное лицо не указано"}</dd>
        <dt className="text-slate-600">Подразделение</dt>
        <dd>{c.departmentName}</dd>
      </dl>
      <section className="mt-6" aria-labelledby="text-title">
        <h2 id="text-title" className="text-xl font-semibold">
          Текст жалобы
        </h2>
        <p className="mt-2 whitespace-pre-line">{c.text}</p>
        {c.files.length ? (
          <ul className="mt-2 list-disc pl-6">
            {c.files.map((f) => (
              <li key={f.index}>
                <a href={`/api/complaints/${c.id}/files/${f.index}`} className="text-brand-700 underline">
                  {f.fileName}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {c.decidedAt ? (
        <section
          className="mt-6 rounded-lg border-l-4 border-brand-700 bg-brand-50 p-4"
          aria-labelledby="decided-title"
        >
          <h2 id="decided-title" className="font-semibold">
            Решение от {formatDate(c.decidedAt)}: {COMPLAINT_STATUS_LABEL[c.status].toLowerCase()}
          </h2>
          <p className="mt-1 whitespace-pre-line">Мотивы: {c.decisionText}</p>
          {c.remedy ? <p className="mt-1 whitespace-pre-line">Меры: {c.remedy}</p> : null}
          <p className="mt-1 text-sm">
            Рассмотрел: {c.reviewerName}. Направлено заявителю{" "}
            {c.decisionSentAt ? formatDateTime(c.decisionSentAt) : "—"}.
          </p>
          {c.hasLetter ? (
            <a href={`/api/complaints/${c.id}/letter`} className="mt-1 inline-block text-brand-700 underline">
              Письмо с решением (PDF)
            </a>
          ) : null}
        </section>
      ) : c.mayDecide ? (
        <section className="mt-8 max-w-3xl rounded-lg border border-slate-200 bg-white p-5">
          <DecisionForm complaintId={c.id} />
        </section>
      ) : (
        <p className="mt-6 max-w-3xl rounded border-l-4 border-amber-700 bg-amber-50 p-3" role="note">
          {c.isAgainstCaller
            ? "Жалоба подана на ваше решение (действие): рассмотреть её вы не можете, её рассматривает другое должностное лицо."
            : "Решение по жалобе принимает руководитель подразделения."}
        </p>
      )}
    </article>
  );
}
