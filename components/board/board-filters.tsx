"use client";
// The board's filters. Choices apply at once (the board below changes, nothing else: no change of
// context); the search applies on Enter or «Найти», so the list does not shift under a screen
// reader while the clerk types.
import { useState, type FormEvent } from "react";
import { CHANNELS, CHANNEL_LABEL, type Channel } from "@/server/regulation/document";
import { DEADLINE_FILTERS, DEADLINE_FILTER_LABEL, type BoardFilters, type DeadlineFilter } from "./filters";

type Props = {
  filters: BoardFilters;
  services: { code: string; title: string }[];
  onChange: (next: BoardFilters) => void;
};

const selectClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5";

export function BoardFiltersForm({ filters, services, onChange }: Props) {
  // The search box follows the URL (back/forward, «Сбросить») without losing what is being typed.
  const [q, setQ] = useState(filters.q ?? "");
  const [syncedQ, setSyncedQ] = useState(filters.q);
  if (filters.q !== syncedQ) {
    setSyncedQ(filters.q);
    setQ(filters.q ?? "");
  }

  const set = (patch: Partial<BoardFilters>) => {
    const next: BoardFilters = { ...filters, ...patch };
    for (const k of Object.keys(next) as (keyof BoardFilters)[])
      if (next[k] === undefined || next[k] === "" || next[k] === false) delete next[k];
    onChange(next);
  };

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    set({ q: q.trim() || undefined });
  };

  const any = Object.keys(filters).length > 0;

  return (
    <form
      role="search"
      aria-label="Фильтры заявлений"
      onSubmit={onSearch}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6"
    >
      <div className="lg:col-span-2">
        <label htmlFor="board-service" className="block text-sm font-medium">
          Услуга
        </label>
        <select
          id="board-service"
          value={filters.serviceCode ?? ""}
          onChange={(e) => set({ serviceCode: e.target.value || undefined })}
          className={selectClass}
        >
          <option value="">Все услуги (этапы всех процессов)</option>
          {services.map((s) => (
            <option key={s.code} value={s.code}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="board-deadline" className="block text-sm font-medium">
          Срок
        </label>
        <select
          id="board-deadline"
          value={filters.deadline ?? ""}
          onChange={(e) => set({ deadline: (e.target.value || undefined) as DeadlineFilter | undefined })}
          className={selectClass}
        >
          <option value="">Любой</option>
          {DEADLINE_FILTERS.map((d) => (
            <option key={d} value={d}>
              {DEADLINE_FILTER_LABEL[d]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="board-channel" className="block text-sm font-medium">
          Канал поступления
        </label>
        <select
          id="board-channel"
          value={filters.channel ?? ""}
          onChange={(e) => set({ channel: (e.target.value || undefined) as Channel | undefined })}
          className={selectClass}
        >
          <option value="">Любой</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABEL[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="lg:col-span-2">
        <label htmlFor="board-q" className="block text-sm font-medium">
          Поиск по номеру или заявителю
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id="board-q"
            type="search"
            value={q}
            maxLength={100}
            onChange={(e) => setQ(e.target.value)}
            className="block w-full min-w-0 rounded border border-slate-400 px-2 py-1.5"
          />
          <button
            type="submit"
            className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-900"
          >
            Найти
          </button>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-6">
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            checked={!!filters.mine}
            onChange={(e) => set({ mine: e.target.checked || undefined })}
            className="h-4 w-4"
          />
          Только мои (назначенные мне)
        </label>
        {any ? (
          <button type="button" onClick={() => onChange({})} className="text-sm text-brand-700 underline">
            Сбросить фильтры
          </button>
        ) : null}
      </div>
    </form>
  );
}
