"use client";
// One application on the board: number (link to its card), applicant, executor, stage due date
// with its status in colour and words, channel, and the «Действия» menu. A card with transitions
// can also be dragged to a column those transitions lead to.
import { ProvisionalMark } from "@/components/ui/provisional-mark";
import Link from "next/link";
import type { DragEvent } from "react";
import type { Channel } from "@/server/regulation/document";
import { ActionMenu } from "./action-menu";
import { DeadlineBadge } from "./deadline-badge";
import { numberLabel } from "./format";
import { formatDueBy } from "@/components/ui/format";
import type { BoardCard as Card, CardTransition } from "./types";

export const cardDomId = (id: string) => `card-${id}`;
const SMALL = "inline text-xs text-slate-700";
/** The way the application came, in a word: the card's small print (the card page says it in full). */
export const CHANNEL_SHORT: Record<Channel, string> = {
  PORTAL: "портал",
  IN_PERSON: "лично",
  POST: "почта",
  MFC: "МФЦ",
  EMAIL: "эл. почта",
};
const DOT = "before:mx-1 before:content-['·']";
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

  // Issue 16 p.10: compact — the number and «Действия» on one line, the applicant, the deadline with
  // its badge, the rest in small print — so that a column shows several cards at once.
  return (
    <article
      id={cardDomId(card.id)}
      aria-labelledby={titleId}
      draggable={draggable}
      onDragStart={draggable ? dragStart : undefined}
      onDragEnd={draggable ? onDragEnd : undefined}
      data-testid="board-card"
      data-card-id={card.id}
      className={`rounded-md border bg-white px-2.5 py-2 shadow-sm ${draggable ? "cursor-grab active:cursor-grabbing" : ""} ${dragging ? "border-brand-700 opacity-60" : "border-slate-300"}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
        <h4 id={titleId} className="text-sm font-semibold">
          {/* «Заявление» is said, not shown: the column says what its cards are. */}
          <Link
            href={`/staff/applications/${card.id}`}
            aria-label={`Заявление ${numberLabel(card.registrationNumber)}`}
            className="whitespace-nowrap text-brand-700 underline"
            draggable={false}
          >
            {numberLabel(card.registrationNumber)}
          </Link>
        </h4>
        <CardMenu card={card} stageTitle={stageTitle} busy={busy} onAction={onAction} className="ml-auto" />
      </div>
      {showService ? (
        <p className="mt-0.5 text-xs text-slate-600">
          {card.service.title}
          <span className="block" data-testid="card-stage-title">
            Этап: {card.stageTitle}
          </span>
        </p>
      ) : null}
      <dl className="mt-0.5 text-sm">
        <div>
          <dt className="sr-only">Заявитель: </dt>
          <dd className="font-medium">{card.applicant}</dd>
        </div>
        <div className="mt-0.5">
          <dt className="sr-only">Срок этапа: </dt>
          <dd className="flex flex-wrap items-center gap-x-1.5 text-xs text-slate-700">
            <DeadlineBadge status={card.deadline.status} label={card.deadline.label} />
            {card.stageDueAt ? (
              <span>
                до {formatDueBy(card.stageDueAt)}
                <ProvisionalMark provisional={card.stageDueProvisional} />
              </span>
            ) : null}
          </dd>
        </div>
        {card.variant ? (
          <div className="text-xs">
            <dt className="inline text-slate-600">Вариант: </dt>
            <dd className="inline">{card.variant}</dd>
          </div>
        ) : null}
        {/* Small print on one line, the parts separated by «·» (drawn, so the list holds only its terms). */}
        <div className={SMALL}>
          <dt className="inline text-slate-600">Исполнитель: </dt>
          <dd className="inline">{card.assignee ?? "не назначен"}</dd>
        </div>
        <div className={`${SMALL} ${DOT}`}>
          <dt className="inline text-slate-600">Канал: </dt>
          <dd className="inline">{CHANNEL_SHORT[card.channel]}</dd>
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
    </article>
  );
}

/** A card's «Действия», on the card and in the list view alike (the id lets the board return the focus). */
export function CardMenu({
  card,
  stageTitle,
  busy,
  onAction,
  className,
}: Pick<Props, "card" | "stageTitle" | "busy" | "onAction"> & { className?: string }) {
  return (
    <ActionMenu
      subjectLabel={numberLabel(card.registrationNumber)}
      transitions={card.transitions}
      stageTitle={stageTitle}
      buttonId={cardActionsId(card.id)}
      disabled={busy}
      onSelect={(t) => onAction(card, t)}
      className={className}
    />
  );
}
