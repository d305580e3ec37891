"use client";
// One stage of the process: its cards in the server's order (nearest due date first), the total,
// «Показать ещё» for the next page (server cursor), and a drop target for the cards whose
// transitions lead here.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { BoardCard, cardDomId } from "./board-card";
import { BOARD_PAGE_SIZE, type BoardFilters } from "./filters";
import { applicationsCount } from "./format";
import type { BoardCard as Card, BoardColumnData, CardTransition } from "./types";

export const columnHeadingId = (key: string) => `column-${key}-title`;
export type DropState = "idle" | "allowed" | "over" | "blocked";

type Props = {
  column: BoardColumnData;
  filters: BoardFilters;
  showService: boolean;
  stageTitle: (key: string) => string | undefined;
  /** Polling stops while a move dialog is open or a card is dragged. */
  refetchInterval: number | false;
  drop: DropState;
  draggingId: string | null;
  busy: boolean;
  onDragStart: (card: Card) => void;
  onDragEnd: () => void;
  onDragOverColumn: (key: string | null) => void;
  onDropColumn: (key: string) => void;
  onAction: (card: Card, transition: CardTransition) => void;
};

export function BoardColumn(props: Props) {
  const { column, filters, drop } = props;
  const trpc = useTRPC();
  const [expanded, setExpanded] = useState(false);
  const more = useInfiniteQuery({
    ...trpc.staff.column.infiniteQueryOptions(
      { filters, stage: column.key, limit: BOARD_PAGE_SIZE },
      { initialCursor: column.nextCursor, getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    enabled: expanded,
    refetchInterval: props.refetchInterval,
  });

  // The first page comes with the board (and refreshes with it); further pages follow the cursor.
  // A card may appear twice while the two refresh at different moments: the first one counts.
  const seen = new Set<string>();
  const cards: Card[] = [];
  for (const c of [...column.cards, ...(expanded ? (more.data?.pages ?? []).flatMap((p) => p.cards) : [])]) {
    if (c.stage !== column.key || seen.has(c.id)) continue;
    seen.add(c.id);
    cards.push(c);
  }
  // After a failed load the button stays, to retry.
  const hasMore = expanded ? more.hasNextPage || more.isError : !!column.nextCursor;
  const loadingMore = expanded && (more.isFetchingNextPage || more.isPending);

  // When the last page arrives and the button goes away, the focus goes to the first new card.
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    if (focusFrom.current === null || loadingMore || hasMore) return;
    const first = cards[focusFrom.current];
    focusFrom.current = null;
    if (first) document.querySelector<HTMLElement>(`#${cardDomId(first.id)}-title a`)?.focus();
  });

  const showMore = () => {
    focusFrom.current = cards.length;
    if (!expanded) setExpanded(true);
    else if (more.isError && !more.data) void more.refetch();
    else void more.fetchNextPage();
  };

  const allowDrop = (e: DragEvent<HTMLElement>) => {
    if (drop !== "allowed" && drop !== "over") return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    if (drop !== "over") props.onDragOverColumn(column.key);
  };

  const headingId = columnHeadingId(column.key);
  const frame =
    drop === "over"
      ? "border-brand-700 border-solid bg-brand-100 ring-2 ring-brand-700"
      : drop === "allowed"
        ? "border-brand-600 border-dashed bg-brand-50"
        : "border-slate-200 bg-slate-100";

  return (
    <section
      aria-labelledby={headingId}
      data-testid="board-column"
      data-stage={column.key}
      data-drop={drop}
      onDragEnter={allowDrop}
      onDragOver={allowDrop}
      onDragLeave={(e) => {
        if (drop === "over" && !e.currentTarget.contains(e.relatedTarget as Node | null)) props.onDragOverColumn(null);
      }}
      onDrop={(e) => {
        if (drop !== "allowed" && drop !== "over") return;
        e.preventDefault();
        props.onDropColumn(column.key);
      }}
      // Issue 16 p.10: each column scrolls on its own, its heading and count staying in view above.
      className={`flex max-h-[calc(100vh-6rem)] w-80 shrink-0 flex-col rounded-lg border-2 p-2 ${frame}`}
    >
      <div className="px-1">
        <h3 id={headingId} tabIndex={-1} className="font-semibold leading-snug">
          {column.title}
        </h3>
        <p className="text-sm text-slate-700">{applicationsCount(column.total, column.totalCapped)}</p>
        {drop === "allowed" || drop === "over" ? (
          <p className="mt-1 text-sm font-semibold text-brand-900">
            <span aria-hidden>⇣ </span>
            {drop === "over" ? "Отпустите, чтобы переместить сюда" : "Можно переместить сюда"}
          </p>
        ) : null}
      </div>
      {cards.length ? (
        <ul
          aria-label={`${column.title}: ${applicationsCount(column.total, column.totalCapped)}`}
          className="mt-2 min-h-0 flex-1 space-y-2 overflow-y-auto overscroll-contain pr-1"
          data-testid="column-cards"
        >
          {cards.map((card) => (
            <li key={card.id}>
              <BoardCard
                card={card}
                showService={props.showService}
                stageTitle={props.stageTitle}
                dragging={props.draggingId === card.id}
                onDragStart={props.onDragStart}
                onDragEnd={props.onDragEnd}
                onAction={props.onAction}
                busy={props.busy}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 px-1 text-sm text-slate-600">Заявлений нет</p>
      )}
      {cards.length < column.total || hasMore ? (
        <div className="mt-2 px-1">
          <p id={`column-${column.key}-shown`} className="text-xs text-slate-600">
            Показано {cards.length} из{" "}
            {column.totalCapped ? `более чем ${column.total.toLocaleString("ru-RU")}` : column.total}
          </p>
          {hasMore ? (
            <button
              type="button"
              onClick={showMore}
              disabled={loadingMore}
              aria-describedby={`column-${column.key}-shown`}
              className="mt-1 w-full rounded border border-brand-700 bg-white px-2 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
            >
              {loadingMore ? "Загружаем…" : "Показать ещё"}
            </button>
          ) : null}
          {more.isError ? (
            <p role="alert" className="mt-1 text-sm text-red-800">
              Не удалось загрузить следующие заявления. Нажмите «Показать ещё», чтобы повторить.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
