// The auditors' log (issue 11): the demo auditor signs in and lands on it, finds an application's
// events by its number, exports them to CSV, runs the chain check, and reaches nothing else.
import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { DEMO, expect, expectAccessible, fillArchiveRequest, registerPaper, signIn, test } from "./fixtures";

test("the auditor reads the log of an application, exports it and gets 403 elsewhere", async ({
  page,
  registrarPage: registrar,
}) => {
  // Something to find: a paper application registered, then its card opened (a read of personal data).
  await registrar.goto("/staff/register?service=archive-info");
  await fillArchiveRequest(registrar, {
    channel: "Лично в администрации",
    lastName: "Журналова",
    firstName: "Вера",
    email: `audit.${randomUUID().slice(0, 8)}@example.ru`,
    postalIndex: "628212",
  });
  const app = await registerPaper(registrar);
  await registrar.goto(`/staff/applications/${app.id}`);
  await expect(registrar.getByRole("heading", { level: 1 })).toContainText(app.number);

  await signIn(page, DEMO.auditor);
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole("heading", { level: 1, name: "Журнал действий" })).toBeVisible();

  await page.getByRole("textbox", { name: "Регистрационный номер заявления" }).fill(app.number);
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(new RegExp(`application=${encodeURIComponent(app.number)}`));
  const rows = page.getByTestId("audit-row");
  await expect(rows.filter({ hasText: "Зарегистрировано" })).toHaveCount(1);
  const view = rows.filter({ hasText: "Просмотр карточки заявления" });
  await expect(view).toHaveCount(1);
  await expect(view).toContainText("Петрова Мария Сергеевна");
  await expect(view).toContainText("registrar@demo.reglament.ru");
  // Every row is this application's, newest first: the card view above the registration.
  const count = await rows.count();
  for (let i = 0; i < count; i++)
    await expect(rows.nth(i).getByRole("link", { name: `Заявление № ${app.number}` })).toBeVisible();
  await expect(rows.first()).toContainText("Просмотр карточки заявления");
  await expectAccessible(page);

  // The CSV: the same rows, for Excel (BOM, `;`).
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Выгрузить в CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n").filter(Boolean);
  expect(lines[0]).toMatch(/^Дата и время;/);
  expect(lines).toHaveLength(1 + count);
  expect(lines.slice(1).every((l) => l.includes(`;${app.number};`))).toBe(true);
  expect(lines[1]).toContain(";Просмотр карточки заявления;Петрова Мария Сергеевна;registrar@demo.reglament.ru;");

  // The chain check, on demand.
  await page.getByRole("button", { name: "Проверить целостность журнала" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Журнал событий заявлений цел" })).toBeVisible();

  // Nothing else: administration, the staff board, the cabinet.
  for (const path of ["/admin", "/staff", "/cabinet"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Доступ запрещён" })).toBeVisible();
  }
});
