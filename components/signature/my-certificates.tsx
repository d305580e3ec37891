// «Моя электронная подпись» (issue 15 p.2): the official's certificates, newest first, each with
// its dates, its CA, and where its key is; a withdrawn one stays listed (the documents it signed
// keep their signatures) and signs nothing more.
import type { certificatesOf } from "@/server/signature/data";
import { formatDate } from "@/components/ui/format";
import { SignatureAction } from "./signature-action";
import { Flag, Validity } from "./validity";

type Row = Awaited<ReturnType<typeof certificatesOf>>[number];

export const SERVER_KEY_TEXT = "Ключ хранится в системе (защищён PIN-кодом)";
export const OWN_KEY_TEXT = "Ключ у вас: подписывайте документ своей программой и прикладывайте файл подписи (.sig)";

export function MyCertificates({ rows, now }: { rows: Row[]; now: Date }) {
  if (rows.length === 0)
    return (
      <p className="mt-2 text-slate-700">
        Сертификатов пока нет: добавьте свой, чтобы подписывать результаты услуг электронной подписью.
      </p>
    );
  return (
    <ul className="mt-3 space-y-3" aria-label="Мои сертификаты">
      {rows.map((c) => (
        <li key={c.id} className="rounded-lg border border-slate-300 bg-white p-4" data-testid="my-certificate">
          <h3 className="font-semibold">
            {c.owner}
            {c.withdrawnAt ? <Flag>отозван</Flag> : null}
          </h3>
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-700">Серийный номер</dt>
            <dd className="font-mono break-all">{c.serial}</dd>
            <dt className="text-slate-700">Выдан</dt>
            <dd>{c.issuer}</dd>
            <dt className="text-slate-700">Действует</dt>
            <dd>
              <Validity notBefore={c.notBefore} notAfter={c.notAfter} now={now} />
            </dd>
            <dt className="text-slate-700">Ключ</dt>
            <dd>
              {c.withdrawnAt
                ? `Отозван ${formatDate(c.withdrawnAt)}: этим сертификатом больше ничего не подписать, копии ключа в системе нет`
                : c.serverKey
                  ? SERVER_KEY_TEXT
                  : OWN_KEY_TEXT}
            </dd>
          </dl>
          {c.withdrawnAt ? null : (
            <div className="mt-3">
              <SignatureAction
                kind="withdraw"
                id={c.id}
                label="Отозвать"
                what={`сертификат № ${c.serial}`}
                confirm={`Отозвать сертификат № ${c.serial}? Им больше ничего не подписать${c.serverKey ? ", а копия ключа в системе будет стёрта" : ""}. Уже подписанные документы сохранят свои подписи. Чтобы снова подписывать им, его нужно будет добавить заново.`}
                done="Сертификат отозван."
              />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
