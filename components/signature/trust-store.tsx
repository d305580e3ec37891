// The administrator's trust store (issue 15 p.4): the CA certificates every signature must chain to,
// and the CRLs revocation is checked against (R17, R20, R26). A CRL past its next update still
// counts (its revocations stay true) but verdicts then note it is stale, and so does this list.
import type { trustStoreRows } from "@/server/signature/data";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { SignatureAction } from "./signature-action";
import { TrustUploadForm } from "./trust-upload-form";
import { Flag, Validity } from "./validity";

type Rows = Awaited<ReturnType<typeof trustStoreRows>>;

export function TrustedCertificates({ rows, now }: { rows: Rows["certificates"]; now: Date }) {
  return (
    <section aria-labelledby="trusted-title" className="mt-8">
      <h2 id="trusted-title" className="text-xl font-semibold">
        Доверенные удостоверяющие центры
      </h2>
      <p className="mt-1 max-w-3xl text-slate-700">
        Подпись признаётся, только если сертификат подписавшего выдан одним из этих центров. Удалённый центр перестаёт
        быть доверенным сразу: подписи его сертификатами больше не проходят проверку.
      </p>
      {rows.length === 0 ? (
        <p className="mt-3 font-medium">
          Доверенных центров нет: ни одна подпись не пройдёт проверку, подписывать документы нельзя.
        </p>
      ) : (
        <table className="mt-3 w-full border-collapse bg-white text-left">
          <caption className="sr-only">Доверенные удостоверяющие центры</caption>
          <thead>
            <tr className="border-b">
              <th scope="col" className="p-2">
                Удостоверяющий центр
              </th>
              <th scope="col" className="p-2">
                Серийный номер
              </th>
              <th scope="col" className="p-2">
                Действует
              </th>
              <th scope="col" className="p-2">
                <span className="sr-only">Действия</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b align-top" data-testid="trusted-ca">
                <th scope="row" className="p-2 font-normal">
                  {r.subject}
                  <div className="text-sm text-slate-600">добавлен {formatDateTime(r.createdAt)}</div>
                </th>
                <td className="p-2 font-mono text-sm break-all">{r.serial}</td>
                <td className="p-2">
                  <Validity notBefore={r.notBefore} notAfter={r.notAfter} now={now} />
                </td>
                <td className="p-2">
                  <SignatureAction
                    kind="removeTrusted"
                    id={r.id}
                    label="Удалить"
                    what={`сертификат УЦ № ${r.serial}`}
                    confirm="Удалить центр из доверенных? Подписи, сделанные его сертификатами (и уже поставленные), перестанут проходить проверку."
                    done="Центр удалён из доверенных."
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <TrustUploadForm kind="trusted" />
    </section>
  );
}

export function RevocationLists({ rows, now }: { rows: Rows["crls"]; now: Date }) {
  return (
    <section aria-labelledby="crl-title" className="mt-10">
      <h2 id="crl-title" className="text-xl font-semibold">
        Списки отзыва (CRL)
      </h2>
      <p className="mt-1 max-w-3xl text-slate-700">
        По спискам отзыва проверяется, не отозван ли сертификат подписавшего. Удостоверяющий центр выпускает новый
        список регулярно: загружайте его до даты следующего выпуска. Без списка отзыва подпись проверяется, но в
        результате проверки отмечается, что отзыв не проверен.
      </p>
      {rows.length === 0 ? (
        <p className="mt-3">Списков отзыва нет.</p>
      ) : (
        <table className="mt-3 w-full border-collapse bg-white text-left">
          <caption className="sr-only">Списки отзыва</caption>
          <thead>
            <tr className="border-b">
              <th scope="col" className="p-2">
                Удостоверяющий центр
              </th>
              <th scope="col" className="p-2">
                Выпущен
              </th>
              <th scope="col" className="p-2">
                Следующий выпуск
              </th>
              <th scope="col" className="p-2">
                Отозвано сертификатов
              </th>
              <th scope="col" className="p-2">
                <span className="sr-only">Действия</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b align-top" data-testid="crl">
                <th scope="row" className="p-2 font-normal">
                  {r.issuer}
                </th>
                <td className="p-2">{formatDateTime(r.thisUpdate)}</td>
                <td className="p-2">
                  {r.nextUpdate ? formatDate(r.nextUpdate) : "не указан"}
                  {r.nextUpdate && r.nextUpdate < now ? <Flag>устарел: загрузите новый</Flag> : null}
                </td>
                <td className="p-2">{r.revokedCount}</td>
                <td className="p-2">
                  <SignatureAction
                    kind="removeCrl"
                    id={r.id}
                    label="Удалить"
                    what={`список отзыва от ${formatDateTime(r.thisUpdate)}`}
                    confirm="Удалить список отзыва? Если более свежего списка этого центра нет, отзыв его сертификатов перестанет проверяться."
                    done="Список отзыва удалён."
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <TrustUploadForm kind="crl" />
    </section>
  );
}
