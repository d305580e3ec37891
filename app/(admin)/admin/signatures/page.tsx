import type { Metadata } from "next";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { now } from "@/server/clock";
import { OfficialsCertificates } from "@/components/signature/officials-certificates";
import { RevocationLists, TrustedCertificates } from "@/components/signature/trust-store";

export const metadata: Metadata = { title: "Электронная подпись" };
export const dynamic = "force-dynamic";

// Issue 15 p.4: what every signature is checked against (R17: applicants' signatures; R20, R26:
// the results the officials sign), and the officials' certificates.
export default async function SignaturesAdminPage() {
  await requireRole(["ADMIN"], "/admin/signatures");
  const caller = await api();
  const [trust, certificates] = await Promise.all([caller.signature.trust(), caller.signature.certificates()]);
  const at = now();
  return (
    <div>
      <h1 className="text-2xl font-bold">Электронная подпись</h1>
      <div className="mt-2 max-w-3xl space-y-2">
        <p>
          Система подписывает и проверяет электронные подписи по ГОСТ Р 34.10-2012 (256 бит): результаты услуг, которые
          подписывают должностные лица, и файлы подписи (.sig), которые заявители прикладывают к документам. Подпись
          признаётся действительной, если сертификат подписавшего выдан доверенным удостоверяющим центром, действовал на
          момент подписания и не отозван.
        </p>
        <p>
          В рабочей системе доверенными должны быть корневые сертификаты аккредитованных удостоверяющих центров, а
          списки отзыва — их актуальные CRL, загружаемые по мере выпуска. Онлайн-проверка статуса (OCSP) здесь не
          выполняется: отзыв проверяется только по загруженным спискам.
        </p>
      </div>
      <TrustedCertificates rows={trust.certificates} now={at} />
      <RevocationLists rows={trust.crls} now={at} />
      <OfficialsCertificates rows={certificates} now={at} />
    </div>
  );
}
