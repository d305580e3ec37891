"use client";
// The verdict of an electronic signature in words (issue 15 p.4; R17, R20): the same block on the
// staff card (each attachment's .sig, the result document's own signature), in the applicant's
// cabinet and on the public page /verify. Valid in green with the owner, the certificate's serial and
// its term; otherwise the reason in red; what could not be checked (no CRL loaded) in small print.
import type { Verdict } from "@/server/signature/cms";
import { formatDate, formatDateTime } from "@/components/ui/format";

/** A verdict as the server sends it: through tRPC its dates are dates, through /api/verify strings. */
type Dated<T> = {
  [K in keyof T]: T[K] extends Date ? Date | string : T[K] extends Date | null ? Date | string | null : T[K];
};
export type VerdictView = Omit<Dated<Verdict>, "signer"> & { signer: Dated<NonNullable<Verdict["signer"]>> | null };

const day = (d: Date | string) => formatDate(new Date(d));

export function SignatureVerdict({
  verdict,
  detailed = false,
  testId = "signature-verdict",
}: {
  verdict: VerdictView;
  /** The public page: every detail of the certificate, not only the line the card shows. */
  detailed?: boolean;
  testId?: string;
}) {
  const s = verdict.signer;
  return (
    <div
      data-testid={testId}
      data-valid={verdict.valid ? "true" : "false"}
      className={`mt-1 rounded border-l-4 px-3 py-2 text-sm ${
        verdict.valid ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"
      }`}
    >
      {verdict.valid && s ? (
        <p className="font-semibold">
          Подпись действительна: {s.owner}, сертификат № {s.serial}, действителен до {day(s.notAfter)}
        </p>
      ) : (
        <p className="font-semibold">{verdict.message}</p>
      )}
      {!verdict.valid && s && !detailed ? (
        <p className="mt-0.5">
          Подписавший: {s.owner}, сертификат № {s.serial} (удостоверяющий центр «{s.issuer}»)
        </p>
      ) : null}
      {detailed && s ? (
        <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-700">Владелец сертификата</dt>
          <dd>{s.owner}</dd>
          {s.organisation ? (
            <>
              <dt className="text-slate-700">Организация</dt>
              <dd>{s.organisation}</dd>
            </>
          ) : null}
          <dt className="text-slate-700">Серийный номер сертификата</dt>
          <dd className="break-all">{s.serial}</dd>
          <dt className="text-slate-700">Удостоверяющий центр</dt>
          <dd>{s.issuer}</dd>
          <dt className="text-slate-700">Срок действия сертификата</dt>
          <dd>
            с {day(s.notBefore)} по {day(s.notAfter)}
          </dd>
          {verdict.signingTime ? (
            <>
              <dt className="text-slate-700">Время подписания</dt>
              <dd>{formatDateTime(new Date(verdict.signingTime))}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {!detailed && verdict.valid && verdict.signingTime ? (
        <p className="mt-0.5 text-xs">Подписано {formatDateTime(new Date(verdict.signingTime))}</p>
      ) : null}
      {verdict.notes.length ? (
        <ul className="mt-1 list-disc pl-5 text-xs text-slate-700">
          {verdict.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
