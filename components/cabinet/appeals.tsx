// The applicant's rights after submitting, on the cabinet's application page (issue 14): the pre-trial
// complaint (R21, 210-FZ art. 11.1) and, where the regulation provides it, the correction of typos in
// an issued document (S2 p.72), with what has been filed so far. Server component.
import Link from "next/link";
import { api } from "@/server/api/server";
import { COMPLAINT_STATUS_LABEL } from "@/server/complaint/schema";
import { TYPO_STATUS_LABEL } from "@/server/typo/schema";
import { formatDate } from "@/components/ui/format";

export async function Appeals({ applicationId }: { applicationId: string }) {
  const caller = await api();
  const [complaints, typos] = await Promise.all([
    caller.complaint.forApplication({ applicationId }),
    caller.typo.forApplication({ applicationId }),
  ]);
  const typoOffered = !!typos.application.terms && typos.application.documents.length > 0;
  return (
    <section className="mt-8 no-print" aria-labelledby="rights-title">
      <h2 id="rights-title" className="text-xl font-semibold">
        Обжалование и исправление опечаток
      </h2>
      <ul className="mt-2 space-y-1">
        {complaints.complaints.map((c) => (
          <li key={c.id}>
            Жалоба № {c.number}: {COMPLAINT_STATUS_LABEL[c.status].toLowerCase()}, срок рассмотрения до{" "}
            {formatDate(c.dueAt)}
          </li>
        ))}
        {typos.requests.map((r) => (
          <li key={r.id}>
            Заявление об исправлении № {r.number}: {TYPO_STATUS_LABEL[r.status].toLowerCase()}
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap gap-3">
        <Link
          href={`/cabinet/applications/${applicationId}/complaint`}
          className="rounded border border-brand-700 px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50"
        >
          {complaints.complaints.length ? "Жалобы по заявлению" : "Подать жалобу"}
        </Link>
        {typoOffered || typos.requests.length ? (
          <Link
            href={`/cabinet/applications/${applicationId}/typo`}
            className="rounded border border-brand-700 px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50"
          >
            Исправить опечатку в документе
          </Link>
        ) : null}
      </div>
    </section>
  );
}
