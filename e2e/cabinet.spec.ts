// After submission (R7, R19, R22, R15): the registration e-mail arrives over SMTP with the expected
// completion date; the cabinet shows the timeline and the next step; the print page and the PDF copy
// carry the answers.
import { randomUUID } from "node:crypto";
import { PDFParse } from "pdf-parse";
import { archiveDraft, trpc } from "./api";
import { DEMO, expect, expectAccessible, mailTo, test } from "./fixtures";

test("the cabinet follows a submitted application and the e-mail arrives", async ({ applicantPage: page }) => {
  const draft = await archiveDraft(page);
  const result = await trpc<{ id: string; registrationNumber: string; dueAt: string }>(page, "application.submit", {
    id: draft.id,
    submissionKey: randomUUID(),
    expectedRowVersion: draft.rowVersion,
  });

  await page.goto("/cabinet");
  await page.getByRole("link", { name: result.registrationNumber }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(result.registrationNumber);
  const due = await page.getByTestId("due-date").textContent();
  // Issue 16 p.8: the stage in plain words, the regulation's title on demand; the state told as it is
  // (numbered and notified, not «будет зарегистрировано» beside «Зарегистрировано»).
  await expect(page.getByRole("heading", { name: "Сейчас: Приём заявления" })).toBeVisible();
  const next = page.getByRole("region", { name: "Сейчас: Приём заявления" });
  await expect(next.getByText(/^Прием и регистрация запросов/)).toBeHidden();
  await next.getByText("Наименование процедуры в регламенте").click();
  await expect(next.getByText(/^Прием и регистрация запросов/)).toBeVisible();
  await expect(next).toContainText("Заявление зарегистрировано, уведомление с номером");
  await expect(page.getByText(/будет зарегистрировано/)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Ход рассмотрения" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByText(`Заявление № ${result.registrationNumber} зарегистрировано`)).toBeVisible();
  // Issue 16 p.8: the signature in words; the checksum, with what it is for, on demand; no algorithm names.
  const signature = page.getByText("Заявление подписано простой электронной подписью");
  await expect(signature).toBeVisible();
  await expect(page.getByText(/Контрольная сумма содержимого: [0-9a-f]{64}/)).toBeHidden();
  await signature.click();
  await expect(page.getByText(/Контрольная сумма содержимого: [0-9a-f]{64}/)).toBeVisible();
  await expect(page.getByText(/SHA-?256|редакци/i)).toHaveCount(0);
  await expectAccessible(page);

  const registrationMail = async () =>
    (await mailTo(DEMO.applicant)).filter((m) => m.subject.includes(result.registrationNumber));
  await expect.poll(async () => (await registrationMail()).length, { timeout: 30_000 }).toBe(1);
  const mail = (await registrationMail())[0]!;
  const spaces = (s: string) => s.replace(/\s+/g, " ").trim();
  // The same instant in both; a deadline in a year whose decree is not entered yet is marked
  // provisional in both, in their own words (a mark on the page, «(предварительно)» in the mail).
  const provisional = /\s*предварительно$/;
  expect(spaces(mail.text)).toContain(`не позднее ${spaces(due!).replace(provisional, "")}`);
  expect(provisional.test(spaces(due!))).toBe(spaces(mail.text).includes("(предварительно)"));

  await page.getByRole("link", { name: "Версия для печати" }).click();
  await expect(page.getByRole("heading", { name: "Заявление о предоставлении муниципальной услуги" })).toBeVisible();
  await expect(page.getByText("Решение о выделении земельного участка")).toBeVisible();
  await expect(page.getByText(/Подписано простой электронной подписью заявителя\. Контрольная сумма/)).toBeVisible();
  await expect(page.getByText(/SHA-?256/)).toHaveCount(0);
  await expectAccessible(page);
  // Issue 16 p.7: on a phone (375 px) neither the list of applications nor the application's page
  // is wider than the screen; the list shows each application as a card with the column names.
  await page.setViewportSize({ width: 375, height: 812 });
  const sideScroll = () => page.evaluate(() => document.documentElement.scrollWidth);
  await page.goto("/cabinet");
  await expect(page.getByRole("link", { name: result.registrationNumber })).toBeVisible();
  expect(await sideScroll()).toBeLessThanOrEqual(375);
  await page.goto(`/cabinet/applications/${result.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(result.registrationNumber);
  expect(await sideScroll()).toBeLessThanOrEqual(375);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  const pdf = await page.request.get(`/api/applications/${result.id}/pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const text = (await new PDFParse({ data: new Uint8Array(await pdf.body()) }).getText()).text;
  expect(text).toContain(result.registrationNumber);
  expect(text).toContain("Решение о выделении земельного участка");
});
