// R8, R12: the catalogue and each service's information need no login, and are accessible.
import { expect, expectAccessible, test } from "./fixtures";

const ROAD = "Предоставление информации пользователям автомобильных дорог общего пользования местного значения";
const ARCHIVE = "Предоставление архивной информации";

test("the catalogue lists both services without signing in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Каталог муниципальных услуг" })).toBeVisible();
  const list = page.getByRole("list", { name: "Услуги" });
  await expect(list.getByRole("link", { name: ROAD })).toBeVisible();
  await expect(list.getByRole("link", { name: ARCHIVE })).toBeVisible();
  await expectAccessible(page);
});

test("the road information service page shows its passport from the regulation (S1)", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: ROAD }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ROAD);
  await expect(page.getByText("15 рабочих дней").first()).toBeVisible();
  await expect(page.getByText("Бесплатно", { exact: true })).toBeVisible();
  // S1 p.17: no grounds for refusing intake; p.19: one ground for refusing the service.
  const intake = page.locator("section", {
    has: page.getByRole("heading", { name: "Основания для отказа в приёме документов" }),
  });
  await expect(intake.getByText("Не предусмотрены.")).toBeVisible();
  const refusal = page.locator("section", {
    has: page.getByRole("heading", { name: "Основания для отказа в предоставлении услуги" }),
  });
  await expect(refusal.getByRole("listitem")).toHaveCount(1);
  await expect(refusal).toContainText("неуполномоченного лица");
  // Issue 15 p.1: the demo's signatures are real but not qualified, and the page says so.
  await expect(page.getByTestId("signature-notice")).toContainText("не квалифицированная");
  await expectAccessible(page);
});

test("the archive information service page shows its result types (S2)", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: ARCHIVE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("архивной информации");
  const results = page.locator("section", { has: page.getByRole("heading", { name: "Результат услуги" }) });
  await expect(results).toContainText("Архивная справка");
  await expect(results).toContainText("Архивная выписка");
  await expect(results).toContainText("Архивная копия");
  await expectAccessible(page);
});

test("an unknown address answers with a Russian 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
  const service = await page.goto("/services/no-such-service");
  expect(service?.status()).toBe(404);
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.database.ok).toBe(true);
  expect(body.database.migrations).toBeGreaterThan(0);
});
