"use client";
// The staff board (R1, R4): applications in the stages of their process, filtered through the URL,
// re-read when the server says an application of the clerk's departments changed (issue 13 p.4:
// ./use-live-board.ts), so that clerks see each other's moves within a second without every open
// board polling; every 10 s only while that line is down. Never while a move dialog is open or a card
// is being dragged: the clerk's own context must not shift under them (what changed meanwhile is read
// when they are done). Cards move by native drag and drop onto the columns their transitions lead
// to, or by the «Действия» menu.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { zonedFormat } from "@/components/ui/format";
import { cardActionsId, cardDomId } from "./board-card";
import { BoardColumn, columnHeadingId, type DropState } from "./board-column";
import { BoardFiltersForm } from "./board-filters";
import { BoardTable } from "./board-table";
import { BOARD_PAGE_SIZE, filtersToQuery, parseFilters, type BoardFilters } from "./filters";
import { numberLabel } from "./format";
import { failureAlert, type MoveOutcome } from "./move-outcome";
import { useAlert } from "./use-alert";
import { useLiveBoard } from "./use-live-board";
import type { BoardCard, BoardData, CardTransition, MoveSubject } from "./types";
import { useMoveFlow } from "./use-move-flow";

/** How often the board re-reads itself when the live line is down. */
export const BOARD_REFRESH_MS = 10_000;
/** While the line is up: only what time alone changes (a due date becoming «скоро», a new day). */
export const BOARD_LIVE_REFRESH_MS = 5 * 60_000;

type Drag = { card: BoardCard; targets: Set<string> };

/** The board's view, kept in this browser (columns until the server-rendered page is hydrated). */
const viewStore = (() => {
  const key = "reglament:board:view";
  const listeners = new Set<() => void>();
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      window.addEventListener("storage", listener);
      return () => {
        listeners.delete(listener);
        window.removeEventListener("storage", listener);
      };
    },
    get: (): "columns" | "list" => (window.localStorage.getItem(key) === "list" ? "list" : "columns"),
    set(view: "columns" | "list") {
      window.localStorage.setItem(key, view);
      for (const l of listeners) l();
    },
  };
})();

/** «10:42:05» in the municipality's zone, as every time on the board. */
const formatTime = (at: Date) => zonedFormat({ hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(at);

const subjectOf = (card: BoardCard): MoveSubject => ({
  id: card.id,
  registrationNumber: card.registrationNumber,
  rowVersion: card.rowVersion,
  transitions: card.transitions,
});

/** Focus the card's «Действия» (or its link when no action is left), else the fallback. */
function focusCard(id: string, fallbackId?: string) {
  const el =
    document.getElementById(cardActionsId(id)) ??
    document.querySelector<HTMLElement>(`#${cardDomId(id)}-title a`) ??
    (fallbackId ? document.getElementById(fallbackId) : null) ??
    document.getElementById("board-title");
  el?.focus();
}

/**
 * After a move the focus follows the card to its new column — once the board shows it there
 * (before that, the card still sits in its old column and is about to be unmounted). When the card
 * is not on the board any more (filtered out, on a later page), the new column's heading.
 */
function focusMovedCard(target: { id: string; toStage: string }): boolean {
  const card = document.getElementById(cardDomId(target.id));
  const where = card?.closest<HTMLElement>("[data-stage]")?.dataset.stage;
  if (card && where !== target.toStage) return false;
  focusCard(target.id, columnHeadingId(target.toStage));
  return true;
}

type Props = {
  initialFilters: BoardFilters;
  initialBoard: BoardData;
  /** When the server read `initialBoard`: the same instant on the server and in the browser, so the
   * «Обновлено в …» line hydrates without a mismatch. */
  initialUpdatedAt: number;
};

export function StaffBoard({ initialFilters, initialBoard, initialUpdatedAt }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const searchParams = useSearchParams();
  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);
  const filtersKey = filtersToQuery(filters);
  const [initialKey] = useState(() => filtersToQuery(initialFilters));

  const [drag, setDrag] = useState<Drag | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const { alert, alertRef, showAlert, clearAlert } = useAlert();
  const pendingFocus = useRef<{ id: string; toStage: string } | null>(null);
  // Stage titles of the latest board, for messages written after a move (outside render).
  const latestTitles = useRef(new Map<string, string>());

  const refresh = useCallback(() => queryClient.invalidateQueries(trpc.staff.pathFilter()), [queryClient, trpc]);

  const onOutcome = useCallback(
    async (subject: MoveSubject, outcome: MoveOutcome) => {
      switch (outcome.kind) {
        case "moved": {
          clearAlert();
          const to = latestTitles.current.get(outcome.toStage);
          setStatus(
            `Заявление ${numberLabel(subject.registrationNumber)}: выполнено «${outcome.transition.title}»${to ? `, теперь на этапе «${to}»` : ""}.`,
          );
          pendingFocus.current = { id: subject.id, toStage: outcome.toStage };
          await refresh();
          // The refreshed board is committed after this point; the effect below catches it.
          requestAnimationFrame(() => {
            if (pendingFocus.current && focusMovedCard(pendingFocus.current)) pendingFocus.current = null;
          });
          return;
        }
        default: {
          const failure = failureAlert(outcome, subject.registrationNumber, "board");
          showAlert(failure.text);
          if (failure.refresh) await refresh();
          return;
        }
      }
    },
    [refresh, showAlert, clearAlert],
  );
  const onDismiss = useCallback((subject: MoveSubject) => focusCard(subject.id), []);
  const flow = useMoveFlow({ onOutcome, onDismiss });

  const paused = flow.dialogOpen || drag !== null;
  // A change heard while paused is read once the clerk is done.
  const missed = useRef(false);
  const pausedRef = useRef(paused);
  const onLiveChange = useCallback(() => {
    if (pausedRef.current) missed.current = true;
    else void refresh();
  }, [refresh]);
  const live = useLiveBoard(onLiveChange);
  useEffect(() => {
    pausedRef.current = paused;
    if (!paused && missed.current) {
      missed.current = false;
      void refresh();
    }
  }, [paused, refresh]);
  const refetchInterval = paused ? false : live === "live" ? BOARD_LIVE_REFRESH_MS : BOARD_REFRESH_MS;
  const board = useQuery({
    ...trpc.staff.board.queryOptions({ filters, perColumn: BOARD_PAGE_SIZE }),
    initialData: filtersKey === initialKey ? initialBoard : undefined,
    initialDataUpdatedAt: initialUpdatedAt,
    placeholderData: keepPreviousData,
    refetchInterval,
  });
  const data = board.data;

  const titles = useMemo(() => new Map((data?.columns ?? []).map((c) => [c.key, c.title])), [data]);
  const stageTitle = useCallback((key: string) => titles.get(key), [titles]);
  useEffect(() => {
    for (const [key, title] of titles) latestTitles.current.set(key, title);
  }, [titles]);

  useEffect(() => {
    if (pendingFocus.current && focusMovedCard(pendingFocus.current)) pendingFocus.current = null;
  }, [data]);

  // Issue 16 p.10: a search that finds nothing says so, instead of a row of empty columns.
  const narrowed = !!(filters.q || filters.mine || filters.deadline || filters.channel);
  const nothingFound = !!data && narrowed && data.columns.length > 0 && data.columns.every((c) => c.total === 0);

  const applyFilters = (next: BoardFilters) => {
    const qs = filtersToQuery(next);
    // Next keeps useSearchParams in step with the History API: no server round trip for a filter.
    window.history.pushState(null, "", qs ? `?${qs}` : window.location.pathname);
  };

  const onDragStart = (card: BoardCard) => {
    setDrag({ card, targets: new Set(card.transitions.map((t) => t.to).filter((to) => to !== card.stage)) });
  };
  const onDragEnd = () => {
    setDrag(null);
    setOver(null);
  };
  const onDropColumn = (key: string) => {
    const d = drag;
    onDragEnd();
    if (!d) return;
    const candidates = d.card.transitions.filter((t) => t.to === key);
    if (candidates.length) flow.start(subjectOf(d.card), candidates, { confirm: true });
  };
  const onAction = (card: BoardCard, transition: CardTransition) => flow.start(subjectOf(card), [transition]);

  // Issue 16 p.10: columns by stage or one list by due date; the clerk's choice is remembered here.
  const view = useSyncExternalStore(viewStore.subscribe, viewStore.get, () => "columns" as const);
  const chooseView = viewStore.set;

  const dropState = (key: string): DropState => {
    if (!drag) return "idle";
    if (!drag.targets.has(key)) return "blocked";
    return over === key ? "over" : "allowed";
  };

  const services = data?.services ?? [];
  const currentService = services.find((s) => s.code === filters.serviceCode);

  return (
    <section aria-labelledby="board-title" className="mt-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="board-title" tabIndex={-1} className="text-xl font-semibold">
          Заявления по этапам{currentService ? `: ${currentService.title}` : ""}
        </h2>
        <p className="text-sm text-slate-600" data-live={live}>
          {board.isFetching ? "Обновляется…" : data ? `Обновлено в ${formatTime(new Date(board.dataUpdatedAt))}` : null}
          {paused
            ? " · автообновление приостановлено"
            : live === "off"
              ? " · изменения коллег видны с задержкой до 10 секунд"
              : ""}
        </p>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        Перетащите карточку в подсвеченную колонку или выберите действие в меню «Действия» на карточке. Доступны только
        переходы, предусмотренные регламентом для вашей роли.
      </p>

      <div className="mt-4">
        <BoardFiltersForm filters={filters} services={services} onChange={applyFilters} />
      </div>

      <p role="status" aria-live="polite" className="mt-3 min-h-6 text-sm text-green-900" data-testid="board-status">
        {status}
      </p>
      {alert ? (
        <div
          ref={alertRef}
          role="alert"
          tabIndex={-1}
          className="mt-2 flex flex-wrap items-start justify-between gap-3 rounded border-2 border-amber-700 bg-amber-50 p-3 text-amber-950"
          data-testid="board-alert"
        >
          <p>{alert.text}</p>
          <button type="button" onClick={() => clearAlert()} className="text-sm underline">
            Скрыть сообщение
          </button>
        </div>
      ) : null}

      {board.isError && !data ? (
        <div role="alert" className="mt-4 rounded border-2 border-red-700 bg-red-50 p-4 text-red-800">
          <p>Не удалось загрузить заявления: {board.error.message}</p>
          <button type="button" onClick={() => void board.refetch()} className="mt-2 underline">
            Повторить
          </button>
        </div>
      ) : null}

      {data && data.columns.length === 0 ? (
        <p className="mt-4 rounded border border-slate-200 bg-white p-4">
          {filters.serviceCode
            ? "Такой услуги нет среди услуг ваших подразделений."
            : "Услуг в ведении ваших подразделений нет."}
        </p>
      ) : null}

      {nothingFound ? (
        <div
          role="status"
          className="mt-4 rounded border border-slate-200 bg-white p-4"
          data-testid="board-nothing-found"
        >
          <p className="font-semibold">Ничего не найдено</p>
          <p className="mt-1 text-slate-700">
            {filters.q ? (
              <>По запросу «{filters.q}» с выбранными условиями заявлений нет. </>
            ) : (
              <>С выбранными условиями заявлений нет. </>
            )}
            Проверьте написание или измените условия отбора.
          </p>
          <button
            type="button"
            className="mt-2 underline"
            onClick={() => applyFilters({ serviceCode: filters.serviceCode })}
          >
            Сбросить условия отбора
          </button>
        </div>
      ) : null}

      {data && data.columns.length > 0 && !nothingFound ? (
        <div role="group" aria-label="Вид" className="mt-2 flex gap-1 text-sm">
          {(["columns", "list"] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => chooseView(v)}
              className={`rounded border px-3 py-1 font-semibold ${view === v ? "border-brand-700 bg-brand-700 text-white" : "border-brand-700 bg-white text-brand-700 hover:bg-brand-50"}`}
            >
              {v === "columns" ? "Колонки по этапам" : "Список по срокам"}
            </button>
          ))}
        </div>
      ) : null}

      {data && data.columns.length > 0 && !nothingFound && view === "list" ? (
        <BoardTable columns={data.columns} stageTitle={stageTitle} busy={flow.pending} onAction={onAction} />
      ) : null}

      {data && data.columns.length > 0 && !nothingFound && view === "columns" ? (
        <div
          role="region"
          aria-label="Колонки этапов (прокручиваются по горизонтали)"
          tabIndex={0}
          className="mt-2 overflow-x-auto pb-3"
          aria-busy={board.isFetching && board.isPlaceholderData}
        >
          <ul aria-label="Этапы процесса" className="flex min-h-64 items-stretch gap-3">
            {data.columns.map((column) => (
              <li key={`${filtersKey}|${column.key}`} className="flex">
                <BoardColumn
                  column={column}
                  filters={filters}
                  showService={!filters.serviceCode}
                  stageTitle={stageTitle}
                  refetchInterval={refetchInterval}
                  drop={dropState(column.key)}
                  draggingId={drag?.card.id ?? null}
                  busy={flow.pending}
                  onDragStart={onDragStart}
                  onDragEnd={onDragEnd}
                  onDragOverColumn={setOver}
                  onDropColumn={onDropColumn}
                  onAction={onAction}
                />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {flow.renderDialog({ stageTitle })}
    </section>
  );
}
