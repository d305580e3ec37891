// The regulation editor (issue 10 p.1-3, "Done when"): an administrator creates a service, builds a
// step with a field shown on a condition, reorders fields with the keyboard alone, previews the form
// as the applicant will see it (the condition works live), follows a problem of the list to its
// control; two administrators editing one draft get a choice, not a lost change; a published edition
// opens read-only. axe finds nothing serious on the list, the service page and the editor.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";

async function createService(page: Page, title: string, code: string) {
  await page.goto("/admin/services");
  await expect(page.getByRole("heading", { name: "Услуги", level: 1 })).toBeVisible();
  const form = page.getByRole("form", { name: "Новая услуга" });
  await form.getByLabel("Наименование услуги").fill(title);
  await form.getByLabel("Код услуги").fill(code);
  await form.getByLabel("Подразделение").selectOption({ index: 1 });
  await form.getByRole("button", { name: "Создать услугу и открыть черновик" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/services/${code}/editions/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { name: "Редакция № 1: черновик" })).toBeVisible();
}

const saved = (page: Page) => expect(page.getByTestId("save-status")).toHaveText(/^Сохранено в \d\d:\d\d$/);

test("an administrator builds a step with a conditional field, reorders by keyboard, previews it and follows a problem", async ({
  adminPage: page,
}) => {
  test.slow();
  const code = `household-${randomUUID().slice(0, 6)}`;
  await page.goto("/admin/services");
  await expectAccessible(page);
  await createService(page, "Выдача выписки из похозяйственной книги", code);
  // The starter regulation is complete: nothing to fix yet.
  await expect(page.getByRole("heading", { name: "Проблем нет" })).toBeVisible();
  await expectAccessible(page);

  // A third step, renamed.
  await page.getByRole("button", { name: "Добавить шаг" }).click();
  await expect(page.locator("#ed-form-steps-2-title")).toBeFocused();
  await page.locator("#ed-form-steps-2-title").fill("Представитель");
  const step = page.getByRole("region", { name: "Шаг 3. Представитель" });

  // A checkbox «Обращается представитель» and a text field shown only when it is checked.
  await step.getByLabel("Тип нового поля").selectOption("checkbox");
  await step.getByRole("button", { name: "Добавить поле", exact: true }).click();
  await page.locator("#ed-form-steps-2-fields-0-label").fill("Обращается представитель");
  await step.getByLabel("Тип нового поля").selectOption("text");
  await step.getByRole("button", { name: "Добавить поле", exact: true }).click();
  await page.locator("#ed-form-steps-2-fields-1-label").fill("ФИО представителя");
  const second = page.locator("#ed-form-steps-2-fields-1");
  await second.getByRole("button", { name: "Добавить условие показа" }).click();

  // A condition on no field yet: the list names the problem and its link lands on the control.
  const problems = page.getByTestId("problem-list");
  await expect(problems.getByRole("heading", { name: /^Проблемы: \d+$/ })).toBeVisible();
  await page.getByRole("navigation", { name: "Разделы регламента" }).getByRole("link", { name: "Паспорт" }).click();
  await expect(page).toHaveURL(/section=passport/);
  await problems.getByRole("link").first().click();
  await expect(page).toHaveURL(/section=form/);
  await expect(page.locator("#ed-form-steps-2-fields-1-showIf-field")).toBeFocused();
  await page
    .locator("#ed-form-steps-2-fields-1-showIf-field")
    .selectOption({ label: "Обращается представитель (field_1)" });
  await page.locator("#ed-form-steps-2-fields-1-showIf-equals").selectOption("true");
  await expect(problems.getByRole("heading", { name: "Проблем нет" })).toBeVisible();

  // Keyboard only: the second field moves up, the focus follows it, the new place is announced.
  await page.locator("#ed-form-steps-2-fields-1-up").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("form-announcer")).toHaveText("Поле «ФИО представителя» перемещено на позицию 1 из 2");
  await expect(step.getByTestId("field-item").first()).toContainText("ФИО представителя");
  await expect(page.locator("#ed-form-steps-2-fields-0-down")).toBeFocused();
  await expect(page.getByRole("button", { name: "Отменить: Перемещено поле «ФИО представителя»" })).toBeVisible();
  // Ctrl+Z takes the move back.
  await page.keyboard.press("Control+z");
  await expect(step.getByTestId("field-item").first()).toContainText("Обращается представитель");
  await expect(page.getByRole("button", { name: "Вернуть: Перемещено поле «ФИО представителя»" })).toBeVisible();

  // Drag and drop does the same with the mouse.
  const items = step.getByTestId("field-item");
  await items.nth(1).locator("[draggable=true]").dragTo(items.first());
  await expect(items.first()).toContainText("ФИО представителя");
  await page.getByRole("button", { name: "Отменить: Перемещено поле «ФИО представителя»" }).click();
  await expect(items.first()).toContainText("Обращается представитель");

  // Steps move by keyboard too.
  await page.locator("#ed-form-steps-2-up").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("form-announcer")).toHaveText("Шаг «Представитель» перемещён на позицию 2 из 3");
  await expect(page.getByRole("region", { name: "Шаг 2. Представитель" })).toBeVisible();
  await expect(page.locator("#ed-form-steps-1-up")).toBeFocused();
  await page.keyboard.press("Control+z");
  await expect(step).toBeVisible();
  await saved(page);

  // The preview: the applicant's form, with its checks and the live condition.
  await page
    .getByRole("navigation", { name: "Разделы регламента" })
    .getByRole("link", { name: "Предпросмотр формы" })
    .click();
  await expect(page).toHaveURL(/section=preview/);
  const preview = page.getByTestId("form-preview");
  await preview.getByRole("button", { name: "Далее" }).click();
  await expect(preview.getByText("Есть ошибки: исправьте их, чтобы продолжить")).toBeVisible();
  await preview
    .getByRole("navigation", { name: "Шаги заявления" })
    .getByRole("button", { name: /Представитель/ })
    .click();
  await expect(preview.getByRole("heading", { name: "Шаг 3 из 3. Представитель" })).toBeVisible();
  await expect(preview.getByLabel("ФИО представителя")).toHaveCount(0);
  await preview.getByLabel("Обращается представитель").check();
  await expect(preview.getByLabel("ФИО представителя")).toBeVisible();
  await preview.getByLabel("Обращается представитель").uncheck();
  await expect(preview.getByLabel("ФИО представителя")).toHaveCount(0);

  // The back button returns to the form section.
  await page.goBack();
  await expect(page).toHaveURL(/section=form/);
  await expect(page.locator("#ed-form-steps-2-title")).toHaveValue("Представитель");

  // After a reload the draft is what was saved.
  await page.reload();
  await expect(page.locator("#ed-form-steps-2-fields-1-label")).toHaveValue("ФИО представителя");

  // The service page lists the draft.
  await page.goto(`/admin/services/${code}`);
  await expect(page.getByRole("link", { name: "Продолжить черновик № 1" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Опубликовать…" })).toHaveAttribute(
    "href",
    /\/admin\/services\/household-[0-9a-f]+\/editions\/[0-9a-f-]{36}\/publish$/,
  );
  await expectAccessible(page);
});

test("two administrators editing one draft get a choice, not a lost change", async ({ pageAs }) => {
  test.slow();
  const first = await pageAs("admin");
  const second = await pageAs("admin");
  const code = `conflict-${randomUUID().slice(0, 6)}`;
  await createService(first, "Услуга для проверки одновременной правки", code);
  await second.goto(first.url());
  await expect(second.locator("#ed-form-steps-0-title")).toHaveValue("Сведения о заявителе");

  await first.locator("#ed-form-steps-0-title").fill("Заявитель (первый администратор)");
  await saved(first);
  // The second page still holds the row version it loaded: its save is refused, and it is asked.
  await second.locator("#ed-form-steps-1-title").fill("Запрос (второй администратор)");
  const dialog = second.getByTestId("editor-conflict-dialog");
  await expect(dialog.getByRole("heading", { name: "Черновик изменил другой администратор" })).toBeVisible();
  await expect(second.getByTestId("save-status")).toContainText("Не сохранено");
  await expect(second.locator("#ed-form-steps-1-title")).toHaveValue("Запрос (второй администратор)");

  // Taking the other version keeps this one in the history: undo brings it back, and it saves.
  await dialog.getByRole("button", { name: "Взять версию с сервера" }).click();
  await expect(second.locator("#ed-form-steps-0-title")).toHaveValue("Заявитель (первый администратор)");
  await expect(second.locator("#ed-form-steps-1-title")).toHaveValue("Содержание запроса");
  await second.getByRole("button", { name: "Отменить: Загружена версия другого администратора" }).click();
  await expect(second.locator("#ed-form-steps-1-title")).toHaveValue("Запрос (второй администратор)");
  await saved(second);

  // The first page now conflicts in turn and keeps its version on purpose.
  await first.locator("#ed-form-steps-0-description").fill("Пояснение первого администратора");
  const firstDialog = first.getByTestId("editor-conflict-dialog");
  await expect(firstDialog).toBeVisible();
  await firstDialog.getByRole("button", { name: "Оставить мою версию" }).click();
  await saved(first);
  await second.reload();
  await expect(second.locator("#ed-form-steps-0-description")).toHaveValue("Пояснение первого администратора");
});

test("a published edition opens read-only, with the way to a new draft", async ({ adminPage: page }) => {
  await page.goto("/admin/services/archive-info");
  await expect(page.getByRole("heading", { name: "Редакции регламента" })).toBeVisible();
  await expectAccessible(page);
  const href = await page
    .getByRole("link", { name: /^Просмотреть редакцию № \d+$/ })
    .first()
    .getAttribute("href");
  // A first load of the editor (a full navigation), measured for the README: not a threshold.
  const start = Date.now();
  await page.goto(href!);
  await expect(page.getByTestId("read-only-banner")).toContainText("Редакция опубликована и не изменяется.");
  await expect(page.locator("#ed-form-steps-0-title")).toBeDisabled();
  const navigation = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return n ? Math.round(n.loadEventEnd - n.startTime) : null;
  });
  console.log(`editor page: ${Date.now() - start} ms to the disabled controls (navigation entry: ${navigation} ms)`);
  await expect(page.getByRole("button", { name: /^Отменить/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Начать новую редакцию на её основе" })).toBeVisible();
});
