// The full history of an application (R3): who, when, what, with the grounds, motivations and
// comments recorded in each event's payload. Oldest first, as a record reads.
import { formatDate, formatDateTime } from "@/components/ui/format";
import type { StaffCardData } from "@/components/board/types";
import { CHANNEL_LABEL, DELIVERY_WAY, type Channel } from "@/server/regulation/document";
import { EVENT_LABEL } from "@/server/audit/event-labels";

type Event = StaffCardData["events"][number];

export { EVENT_LABEL };

const OUTCOME_LABEL: Record<string, string> = {
  granted: "услуга предоставлена",
  refused: "отказано в предоставлении услуги",
  intake_refused: "отказано в приёме документов",
  withdrawn: "заявление отозвано",
};

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : null);
const grounds = (v: unknown) =>
  Array.isArray(v)
    ? v.filter(
        (g): g is { code: string; text: string } =>
          !!g && typeof g === "object" && typeof (g as { text?: unknown }).text === "string",
      )
    : [];
const titleOf = (v: unknown) =>
  v && typeof v === "object" && typeof (v as { title?: unknown }).title === "string"
    ? (v as { title: string }).title
    : null;
const dateOf = (v: unknown) => {
  const s = str(v);
  return s && !Number.isNaN(Date.parse(s)) ? formatDate(s) : null;
};

function Details({ event, people }: { event: Event; people: Map<string, string> }) {
  const p = event.payload ?? {};
  const lines: React.ReactNode[] = [];
  const move =
    event.fromStage && event.toStage && event.fromStage !== event.toStage
      ? `из «${event.fromStage}» в «${event.toStage}»`
      : null;
  switch (event.type) {
    case "submitted":
      // Paper, post, e-mail and MFC applications are entered by staff (R23): no electronic signature
      // of the applicant (issue 15 p.1). Portal ones are signed by the applicant's sign-in (R17).
      if (str(p.enteredBy) || (str(p.channel) && p.channel !== "PORTAL")) {
        const channel = str(p.channel) ? (CHANNEL_LABEL[p.channel as Channel] ?? (p.channel as string)) : null;
        lines.push(
          `Принято сотрудником${channel ? `: ${channel.toLowerCase()}` : ""}${dateOf(p.receivedAt) ? `, получено ${dateOf(p.receivedAt)}` : ""}`,
        );
      } else if (str(p.method)) lines.push("Подписано простой электронной подписью заявителя");
      else lines.push("Подано через портал");
      break;
    case "registered":
      if (str(p.registrationNumber)) lines.push(`Регистрационный номер ${p.registrationNumber as string}`);
      if (event.toStage)
        lines.push(`Этап «${event.toStage}»${dateOf(p.stageDueAt) ? `, срок до ${dateOf(p.stageDueAt)}` : ""}`);
      if (dateOf(p.dueAt)) lines.push(`Срок предоставления услуги — до ${dateOf(p.dueAt)}`);
      break;
    case "stage_changed":
      lines.push(`${str(p.title) ? `«${p.title as string}»` : "Переход"}${move ? `: ${move}` : ""}`);
      if (titleOf(p.resultType)) lines.push(`Вид результата: ${titleOf(p.resultType)}`);
      // A refusal's grounds and motivation are shown once, with its «Отказ» event.
      if (str(p.comment) && !grounds(p.refusalGrounds).length) lines.push(`Комментарий: ${p.comment as string}`);
      if (dateOf(p.stageDueAt)) lines.push(`Срок нового этапа — до ${dateOf(p.stageDueAt)}`);
      break;
    case "executor_assigned": {
      const to = str(p.to);
      const from = str(p.from);
      lines.push(`Исполнитель: ${to ? (people.get(to) ?? "сотрудник подразделения") : "не назначен"}`);
      if (from) lines.push(`Ранее: ${people.get(from) ?? "сотрудник подразделения"}`);
      if (str(p.reason)) lines.push(`Причина передачи: ${p.reason as string}`);
      break;
    }
    case "refused": {
      const list = grounds(p.refusalGrounds);
      lines.push(p.intake === true ? "Отказ в приёме документов" : "Отказ в предоставлении услуги");
      if (list.length) {
        lines.push(
          <>
            Основания:
            <ol className="list-decimal pl-6">
              {list.map((g) => (
                <li key={g.code}>{g.text}</li>
              ))}
            </ol>
          </>,
        );
      }
      if (str(p.motivation)) lines.push(`Мотивы: ${p.motivation as string}`);
      break;
    }
    case "granted":
      if (titleOf(p.resultType)) lines.push(`Вид результата: ${titleOf(p.resultType)}`);
      break;
    case "closed":
      if (str(p.outcome)) lines.push(`Итог: ${OUTCOME_LABEL[p.outcome as string] ?? (p.outcome as string)}`);
      break;
    case "withdrawn":
      if (str(p.reason)) lines.push(`Причина: ${p.reason as string}`);
      break;
    case "comment":
      if (str(p.text)) lines.push(<span className="whitespace-pre-line">{p.text as string}</span>);
      break;
    case "document_generated":
      if (str(p.title)) lines.push(p.title as string);
      break;
    case "document_registered":
      if (str(p.outgoingNumber)) lines.push(`Исходящий № ${p.outgoingNumber as string}`);
      break;
    case "document_issued":
      if (str(p.via)) lines.push(`Способ: ${DELIVERY_WAY[p.via as keyof typeof DELIVERY_WAY] ?? (p.via as string)}`);
      if (str(p.note)) lines.push(p.note as string);
      break;
    case "request_sent":
      if (str(p.type)) lines.push(`${p.type as string}${str(p.agency) ? ` — ${p.agency as string}` : ""}`);
      if (dateOf(p.dueAt)) lines.push(`Срок ответа — до ${dateOf(p.dueAt)}`);
      break;
    case "request_answered": {
      const file = p.file && typeof p.file === "object" ? str((p.file as { name?: unknown }).name) : null;
      if (file) lines.push(`Приложен файл ответа «${file}»`);
      break;
    }
    case "deadlines_recomputed": {
      // Issue 11: the calendar of a year changed (its decree loaded, a day edited, a file imported).
      const REASON: Record<string, string> = {
        decree: "загружено постановление о переносе выходных дней",
        import: "календарь загружен из файла",
        day: "изменён день календаря",
      };
      if (typeof p.year === "number")
        lines.push(`Календарь ${p.year} года: ${REASON[p.reason as string] ?? "изменён"}`);
      const pair = (v: unknown) => (v && typeof v === "object" ? (v as { from?: unknown; to?: unknown }) : {});
      const flag = (v: unknown) => (pair(v).to === false && pair(v).from === true ? " (больше не предварительно)" : "");
      for (const [key, label, mark] of [
        ["stageDueAt", "Срок этапа", "stageDueProvisional"],
        ["dueAt", "Срок предоставления услуги", "dueProvisional"],
      ] as const) {
        const { from, to } = pair(p[key]);
        if (!dateOf(to)) continue;
        lines.push(
          dateOf(from) && dateOf(from) !== dateOf(to)
            ? `${label}: было до ${dateOf(from)}, стало до ${dateOf(to)}${flag(p[mark])}`
            : `${label}: до ${dateOf(to)}${flag(p[mark])}`,
        );
      }
      break;
    }
    case "awaiting_pickup":
      if (dateOf(p.collectBy)) lines.push(`Ожидает получения до ${dateOf(p.collectBy)}`);
      break;
    default:
      if (move) lines.push(move);
  }
  if (!lines.length) return null;
  return (
    <div className="mt-1 space-y-1 text-sm">
      {lines.map((l, i) => (
        <div key={i}>{l}</div>
      ))}
    </div>
  );
}

/** S0 p.7: entered later than done; the head sees when it was done and how late it was entered. */
function BackdatedNote({ event }: { event: Event }) {
  const doneAt = (event.payload as { doneAt?: unknown } | null)?.doneAt;
  if (typeof doneAt !== "string") return null;
  return (
    <p className="mt-1 text-sm text-amber-900" data-testid="event-backdated">
      Выполнено {formatDateTime(doneAt)}, внесено в систему позже:{" "}
      {lagLabel(new Date(event.at).getTime() - Date.parse(doneAt))}
    </p>
  );
}

/** «через 1 ч 20 мин», «через 26 ч 5 мин». */
export function lagLabel(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `через ${h ? `${h} ч ` : ""}${m} мин`;
}

export function EventHistory({ events, people }: { events: Event[]; people: Map<string, string> }) {
  if (!events.length) return <p className="mt-2 text-slate-700">Событий пока нет.</p>;
  return (
    <ol className="mt-3 space-y-3" aria-label="События по заявлению" data-testid="event-history">
      {events.map((e) => (
        <li key={e.id} className="rounded border border-slate-200 bg-white p-3" data-event-type={e.type}>
          <p>
            <span className="font-semibold">{EVENT_LABEL[e.type] ?? e.type}</span>
            <span className="text-slate-700">
              {" "}
              · <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time> · {e.actor}
            </span>
          </p>
          <BackdatedNote event={e} />
          <Details event={e} people={people} />
        </li>
      ))}
    </ol>
  );
}
