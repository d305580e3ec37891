"use client";
// Moving an edition between installations (issue 10 p.6): a download link per edition (the transfer
// file, app/api/admin/editions/[id]/export) and the import of such a file as a new draft of this
// service. The file is read in the browser and sent as text; the server checks it (size before
// parsing, nesting, the format's marker, unknown keys, the document) and names every problem.
// Mounted by the service page: <ImportExport serviceId serviceCode editions />.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/components/trpc-provider";
import { classifyRequestError } from "@/components/form/request-errors";
import type { DocumentProblem } from "@/server/regulation/document";
import { EDITION_STATE_LABEL, MAX_TRANSFER_CHARS, type EditionState } from "@/server/regulation/editions/schema";
import { ProblemLinks } from "./change-list";

export type TransferEdition = { id: string; version: number; state: EditionState };

type Imported = { id: string; version: number; problems: DocumentProblem[] };
type Refusal = { message: string; details: string[] };

export function ImportExport({
  serviceId,
  serviceCode,
  editions,
}: {
  serviceId: string;
  serviceCode: string;
  editions: TransferEdition[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const importEdition = useMutation(trpc.regulation.importEdition.mutationOptions());
  const fileRef = useRef<HTMLInputElement>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const id = useId();
  const fileId = `${id}-file`;
  const errorId = `${id}-error`;
  const exportable = editions.filter((e) => e.state !== "discarded");

  const onImport = async (event: React.FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    setImported(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setRefusal({ message: "Выберите файл выгрузки регламента (.json)", details: [] });
      fileRef.current?.focus();
      return;
    }
    // A file several times bigger than any regulation is not sent at all (the server refuses it too).
    if (file.size > MAX_TRANSFER_CHARS * 4) {
      setRefusal({
        message: `Файл больше ${Math.round(MAX_TRANSFER_CHARS / 1000)} КБ: регламент столько не занимает. Проверьте, что выбран файл выгрузки регламента`,
        details: [],
      });
      return;
    }
    try {
      const content = await file.text();
      const result = await importEdition.mutateAsync({ serviceId, content });
      setImported({ id: result.id, version: result.version, problems: result.problems });
      if (fileRef.current) fileRef.current.value = "";
      router.refresh();
    } catch (e) {
      const f = classifyRequestError(e);
      const details =
        f.kind === "invalid"
          ? Object.entries(f.fieldErrors)
              .filter(([k]) => k !== "content")
              .map(([path, message]) => (path && path !== "document" ? `${path}: ${message}` : message))
          : [];
      setRefusal({ message: f.message, details });
    }
  };

  return (
    <div className="space-y-6">
      <section aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`} className="text-xl font-semibold">
          Выгрузка
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Файл редакции (JSON) загружается в другую установку «Регламента» кнопкой «Загрузить».
        </p>
        {exportable.length ? (
          <ul className="mt-2 space-y-1">
            {exportable.map((e) => (
              <li key={e.id}>
                <a href={`/api/admin/editions/${e.id}/export`} download className="text-brand-700 underline">
                  Выгрузить редакцию № {e.version} ({EDITION_STATE_LABEL[e.state].toLowerCase()})
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">Редакций для выгрузки нет.</p>
        )}
      </section>
      <section aria-labelledby={`${id}-import`}>
        <h2 id={`${id}-import`} className="text-xl font-semibold">
          Загрузка
        </h2>
        <form onSubmit={onImport} noValidate className="mt-2 space-y-3" aria-label="Загрузка редакции из файла">
          <div className={refusal ? "border-l-4 border-red-700 pl-3" : ""}>
            <label htmlFor={fileId} className="block font-medium">
              Файл выгрузки регламента
            </label>
            <p id={`${fileId}-hint`} className="mt-1 text-sm text-slate-600">
              Загруженная редакция станет черновиком этой услуги; опубликовать его можно после проверки. Если у услуги
              уже есть черновик, сначала опубликуйте или удалите его.
            </p>
            {refusal ? (
              <div id={errorId} role="alert" className="mt-1 text-red-800">
                <p className="font-semibold">
                  <span className="sr-only">Ошибка: </span>
                  {refusal.message}
                </p>
                {refusal.details.length ? (
                  <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                    {refusal.details.slice(0, 50).map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                    {refusal.details.length > 50 ? <li>и ещё {refusal.details.length - 50}</li> : null}
                  </ul>
                ) : null}
              </div>
            ) : null}
            <input
              ref={fileRef}
              id={fileId}
              type="file"
              accept=".json,application/json"
              aria-describedby={refusal ? `${fileId}-hint ${errorId}` : `${fileId}-hint`}
              aria-invalid={refusal ? true : undefined}
              className="mt-1 block"
            />
          </div>
          <Button type="submit" kind="secondary" disabled={importEdition.isPending}>
            {importEdition.isPending ? "Загрузка…" : "Загрузить"}
          </Button>
        </form>
        {imported ? (
          <div role="status" className="mt-3 space-y-2 rounded border-2 border-green-700 bg-green-50 p-3">
            <p className="font-semibold">
              Создан черновик редакции № {imported.version}.{" "}
              <Link
                href={`/admin/services/${encodeURIComponent(serviceCode)}/editions/${imported.id}`}
                className="text-brand-700 underline"
              >
                Открыть в редакторе
              </Link>
            </p>
            {imported.problems.length ? (
              <ProblemLinks problems={imported.problems} serviceCode={serviceCode} editionId={imported.id} />
            ) : (
              <p>Ошибок в регламенте нет: черновик можно публиковать.</p>
            )}
          </div>
        ) : null}
      </section>
    </div>
  );
}
