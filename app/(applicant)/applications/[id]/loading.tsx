export default function Loading() {
  return (
    <div className="motion-safe:animate-pulse" aria-busy="true">
      <p role="status" className="text-slate-700">
        Загружаем заявление…
      </p>
      <div className="mt-4 h-9 w-2/3 rounded bg-slate-200" />
      <div className="mt-8 grid gap-8 md:grid-cols-[16rem_minmax(0,1fr)]">
        <div className="h-48 rounded bg-slate-200" />
        <div className="h-96 rounded bg-slate-200" />
      </div>
    </div>
  );
}
