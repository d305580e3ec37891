// One stay of an application in a stage, as the staff card and the applicant's cabinet show it in
// their timelines: when it began, its deadline, when it ended. A closed application's last stage is
// never left: reaching it is what closed the application.
import { formatDateTime, formatDueBy } from "@/components/ui/format";
import { ProvisionalMark } from "@/components/ui/provisional-mark";

type Stay = {
  enteredAt: Date | string;
  dueAt: Date | string | null;
  /** Counted over a year without its decree (issue 11): marked «предварительно» while the stage runs. */
  dueProvisional?: boolean;
  leftAt: Date | string | null;
};

export function StageStay({
  stay,
  closed,
  detailed = false,
}: {
  stay: Stay;
  closed: boolean;
  /** Staff see "no deadline" and breaches too. */ detailed?: boolean;
}) {
  if (!stay.leftAt && closed) {
    return (
      <p className="text-sm text-slate-700">Этап достигнут {formatDateTime(stay.enteredAt)} · рассмотрение завершено</p>
    );
  }
  const late = detailed && stay.leftAt && stay.dueAt && new Date(stay.leftAt) > new Date(stay.dueAt);
  return (
    <p className="text-sm text-slate-700">
      Начат {formatDateTime(stay.enteredAt)}
      {stay.dueAt ? ` · срок до ${formatDueBy(stay.dueAt)}` : detailed ? " · без срока" : ""}
      {stay.dueAt && !stay.leftAt ? <ProvisionalMark provisional={stay.dueProvisional} /> : null}
      {stay.leftAt ? ` · завершён ${formatDateTime(stay.leftAt)}` : " · выполняется"}
      {late ? " · с нарушением срока" : ""}
    </p>
  );
}
