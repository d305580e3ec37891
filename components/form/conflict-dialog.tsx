"use client";
// The draft was saved from another tab or device after this tab loaded it. Nothing is overwritten
// silently: the applicant chooses, in the shared modal dialog (components/ui/dialog.tsx: the page
// behind is inert, Escape closes it, focus returns where it was). The first choice takes the focus;
// the explanation is read with it through aria-describedby.
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

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

  return (
    <Dialog
      ref={ref}
      open={open}
      labelledBy="conflict-title"
      describedBy="conflict-text"
      onClose={onClose}
      width="w-[min(36rem,calc(100%-2rem))]"
      testId="conflict-dialog"
    >
      <h2 id="conflict-title" className="text-xl font-bold">
        Черновик изменён в другом месте
      </h2>
      <div id="conflict-text" className="mt-3 space-y-2">
        <p>{message}</p>
        <p>
          Изменения, сделанные на этой странице, пока не сохранены на сервере — они сохранены в этом браузере. Выберите,
          какую версию оставить:
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            «Загрузить сохранённую версию» — показать данные, сохранённые в другой вкладке или на другом устройстве;
            изменения этой страницы будут отброшены;
          </li>
          <li>«Оставить мои изменения» — сохранить данные этой страницы вместо сохранённой версии.</li>
        </ul>
      </div>
      <div className="mt-6 flex flex-wrap gap-3">
        <Button disabled={busy} onClick={onLoadServer}>
          Загрузить сохранённую версию
        </Button>
        <Button kind="secondary" disabled={busy} onClick={onKeepMine}>
          Оставить мои изменения
        </Button>
        <Button kind="link" onClick={() => ref.current?.close()}>
          Решить позже
        </Button>
      </div>
    </Dialog>
  );
}
