import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-12">
      <h1 className="text-3xl font-bold">Страница не найдена</h1>
      <p className="mt-3 text-slate-700">Возможно, адрес набран с ошибкой или страница была удалена.</p>
      <p className="mt-4">
        <Link href="/" className="text-brand-700 underline">
          Перейти в каталог услуг
        </Link>
      </p>
    </div>
  );
}
