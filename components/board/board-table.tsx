"use client";
// Issue 16 p.10: the board as one list, for a clerk who scans due dates rather than columns: every
// card the board holds (the first page of each stage), nearest stage deadline first, with the same
// «Действия» menu as the cards.
import Link from "next/link";
import { formatDueBy } from "@/components/ui/format";
import { ProvisionalMark } from "@/components/ui/provisional-mark";
import { CHANNEL_SHORT, CardMenu, cardDomId } from "./board-card";
import { DeadlineBadge } from "./deadline-badge";
import { numberLabel } from "./format";
import type { BoardCard, BoardColumnData, CardTransition } from "./types";

export function BoardTable({
  columns,
  stageTitle,
  busy,
  onAction,
}: {
  columns: BoardColumnData[];
  stageTitle: (key: string) => string | undefined;
  busy: boolean;
  onAction: (card: BoardCard, transition: CardTransition) => void;
}) {
  const rows = columns
    .flatMap((c) => c.cards.map((card) => ({ card, stage: c.title })))
    .sort((a, b) => due(a.card) - due(b.card));
  const partial = columns.some((c) => c.cards.length < c.total);
  return (
    <div className="mt-2">
      {partial ? (
        <p className="mb-2 text-sm text-slate-700">
          В списке — первые заявления каждого этапа; остальные можно открыть в виде колонок («Показать ещё») или сузить
          отбор фильтрами.
        </p>
      ) : null}
      <div
        role="region"
        aria-label="Список заявлений (прокручивается по горизонтали)"
        tabIndex={0}
        className="overflow-x-auto"
      >
        <table className="w-full min-w-[56rem] border-collapse bg-white text-sm" data-testid="board-table">
          <caption className="sr-only">Заявления, ближайший срок этапа — первым</caption>
          <thead className="sticky top-0 bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-2 py-2">
                Заявление
              </th>
              <th scope="col" className="px-2 py-2">
                Заявитель
              </th>
              <th scope="col" className="px-2 py-2">
                Этап
              </th>
              <th scope="col" className="px-2 py-2">
                Исполнитель
              </th>
              <th scope="col" className="px-2 py-2">
                Срок этапа
              </th>
              <th scope="col" className="px-2 py-2">
                Канал
              </th>
              <th scope="col" className="px-2 py-2">
                <span className="sr-only">Действия</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ card, stage }) => (
              <tr
                key={card.id}
                id={cardDomId(card.id)}
                data-stage={card.stage}
                className="border-t border-slate-200 align-top"
              >
                <th scope="row" id={`${cardDomId(card.id)}-title`} className="px-2 py-2 text-left font-semibold">
                  <Link href={`/staff/applications/${card.id}`} className="whitespace-nowrap text-brand-700 underline">
                    {numberLabel(card.registrationNumber)}
                  </Link>
                </th>
                <td className="px-2 py-2">{card.applicant}</td>
                <td className="px-2 py-2">{stage}</td>
                <td className="px-2 py-2">{card.assignee ?? "не назначен"}</td>
                <td className="px-2 py-2">
                  <DeadlineBadge status={card.deadline.status} label={card.deadline.label} />
                  {card.stageDueAt ? (
                    <span className="block text-xs text-slate-700">
                      до {formatDueBy(card.stageDueAt)}
                      <ProvisionalMark provisional={card.stageDueProvisional} />
                    </span>
                  ) : null}
                </td>
                <td className="px-2 py-2">{CHANNEL_SHORT[card.channel]}</td>
                <td className="px-2 py-2">
                  <CardMenu card={card} stageTitle={stageTitle} busy={busy} onAction={onAction} className="" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Nearest stage deadline first; no deadline last. */
const due = (card: BoardCard) => (card.stageDueAt ? new Date(card.stageDueAt).getTime() : Number.POSITIVE_INFINITY);
