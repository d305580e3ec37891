import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { api } from "@/server/api/server";
import { CHANNEL_LABEL, ROLE_LABEL } from "@/server/regulation/document";
import { formatAtMost, formatDate, formatDuration, formatWithin } from "@/components/ui/format";
import { ApplyButton } from "@/components/apply-button";
import { getSession, hasAnyRole } from "@/server/auth/session";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import Link from "next/link";
import { typoTermsText } from "@/server/typo/schema";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";

async function load(code: string) {
  try {
    return await (await api()).catalogue.get({ code });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const info = await load((await params).code);
  return { title: info.title };
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-8">
      <h2 className="text-xl font-semibold">{title}</h2>
      <div className="mt-2 text-slate-800">{children}</div>
    </section>
  );
}

export default async function ServicePage({ params }: { params: Promise<{ code: string }> }) {
  const info = await load((await params).code);
  const session = await getSession();
  const doc = info.document;
  const p = doc.passport;
  const demo = env().demo;
  return (
    <article>
      <Breadcrumbs items={[{ label: "Каталог услуг", href: "/" }, { label: p.shortName ?? info.title }]} />
      <h1 className="mt-3 text-3xl font-bold">{p.name}</h1>
      <p className="mt-2 text-slate-700">{p.authority.name}</p>
      <p className="mt-1 text-sm text-slate-600">
        Редакция регламента № {info.version}
        {info.effectiveFrom ? `, действует с ${formatDate(info.effectiveFrom)}` : ""}
      </p>
      <div className="mt-5 no-print">
        <ApplyButton serviceCode={info.code} signedIn={!!session} isApplicant={hasAnyRole(session, ["APPLICANT"])} />
        {p.appointment ? (
          <p className="mt-3">
            <Link href={`/appointments/${info.code}`} className="font-medium text-brand-700 underline">
              Записаться на личный приём
            </Link>{" "}
            <span className="text-sm text-slate-600">в свободное время по графику приёма</span>
          </p>
        ) : null}
      </div>

      <dl className="mt-8 grid gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-600">Срок предоставления</dt>
          <dd className="text-lg font-semibold">{formatDuration(p.term)}</dd>
          {p.term.note && <dd className="text-sm text-slate-600">{p.term.note}</dd>}
        </div>
        <div>
          <dt className="text-sm text-slate-600">Стоимость</dt>
          <dd className="text-lg font-semibold">{p.fee.free ? "Бесплатно" : `${p.fee.amount ?? ""} ₽`}</dd>
          {p.fee.note && <dd className="text-sm text-slate-600">{p.fee.note}</dd>}
        </div>
        <div>
          <dt className="text-sm text-slate-600">Ожидание в очереди</dt>
          <dd className="text-lg font-semibold">
            {p.maxQueueMinutes ? formatAtMost({ value: p.maxQueueMinutes, unit: "working_minutes" }) : "—"}
          </dd>
        </div>
      </dl>

      <Section title="Кто может обратиться">
        <ul className="list-disc pl-6">
          {p.applicantCategories.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </Section>

      <Section title="Документы">
        <ul className="list-disc pl-6">
          {p.documents.map((d) => (
            <li key={d.title}>
              {d.title}
              {d.required === "conditional" && d.condition ? (
                <span className="text-slate-600"> — {d.condition}</span>
              ) : null}
              {d.providedBy === "interagency" ? (
                <span className="text-slate-600">
                  {" "}
                  (запрашивается администрацией самостоятельно, представлять не нужно)
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Результат услуги">
        <ul className="list-disc pl-6">
          {doc.resultTypes.map((r) => (
            <li key={r.code}>{r.title}</li>
          ))}
        </ul>
      </Section>

      <Section title="Основания для отказа в приёме документов">
        {doc.intakeRefusalGrounds.length ? (
          <ol className="list-decimal pl-6">
            {doc.intakeRefusalGrounds.map((g) => (
              <li key={g.code}>{g.text}</li>
            ))}
          </ol>
        ) : (
          <p>Не предусмотрены.</p>
        )}
      </Section>

      <Section title="Основания для отказа в предоставлении услуги">
        {doc.serviceRefusalGrounds.length ? (
          <ol className="list-decimal pl-6">
            {doc.serviceRefusalGrounds.map((g) => (
              <li key={g.code}>{g.text}</li>
            ))}
          </ol>
        ) : (
          <p>Не предусмотрены.</p>
        )}
      </Section>

      <Section title="Как подать заявление и в какие сроки его зарегистрируют">
        <ul className="list-disc pl-6">
          {p.registrationTerms.map((r) => (
            <li key={r.channel}>
              {CHANNEL_LABEL[r.channel]}: {formatWithin(r.term)}
              {r.note ? ` (${r.note})` : ""}
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Порядок предоставления">
        <ol className="list-decimal space-y-2 pl-6">
          {doc.stages
            .filter((s) => !s.final)
            .map((s) => (
              <li key={s.key}>
                <span className="font-medium">{s.title}</span>
                {s.deadline ? <span> — {formatDuration(s.deadline)}</span> : null}
                <span className="block text-sm text-slate-600">
                  Ответственный: {s.responsibleRoles.map((r) => ROLE_LABEL[r]).join(", ")}
                </span>
              </li>
            ))}
        </ol>
      </Section>

      <Section title="Способы получения результата">
        <ul className="list-disc pl-6">
          {doc.deliveryChannels.map((c) => (
            <li key={c.code}>{c.title}</li>
          ))}
        </ul>
        {/* Issue 15 p.1: what the electronic document's signature is here, no more than that. */}
        <p className="mt-3 text-sm text-slate-700" data-testid="signature-notice">
          {demo
            ? "В этой демонстрационной установке электронный результат подписывается ключом тестового удостоверяющего центра: подпись настоящая (ГОСТ Р 34.10-2012), но не квалифицированная."
            : "Электронный результат подписывается электронной подписью уполномоченного должностного лица (ГОСТ Р 34.10-2012)."}{" "}
          Проверить подпись документа можно на странице{" "}
          <Link href="/verify" className="text-brand-700 underline">
            «Проверка электронной подписи»
          </Link>
          .
        </p>
      </Section>

      <Section title="Нормативные правовые акты">
        <ul className="list-disc pl-6">
          {p.legalBasis.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </Section>

      {p.typoCorrection ? (
        // S2 p.72 (issue 12 p.6): the procedure and its two terms as the regulation configures them.
        <Section title="Исправление опечаток и ошибок в выданных документах">
          <p>
            Заявитель, обнаруживший опечатку или ошибку в документе, выданном в результате предоставления услуги, подаёт
            заявление об её исправлении — в личном кабинете на странице заявления или лично, по почте
            {p.typoCorrection.ref ? ` (${p.typoCorrection.ref} регламента)` : ""}. Сроки:
          </p>
          <ul className="mt-2 list-disc pl-6" data-testid="typo-terms">
            <li>{typoTermsText(p.typoCorrection).check};</li>
            <li>{typoTermsText(p.typoCorrection).fix}.</li>
          </ul>
        </Section>
      ) : null}

      <Section title="Досудебное обжалование">
        <p className="whitespace-pre-line">{p.appeal.text}</p>
      </Section>

      <Section title="Показатели доступности и качества">
        <ul className="list-disc pl-6">
          {[...p.accessibilityIndicators, ...p.qualityIndicators].map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      </Section>

      <Section title="Контакты">
        <p>{p.authority.name}</p>
        {[
          p.authority.address ?? info.department.parent?.address,
          p.authority.phone ?? info.department.parent?.phone,
          p.authority.email ?? info.department.parent?.email,
          p.authority.schedule ?? info.department.parent?.schedule,
        ]
          .filter(Boolean)
          .map((line) => (
            <p key={line} className="text-slate-700">
              {line}
            </p>
          ))}
      </Section>
    </article>
  );
}
