"use client";
// The tamper-evidence check on the auditors' page (issue 11, R3): runs the chain verification
// (`npm run audit:verify`, server/audit/data.ts) on demand — it reads the whole application event
// log, so not on every visit — and says in Russian whether the log is intact or where it was broken.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc-provider";
import { Button } from "@/components/ui/button";

export function VerifyPanel() {
  const trpc = useTRPC();
  const check = useQuery({ ...trpc.audit.verify.queryOptions(), enabled: false, staleTime: 0, retry: false });
  const report = check.data;
  return (
    <section aria-labelledby="verify-heading" className="mt-8 rounded border border-slate-300 bg-white p-4">
      <h2 id="verify-heading" className="text-xl font-semibold">
        Проверка целостности журнала
      </h2>
      <p className="mt-2 max-w-3xl text-slate-700">
        Каждое событие журнала заявлений связано с предыдущим цепочкой хешей SHA-256: проверка пересчитывает цепочку и
        хеши поданных заявлений и подписанных документов и называет первое изменённое в обход системы событие. Журнал
        действий администраторов защищён базой данных от изменения и удаления (записи только добавляются), но цепочкой
        хешей пока не связан: эта проверка его не охватывает.
      </p>
      <Button kind="secondary" className="mt-3" onClick={() => void check.refetch()} disabled={check.isFetching}>
        {check.isFetching ? "Проверка…" : "Проверить целостность журнала"}
      </Button>
      <div role="status" aria-live="polite" className="mt-3">
        {check.isError ? (
          <p className="font-semibold text-red-700">Проверка не выполнена: {check.error.message}</p>
        ) : report?.ok ? (
          <p className="font-semibold text-green-800">
            Журнал событий заявлений цел: проверено событий — {report.events}, заявлений — {report.applications},
            подписанных документов — {report.resultDocuments}. Последнее событие № {report.head.eventId ?? "—"}, хеш{" "}
            <code className="break-all">{report.head.hash ?? "—"}</code> (запишите его вне системы, чтобы позднее
            сверить).
          </p>
        ) : report ? (
          <div className="text-red-800">
            <p className="font-semibold">
              Целостность журнала нарушена
              {report.firstBrokenEvent
                ? `: первое нарушенное событие — № ${report.firstBrokenEvent.eventId} (${report.firstBrokenEvent.message})`
                : ""}
              .
            </p>
            <p className="mt-1">Найдено нарушений: {report.problemCount}.</p>
            <ul className="mt-1 list-disc pl-6">
              {report.problems.map((p) => (
                <li key={`${p.kind}:${p.id}`}>{p.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
