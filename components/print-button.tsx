"use client";

export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900"
    >
      Распечатать
    </button>
  );
}
