// The signature pages in a browser (issue 15 p.2, p.4; R20, R26): the administrator loads a CA's
// certificate and its CRL, and an official adds a certificate of that CA with its key file under a
// PIN. The CA, the official's certificate and key are made here, at test time (server/signature/ca.ts:
// nothing secret in the repository), and written to a temporary directory for the file inputs. The
// refusals (untrusted, expired, wrong key, short PIN...) are in server/signature/signature.int.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, expectAccessible, test } from "./fixtures";
import { issuePersonCertificate, makeCrl, makeRootCa, privateKeyPem } from "../server/signature/ca";
import { pem } from "../server/signature/x509";

/** Makes the test CA, its CRL and an official's certificate and key file in `dir`. */
function makeTestCa(dir: string, caName: string): { caSerial: string; officialSerial: string } {
  const ca = makeRootCa(caName);
  const official = issuePersonCertificate(ca, {
    lastName: "Исполнителева",
    givenNames: "Анна Сергеевна",
    title: "Главный специалист",
  });
  writeFileSync(join(dir, "ca.cer"), ca.cert.der);
  writeFileSync(join(dir, "ca.crl"), makeCrl(ca, []));
  writeFileSync(join(dir, "official.pem"), pem("CERTIFICATE", official.cert.der));
  writeFileSync(join(dir, "official.key"), privateKeyPem(official));
  return { caSerial: ca.cert.serial, officialSerial: official.cert.serial };
}

test("issue 15: the administrator trusts a CA and loads its CRL; an official adds a certificate with a PIN-sealed key", async ({
  adminPage,
  executorPage,
}) => {
  const caName = `Тестовый УЦ браузерной проверки ${Date.now()}`;
  const dir = mkdtempSync(join(tmpdir(), "reglament-signature-"));
  try {
    const { caSerial, officialSerial } = makeTestCa(dir, caName);
    const caFile = join(dir, "ca.cer");
    const crlFile = join(dir, "ca.crl");
    const certFile = join(dir, "official.pem");
    const keyFile = join(dir, "official.key");

    // The administrator: the CA certificate, then its CRL (a CRL of an untrusted CA would be refused).
    const admin = adminPage;
    await admin.goto("/admin/signatures");
    await expect(admin.getByRole("heading", { level: 1, name: "Электронная подпись" })).toBeVisible();
    await expectAccessible(admin);
    await admin.getByLabel("Файл сертификата УЦ").setInputFiles(caFile);
    await admin.getByRole("button", { name: "Добавить в доверенные" }).click();
    await expect(admin.getByText(`Сертификат «${caName}» добавлен в доверенные.`)).toBeVisible();
    await expect(admin.getByTestId("trusted-ca").filter({ hasText: caName })).toContainText(caSerial);
    await admin.getByLabel("Файл списка отзыва").setInputFiles(crlFile);
    await admin.getByRole("button", { name: "Загрузить список отзыва" }).click();
    await expect(admin.getByText(`Список отзыва «${caName}» загружен: отозванных сертификатов 0.`)).toBeVisible();
    const crlRow = admin.getByTestId("crl").filter({ hasText: caName });
    await expect(crlRow).toBeVisible();
    await expect(crlRow).not.toContainText("устарел");

    // The official: the certificate and its key, held by the system under a PIN typed twice.
    const staff = executorPage;
    await staff.goto("/staff/signature");
    await expect(staff.getByRole("heading", { level: 1, name: "Моя электронная подпись" })).toBeVisible();
    await expectAccessible(staff);
    await staff.getByLabel("Файл сертификата").setInputFiles(certFile);
    await staff.getByRole("radio", { name: "В системе, под PIN-кодом" }).check();
    await staff.getByLabel("Файл закрытого ключа").setInputFiles(keyFile);
    await staff.getByRole("textbox", { name: "PIN-код", exact: true }).fill("e2e-PIN-2026");
    await staff.getByRole("textbox", { name: "PIN-код ещё раз" }).fill("e2e-PIN-2026");
    await staff.getByRole("button", { name: "Добавить сертификат" }).click();
    const card = staff.getByTestId("my-certificate").filter({ hasText: officialSerial });
    await expect(card).toContainText("Исполнителева Анна Сергеевна");
    await expect(card).toContainText("Ключ хранится в системе (защищён PIN-кодом)");
    await expect(card).toContainText(caName);
    await expectAccessible(staff);

    // The administrator sees it among the officials' certificates.
    await admin.reload();
    await expect(admin.getByTestId("official-certificate").filter({ hasText: officialSerial })).toContainText(
      "в системе, под PIN-кодом",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
