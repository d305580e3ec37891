import type { Metadata } from "next";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Проверка электронной подписи" };

// Issue 15 p.4 (R17): anyone, without signing in, checks a document and its detached signature — a
// citizen or another agency holding a Reglament document, or a file signed elsewhere.
export default function VerifyPage() {
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold">Проверка электронной подписи</h1>
      <p className="mt-2 text-slate-700">
        Выберите документ и файл его открепленной электронной подписи (.sig или .p7s). Система проверит, что подпись
        сделана именно к этому документу и он не изменен после подписания, что сертификат подписавшего действовал на
        момент подписания, выдан доверенным удостоверяющим центром и не отозван.
      </p>
      <ul className="mt-3 list-disc space-y-1 pl-6 text-sm text-slate-700">
        <li>
          Проверяются подписи по ГОСТ Р 34.10-2012 с ключом 256 бит (хэш-функция ГОСТ Р 34.11-2012, 256 бит) в формате
          CMS (PKCS#7, CAdES-BES).
        </li>
        <li>
          Доверенными считаются удостоверяющие центры, сертификаты которых загрузил администратор системы муниципального
          образования; отзыв проверяется по спискам отзыва, которые он загрузил.
        </li>
        <li>
          Для документа, выданного в личном кабинете, проверяйте подписанный документ (PDF) вместе с его файлом подписи:
          экземпляр с отметкой о подписи и номером предназначен для печати, подпись к нему не подходит.
        </li>
        <li>Документ — не больше 20 МБ, файл подписи — не больше 256 КБ. Файлы не сохраняются.</li>
      </ul>
      <VerifyForm />
    </article>
  );
}
