import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

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
