// R15: one form, several applicants. The owner invites by e-mail (delivered over real SMTP), the
// co-applicant registers, accepts and fills their own section, and then the application is submitted.
import { randomUUID } from "node:crypto";
import { archiveDraft, trpc } from "./api";
import { confirmRegistration, expect, expectAccessible, mailTo, signInOverApi, test } from "./fixtures";

test("a co-applicant completes their section from their own account and the application is submitted", async ({
  applicantPage: page,
  browser,
}) => {
  const coEmail = `sestra.${Date.now()}@example.ru`;
  const draft = await archiveDraft(page);

  await page.goto(`/applications/${draft.id}`);
  const panel = page.getByRole("region", { name: "Созаявители" });
  await panel.getByLabel("Электронная почта созаявителя").fill(coEmail);
  await panel.getByRole("button", { name: "Пригласить" }).click();
  await expect(panel.getByText(`Приглашение отправлено на ${coEmail}.`)).toBeVisible();
  await expect(panel.getByTestId("co-applicant-status")).toHaveText("Приглашение отправлено");

  // Submitting now is refused: the co-applicant has not filled their section.
  const early = await page.request.post("/api/trpc/application.submit", {
    data: { json: { id: draft.id, submissionKey: randomUUID(), expectedRowVersion: draft.rowVersion } },
  });
  expect(early.status()).toBe(412);
  expect(await early.text()).toContain("Не все созаявители заполнили свои разделы");

  // The invitation arrives at the SMTP server; the co-applicant registers and follows the link.
  await expect.poll(async () => (await mailTo(coEmail)).length, { timeout: 30_000 }).toBe(1);
  const link = /\/invitations\/[A-Za-z0-9_-]+/.exec((await mailTo(coEmail))[0]!.text)![0];
  const co = await (await browser.newContext()).newPage();
  await co.goto("/register");
  await co.getByLabel("Фамилия").fill("Иванова");
  await co.getByRole("textbox", { name: "Имя", exact: true }).fill("Мария");
  await co.getByLabel("Электронная почта").fill(coEmail);
  await co.getByLabel(/Согласен/).check();
  await co.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(co.getByRole("heading", { name: "Подтвердите адрес электронной почты" })).toBeVisible();
  await confirmRegistration(co, coEmail, "Сестра-пароль-2026");
  // The new account signs in (the form's own test is auth.spec.ts's).
  expect(await signInOverApi(co.context().request, coEmail, "Сестра-пароль-2026")).toBe(true);
  // Issue 16 p.4: before accepting, who invites, to which service and what will be asked — on a phone too.
  await co.setViewportSize({ width: 375, height: 812 });
  await co.goto(link);
  await expect(co.getByText("Иванов Иван Петрович приглашает вас подать вместе заявление на услугу")).toBeVisible();
  await expect(co.getByRole("link", { name: "Предоставление архивной информации" })).toBeVisible();
  const asks = co.getByRole("region", { name: "Что нужно будет указать" });
  await expect(asks).toContainText("Кем вы приходитесь лицу, о котором запрашиваются сведения");
  await expectAccessible(co);
  expect(await co.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await co.setViewportSize({ width: 1280, height: 720 });
  await co.getByRole("button", { name: "Принять приглашение" }).click();
  await expect(co).toHaveURL(new RegExp(`/applications/${draft.id}/co-applicant$`));
  await expectAccessible(co);
  await co.getByRole("button", { name: "Подтвердить раздел" }).click();
  await expect(co.getByText("Исправьте отмеченные поля")).toBeVisible();
  // R14: as in the main form, the summary of what is wrong is announced and focused, each item a link.
  await expect(co.getByTestId("error-summary")).toBeFocused();
  await expect(co.getByTestId("error-summary").getByRole("link")).not.toHaveCount(0);
  await co.getByLabel("Кем вы приходитесь лицу, о котором запрашиваются сведения").fill("Сестра");
  // Keyboard only: Tab from the field above, Space to tick.
  await co.keyboard.press("Tab");
  await expect(co.getByLabel(/Подтверждаю участие в совместном запросе/)).toBeFocused();
  await co.keyboard.press("Space");
  await expect(co.getByLabel(/Подтверждаю участие в совместном запросе/)).toBeChecked();
  await co.getByRole("button", { name: "Подтвердить раздел" }).click();
  await expect(co.getByText("Раздел заполнен и подтверждён")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("region", { name: "Созаявители" }).getByTestId("co-applicant-status")).toHaveText(
    "Раздел заполнен",
  );
  const done = await trpc<{ registrationNumber: string }>(page, "application.submit", {
    id: draft.id,
    submissionKey: randomUUID(),
    expectedRowVersion: draft.rowVersion,
  });
  expect(done.registrationNumber).toMatch(/^АРХ-/);
  // The joint application shows in the co-applicant's cabinet too...
  await co.goto("/cabinet");
  await expect(co.getByRole("link", { name: done.registrationNumber })).toBeVisible();
  // ...with the notices about it (issue 16 p.4), addressed to the co-applicant, in the cabinet and by mail.
  await co.getByRole("link", { name: done.registrationNumber }).click();
  const notices = co.getByRole("region", { name: "Уведомления" });
  await expect(notices).toContainText(`Заявление № ${done.registrationNumber} зарегистрировано`);
  await expect(notices).toContainText(
    "Здравствуйте, Мария! Вы созаявитель по совместному заявлению, которое подал(а) Иванов Иван Петрович.",
  );
  await expect
    .poll(async () => (await mailTo(coEmail)).map((m) => m.subject))
    .toContain(`Заявление № ${done.registrationNumber} зарегистрировано`);
});
