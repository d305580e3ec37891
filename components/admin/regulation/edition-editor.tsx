"use client";
/**
 * The editor of one edition of a service's regulation (issue 10 p.2-3). A shell: the section
 * navigation (in the URL, so the back button works), the save status, undo and redo that name the
 * change, the problem list, the conflict dialog; the sections themselves come from ./sections.tsx.
 * A draft is edited and autosaved (EditorStore); any other edition opens read-only: the same
 * controls, all disabled (a disabled <fieldset> disables every control inside it).
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import type { AppRouter } from "@/server/api/root";
import type { RegulationDocument } from "@/server/regulation/document";
import { EDITION_STATE_LABEL } from "@/server/regulation/editions/schema";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatDate, formatTime } from "@/components/ui/format";
import { useTRPC } from "@/components/trpc-provider";
import { EditorStore, type SaveStatus } from "./editor-store";
import { ProblemList, controlOfPath } from "./problem-list";
import { StartDraftButton } from "./service-forms";
import type { EditorSection, SectionProps } from "./section-props";
import { SECTIONS, SECTION_KEYS, isEditorSection } from "./sections";

export type EditionPayload = inferRouterOutputs<AppRouter>["regulation"]["edition"];

function statusText(s: SaveStatus): { text: string; tone: string } {
  switch (s.kind) {
    case "saved":
      return { text: `Сохранено в ${formatTime(s.at)}`, tone: "text-slate-700" };
    case "pending":
      return { text: "Есть несохранённые изменения", tone: "text-slate-700" };
    case "saving":
      return { text: "Сохраняем…", tone: "text-slate-700" };
    case "retrying":
      return {
        text: "Нет связи с сервером: изменения остаются на этой странице, повторим сохранение автоматически",
        tone: "text-amber-900",
      };
    case "conflict":
      return { text: `Не сохранено: ${s.message}`, tone: "text-red-800" };
    case "invalid":
      return { text: `Не сохранено: ${s.message}`, tone: "text-red-800" };
    case "signed-out":
      return {
        text: "Сеанс завершён: войдите снова в другой вкладке, изменения останутся на этой странице",
        tone: "text-red-800",
      };
    case "closed":
      return { text: `Не сохранено: ${s.message}`, tone: "text-red-800" };
  }
}

export function EditionEditor({ edition }: { edition: EditionPayload }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const readOnly = edition.state !== "draft";
  const saveMutation = useMutation(trpc.regulation.saveDraft.mutationOptions());
  const save = saveMutation.mutateAsync;
  const [conflictOpen, setConflictOpen] = useState(false);
  const [conflictBusy, setConflictBusy] = useState(false);
  const [conflictError, setConflictError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState("");

  const [store] = useState(
    () =>
      new EditorStore({
        document: edition.document as unknown as RegulationDocument,
        rowVersion: edition.rowVersion,
        savedAt: new Date(edition.updatedAt),
        problems: edition.problems,
        save: ({ document, expectedRowVersion }) =>
          save({ id: edition.id, expectedRowVersion, document: document as unknown as Record<string, unknown> }),
        load: async () => {
          const fresh = await queryClient.fetchQuery({
            ...trpc.regulation.edition.queryOptions({ id: edition.id }),
            staleTime: 0,
          });
          return {
            document: fresh.document as unknown as RegulationDocument,
            rowVersion: fresh.rowVersion,
            updatedAt: fresh.updatedAt,
          };
        },
        onConflict: () => setConflictOpen(true),
      }),
  );
  const snap = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  useEffect(() => () => store.stop(), [store]);

  // Leaving with unsaved changes: the browser asks first.
  useEffect(() => {
    if (!snap.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [snap.dirty]);

  const searchParams = useSearchParams();
  const requested = searchParams.get("section");
  const section: EditorSection = isEditorSection(requested) ? requested : "form";
  const pendingFocus = useRef<string | null>(null);

  const goTo = (next: EditorSection) => {
    // useSearchParams follows the History API: no server round trip, and the back button returns.
    if (next !== section) window.history.pushState(null, "", `?section=${next}`);
  };

  const focusPath = (path: string) => {
    const el = controlOfPath(path);
    if (!el) return false;
    // A control inside a collapsed part (a field's details) is shown first.
    for (let d = el.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
    el.scrollIntoView({ block: "center" });
    el.focus();
    return true;
  };
  useEffect(() => {
    if (pendingFocus.current && focusPath(pendingFocus.current)) pendingFocus.current = null;
  });
  const onGoToProblem = (target: EditorSection, path: string) => {
    pendingFocus.current = path;
    if (target === section && focusPath(path)) pendingFocus.current = null;
    else goTo(target);
  };

  const undo = () => {
    const label = store.undo();
    if (label) setAnnounce(`Отменено: ${label}`);
  };
  const redo = () => {
    const label = store.redo();
    if (label) setAnnounce(`Возвращено: ${label}`);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (readOnly || !(e.ctrlKey || e.metaKey)) return;
    // The preview is the applicant's form: its inputs keep the browser's own undo.
    if ((e.target as HTMLElement).closest("[data-editor-preview]")) return;
    const key = e.key.toLowerCase();
    if ((key === "z" || key === "я") && !e.altKey) {
      e.preventDefault();
      if (e.shiftKey) redo();
      else undo();
    } else if (key === "y" || key === "н") {
      e.preventDefault();
      redo();
    }
  };

  const props: SectionProps = {
    doc: snap.doc,
    change: (label, mutate, opts) => store.change(label, mutate, opts),
    readOnly,
    problems: snap.problems,
  };

  const entry = SECTIONS[section];
  const status = statusText(snap.status);

  const keepMine = async () => {
    setConflictBusy(true);
    setConflictError(null);
    try {
      setConflictOpen(false);
      await store.keepMine();
    } catch {
      setConflictOpen(true);
      setConflictError("Не удалось связаться с сервером. Попробуйте ещё раз.");
    } finally {
      setConflictBusy(false);
    }
  };
  const takeServer = async () => {
    setConflictBusy(true);
    setConflictError(null);
    try {
      await store.takeServer();
      setConflictOpen(false);
      setAnnounce("Загружена версия другого администратора. Ваша версия доступна по кнопке «Отменить».");
    } catch {
      setConflictError("Не удалось загрузить версию с сервера: нет связи. Попробуйте ещё раз.");
    } finally {
      setConflictBusy(false);
    }
  };

  const svc = edition.service;
  return (
    <div onKeyDown={onKeyDown}>
      <p className="text-sm">
        <Link href="/admin/services" className="text-brand-700 underline">
          Услуги
        </Link>{" "}
        <span aria-hidden>›</span>{" "}
        <Link href={`/admin/services/${svc.code}`} className="text-brand-700 underline">
          {svc.title}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">
        Редакция № {edition.version}: {EDITION_STATE_LABEL[edition.state].toLowerCase()}
      </h1>
      <p className="mt-1 text-slate-700">
        {svc.title}
        {edition.basedOn ? `. Основана на редакции № ${edition.basedOn.version}` : ""}
        {edition.effectiveFrom ? `. Дата вступления в силу: ${formatDate(edition.effectiveFrom)}` : ""}
      </p>

      {readOnly ? (
        <div className="mt-4 rounded border-l-4 border-brand-700 bg-brand-50 p-4" data-testid="read-only-banner">
          <p className="font-semibold">
            {edition.state === "discarded"
              ? "Черновик удалён и не изменяется."
              : "Редакция опубликована и не изменяется."}
          </p>
          <div className="mt-2">
            <StartDraftButton
              serviceId={svc.id}
              serviceCode={svc.code}
              fromVersionId={edition.id}
              label={
                edition.state === "discarded"
                  ? "Начать новую редакцию на основе этого черновика"
                  : "Начать новую редакцию на её основе"
              }
            />
          </div>
        </div>
      ) : (
        <div className="mt-4 flex flex-wrap items-center gap-3 border-y border-slate-200 py-3">
          <p
            role="status"
            aria-live="polite"
            aria-atomic="true"
            className={`text-sm font-medium ${status.tone}`}
            data-testid="save-status"
          >
            {status.text}
          </p>
          {snap.status.kind === "conflict" ? (
            <Button kind="link" onClick={() => setConflictOpen(true)}>
              Выбрать версию
            </Button>
          ) : null}
          <span className="grow" />
          <Button kind="neutral" onClick={undo} disabled={!snap.undoLabel} aria-keyshortcuts="Control+Z">
            {snap.undoLabel ? `Отменить: ${snap.undoLabel}` : "Отменить"}
          </Button>
          <Button kind="neutral" onClick={redo} disabled={!snap.redoLabel} aria-keyshortcuts="Control+Shift+Z">
            {snap.redoLabel ? `Вернуть: ${snap.redoLabel}` : "Вернуть"}
          </Button>
          <Link
            href={`/admin/services/${svc.code}/editions/${edition.id}/publish`}
            className="px-2 py-2 text-brand-700 underline"
          >
            Опубликовать…
          </Link>
        </div>
      )}
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>

      <div className="mt-6 grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)_18rem]">
        <nav aria-label="Разделы регламента">
          <ul className="space-y-1">
            {SECTION_KEYS.map((k) => (
              <li key={k}>
                <a
                  href={`?section=${k}`}
                  aria-current={k === section ? "page" : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    goTo(k);
                  }}
                  className={`block rounded px-3 py-2 ${k === section ? "bg-brand-50 font-semibold text-brand-900 ring-2 ring-brand-700" : "text-brand-700 underline"}`}
                >
                  {SECTIONS[k].title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <section aria-labelledby="section-title" className="min-w-0">
          <h2 id="section-title" className="text-xl font-semibold">
            {entry.title}
          </h2>
          {entry.render ? (
            entry.viewOnly ? (
              <div className="mt-4">{entry.render(props)}</div>
            ) : (
              <fieldset disabled={readOnly} className="mt-4 min-w-0">
                <legend className="sr-only">{entry.title}</legend>
                {entry.render(props)}
              </fieldset>
            )
          ) : (
            <p className="mt-4 text-slate-700">
              Этот раздел редактора пока не подключён: его можно изменить в файле регламента.
            </p>
          )}
        </section>
        <aside aria-label="Проверка регламента">
          <ProblemList problems={snap.problems} onGo={onGoToProblem} />
        </aside>
      </div>

      <Dialog
        open={conflictOpen}
        labelledBy="ed-conflict-title"
        describedBy="ed-conflict-text"
        onClose={() => setConflictOpen(false)}
        width="w-[min(36rem,calc(100%-2rem))]"
        testId="editor-conflict-dialog"
      >
        <h2 id="ed-conflict-title" className="text-xl font-bold">
          Черновик изменил другой администратор
        </h2>
        <div id="ed-conflict-text" className="mt-3 space-y-2">
          <p>
            {conflictError ?? (snap.status.kind === "conflict" ? snap.status.message : "Черновик изменён на сервере.")}
          </p>
          <p>
            Ваши изменения не сохранены на сервере, но и не потеряны: они на этой странице. Выберите, какую версию
            оставить:
          </p>
          <ul className="list-disc space-y-1 pl-6">
            <li>«Оставить мою версию» — сохранить документ этой страницы вместо версии другого администратора;</li>
            <li>
              «Взять версию с сервера» — показать версию другого администратора; ваша останется в истории, её вернёт
              кнопка «Отменить».
            </li>
          </ul>
        </div>
        <div className="mt-6 flex flex-wrap gap-3">
          <Button disabled={conflictBusy} onClick={() => void keepMine()}>
            Оставить мою версию
          </Button>
          <Button kind="secondary" disabled={conflictBusy} onClick={() => void takeServer()}>
            Взять версию с сервера
          </Button>
          <Button kind="link" onClick={() => setConflictOpen(false)}>
            Решить позже
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
