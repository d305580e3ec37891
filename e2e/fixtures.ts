import {
  test as base,
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Locator,
  type Page,
} from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { PDFParse } from "pdf-parse";
import { E2E_INSTANCES, instancePorts } from "./ports";
import { startSecondInstance, type Instance } from "./second-instance";

export const DEMO_PASSWORD = "demo-Reglament-2026";
import { DEMO_SIGNING_PIN } from "../prisma/seed/demo-constants";
export { DEMO_SIGNING_PIN };

/** Issue 15: in the move dialog, the signer confirms having read the document and signs with the demo key. */
export async function signWithDemoPin(dialog: Locator): Promise<void> {
  await expect(dialog.getByTestId("move-sign-document")).toHaveAttribute("href", /^\/api\/results\//);
  await dialog.getByRole("checkbox", { name: /ознакомил/ }).check();
  await dialog.getByLabel("PIN-код ключа").fill(DEMO_SIGNING_PIN);
}

/** The app instance of the running test's worker (playwright.config.ts starts one per worker). */
const ownInstance = () => instancePorts(base.info().parallelIndex % E2E_INSTANCES);
/** The port of the running test's app instance (its data folder is data/e2e-<port>). */
export const appPort = () => ownInstance().app;

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; at: string };
/** What the worker's test SMTP server (e2e/smtp-server.ts) received for the address. */
export async function mailTo(address: string): Promise<ReceivedMail[]> {
  const messages = `http://localhost:${ownInstance().smtpHttp}/messages`;
  const response = await fetch(`${messages}?to=${encodeURIComponent(address)}`);
  return (await response.json()) as ReceivedMail[];
}
/**
 * Follows the link of the newest "Подтвердите адрес" letter to `email` (registration proves the
 * mailbox: issue 9) and sets the password on its page; ends on the sign-in page.
 */
export async function confirmRegistration(page: Page, email: string, password: string) {
  const letters = async () => (await mailTo(email)).filter((m) => m.subject.startsWith("Подтвердите адрес"));
  await expect.poll(async () => (await letters()).length, { timeout: 30_000 }).toBeGreaterThan(0);
  // With the page registration started from, when there was one (issue 16 p.3).
  const link = /\/claim\/[A-Za-z0-9_-]+(\?next=\S+)?/.exec((await letters()).at(-1)!.text)![0];
  await page.goto(link);
  await expect(page.getByTestId("claim-email")).toHaveText(email);
  await page.locator("#password").fill(password);
  await page.getByLabel("Пароль ещё раз").fill(password);
  await page.getByRole("button", { name: "Задать пароль" }).click();
  await expect(page).toHaveURL(/\/sign-in\?registered=1(&callbackUrl=[^&]+)?$/);
}

/** The demo accounts (prisma/seed/demo.ts), one per role. */
export const DEMO = {
  applicant: "applicant@demo.reglament.ru",
  registrar: "registrar@demo.reglament.ru",
  executor: "executor@demo.reglament.ru",
  executor2: "executor2@demo.reglament.ru",
  head: "head@demo.reglament.ru",
  signer: "signer@demo.reglament.ru",
  /** Signs the archive's (S2) results: the head of the municipal archive (S2 p.55, p.58). */
  archiveHead: "archive-head@demo.reglament.ru",
  admin: "admin@demo.reglament.ru",
  auditor: "auditor@demo.reglament.ru",
} as const;
export type DemoRole = keyof typeof DEMO;

/** Signs in through the sign-in form. Only for tests of the form itself and of its redirects (auth.spec.ts). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти", exact: true }).click();
}

/**
 * Signs in over next-auth's HTTP API, which the form's own signIn() calls: the CSRF token (and its
 * cookie) from /api/auth/csrf, then the credentials callback with `json=true`. The session cookie lands
 * in the request context's cookie jar; a browser context's `request` shares its jar with its pages,
 * so `signInOverApi(page.context().request, ...)` signs the page in. Says whether a session came of it.
 */
export async function signInOverApi(
  request: APIRequestContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<boolean> {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  // A refusal answers 401 with the error page's address; either way the session below tells.
  await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  return session.user?.email === email.toLowerCase();
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
/** A demo role, or any account by its e-mail and password. */
export type Account = DemoRole | { email: string; password: string };

type Fixtures = {
  /**
   * A page in a browser context of its own (the config's options apply), signed in as the account.
   * Each account signs in over the API once per worker; its session cookie is then reused. The
   * contexts are closed when the test ends.
   */
  pageAs: (who: Account) => Promise<Page>;
  applicantPage: Page;
  registrarPage: Page;
  executorPage: Page;
  headPage: Page;
  signerPage: Page;
  archiveHeadPage: Page;
  adminPage: Page;
  /** Another app instance on this worker's database (./second-instance.ts), for this test only. */
  secondInstance: Instance;
};
type WorkerFixtures = { sessions: Map<string, StorageState> };

export const test = base.extend<Fixtures, WorkerFixtures>({
  // Every request and page of a test goes to its worker's own instance.
  baseURL: async ({}, provide) => provide(`http://localhost:${ownInstance().app}`),
  sessions: [
    async ({}, provide) => {
      await provide(new Map());
    },
    { scope: "worker" },
  ],
  // The fixtures' second argument is named `provide`, not Playwright's usual `use`: React's lint rules
  // take a call of `use` for the React hook.
  pageAs: async ({ browser, playwright, baseURL, sessions }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (who) => {
      const { email, password } = typeof who === "string" ? { email: DEMO[who], password: DEMO_PASSWORD } : who;
      const key = `${email}\n${password}`;
      const signedInAs = async (context: BrowserContext) =>
        ((await (await context.request.get("/api/auth/session")).json()) as { user?: { email?: string } }).user?.email;
      for (let attempt = 0; ; attempt++) {
        let state = sessions.get(key);
        if (!state) {
          const request = await playwright.request.newContext({ baseURL });
          expect(await signInOverApi(request, email, password), `${email} signs in`).toBe(true);
          state = await request.storageState();
          await request.dispose();
          sessions.set(key, state);
        }
        const context = await browser.newContext({ storageState: state });
        contexts.push(context);
        // Every page handed out is signed in as asked. A cached session ends when the account signs out
        // anywhere (sign-out ends the account's sessions on the server: issue 9): sign in afresh, once.
        if ((await signedInAs(context)) === email.toLowerCase()) return context.newPage();
        expect(attempt, `${email} is signed in`).toBe(0);
        sessions.delete(key);
      }
    });
    // Closing twice is harmless: a test may close its contexts itself.
    await Promise.all(contexts.map((c) => c.close()));
  },
  applicantPage: async ({ pageAs }, provide) => provide(await pageAs("applicant")),
  registrarPage: async ({ pageAs }, provide) => provide(await pageAs("registrar")),
  executorPage: async ({ pageAs }, provide) => provide(await pageAs("executor")),
  headPage: async ({ pageAs }, provide) => provide(await pageAs("head")),
  signerPage: async ({ pageAs }, provide) => provide(await pageAs("signer")),
  archiveHeadPage: async ({ pageAs }, provide) => provide(await pageAs("archiveHead")),
  adminPage: async ({ pageAs }, provide) => provide(await pageAs("admin")),
  secondInstance: async ({}, provide) => {
    const instance = await startSecondInstance(ownInstance());
    await provide(instance);
    await instance.stop();
  },
});
export { expect };

/** axe must find nothing serious or critical (WCAG 2.1 AA rules). */
export async function expectAccessible(page: Page) {
  // Next streams the metadata of dynamic pages after the body has started: wait until the <title>
  // has arrived (axe otherwise reports a missing title on a page that does have one).
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/**
 * Issue 16 p.5: one error style everywhere — a field's message in the app's error red, bold, and the
 * field framed by the red bar at its left — whichever form it is in (registration, the regulation's
 * wizard, a staff dialog). The reference colour is read from the page's own stylesheet.
 */
export async function expectErrorStyle(page: Page, message: Locator, field: Locator) {
  const red = await page.evaluate(() => {
    const probe = document.createElement("p");
    probe.className = "text-red-700 border-red-700";
    document.body.append(probe);
    const { color } = getComputedStyle(probe);
    probe.remove();
    return color;
  });
  await expect(message).toHaveCSS("color", red);
  await expect(message).toHaveCSS("font-weight", "600");
  await expect(field).toHaveCSS("border-left-width", "4px");
  await expect(field).toHaveCSS("border-left-color", red);
}

/** The text of a PDF (a receipt, a result document). */
export async function pdfText(bytes: Buffer): Promise<string> {
  return (await new PDFParse({ data: new Uint8Array(bytes) }).getText()).text;
}

// The staff board (app/(staff)/staff): a column per stage, an article per application, its «Действия» menu.
type Numbered = { number: string };
export const column = (page: Page, title: string | RegExp) => page.getByRole("region", { name: title });
export const cardIn = (scope: Page | Locator, app: Numbered) =>
  scope.getByRole("article", { name: `Заявление № ${app.number}` });
export const actionsOf = (scope: Page | Locator, app: Numbered) =>
  scope.getByRole("button", { name: `Действия: заявление № ${app.number}` });

// Paper intake at /staff/register (R23).
export const exact = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

/** The archive request (S2) with a postal index of the caller's choice, to be collected in person. */
export async function fillArchiveRequest(
  page: Page,
  opts: {
    channel: string;
    receivedAt?: string;
    lastName: string;
    firstName: string;
    email?: string;
    phone?: string;
    postalIndex: string;
  },
) {
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
  await exact(page, "Тема запроса: какие сведения требуются").fill(
    "Решение о предоставлении земельного участка по ул. Лесной, 7",
  );
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
  expect(number).toMatch(/^АРХ-\d{4}-\d{5}$/);
  const card = page.getByRole("link", { name: "Открыть карточку заявления" });
  await expect(card).toHaveAttribute("href", /^\/staff\/applications\/[0-9a-f-]{36}$/);
  const id = (await card.getAttribute("href"))!.split("/").pop()!;
  return { id, number };
}
