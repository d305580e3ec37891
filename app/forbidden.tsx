import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl py-12">
      <h1 className="text-3xl font-bold">Доступ запрещён</h1>
      <p className="mt-3 text-slate-700">
        У вашей учётной записи нет прав на этот раздел. Если это ошибка, обратитесь к администратору.
      </p>
      <p className="mt-4">
        <Link href="/" className="text-brand-700 underline">
          Перейти в каталог услуг
        </Link>
      </p>
    </div>
  );
}
