import type { Metadata } from "next";
import { ProvisionalMark } from "@/components/ui/provisional-mark";
import { DeadlineBadge } from "@/components/board/deadline-badge";
import { numberLabel } from "@/components/board/format";
import { formatDate, formatDateTime, formatDueBy } from "@/components/ui/format";
import { FormAnswers } from "@/components/form-answers";
import { CardActions } from "@/components/staff/card-actions";
import { CommentForm } from "@/components/staff/comment-form";
import { TypoPaperForm } from "@/components/typo/typo-paper-form";
import { EventHistory } from "@/components/staff/event-history";
import { ReassignForm } from "@/components/staff/reassign-form";
import { RequestsPanel } from "@/components/staff/requests-panel";
import { OUTCOME_LABEL, StatusBadge } from "@/components/ui/status";
import { StageStay } from "@/components/stage-stay";
import { api, notFoundIfMissing } from "@/server/api/server";
import { requireRole, STAFF_ROLES } from "@/server/auth/session";
import { CHANNEL_LABEL } from "@/server/regulation/document";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ContentMismatchWarning } from "@/components/content-mismatch-warning";
import { SignatureVerdict } from "@/components/signature/verdict";

export const metadata: Metadata = { title: "Карточка заявления" };
export const dynamic = "force-dynamic";

export default async function StaffApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireRole(STAFF_ROLES, `/staff/applications/${id}`);
  const caller = await api();
  // Another department's application is "not found", never "forbidden" (its existence is not disclosed).
  const card = await caller.staff.card({ id }).catch(notFoundIfMissing);
  // Opening the card is recorded (152-FZ), with the check of the submitted content against its hash.
  const contentCheck = await caller.staff.recordCardView({ id: card.id });
  const executors = await caller.staff.executors({ id: card.id });
  // S2 p.72: a typo request received on paper is entered here by the department's registrar.
  const paperTypo = await caller.typo.paperTarget({ applicationId: card.id });
  // Issue 15 p.4 (R17): the verdict of each .sig the applicant attached, and of each result's own signature.
  const signatureChecks = await caller.verification.attachments({ id: card.id });
  const resultVerdicts = new Map(
    await Promise.all(card.documents.map(async (d) => [d.id, await caller.verification.result({ id: d.id })] as const)),
  );
  const people = new Map(executors.map((e) => [e.id, e.name]));
  if (card.assignee?.name) people.set(card.assignee.id, card.assignee.name);

  const number = numberLabel(card.registrationNumber);
  const applicantSteps = card.steps.filter((s) => (s.section ?? "applicant") === "applicant");
  const coSteps = card.steps.filter((s) => s.section === "co_applicant");

  return (
    <article>
      <Breadcrumbs items={[{ label: "Рабочее место", href: "/staff" }, { label: `Заявление ${number}` }]} />
      <h1 className="mt-3 text-2xl font-bold">Заявление {number}</h1>
      <p className="mt-1 text-slate-700">
        {card.service.title} · {card.department} · редакция регламента {card.regulationVersion}
      </p>
      {card.variant ? (
        <p className="mt-1 text-slate-700" data-testid="card-variant">
          Вариант: {card.variant.title}
        </p>
      ) : null}
      {contentCheck.intact ? null : <ContentMismatchWarning />}

      <dl className="mt-4 grid gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2 lg:grid-cols-3">
        <div className="sm:col-span-2 lg:col-span-3">
          <dt className="text-sm text-slate-600">Этап</dt>
          <dd className="font-semibold" data-testid="card-stage">
            {card.stage?.title ?? "—"}
          </dd>
          {card.stage ? (
            <dd className="mt-1 flex flex-wrap items-center gap-2 text-sm">
              <DeadlineBadge status={card.stage.deadline.status} label={card.stage.deadline.label} />
              {card.stage.dueAt ? (
                <span data-testid="card-stage-due">
                  срок этапа — до {formatDueBy(card.stage.dueAt)}
                  <ProvisionalMark provisional={card.stage.dueProvisional} />
                </span>
              ) : null}
            </dd>
          ) : null}
          {card.uncollected ? (
            card.uncollected.overdue ? (
              <dd className="mt-2 rounded border-2 border-red-800 bg-red-50 p-2 text-red-900" data-testid="uncollected">
                Заявитель не получил документ до {formatDate(card.uncollected.collectBy)}: направьте его заказным
                письмом по почтовому адресу из запроса.
              </dd>
            ) : (
              <dd className="mt-2 text-sm" data-testid="uncollected">
                Документ ожидает получения заявителем до {formatDate(card.uncollected.collectBy)} включительно.
              </dd>
            )
          ) : null}
        </div>
        <div>
          <dt className="text-sm text-slate-600">Состояние</dt>
          <dd className="mt-0.5 flex flex-wrap items-center gap-2">
            <StatusBadge status={card.status} />
            {card.outcome ? <span className="font-medium">{OUTCOME_LABEL[card.outcome] ?? card.outcome}</span> : null}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Зарегистрировано</dt>
          <dd className="font-semibold">{card.registeredAt ? formatDateTime(card.registeredAt) : "—"}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Срок предоставления услуги</dt>
          <dd className="font-semibold">
            {card.dueAt ? `до ${formatDate(card.dueAt)}` : "—"}
            <ProvisionalMark provisional={card.dueAt ? card.dueProvisional : false} />
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Канал поступления</dt>
          <dd>{CHANNEL_LABEL[card.channel]}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Исполнитель</dt>
          <dd className="font-semibold" data-testid="card-assignee">
            {card.assignee?.name ?? "не назначен"}
          </dd>
          {card.assignee && card.status === "SUBMITTED" && card.canReassign ? (
            <dd>
              <ReassignForm
                applicationId={card.id}
                rowVersion={card.rowVersion}
                executors={executors.filter((e) => e.id !== card.assignee?.id)}
              />
            </dd>
          ) : null}
        </div>
      </dl>

      <div className="mt-6">
        <CardActions
          subject={{
            id: card.id,
            registrationNumber: card.registrationNumber,
            rowVersion: card.rowVersion,
            transitions: card.transitions,
          }}
          details={{
            serviceRefusalGrounds: card.serviceRefusalGrounds,
            intakeRefusalGrounds: card.intakeRefusalGrounds,
            resultTypes: card.resultTypes,
            documents: card.documents,
          }}
          closed={card.status !== "SUBMITTED"}
        />
      </div>

      <section aria-labelledby="applicant-title" className="mt-8">
        <h2 id="applicant-title" className="text-xl font-semibold">
          Заявитель
        </h2>
        <dl className="mt-2 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-600">ФИО или наименование</dt>
            <dd className="font-medium">{card.applicant.name}</dd>
          </div>
          {card.applicant.account !== card.applicant.name && (
            <div>
              <dt className="text-sm text-slate-600">Учётная запись</dt>
              <dd>{card.applicant.account}</dd>
            </div>
          )}
          <div>
            <dt className="text-sm text-slate-600">Электронная почта</dt>
            <dd>
              {card.applicant.email.endsWith(".invalid") ? (
                "не указана"
              ) : (
                <a href={`mailto:${card.applicant.email}`} className="text-brand-700 underline">
                  {card.applicant.email}
                </a>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">Телефон</dt>
            <dd>
              {card.applicant.phone ? (
                <a href={`tel:${card.applicant.phone}`} className="text-brand-700 underline">
                  {card.applicant.phone}
                </a>
              ) : (
                "не указан"
              )}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="answers-title" className="mt-8">
        <h2 id="answers-title" className="text-xl font-semibold">
          Сведения заявления
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Как подано заявителем; повторно запрашивать эти сведения не нужно.
        </p>
        <div className="mt-3">
          <FormAnswers steps={applicantSteps} values={card.values} headingLevel={3} />
        </div>
      </section>

      {card.coApplicants.length ? (
        <section aria-labelledby="co-applicants-title" className="mt-8">
          <h2 id="co-applicants-title" className="text-xl font-semibold">
            Созаявители
          </h2>
          <ul className="mt-3 space-y-4">
            {card.coApplicants.map((c) => (
              <li key={c.email} className="rounded-lg border border-slate-200 bg-slate-50 p-4">
                <p className="font-semibold">{c.email}</p>
                <p className="text-sm text-slate-700">
                  {c.completedAt ? `Раздел заполнен ${formatDateTime(c.completedAt)}` : "Раздел не заполнен"}
                </p>
                <div className="mt-3">
                  <FormAnswers steps={coSteps} values={c.data} headingLevel={3} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="attachments-title" className="mt-8">
        <h2 id="attachments-title" className="text-xl font-semibold">
          Вложения
        </h2>
        {card.attachments.length ? (
          <ul className="mt-2 space-y-1">
            {card.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/files/${a.id}`} className="text-brand-700 underline">
                  {a.fileName}
                </a>{" "}
                <span className="text-sm text-slate-600">
                  ({Math.max(1, Math.ceil(a.size / 1024))} КБ, {a.mimeType})
                </span>
                {signatureChecks
                  .filter((c) => c.signatureId === a.id && c.documentId)
                  .map((c) => (
                    <span key={c.signatureId} className="text-sm text-slate-600">
                      {" "}
                      — файл подписи к документу «{c.documentName}»
                    </span>
                  ))}
                {signatureChecks
                  .filter((c) => c.documentId === a.id || (c.signatureId === a.id && !c.documentId))
                  .map((c) => (
                    <div key={c.signatureId} data-testid="attachment-signature" data-file={a.fileName}>
                      {c.documentId === a.id ? (
                        <p className="mt-1 text-xs text-slate-600">Подпись из файла «{c.signatureName}»:</p>
                      ) : null}
                      <SignatureVerdict verdict={c.verdict} />
                    </div>
                  ))}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">Файлы не приложены.</p>
        )}
      </section>

      <section aria-labelledby="documents-title" className="mt-8">
        <h2 id="documents-title" className="text-xl font-semibold">
          Документы по заявлению
        </h2>
        <ul className="mt-2 space-y-2">
          {card.channel !== "PORTAL" ? (
            <li>
              <a href={`/api/applications/${card.id}/receipt`} className="text-brand-700 underline">
                Расписка в получении документов
              </a>{" "}
              <span className="text-sm text-slate-600">(PDF, в двух экземплярах)</span>
            </li>
          ) : null}
          {card.documents.map((d) => (
            <li key={d.id}>
              <a href={`/api/results/${d.id}`} className="text-brand-700 underline">
                {d.title}
              </a>{" "}
              <span className="text-sm text-slate-600">
                (PDF; {d.kind === "refusal" ? "отказ" : "результат"}, сформирован {formatDateTime(d.createdAt)}
                {d.signedAt ? `, подписан ${formatDateTime(d.signedAt)}` : ", не подписан"}
                {d.outgoingNumber ? `, исх. № ${d.outgoingNumber}` : ""}
                {d.issuedAt ? `, выдан ${formatDateTime(d.issuedAt)}` : ""})
              </span>
              {d.signedOriginal ? (
                <>
                  {" · "}
                  <a href={`/api/results/${d.id}?copy=signed`} className="text-sm text-brand-700 underline">
                    подписанный экземпляр
                  </a>
                </>
              ) : null}
              {resultVerdicts.get(d.id) ? (
                <SignatureVerdict verdict={resultVerdicts.get(d.id)!} testId="result-signature-verdict" />
              ) : null}
            </li>
          ))}
        </ul>
        {card.channel === "PORTAL" && !card.documents.length ? (
          <p className="mt-2 text-slate-700">Документ-результат ещё не сформирован.</p>
        ) : null}
      </section>

      {card.requests.length || card.requestTypes.length ? (
        // R5: requests of the regulation's types with their response deadlines; new ones only while
        // the application is under consideration.
        <RequestsPanel
          applicationId={card.id}
          requests={card.requests}
          requestTypes={card.requestTypes}
          canSend={card.status === "SUBMITTED"}
        />
      ) : null}

      <section aria-labelledby="timeline-title" className="mt-8">
        <h2 id="timeline-title" className="text-xl font-semibold">
          Этапы и сроки
        </h2>
        <ol className="mt-3 space-y-3 border-l-2 border-slate-300 pl-4" aria-label="Этапы рассмотрения">
          {card.timeline.map((s, i) => (
            <li key={`${s.stage}-${i}`}>
              <p className="font-medium">{s.title}</p>
              <StageStay stay={s} closed={card.status !== "SUBMITTED"} detailed />
              {s.responsible.length ? (
                <p className="text-sm text-slate-600">Ответственный: {s.responsible.join(", ")}</p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="history-title" className="mt-8">
        <h2 id="history-title" className="text-xl font-semibold">
          История
        </h2>
        <EventHistory events={card.events} people={people} />
      </section>

      {card.contentHash ? (
        <p className="mt-6 break-all text-xs text-slate-600">
          Простая электронная подпись заявителя: SHA-256 содержимого {card.contentHash}
        </p>
      ) : null}

      {paperTypo.mayRegister && paperTypo.terms && paperTypo.documents.length ? (
        <TypoPaperForm applicationId={card.id} terms={paperTypo.terms} documents={paperTypo.documents} />
      ) : null}

      <CommentForm applicationId={card.id} />
    </article>
  );
}
