import { test as base, expect, type Browser, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { PDFParse } from "pdf-parse";

export const DEMO_PASSWORD = "demo-Reglament-2026";
const port = Number(process.env.E2E_PORT ?? 3100);
/** What the test SMTP server (e2e/smtp-server.ts) received; playwright.config.ts starts it. */
export const SMTP_MESSAGES_URL = `http://localhost:${port + 103}/messages`;

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; at: string };
export async function mailTo(address: string): Promise<ReceivedMail[]> {
  const response = await fetch(`${SMTP_MESSAGES_URL}?to=${encodeURIComponent(address)}`);
  return (await response.json()) as ReceivedMail[];
}
export const DEMO = {
  applicant: "applicant@demo.reglament.ru",
  registrar: "registrar@demo.reglament.ru",
  executor: "executor@demo.reglament.ru",
  head: "head@demo.reglament.ru",
  signer: "signer@demo.reglament.ru",
  admin: "admin@demo.reglament.ru",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти", exact: true }).click();
}

/** axe must find nothing serious or critical (WCAG 2.1 AA rules). */
export async function expectAccessible(page: Page) {
  // Next streams the metadata of dynamic pages after the body has started: wait until the <title>
  // has arrived (axe otherwise reports a missing title on a page that does have one).
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export const test = base;
export { expect };

/** A signed-in page in a context of its own (contexts made by hand do not get the config's options). */
export async function signedInPage(browser: Browser, email: string, home: RegExp): Promise<Page> {
  const { baseURL, locale, timezoneId } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(home);
  return page;
}

/** The text of a PDF (a receipt, a result document). */
export async function pdfText(bytes: Buffer): Promise<string> {
  return (await new PDFParse({ data: new Uint8Array(bytes) }).getText()).text;
}

// The staff board (app/(staff)/staff): a column per stage, an article per application, its «Действия» menu.
type Numbered = { number: string };
export const column = (page: Page, title: string | RegExp) => page.getByRole("region", { name: title });
export const cardIn = (scope: Page | Locator, app: Numbered) => scope.getByRole("article", { name: `Заявление № ${app.number}` });
export const actionsOf = (scope: Page | Locator, app: Numbered) => scope.getByRole("button", { name: `Действия: заявление № ${app.number}` });

// Paper intake at /staff/register (R23).
export const exact = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

/** The archive request (S2) with a postal index of the caller's choice, to be collected in person. */
export async function fillArchiveRequest(page: Page, opts: { channel: string; receivedAt?: string; lastName: string; firstName: string; email?: string; phone?: string; postalIndex: string }) {
  await page.getByRole("radio", { name: opts.channel, exact: true }).check();
  if (opts.receivedAt) await page.getByLabel("Дата и время поступления").fill(opts.receivedAt);

  const identity = page.getByRole("group", { name: "Кто подал заявление" });
  await identity.getByRole("textbox", { name: "Фамилия", exact: true }).fill(opts.lastName);
  await identity.getByRole("textbox", { name: "Имя", exact: true }).fill(opts.firstName);
  if (opts.email) await identity.getByRole("textbox", { name: "Электронная почта" }).fill(opts.email);
  if (opts.phone) await identity.getByRole("textbox", { name: "Телефон" }).fill(opts.phone);

  // The regulation's own form: the applicant's name follows the identity entered above (R6).
  await page.getByRole("radio", { name: "Физическое лицо" }).check();
  const fullName = page.getByRole("group", { name: /^Фамилия, имя, отчество \(последнее/ });
  await expect(fullName.getByRole("textbox", { name: "Фамилия", exact: true })).toHaveValue(opts.lastName);
  await expect(fullName.getByRole("textbox", { name: "Имя", exact: true })).toHaveValue(opts.firstName);

  await exact(page, "Почтовый адрес").fill("628212, п. Половинка, ул. Лесная, 7");
  await exact(page, "Почтовый индекс").fill(opts.postalIndex);
  await page.getByRole("radio", { name: /^Тематический/ }).check();
  await page.getByRole("combobox", { name: "Какой документ вам нужен" }).selectOption({ label: "Архивная копия" });
  await exact(page, "Тема запроса: какие сведения требуются").fill("Решение о предоставлении земельного участка по ул. Лесной, 7");
  await exact(page, "Хронологические рамки: с").fill("01.01.1995");
  await exact(page, "Хронологические рамки: по").fill("31.12.1996");
  await page.getByRole("radio", { name: "Лично в муниципальном архиве" }).check();
}

/** Presses «Зарегистрировать заявление» on the filled intake form: the number and the card of the new application. */
export async function registerPaper(page: Page): Promise<{ id: string; number: string }> {
  await page.getByRole("button", { name: "Зарегистрировать заявление" }).click();
  const heading = page.getByRole("heading", { name: "Заявление зарегистрировано" });
  await expect(heading).toBeFocused();
  const number = (await page.getByTestId("registration-number").textContent())?.trim() ?? "";
  expect(number).toMatch(/^ARCHIVE-INFO-\d{4}-\d{5}$/);
  const card = page.getByRole("link", { name: "Открыть карточку заявления" });
  await expect(card).toHaveAttribute("href", /^\/staff\/applications\/[0-9a-f-]{36}$/);
  const id = (await card.getAttribute("href"))!.split("/").pop()!;
  return { id, number };
}
