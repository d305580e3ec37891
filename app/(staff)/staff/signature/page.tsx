import type { Metadata } from "next";
import { api } from "@/server/api/server";
import { requireRole, STAFF_ROLES } from "@/server/auth/session";
import { now } from "@/server/clock";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { MyCertificates } from "@/components/signature/my-certificates";
import { RegisterCertificateForm } from "@/components/signature/register-certificate-form";

export const metadata: Metadata = { title: "Моя электронная подпись" };
export const dynamic = "force-dynamic";

// Issue 15 p.2: every official keeps their own signing certificates here (R20, R26: results are
// signed by an authorised official with a qualified electronic signature).
export default async function MySignaturePage() {
  await requireRole(STAFF_ROLES, "/staff/signature");
  const rows = await (await api()).signature.mine();
  return (
    <div>
      <Breadcrumbs items={[{ label: "Рабочее место", href: "/staff" }, { label: "Моя электронная подпись" }]} />
      <h1 className="mt-3 text-3xl font-bold">Моя электронная подпись</h1>
      <section aria-labelledby="signature-how" className="mt-4 max-w-3xl space-y-2">
        <h2 id="signature-how" className="sr-only">
          Как подписывать
        </h2>
        <p>
          Результаты услуг подписываются электронной подписью по ГОСТ Р 34.10-2012 (ключ 256 бит, хэш ГОСТ Р
          34.11-2012). Подпись откреплённая (файл .sig): подписанный документ не меняется ни на байт, и любой может
          проверить его вместе с файлом подписи.
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <strong>Ключ в системе.</strong> Добавьте сертификат вместе с файлом закрытого ключа и придумайте PIN-код.
            Система хранит ключ зашифрованным под этим PIN-кодом; при подписании документа вы вводите PIN-код в окне
            подписи. После нескольких неверных PIN-кодов подписание ненадолго блокируется.
          </li>
          <li>
            <strong>Ключ у вас</strong> (КриптоПро, токен, своя программа). Добавьте только сертификат. Подпишите
            документ своей программой (откреплённая подпись CMS) и приложите получившийся файл .sig в окне подписи.
          </li>
        </ul>
        <p>
          Сертификат должен действовать и быть выдан удостоверяющим центром, которому доверяет система (их список ведёт
          администратор). Если ключ утерян или сертификат больше не нужен, отзовите его здесь.
        </p>
      </section>
      <h2 className="mt-8 text-xl font-semibold">Мои сертификаты</h2>
      <MyCertificates rows={rows} now={now()} />
      <RegisterCertificateForm />
    </div>
  );
}
