// Typo requests as the applicant sees them (S2 p.72): the number, both terms, the status, and the
// corrected document (once issued) or the no-error letter.
import type { TypoView } from "@/server/typo/data";
import { TYPO_STATUS_LABEL } from "@/server/typo/schema";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { ProvisionalMark } from "@/components/ui/provisional-mark";

export function TypoList({ requests }: { requests: TypoView[] }) {
  if (!requests.length) return null;
  return (
    <ul className="mt-3 space-y-3">
      {requests.map((r) => (
        <li key={r.id} className="rounded border border-slate-200 bg-white p-4" data-testid="typo-request">
          <h3 className="font-semibold">
            Заявление № {r.number} — {TYPO_STATUS_LABEL[r.status]}
          </h3>
          <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">Документ</dt>
            <dd>
              {r.document.title}
              {r.document.outgoingNumber ? `, исх. № ${r.document.outgoingNumber}` : ""}
            </dd>
            <dt className="text-slate-600">Зарегистрировано</dt>
            <dd>{formatDateTime(r.registeredAt)}</dd>
            <dt className="text-slate-600">Проверка</dt>
            <dd>до {formatDate(r.checkDueAt)}</dd>
            <dt className="text-slate-600">Исправление или ответ</dt>
            <dd>
              до {formatDate(r.fixDueAt)}
              <ProvisionalMark provisional={r.dueProvisional} />
            </dd>
          </dl>
          <p className="mt-2 whitespace-pre-line text-sm">{r.description}</p>
          {r.correctedDocument ? (
            <p className="mt-2" data-testid="typo-corrected">
              Исправленный документ:{" "}
              <a href={`/api/results/${r.correctedDocument.id}`} className="font-medium text-brand-700 underline">
                {r.correctedDocument.title}
                {r.correctedDocument.outgoingNumber ? `, исх. № ${r.correctedDocument.outgoingNumber}` : ""} (PDF)
              </a>
            </p>
          ) : null}
          {r.status === "NO_ERROR" ? (
            <div className="mt-2 rounded bg-slate-50 p-3 text-sm">
              <p>Опечаток и ошибок не выявлено. {r.reason}</p>
              {r.hasLetter ? (
                <a href={`/api/typos/${r.id}/letter`} className="mt-1 inline-block text-brand-700 underline">
                  Письмо с ответом (PDF)
                </a>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
