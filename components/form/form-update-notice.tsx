// The notice at the top of a draft's form when the draft was started on an older edition of the
// regulation and moved to the one in force (R11): since when the rules changed and what changed in the
// form, so that the applicant reviews it before submitting (in plain words: no edition numbers for the
// applicant, issue 16 p.8). Renders on the server and in the browser.
import { formatDate } from "@/components/ui/format";

export type FormUpdateNoticeProps = {
  /** The edition the draft was moved to: for staff and logs, not said to the applicant. */
  version: number;
  effectiveFrom: Date | string;
  removed: string[];
  added: string[];
  changed: string[];
};

const quoted = (labels: string[]) => labels.map((l) => `«${l}»`).join(", ");

export function FormUpdateNotice({ effectiveFrom, removed, added, changed }: FormUpdateNoticeProps) {
  return (
    <section
      aria-labelledby="form-update-title"
      className="mt-6 rounded border-l-4 border-brand-700 bg-brand-50 p-4 no-print"
      data-testid="form-update-notice"
    >
      <h2 id="form-update-title" className="text-lg font-semibold">
        Форма заявления обновлена
      </h2>
      <p className="mt-1">
        С {formatDate(effectiveFrom)} изменились правила подачи заявления на эту услугу. Черновик перенесён в
        обновлённую форму: ответы на поля, которые в ней остались, сохранены. Проверьте заявление перед подачей.
      </p>
      {removed.length || added.length || changed.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {removed.length ? <li>Больше не нужны (ответы на них удалены из черновика): {quoted(removed)}.</li> : null}
          {added.length ? <li>Новые поля — заполните их: {quoted(added)}.</li> : null}
          {changed.length ? <li>Изменились поля — проверьте ответы: {quoted(changed)}.</li> : null}
        </ul>
      ) : null}
    </section>
  );
}
