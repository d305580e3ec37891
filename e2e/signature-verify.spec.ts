// Incoming signatures (issue 15 p.4, "Done when" 2; R17; S2 p.46.2): an applicant attaches signed
// documents with their .sig files; the clerk sees «Подпись действительна» with the owner's name, and
// why a tampered pair and a pair signed by an untrusted CA fail. Anyone checks a pair on /verify.
// The CAs are made here (server/signature/ca.ts) and trusted by the administrator over HTTP; the
// edge cases (revoked, malformed, refusals, throttle) are in server/signature/attachments.int.test.ts.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { ARCHIVE_VALUES, trpc } from "./api";
import { issuePersonCertificate, makeRootCa, type KeyHolder } from "../server/signature/ca";
import { signDetached } from "../server/signature/cms";

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const sign = (holder: KeyHolder, content: Buffer) =>
  Buffer.from(signDetached({ content, privateKey: holder.privateKey, cert: holder.cert, signingTime: new Date() }));

/** A CA the administrator trusts over HTTP, and a person's certificate it issued. */
async function trustedSigner(adminPage: Page, lastName: string): Promise<KeyHolder> {
  const ca = makeRootCa(`Тестовый УЦ проверки ${randomUUID().slice(0, 8)}`);
  await trpc(adminPage, "signature.addTrusted", { certificate: Buffer.from(ca.cert.der).toString("base64") });
  return issuePersonCertificate(ca, { lastName, givenNames: "Анна Сергеевна" });
}

test("the clerk sees which attached signatures are valid, and why the others fail", async ({
  adminPage,
  applicantPage,
  registrarPage,
}) => {
  const signer = await trustedSigner(adminPage, "Подписантова");
  const stranger = issuePersonCertificate(makeRootCa("УЦ «Неизвестный»"), { lastName: "Чужой", givenNames: "Олег" });
  const statement = pdf("заявление");
  const tampered = pdf("справка");
  const extract = pdf("выписка");
  const files: [string, Buffer][] = [
    ["заявление.pdf", statement],
    ["заявление.pdf.sig", sign(signer, statement)],
    ["справка.pdf", tampered],
    ["справка.pdf.sig", sign(signer, pdf("справка до исправления"))],
    ["выписка.pdf", extract],
    ["выписка.pdf.sig", sign(stranger, extract)],
  ];
  const draft = await trpc<{ id: string }>(applicantPage, "application.startDraft", { serviceCode: "archive-info" });
  const refs = [];
  for (const [name, buffer] of files) {
    const res = await applicantPage.request.post(`/api/applications/${draft.id}/files?field=attachments`, {
      multipart: { file: { name, mimeType: "application/octet-stream", buffer } },
    });
    expect(res.status(), await res.text()).toBe(201);
    refs.push(await res.json());
  }
  const saved = await trpc<{ rowVersion: number }>(applicantPage, "application.saveDraft", {
    id: draft.id,
    values: { ...ARCHIVE_VALUES, attachments: refs },
    currentStep: "delivery",
    expectedRowVersion: 0,
  });
  await trpc(applicantPage, "application.submit", {
    id: draft.id,
    submissionKey: randomUUID(),
    expectedRowVersion: saved.rowVersion,
  });

  await registrarPage.goto(`/staff/applications/${draft.id}`);
  const verdictOf = (file: string) =>
    registrarPage.locator(`[data-testid="attachment-signature"][data-file="${file}"]`);
  await expect(verdictOf("заявление.pdf")).toContainText(
    `Подпись действительна: Подписантова Анна Сергеевна, сертификат № ${signer.cert.serial}`,
  );
  await expect(verdictOf("справка.pdf")).toContainText("Подпись не соответствует документу");
  await expect(verdictOf("выписка.pdf")).toContainText(
    "Сертификат выдан удостоверяющим центром, которому система не доверяет: «УЦ «Неизвестный»»",
  );
  await expect(registrarPage.getByText("— файл подписи к документу «заявление.pdf»")).toBeVisible();
});

test("anyone checks a document and its signature on /verify", async ({ adminPage, page }) => {
  const signer = await trustedSigner(adminPage, "Проверяемова");
  const document = pdf("решение для проверки");
  const signature = sign(signer, document);
  await page.goto("/verify");
  await expect(page.getByRole("heading", { level: 1, name: "Проверка электронной подписи" })).toBeVisible();
  await expect(page.getByText("ГОСТ Р 34.10-2012 с ключом 256 бит")).toBeVisible();
  await expectAccessible(page);

  const check = async (doc: Buffer) => {
    await page
      .getByLabel("Документ", { exact: true })
      .setInputFiles({ name: "решение.pdf", mimeType: "application/pdf", buffer: doc });
    await page
      .getByLabel("Файл электронной подписи")
      .setInputFiles({ name: "решение.pdf.sig", mimeType: "application/pkcs7-signature", buffer: signature });
    await page.getByRole("button", { name: "Проверить подпись" }).click();
  };
  await check(document);
  const verdict = page.getByTestId("verify-verdict");
  await expect(verdict).toContainText("Подпись действительна: Проверяемова Анна Сергеевна");
  await expect(verdict).toContainText(signer.cert.serial);
  await expect(verdict).toContainText("Время подписания");

  const changed = Buffer.from(document);
  changed[12] = changed[12]! ^ 1;
  await check(changed);
  await expect(verdict).toContainText("Подпись не соответствует документу");
  await expect(verdict).toHaveAttribute("data-valid", "false");
  await expectAccessible(page);
});
