// Status words and colours for applications; the colour is never the only signal.
export const APPLICATION_STATUS_LABEL = {
  DRAFT: "Черновик",
  SUBMITTED: "На рассмотрении",
  CLOSED: "Рассмотрение завершено",
  WITHDRAWN: "Отозвано",
} as const;

/** How a closed application ended, in the words the applicant and the staff card both show. */
export const OUTCOME_LABEL: Record<string, string> = {
  granted: "Услуга предоставлена",
  refused: "Отказано в предоставлении услуги",
  intake_refused: "Отказано в приёме документов",
  withdrawn: "Заявление отозвано",
};

export function StatusBadge({ status }: { status: keyof typeof APPLICATION_STATUS_LABEL }) {
  const colour = {
    DRAFT: "bg-slate-200 text-slate-900",
    SUBMITTED: "bg-blue-100 text-blue-900",
    CLOSED: "bg-green-100 text-green-900",
    WITHDRAWN: "bg-amber-100 text-amber-900",
  }[status];
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${colour}`}>
      {APPLICATION_STATUS_LABEL[status]}
    </span>
  );
}
