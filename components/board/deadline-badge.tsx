// A deadline's state in colour AND words (never colour alone); a breach also gets a mark, so it
// stands out in a column even at a glance. Plain characters only: emoji are missing from the fonts
// of many office machines.
import type { DeadlineStatus } from "@/server/calendar/deadline-status";

const STYLE: Record<DeadlineStatus, { className: string; mark: string }> = {
  overdue: { className: "border-red-800 bg-red-50 text-red-900", mark: "!" },
  due_soon: { className: "border-amber-700 bg-amber-50 text-amber-900", mark: "" },
  on_time: { className: "border-green-800 bg-green-50 text-green-900", mark: "" },
  none: { className: "border-slate-400 bg-slate-50 text-slate-800", mark: "" },
};

export function DeadlineBadge({ status, label }: { status: DeadlineStatus; label: string }) {
  const style = STYLE[status];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-semibold ${style.className}`}
      data-deadline={status}
    >
      {style.mark ? <span aria-hidden>{style.mark}</span> : null}
      {label}
    </span>
  );
}
