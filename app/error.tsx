"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-12" role="alert">
      <h1 className="text-3xl font-bold">Что-то пошло не так</h1>
      <p className="mt-3 text-slate-700">
        Сервис временно не смог обработать запрос. Введённые данные не потеряны — попробуйте ещё раз.
      </p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-brand-700 px-4 py-2 text-white">
        Повторить
      </button>
    </div>
  );
}
