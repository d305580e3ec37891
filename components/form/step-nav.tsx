"use client";
// The list of steps: where the applicant is (aria-current), which steps are complete, and a way
// to any step at any time (R15: return to any step without losing data). On a phone it is folded
// under «Все шаги» (issue 16 p.7), so the step's own heading is on the first screen.
import { useSyncExternalStore } from "react";

export type StepNavItem = { key: string; title: string; complete: boolean | null };

const WIDE = "(min-width: 768px)";
const wideScreen = {
  subscribe(listener: () => void) {
    const query = window.matchMedia(WIDE);
    query.addEventListener("change", listener);
    return () => query.removeEventListener("change", listener);
  },
  get: () => window.matchMedia(WIDE).matches,
  // The server draws the wide layout; a phone folds the list once the page is running.
  server: () => true,
};

export function StepNav({
  items,
  current,
  onSelect,
}: {
  items: StepNavItem[];
  current: number;
  onSelect: (index: number) => void;
}) {
  const wide = useSyncExternalStore(wideScreen.subscribe, wideScreen.get, wideScreen.server);
  const list = (
    <ol className="space-y-1">
      {items.map((s, i) => {
        const here = i === current;
        const state = s.complete === null ? null : s.complete ? "заполнен" : "не заполнен";
        return (
          <li key={s.key}>
            <button
              type="button"
              aria-current={here ? "step" : undefined}
              onClick={() => onSelect(i)}
              className={`flex w-full items-start gap-3 rounded px-3 py-2 text-left hover:bg-brand-50 ${here ? "bg-brand-50 font-semibold ring-2 ring-brand-700" : ""}`}
            >
              <span
                aria-hidden
                className={`mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-sm ${s.complete ? "bg-green-700 text-white" : "border-2 border-slate-500 text-slate-700"}`}
              >
                {s.complete ? "✓" : i + 1}
              </span>
              <span>
                <span className="block">{s.title}</span>
                {state ? (
                  <span className={`block text-sm font-normal ${s.complete ? "text-green-800" : "text-slate-600"}`}>
                    <span className="sr-only">, </span>
                    {state}
                  </span>
                ) : null}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
  return (
    <nav aria-label="Шаги заявления" className="no-print">
      {wide ? (
        list
      ) : (
        <details className="rounded border border-slate-300 bg-white">
          <summary className="cursor-pointer px-3 py-2 font-semibold text-brand-700">
            Все шаги заявления ({Math.min(current + 1, items.length)} из {items.length})
          </summary>
          <div className="px-1 pb-2">{list}</div>
        </details>
      )}
    </nav>
  );
}
