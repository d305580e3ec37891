// Paper intake (R23) and the head's control of deadlines (R4), end to end: the registrar enters an
// in-person archive request with the portal's checks (a wrong postal index is explained beside the
// field and nothing is registered), registers it, prints the two-copy receipt, and enters a posted
// request received three weeks ago; the executor may not register; the head sees both applications
// on the deadline overview — one due soon, one overdue — each linking to its card. The posted
// request's applicant then takes the account opened for her through the link e-mailed to her address.
// Each test registers the applications it needs (the UI in the first, the intake API in the others).
import { randomUUID } from "node:crypto";
import { registerPaperByApi } from "./api";
import {
  exact,
  expect,
  expectAccessible,
  fillArchiveRequest,
  mailTo,
  pdfText,
  registerPaper,
  signInOverApi,
  test,
} from "./fixtures";

const TZ = "Asia/Yekaterinburg";
const THREE_WEEKS = 21 * 24 * 3600_000;

/** "2026-03-06T12:05" in the municipality's zone, as a datetime-local input takes it. */
function localInput(at: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: TZ,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

test("the registrar registers an in-person archive request with the portal's checks and prints the two-copy receipt", async ({
  registrarPage: page,
}) => {
  const registered: { inPerson?: { id: string; number: string }; posted?: { id: string; number: string } } = {};
  await page.goto("/staff/register");
  await expect(page.getByRole("heading", { level: 1, name: /Регистрация заявления/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /архивной информации/ }).click();
  await expect(page).toHaveURL(/\/staff\/register\?service=archive-info$/);
  await expect(page.getByRole("heading", { level: 2, name: /^Заявление «.*архивной информации/ })).toBeVisible();
  // The time of receipt defaults to now, in the municipality's zone; only the channels of the regulation are offered.
  await expect(page.getByLabel("Дата и время поступления")).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  await expect(page.getByRole("radio", { name: "Через МФЦ" })).toHaveCount(0);
  await expectAccessible(page);

  let registerCalls = 0;
  page.on("request", (r) => {
    if (r.url().includes("staff.registerPaper")) registerCalls += 1;
  });

  await fillArchiveRequest(page, {
    channel: "Лично в администрации",
    lastName: "Петров",
    firstName: "Семён",
    phone: "+7 982 555-01-99",
    postalIndex: "12",
  });
  // The contact phone of the form follows the identity too, formatted.
  await expect(exact(page, "Контактный телефон")).toHaveValue("+7 (982) 555-01-99");

  // R14: the wrong index is explained beside the field as soon as it is left...
  const index = exact(page, "Почтовый индекс");
  await index.focus();
  await page.keyboard.press("Tab");
  const indexError = page.locator("#field-postal_index-error");
  await expect(indexError).toContainText("Почтовый индекс содержит 6 цифр");
  await expect(index).toHaveAttribute("aria-invalid", "true");
  await expect(index).toHaveAttribute("aria-describedby", /field-postal_index-error/);

  // ...and registration is refused: the error summary takes focus, its link leads to the field.
  await page.getByRole("button", { name: "Зарегистрировать заявление" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveCount(1);
  await expect(summary.getByRole("link")).toHaveText(/^Почтовый индекс содержит 6 цифр/);
  await expect(page.getByTestId("registration-result")).toHaveCount(0);
  expect(registerCalls).toBe(0);
  await expectAccessible(page);
  await summary.getByRole("link").click();
  await expect(index).toBeFocused();

  // The fix clears the message while typing.
  await index.fill("628212");
  await expect(indexError).toHaveCount(0);
  await expect(summary).toHaveCount(0);

  // Issue 16 p.12: the documents handed in are ticked with their sheets; a ticked one needs its sheets.
  const received = page.getByRole("group", { name: "Принятые документы" });
  await received.getByRole("checkbox", { name: /^Запрос \(заявление\)/ }).check();
  await received.getByRole("textbox", { name: /^Число листов: Запрос/ }).fill("2");
  await received.getByRole("checkbox", { name: /^Документы, прилагаемые к запросу/ }).check();
  await page.getByRole("button", { name: "Зарегистрировать заявление" }).click();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "Документы, прилагаемые к запросу (при наличии): укажите число листов принятого документа",
  ]);
  expect(registerCalls).toBe(0);
  await received.getByRole("textbox", { name: /^Число листов: Документы, прилагаемые/ }).fill("3");
  registered.inPerson = await registerPaper(page);
  expect(registerCalls).toBe(1);
  await expect(page.getByTestId("registration-result")).toContainText("Ожидаемый срок предоставления услуги");
  await expectAccessible(page);

  // R23: the receipt in two copies, each with the registration number.
  const receiptLink = page.getByRole("link", { name: "Распечатать расписку (2 экземпляра)" });
  await expect(receiptLink).toHaveAttribute("href", `/api/applications/${registered.inPerson.id}/receipt`);
  const receipt = await page.request.get((await receiptLink.getAttribute("href"))!);
  expect(receipt.status()).toBe(200);
  expect(receipt.headers()["content-type"]).toContain("application/pdf");
  const text = await pdfText(await receipt.body());
  expect(text.split(registered.inPerson.number).length - 1).toBeGreaterThanOrEqual(2);
  // The applicant as the regulation's field roles name them (the form's full name), on both copies.
  expect(text.split("Заявитель: Петров Семён").length - 1).toBe(2);
  // Only the documents received, with their sheets; not the power of attorney nobody handed in.
  expect(text).toContain("1. Запрос (заявление) о предоставлении архивной информации — 2 листа");
  expect(text).toContain("2. Документы, прилагаемые к запросу (при наличии) — 3 листа");
  expect(text).toContain("Всего: 2 документа, 5 листов");
  expect(text).not.toContain("Доверенность");

  // A letter received three weeks ago: its deadlines run from the date of receipt, so it is late already.
  await page.getByRole("button", { name: "Зарегистрировать ещё одно заявление" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Заявление «/ })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Почтовым отправлением", exact: true })).not.toBeChecked();
  await fillArchiveRequest(page, {
    channel: "Почтовым отправлением",
    receivedAt: localInput(new Date(Date.now() - THREE_WEEKS)),
    lastName: "Сомова",
    firstName: "Анна",
    email: "somova.paper@example.ru",
    postalIndex: "628212",
  });
  await expect(exact(page, "Адрес электронной почты")).toHaveValue("somova.paper@example.ru");
  registered.posted = await registerPaper(page);
  expect(registered.posted.number).not.toBe(registered.inPerson.number);
});

test("an executor may not register paper applications", async ({ executorPage: page }) => {
  const response = await page.goto("/staff/register?service=archive-info");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Доступ запрещён" })).toBeVisible();
});

test("the head of department sees overdue and due-soon work by executor and by stage", async ({
  headPage: page,
  registrarPage: registrar,
}) => {
  // A letter received three weeks ago and a request brought in person now, both waiting for registration.
  const posted = await registerPaperByApi(registrar, {
    channel: "POST",
    receivedAt: new Date(Date.now() - THREE_WEEKS),
    lastName: "Сомова",
    firstName: "Анна",
  });
  const inPerson = await registerPaperByApi(registrar, {
    channel: "IN_PERSON",
    lastName: "Петров",
    firstName: "Семён",
  });

  await page.goto("/staff/deadlines");
  await expect(page.getByRole("heading", { level: 1, name: "Контроль сроков" })).toBeVisible();
  await expectAccessible(page);

  // Registration is due within 1 working day of receipt (S2 p.48): the letter of three weeks ago is
  // overdue, today's in-person application is due soon. Neither has an executor yet.
  await expect(page.getByTestId("total-overdue")).toContainText("Просрочено");
  const unassigned = page
    .getByTestId("executor-group")
    .filter({ has: page.getByRole("heading", { name: "Исполнитель не назначен" }) });
  const overdueItem = unassigned
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: `№ ${posted.number}` }) });
  await expect(overdueItem).toContainText("Просрочено");
  await expect(overdueItem.getByRole("link", { name: `№ ${posted.number}` })).toHaveAttribute(
    "href",
    `/staff/applications/${posted.id}`,
  );
  const dueSoonItem = unassigned
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: `№ ${inPerson.number}` }) });
  await expect(dueSoonItem).toContainText("Срок истекает");

  const stage = page
    .getByTestId("stage-group")
    .filter({ has: page.getByRole("heading", { name: /^Прием и регистрация/ }) });
  await expect(stage.getByRole("link", { name: `№ ${posted.number}` })).toBeVisible();
  await expect(stage.getByRole("link", { name: `№ ${inPerson.number}` })).toBeVisible();
  await expect(stage).toContainText("Исполнитель: не назначен");
});

test("the paper applicant takes her account only through the link e-mailed to her address, and finds the application", async ({
  page,
  registrarPage: registrar,
}) => {
  // Her letter, registered on paper, opened an account without a password under her address.
  const email = `somova.${randomUUID().slice(0, 8)}@example.ru`;
  const posted = await registerPaperByApi(registrar, {
    channel: "POST",
    receivedAt: new Date(Date.now() - THREE_WEEKS),
    lastName: "Сомова",
    firstName: "Анна",
    email,
  });
  const password = "Сомова-Пароль-2026";

  // Registering with the address does not open the account: it asks to confirm the address.
  await page.goto("/register");
  await page.getByLabel("Фамилия").fill("Сомова");
  await page.getByRole("textbox", { name: "Имя", exact: true }).fill("Анна");
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Телефон").fill("912 345 67 89");
  await page.getByLabel(/Согласен/).check();
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByRole("heading", { name: "Подтвердите адрес электронной почты" })).toBeFocused();
  await expect(page.getByRole("status")).toContainText(`Мы отправили письмо на адрес ${email}`);
  await expectAccessible(page);

  // The letter arrives over SMTP with the one-time link.
  const claimLetters = async () => (await mailTo(email)).filter((m) => m.subject.startsWith("Подтвердите адрес"));
  await expect.poll(async () => (await claimLetters()).length, { timeout: 30_000 }).toBe(1);
  const link = /\/claim\/[A-Za-z0-9_-]+/.exec((await claimLetters())[0]!.text)![0];

  // The link's page: what was typed at registration, and the new password with the same rules.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Вход в личный кабинет" })).toBeVisible();
  await expect(page.getByTestId("claim-email")).toHaveText(email);
  await expect(page.getByLabel("Фамилия")).toHaveValue("Сомова");
  await expect(page.getByLabel("Телефон")).toHaveValue("+7 (912) 345-67-89");
  await expectAccessible(page);
  await page.locator("#password").fill("short");
  await page.getByRole("button", { name: "Задать пароль" }).click();
  await expect(page.locator("#password-error")).toHaveText("Ошибка: Пароль должен содержать не менее 10 символов");
  await page.locator("#password").fill(password);
  await page.getByLabel("Пароль ещё раз").fill(password);
  await page.getByRole("button", { name: "Задать пароль" }).click();
  await expect(page).toHaveURL(/\/sign-in\?registered=1$/);

  expect(await signInOverApi(page.context().request, email, password)).toBe(true);
  await page.goto("/cabinet");
  await expect(page.getByTestId("current-user")).toHaveText("Сомова Анна");
  await expect(page.getByRole("link", { name: posted.number })).toBeVisible();

  // The link works once.
  await page.goto(link);
  await expect(page.getByRole("alert").filter({ hasText: "Ссылка недействительна" })).toContainText(
    "она уже использована",
  );
});
