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

/** A labelled choice that applies at once; the empty option (`any`) clears the filter. */
function FilterSelect({
  id,
  label,
  className,
  value,
  onChange,
  any,
  options,
}: {
  id: string;
  label: string;
  className?: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  any: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || undefined)}
        className={selectClass}
      >
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

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
      <FilterSelect
        id="board-service"
        label="Услуга"
        className="lg:col-span-2"
        value={filters.serviceCode}
        onChange={(serviceCode) => set({ serviceCode })}
        any="Все услуги (этапы всех процессов)"
        options={services.map((s) => ({ value: s.code, label: s.title }))}
      />
      <FilterSelect
        id="board-deadline"
        label="Срок"
        value={filters.deadline}
        onChange={(deadline) => set({ deadline: deadline as DeadlineFilter | undefined })}
        any="Любой"
        options={DEADLINE_FILTERS.map((d) => ({ value: d, label: DEADLINE_FILTER_LABEL[d] }))}
      />
      <FilterSelect
        id="board-channel"
        label="Канал поступления"
        value={filters.channel}
        onChange={(channel) => set({ channel: channel as Channel | undefined })}
        any="Любой"
        options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABEL[c] }))}
      />
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
