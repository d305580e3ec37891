// Complaints as the applicant sees them (R21): number, what is complained of, the term, the status, and
// the decision with its letter. Server component: plain markup.
import type { ComplaintView } from "@/server/complaint/data";
import { COMPLAINT_STATUS_LABEL, COMPLAINT_SUBJECT_LABEL, type ComplaintSubject } from "@/server/complaint/schema";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { ProvisionalMark } from "@/components/ui/provisional-mark";

export function ComplaintList({ complaints }: { complaints: ComplaintView[] }) {
  if (!complaints.length) return null;
  return (
    <ul className="mt-3 space-y-3">
      {complaints.map((c) => (
        <li key={c.id} className="rounded border border-slate-200 bg-white p-4" data-testid="complaint">
          <h3 className="font-semibold">
            Жалоба № {c.number} — {COMPLAINT_STATUS_LABEL[c.status]}
          </h3>
          <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">Предмет</dt>
            <dd>{COMPLAINT_SUBJECT_LABEL[c.subject as ComplaintSubject] ?? c.subject}</dd>
            <dt className="text-slate-600">Зарегистрирована</dt>
            <dd>{formatDateTime(c.registeredAt)}</dd>
            <dt className="text-slate-600">Срок рассмотрения</dt>
            <dd data-testid="complaint-due">
              до {formatDate(c.dueAt)}
              <ProvisionalMark provisional={c.dueProvisional} />
            </dd>
            {c.files.length ? (
              <>
                <dt className="text-slate-600">Приложения</dt>
                <dd>
                  {c.files.map((f) => (
                    <a
                      key={f.index}
                      href={`/api/complaints/${c.id}/files/${f.index}`}
                      className="mr-3 text-brand-700 underline"
                    >
                      {f.fileName}
                    </a>
                  ))}
                </dd>
              </>
            ) : null}
          </dl>
          <p className="mt-2 whitespace-pre-line text-sm">{c.text}</p>
          {c.decidedAt ? (
            <div className="mt-3 rounded bg-slate-50 p-3" data-testid="complaint-decision">
              <p className="font-medium">
                Решение от {formatDate(c.decidedAt)}:{" "}
                {c.status === "UPHELD" ? "жалоба удовлетворена" : "в удовлетворении отказано"}
              </p>
              <p className="mt-1 whitespace-pre-line">Мотивы: {c.decisionText}</p>
              {c.remedy ? <p className="mt-1 whitespace-pre-line">Меры по устранению нарушения: {c.remedy}</p> : null}
              {c.hasLetter ? (
                <a href={`/api/complaints/${c.id}/letter`} className="mt-2 inline-block text-brand-700 underline">
                  Письмо с решением (PDF)
                </a>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
