"use client";
// The draft was saved from another tab or device after this tab loaded it. Nothing is overwritten
// silently: the applicant chooses. A native modal <dialog> (the page behind is inert, Escape
// closes it, focus returns where it was) with Tab kept inside explicitly, since browsers let it
// leave a modal dialog for their own toolbar.
import { useEffect, useRef, type KeyboardEvent } from "react";

type Props = {
  open: boolean;
  message: string;
  busy: boolean;
  onLoadServer: () => void;
  onKeepMine: () => void;
  onClose: () => void;
};

export function ConflictDialog({ open, message, busy, onLoadServer, onKeepMine, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // Focus the first choice; the explanation is read with it through aria-describedby.
      dialog.querySelector<HTMLButtonElement>("button")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const keepTabInside = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== "Tab") return;
    const focusable = Array.from(e.currentTarget.querySelectorAll<HTMLElement>("button:not([disabled]), [href], input, select, textarea, [tabindex]:not([tabindex='-1'])"));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-labelledby="conflict-title"
      aria-describedby="conflict-text"
      onClose={onClose}
      onKeyDown={keepTabInside}
      className="m-auto w-[min(36rem,calc(100%-2rem))] rounded-lg border border-slate-300 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/60"
      data-testid="conflict-dialog"
    >
      <h2 id="conflict-title" className="text-xl font-bold">
        Черновик изменён в другом месте
      </h2>
      <div id="conflict-text" className="mt-3 space-y-2">
        <p>{message}</p>
        <p>
          Изменения, сделанные на этой странице, пока не сохранены на сервере — они сохранены в этом браузере. Выберите, какую
          версию оставить:
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>«Загрузить сохранённую версию» — показать данные, сохранённые в другой вкладке или на другом устройстве; изменения этой страницы будут отброшены;</li>
          <li>«Оставить мои изменения» — сохранить данные этой страницы вместо сохранённой версии.</li>
        </ul>
      </div>
      <div className="mt-6 flex flex-wrap gap-3">
        <button type="button" disabled={busy} onClick={onLoadServer} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60">
          Загрузить сохранённую версию
        </button>
        <button type="button" disabled={busy} onClick={onKeepMine} className="rounded border-2 border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60">
          Оставить мои изменения
        </button>
        <button type="button" onClick={() => ref.current?.close()} className="rounded px-4 py-2 text-slate-700 underline">
          Решить позже
        </button>
      </div>
    </dialog>
  );
}
