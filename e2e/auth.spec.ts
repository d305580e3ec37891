// Sign-in by role: each role reaches its own area and only it (another role's page answers 403,
// an anonymous visitor is sent to sign in), never the data. The sign-in form's own tests: every other
// spec signs in over the API (the `pageAs` fixtures of fixtures.ts).
import {
  confirmRegistration,
  DEMO,
  expect,
  expectAccessible,
  expectErrorStyle,
  mailTo,
  signIn,
  test,
} from "./fixtures";

const AREAS = { cabinet: "/cabinet", staff: "/staff", admin: "/admin" } as const;
const CASES: { who: keyof typeof DEMO; home: keyof typeof AREAS; heading: string }[] = [
  { who: "applicant", home: "cabinet", heading: "Личный кабинет" },
  { who: "registrar", home: "staff", heading: "Рабочее место сотрудника" },
  { who: "executor", home: "staff", heading: "Рабочее место сотрудника" },
  { who: "head", home: "staff", heading: "Рабочее место сотрудника" },
  { who: "signer", home: "staff", heading: "Рабочее место сотрудника" },
  { who: "admin", home: "admin", heading: "Администрирование" },
];

for (const c of CASES) {
  test(`${c.who} signs in, lands in ${AREAS[c.home]} and cannot open the other areas`, async ({ page }) => {
    await signIn(page, DEMO[c.who]);
    await expect(page).toHaveURL(new RegExp(`${AREAS[c.home]}$`));
    await expect(page.getByRole("heading", { level: 1, name: c.heading })).toBeVisible();
    for (const [area, path] of Object.entries(AREAS)) {
      if (area === c.home) continue;
      const response = await page.goto(path);
      expect(response?.status(), `${c.who} → ${path}`).toBe(403);
      await expect(page.getByRole("heading", { name: "Доступ запрещён" })).toBeVisible();
      await expect(
        page.getByRole("heading", { name: c.heading === "Администрирование" ? "Личный кабинет" : "Администрирование" }),
      ).toHaveCount(0);
    }
  });
}

test("the staff area shows only the departments of the signed-in member", async ({ executorPage: page }) => {
  await page.goto("/staff");
  await expect(page.getByRole("heading", { name: "Архивный отдел" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Многофункциональный центр/ })).toHaveCount(0);
});

test("an anonymous visitor is sent to sign in and comes back after it", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);
  await signIn(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
});

test("the tRPC API refuses another role's data", async ({ applicantPage: page, baseURL }) => {
  const response = await page.request.get("/api/trpc/admin.overview");
  expect(response.status()).toBe(403);
  expect(await response.text()).not.toContain("archive-info");
  const anonymous = await page.context().browser()!.newContext();
  const r2 = await anonymous.request.get(`${baseURL}/api/trpc/staff.overview`);
  expect(r2.status()).toBe(401);
  await anonymous.close();
});

test("a wrong password says sign-in failed without telling whether the e-mail exists", async ({ page }) => {
  await signIn(page, DEMO.applicant, "wrong-password-1");
  const known = await page.getByRole("alert").filter({ hasText: "Не удалось войти" }).textContent();
  await signIn(page, "nobody@demo.reglament.ru", "wrong-password-1");
  const unknown = await page.getByRole("alert").filter({ hasText: "Не удалось войти" }).textContent();
  expect(known).toBe(unknown);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("registration checks each field in Russian, proves the e-mail by a link, then signs in and returns to the service it started from", async ({
  page,
}) => {
  // Issue 16 p.3: a newcomer sent to sign in from a service page registers instead; the page survives
  // every hop (the registration form, the e-mail's link, the password page, the sign-in).
  await page.goto("/sign-in?callbackUrl=%2Fservices%2Farchive-info");
  await page.getByRole("link", { name: "Зарегистрируйтесь" }).click();
  await expect(page).toHaveURL(/\/register\?callbackUrl=%2Fservices%2Farchive-info$/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText("Укажите фамилию");
  await expect(summary).toContainText("Укажите адрес электронной почты");
  await expect(summary).toContainText("Нужно согласие на обработку персональных данных");
  await expectErrorStyle(page, page.locator("#lastName-error"), page.locator("#lastName").locator(".."));

  await page.getByLabel("Фамилия").fill("Смирнова");
  await page.getByRole("textbox", { name: "Имя", exact: true }).fill("Анна");
  await page.getByLabel("Электронная почта").fill("не-почта");
  await page.getByLabel(/Согласен/).check();
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  // The e-mail rule of the application form itself (R14), with its explanation.
  await expect(page.locator("#email-error")).toHaveText(/В адресе электронной почты нет знака @/);
  await expect(page.getByLabel("Электронная почта")).toHaveAttribute("aria-invalid", "true");

  // Every address gets the same answer (a taken one too: only its mailbox learns it is taken);
  // the account exists once the link from the letter is followed (issue 9).
  const email = `anna.${Date.now()}@example.ru`;
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByRole("heading", { name: "Подтвердите адрес электронной почты" })).toBeFocused();
  await expect(page.getByRole("status")).toContainText(`Мы отправили письмо на адрес ${email}`);
  // The link's page refuses a common password with the shared schema's message.
  const letters = async () => (await mailTo(email)).filter((m) => m.subject.startsWith("Подтвердите адрес"));
  await expect.poll(async () => (await letters()).length, { timeout: 30_000 }).toBe(1);
  await page.goto(/\/claim\/[A-Za-z0-9_-]+/.exec((await letters())[0]!.text)![0]);
  await page.locator("#password").fill("qwerty1234");
  await page.getByLabel("Пароль ещё раз").fill("другое");
  await page.getByRole("button", { name: "Задать пароль" }).click();
  await expect(page.locator("#password-error")).toContainText("Этот пароль слишком распространён");
  await expect(page.locator("#passwordConfirm-error")).toHaveText("Ошибка: Пароли не совпадают");
  await confirmRegistration(page, email, "Надёжный-пароль-42");
  await expect(page).toHaveURL(/\/sign-in\?registered=1&callbackUrl=%2Fservices%2Farchive-info$/);
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill("Надёжный-пароль-42");
  await page.getByRole("button", { name: "Войти", exact: true }).click();
  await expect(page).toHaveURL(/\/services\/archive-info$/);
  await expect(page.getByTestId("current-user")).toHaveText("Смирнова Анна");

  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page.getByRole("link", { name: "Войти" })).toBeVisible();
  expect((await page.goto("/cabinet"))?.url()).toMatch(/\/sign-in\?callbackUrl=%2Fcabinet/);
});
