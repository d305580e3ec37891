"use client";
// One application on the board: number (link to its card), applicant, executor, stage due date
// with its status in colour and words, channel, and the «Действия» menu. A card with transitions
// can also be dragged to a column those transitions lead to.
import { ProvisionalMark } from "@/components/ui/provisional-mark";
import Link from "next/link";
import type { DragEvent } from "react";
import { CHANNEL_LABEL } from "@/server/regulation/document";
import { ActionMenu } from "./action-menu";
import { DeadlineBadge } from "./deadline-badge";
import { numberLabel } from "./format";
import { formatDueBy } from "@/components/ui/format";
import type { BoardCard as Card, CardTransition } from "./types";

export const cardDomId = (id: string) => `card-${id}`;
export const cardActionsId = (id: string) => `card-${id}-actions`;

type Props = {
  card: Card;
  showService: boolean;
  stageTitle: (key: string) => string | undefined;
  dragging: boolean;
  onDragStart: (card: Card) => void;
  onDragEnd: () => void;
  onAction: (card: Card, transition: CardTransition) => void;
  busy: boolean;
};

export function BoardCard({ card, showService, stageTitle, dragging, onDragStart, onDragEnd, onAction, busy }: Props) {
  const titleId = `${cardDomId(card.id)}-title`;
  const draggable = card.transitions.length > 0;

  const dragStart = (e: DragEvent<HTMLElement>) => {
    // Firefox starts a drag only when some data is set.
    e.dataTransfer.setData("text/plain", card.registrationNumber ?? card.id);
    e.dataTransfer.effectAllowed = "move";
    onDragStart(card);
  };

  return (
    <article
      id={cardDomId(card.id)}
      aria-labelledby={titleId}
      draggable={draggable}
      onDragStart={draggable ? dragStart : undefined}
      onDragEnd={draggable ? onDragEnd : undefined}
      data-testid="board-card"
      data-card-id={card.id}
      className={`rounded-md border bg-white p-3 shadow-sm ${draggable ? "cursor-grab active:cursor-grabbing" : ""} ${dragging ? "border-brand-700 opacity-60" : "border-slate-300"}`}
    >
      <h4 id={titleId} className="font-semibold">
        <Link href={`/staff/applications/${card.id}`} className="text-brand-700 underline" draggable={false}>
          Заявление {numberLabel(card.registrationNumber)}
        </Link>
      </h4>
      {showService ? (
        <p className="mt-0.5 text-xs text-slate-600">
          {card.service.title}
          <span className="block" data-testid="card-stage-title">
            Этап: {card.stageTitle}
          </span>
        </p>
      ) : null}
      <dl className="mt-2 space-y-1 text-sm">
        <div>
          <dt className="inline text-slate-600">Заявитель: </dt>
          <dd className="inline">{card.applicant}</dd>
        </div>
        {card.variant ? (
          <div>
            <dt className="inline text-slate-600">Вариант: </dt>
            <dd className="inline">{card.variant}</dd>
          </div>
        ) : null}
        <div>
          <dt className="inline text-slate-600">Исполнитель: </dt>
          <dd className="inline">{card.assignee ?? "не назначен"}</dd>
        </div>
        <div>
          <dt className="inline text-slate-600">Срок этапа: </dt>
          <dd className="inline">
            {card.stageDueAt ? (
              <>
                до {formatDueBy(card.stageDueAt)}
                <ProvisionalMark provisional={card.stageDueProvisional} />{" "}
              </>
            ) : null}
            <DeadlineBadge status={card.deadline.status} label={card.deadline.label} />
          </dd>
        </div>
        <div>
          <dt className="inline text-slate-600">Канал: </dt>
          <dd className="inline">{CHANNEL_LABEL[card.channel]}</dd>
        </div>
        {card.overdueRequests > 0 ? (
          <div>
            <dt className="sr-only">Межведомственные запросы: </dt>
            <dd className="inline-flex items-center gap-1 rounded border border-red-800 bg-red-50 px-1.5 py-0.5 text-xs font-semibold text-red-900">
              <span aria-hidden>!</span>
              Просрочен ответ на запрос: {card.overdueRequests}
            </dd>
          </div>
        ) : null}
      </dl>
      <ActionMenu
        subjectLabel={numberLabel(card.registrationNumber)}
        transitions={card.transitions}
        stageTitle={stageTitle}
        buttonId={cardActionsId(card.id)}
        disabled={busy}
        onSelect={(t) => onAction(card, t)}
      />
    </article>
  );
}
