// Every official's signing certificate, for the administrator (issue 15 p.4): who holds it, its
// dates, whether the server holds its key, and withdrawing one (a lost key, an official who left).
import type { allSigningCertificates } from "@/server/signature/data";
import { personName } from "@/server/people";
import { formatDate } from "@/components/ui/format";
import { SignatureAction } from "./signature-action";
import { Validity } from "./validity";

type Row = Awaited<ReturnType<typeof allSigningCertificates>>[number];

export function OfficialsCertificates({ rows, now }: { rows: Row[]; now: Date }) {
  return (
    <section aria-labelledby="officials-title" className="mt-10">
      <h2 id="officials-title" className="text-xl font-semibold">
        Сертификаты должностных лиц
      </h2>
      <p className="mt-1 max-w-3xl text-slate-700">
        Сертификаты добавляют сами сотрудники на странице «Моя электронная подпись». Отзовите сертификат, если ключ
        утерян или сотрудник больше не подписывает документы: им больше ничего не подписать, копия ключа в системе
        стирается, уже подписанные документы сохраняют подписи.
      </p>
      {rows.length === 0 ? (
        <p className="mt-3">Сертификатов нет.</p>
      ) : (
        <table className="mt-3 w-full border-collapse bg-white text-left">
          <caption className="sr-only">Сертификаты должностных лиц</caption>
          <thead>
            <tr className="border-b">
              <th scope="col" className="p-2">
                Сотрудник
              </th>
              <th scope="col" className="p-2">
                Сертификат
              </th>
              <th scope="col" className="p-2">
                Действует
              </th>
              <th scope="col" className="p-2">
                Ключ
              </th>
              <th scope="col" className="p-2">
                <span className="sr-only">Действия</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b align-top" data-testid="official-certificate">
                <th scope="row" className="p-2 font-normal">
                  {personName(r.user)}
                  <div className="text-sm text-slate-600">{r.user.email}</div>
                </th>
                <td className="p-2">
                  {r.owner}
                  <div className="font-mono text-sm break-all">№ {r.serial}</div>
                  <div className="text-sm text-slate-600">выдан: {r.issuer}</div>
                </td>
                <td className="p-2">
                  <Validity notBefore={r.notBefore} notAfter={r.notAfter} now={now} />
                </td>
                <td className="p-2">{r.serverKey ? "в системе, под PIN-кодом" : "у сотрудника"}</td>
                <td className="p-2">
                  {r.withdrawnAt ? (
                    <strong>Отозван {formatDate(r.withdrawnAt)}</strong>
                  ) : (
                    <SignatureAction
                      kind="withdrawAny"
                      id={r.id}
                      label="Отозвать"
                      what={`сертификат № ${r.serial}`}
                      confirm={`Отозвать сертификат «${r.owner}» № ${r.serial}? Им больше ничего не подписать${r.serverKey ? ", копия ключа в системе будет стёрта" : ""}.`}
                      done="Сертификат отозван."
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
