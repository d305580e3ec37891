// The applicant's form for the archive service (S2), end to end: prefill from the profile, the check
// after each field (R14), drafts that survive reloads, step changes, signing out and lost
// connections (R15), the representative's power of attorney (R16), and an idempotent submission.
import type { Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expect, expectAccessible, expectErrorStyle, signInOverApi, test } from "./fixtures";
import { failTrpc } from "./api";

const SERVICE = "/services/archive-info";

async function startDraft(page: Page): Promise<{ id: string; url: string }> {
  await page.goto(SERVICE);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Подать заявление" }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  await expect(stepHeading(page, 1)).toBeVisible();
  const url = new URL(page.url()).pathname;
  return { id: url.split("/").pop()!, url };
}

const stepHeading = (page: Page, n: number) =>
  // 4 steps, 5 once a social-legal request asks for its people on a step of their own (issue 16 p.7).
  page.getByRole("heading", { level: 2, name: new RegExp(`^Шаг ${n} из [45]\\.`) });
const status = (page: Page) => page.getByTestId("draft-status");
const textbox = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });
const next = (page: Page) => page.getByRole("button", { name: "Далее" }).click();

/** Clicks «Сохранить черновик» and waits for the server's answer. */
async function saveDraft(page: Page) {
  const saved = page.waitForResponse(
    (r) => r.url().includes("application.saveDraft") && r.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Сохранить черновик" }).click();
  expect((await saved).ok()).toBe(true);
  await expect(status(page)).toHaveText(/^Черновик сохранён/);
}

test("an applicant fills the archive request step by step, keeps the draft through reloads and sign-out, and submits once", async ({
  applicantPage: page,
}) => {
  // The whole journey: four steps, reloads, a sign-out, axe on every step and two submissions. It
  // takes about a minute on a busy 2-core machine, so it gets three times the default timeout.
  test.slow();
  const { id, url } = await startDraft(page);

  // Step 1: the applicant. The name and СНИЛС come from the profile once "Физическое лицо" is chosen.
  await expectAccessible(page);
  const individual = page.getByRole("radio", { name: "Физическое лицо" });
  await individual.focus();
  await page.keyboard.press("Space");
  await expect(individual).toBeChecked();
  await expect(textbox(page, "Фамилия")).toHaveValue("Иванов");
  await expect(textbox(page, "Имя")).toHaveValue("Иван");
  await expect(textbox(page, "Отчество (если есть)")).toHaveValue("Петрович");
  const snils = textbox(page, "СНИЛС");
  await expect(snils).toHaveValue("112-233-445 95");

  // R14: a wrong check number is explained beside the field as soon as the field is left...
  await snils.fill("112-233-445 96");
  await page.keyboard.press("Tab");
  const snilsError = page.locator("#field-snils-error");
  await expect(snilsError).toContainText("Контрольное число СНИЛС");
  await expect(snils).toHaveAttribute("aria-invalid", "true");
  await expect(snils).toHaveAttribute("aria-describedby", /field-snils-error/);
  await expectAccessible(page);
  await expectErrorStyle(page, snilsError, snils.locator(".."));
  // ...and the message goes away while typing the fix.
  await snils.fill("112-233-445 95");
  await expect(snilsError).toHaveCount(0);
  await expect(snils).not.toHaveAttribute("aria-invalid", "true");
  // Issue 16 p.5: a message on one part of the name does not push that part's input below the others.
  const firstName = textbox(page, "Имя");
  await firstName.fill("");
  await firstName.blur();
  await expect(page.locator("#field-full_name-firstName-error")).toBeVisible();
  const tops = await Promise.all(
    ["Фамилия", "Имя", "Отчество (если есть)"].map(async (n) => Math.round((await textbox(page, n).boundingBox())!.y)),
  );
  expect(new Set(tops).size).toBe(1);
  await firstName.fill("Иван");
  await expect(page.locator("#field-full_name-firstName-error")).toHaveCount(0);

  // R16: a representative must attach a power of attorney; "Далее" is refused without it.
  await snils.focus();
  await page.keyboard.press("Tab");
  const representative = page.getByRole("checkbox", { name: /Я представитель заявителя/ });
  await expect(representative).toBeFocused();
  await page.keyboard.press("Space");
  await expect(representative).toBeChecked();
  await expect(page.getByRole("group", { name: /Доверенность или документы/ })).toBeVisible();
  await next(page);
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(
    "Приложите файл в поле «Доверенность или документы, подтверждающие полномочия законного представителя»",
  );
  await expect(stepHeading(page, 1)).toBeVisible();
  await expectAccessible(page);
  await representative.focus();
  await page.keyboard.press("Space");
  await expect(representative).not.toBeChecked();
  await expect(summary).toHaveCount(0);
  await next(page);

  // Step 2: contacts, the address and phone prefilled.
  await expect(stepHeading(page, 2)).toBeFocused();
  await expect(textbox(page, "Почтовый адрес")).toHaveValue(/Половинка/);
  await expect(textbox(page, "Контактный телефон")).toHaveValue(/982/);
  await expectAccessible(page);
  await next(page);
  await expect(page.getByTestId("error-summary")).toContainText("Заполните поле «Почтовый индекс»");
  await page
    .getByTestId("error-summary")
    .getByRole("link", { name: /Почтовый индекс/ })
    .click();
  await expect(textbox(page, "Почтовый индекс")).toBeFocused();
  await page.keyboard.type("628212");
  await expect(page.getByTestId("error-summary")).toHaveCount(0);
  await next(page);

  // Step 3: the request, with one person of the social-legal request.
  await expect(stepHeading(page, 3)).toBeVisible();
  const socialLegal = page.getByRole("radio", { name: /Социально-правовой/ });
  await socialLegal.focus();
  await page.keyboard.press("Space");
  await expect(socialLegal).toBeChecked();
  await page.getByRole("combobox", { name: "Какой документ вам нужен" }).selectOption("archival_certificate");
  await page
    .getByRole("textbox", { name: "Тема запроса: какие сведения требуются" })
    .fill("Справка о стаже работы в совхозе «Половинка»");
  await textbox(page, "Хронологические рамки: с").fill("01.01.1990");
  await textbox(page, "Хронологические рамки: по").fill("31.12.1995");
  await next(page);

  // Step 4: the people of the social-legal request, on a step of their own (issue 16 p.7).
  await expect(page.getByRole("heading", { level: 2, name: /^Шаг 4 из 5\. Лица, о которых/ })).toBeVisible();
  const persons = page.getByRole("group", { name: /Лица, о которых запрашиваются сведения/ });
  await expect(persons.getByRole("group", { name: "Запись 1" })).toBeVisible();
  await persons.getByRole("textbox", { name: "Фамилия", exact: true }).fill("Иванова");
  await persons.getByRole("textbox", { name: "Имя", exact: true }).fill("Мария");
  const birth = persons.getByRole("textbox", { name: "Дата рождения" });
  await birth.fill("31.02.1965");
  await birth.blur();
  await expect(page.locator("#field-persons-0-person_birth_date-error")).toContainText("Даты 31.02.1965 не существует");
  await birth.fill("12.04.1965");
  await expect(page.locator("#field-persons-0-person_birth_date-error")).toHaveCount(0);
  await persons
    .getByRole("textbox", { name: "Место работы (учебы), подразделение" })
    .fill("Совхоз «Половинка», контора");
  await persons.getByRole("textbox", { name: "Год начала работы" }).fill("1990");
  await expectAccessible(page);
  await next(page);

  // Step 5: the delivery channel, chosen with the arrow keys.
  await expect(stepHeading(page, 5)).toBeVisible();
  await page.getByRole("radio", { name: /В личный кабинет/ }).focus();
  await page.keyboard.press("ArrowDown");
  const post = page.getByRole("radio", { name: /Почтовым отправлением/ });
  await expect(post).toBeChecked();
  await expectAccessible(page);
  await saveDraft(page);

  // A reload opens the saved step with every value.
  await page.reload();
  await expect(stepHeading(page, 5)).toBeVisible();
  await expect(post).toBeChecked();
  await expect(status(page)).toHaveText(/^Черновик сохранён/);

  // Three steps back and forward again: nothing is lost on the way.
  await page.getByRole("button", { name: "Назад" }).click();
  await page.getByRole("button", { name: "Назад" }).click();
  await page.getByRole("button", { name: "Назад" }).click();
  await expect(stepHeading(page, 2)).toBeVisible();
  await expect(textbox(page, "Почтовый индекс")).toHaveValue("628212");
  await next(page);
  await expect(textbox(page, "Хронологические рамки: с")).toHaveValue("01.01.1990");
  await expect(page.getByRole("textbox", { name: "Тема запроса: какие сведения требуются" })).toHaveValue(/совхозе/);
  await next(page);
  await next(page);
  await expect(post).toBeChecked();

  // Signing out and in again: the draft opens from its address with the same values.
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page.getByRole("link", { name: "Войти" })).toBeVisible();
  await page.goto(url);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  expect(await signInOverApi(page.context().request, DEMO.applicant)).toBe(true);
  await page.goto(url);
  await expect(stepHeading(page, 5)).toBeVisible();
  await expect(post).toBeChecked();
  const nav = page.getByRole("navigation", { name: "Шаги заявления" });
  await nav.getByRole("button", { name: /^Лица, о которых/ }).click();
  await expect(stepHeading(page, 4)).toBeVisible();
  await expect(nav.getByRole("button", { name: /^Лица, о которых/ })).toHaveAttribute("aria-current", "step");
  await expect(
    page.getByRole("group", { name: /Лица, о которых/ }).getByRole("textbox", { name: "Фамилия", exact: true }),
  ).toHaveValue("Иванова");
  await expect(
    page.getByRole("group", { name: /Лица, о которых/ }).getByRole("textbox", { name: "Дата рождения" }),
  ).toHaveValue("12.04.1965");
  for (const title of [
    "Заявитель",
    "Контактные данные",
    "Содержание запроса",
    "Лица, о которых запрашиваются сведения",
    "Документы и способ получения результата",
  ]) {
    await expect(nav.getByRole("button", { name: new RegExp(title) })).toContainText("заполнен");
    await expect(nav.getByRole("button", { name: new RegExp(title) })).not.toContainText("не заполнен");
  }

  // The summary, then one submission however often the button is pressed.
  await nav.getByRole("button", { name: /Проверка и подача/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Проверка и подача заявления" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Заявитель" })).toContainText("Иванов Иван Петрович");
  await expect(page.getByRole("region", { name: "Заявитель" })).toContainText("112-233-445 95");
  await expect(page.getByRole("region", { name: "Лица, о которых запрашиваются сведения" })).toContainText(
    "Иванова Мария",
  );
  await expect(page.getByRole("region", { name: "Документы и способ получения результата" })).toContainText(
    "Почтовым отправлением",
  );
  await expectAccessible(page);

  // The server judges again; its field errors land on their fields, on the step that holds them.
  const serverMessage = "Укажите место работы так, как оно называлось в те годы";
  await failTrpc(page, "application.submit", {
    trpcCode: "BAD_REQUEST",
    appCode: "INVALID",
    message: "Заявление не отправлено: исправьте ошибки в отмеченных полях",
    fieldErrors: { "persons.0.person_workplace": serverMessage },
  });
  await page.getByRole("button", { name: "Подать заявление" }).click();
  await expect(stepHeading(page, 4)).toBeVisible();
  // Issue 16 p.5: the summary names the field (and its record) before a message that does not.
  await expect(page.getByTestId("error-summary")).toContainText(
    "Место работы (учебы), подразделение (запись 1): укажите место работы так, как оно называлось в те годы",
  );
  await expect(page.locator("#field-persons-0-person_workplace")).toHaveAttribute("aria-invalid", "true");
  await page.unroute("**/api/trpc/application.submit*");
  await nav.getByRole("button", { name: /Проверка и подача/ }).click();

  const submits: number[] = [];
  page.on("response", (r) => {
    if (r.url().includes("application.submit")) submits.push(r.status());
  });
  await page.getByRole("button", { name: "Подать заявление" }).dblclick();
  await expect(page).toHaveURL(new RegExp(`/cabinet/applications/${id}$`));
  expect(submits.length).toBeGreaterThanOrEqual(1);
  expect(submits.every((s) => s === 200)).toBe(true);

  // The draft form is closed now: its address leads to the application in the cabinet.
  await page.goto(url);
  await expect(page).toHaveURL(new RegExp(`/cabinet/applications/${id}$`));
});

test("a visitor is asked to sign in before applying and comes back to the service; staff get no button", async ({
  page,
}) => {
  await page.goto(SERVICE);
  await page.getByRole("link", { name: "Войти, чтобы подать заявление" }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fservices%2Farchive-info$/);
  // Signing in on that page (not through signIn(), which opens the sign-in page afresh) returns here.
  await page.getByLabel("Электронная почта").fill(DEMO.applicant);
  await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Войти", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${SERVICE}$`));
  await expect(page.getByRole("button", { name: "Подать заявление" })).toBeVisible();
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page.getByRole("link", { name: "Войти", exact: true })).toBeVisible();
  expect(await signInOverApi(page.context().request, DEMO.registrar)).toBe(true);
  await page.goto(SERVICE);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Подать заявление" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /чтобы подать заявление/ })).toHaveCount(0);
});

test("submission is refused while a step is incomplete, however the summary was reached", async ({
  applicantPage: page,
}) => {
  await startDraft(page);
  const nav = page.getByRole("navigation", { name: "Шаги заявления" });
  await nav.getByRole("button", { name: /Проверка и подача/ }).click();
  await expect(page.getByText("Заявление пока нельзя подать: заполнены не все шаги.")).toBeVisible();
  await page.getByRole("button", { name: "Подать заявление" }).click();
  // Back on the first step with an error, the summary focused and linking to the field.
  await expect(stepHeading(page, 1)).toBeVisible();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Выберите вариант в поле «Кто обращается за услугой»");
  await summary.getByRole("link", { name: /Кто обращается за услугой/ }).click();
  await expect(page.getByRole("radio", { name: "Физическое лицо" })).toBeFocused();
  await expect(page).toHaveURL(/\/applications\//);
});

test("values typed while the server is unreachable survive a reload and reach the server later", async ({
  applicantPage: page,
}) => {
  const { id } = await startDraft(page);

  await page.route("**/api/trpc/**", (route) => route.abort("internetdisconnected"));
  await page.getByRole("radio", { name: "Юридическое лицо" }).check();
  const orgName = textbox(page, "Наименование организации");
  await orgName.pressSequentially("ООО «Архивариус»");
  await expect(status(page)).toHaveText(
    "Нет связи: данные сохранены в браузере и будут отправлены при восстановлении связи",
  );
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key), `reglament:draft:${id}`))
    .toContain("Архивариус");

  await page.unroute("**/api/trpc/**");
  await page.reload();
  await expect(orgName).toHaveValue("ООО «Архивариус»");
  await expect(page.getByRole("radio", { name: "Юридическое лицо" })).toBeChecked();
  // Restored from the browser and sent: the copy is dropped once the server has it.
  await expect(status(page)).toHaveText(/^Черновик сохранён/);
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), `reglament:draft:${id}`)).toBeNull();

  // The server really has it: without any browser copy the values are still there.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(orgName).toHaveValue("ООО «Архивариус»");
});

test("two tabs never overwrite each other silently: the applicant chooses the version", async ({
  applicantPage: page,
}) => {
  const { url } = await startDraft(page);
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(stepHeading(other, 1)).toBeVisible();

  // The first tab saves...
  await page.getByRole("radio", { name: "Юридическое лицо" }).check();
  await textbox(page, "Наименование организации").fill("ООО «Первая вкладка»");
  await saveDraft(page);

  // ...then the second one, which has not seen that save, meets the choice.
  await other.getByRole("radio", { name: "Юридическое лицо" }).check();
  await textbox(other, "Наименование организации").fill("ООО «Вторая вкладка»");
  await other.getByRole("button", { name: "Сохранить черновик" }).click();
  const dialog = other.getByRole("dialog", { name: "Черновик изменён в другом месте" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Загрузить сохранённую версию" })).toBeFocused();
  await expectAccessible(other);
  // Focus stays inside the dialog.
  for (let i = 0; i < 4; i++) {
    await other.keyboard.press("Tab");
    await expect(dialog.locator(":focus")).toHaveCount(1);
  }
  // Escape closes it; the status line offers the choice again.
  await other.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(status(other)).toContainText("Черновик изменён в другой вкладке");
  await other.getByRole("button", { name: "Выбрать версию" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Загрузить сохранённую версию" }).click();
  await expect(dialog).toBeHidden();
  await expect(textbox(other, "Наименование организации")).toHaveValue("ООО «Первая вкладка»");

  // Now the first tab is behind: it keeps its own changes on purpose.
  await textbox(other, "Наименование организации").fill("ООО «Вторая вкладка»");
  await saveDraft(other);
  await textbox(page, "Наименование организации").fill("ООО «Первая, окончательно»");
  await page.getByRole("button", { name: "Сохранить черновик" }).click();
  const firstDialog = page.getByRole("dialog", { name: "Черновик изменён в другом месте" });
  await expect(firstDialog).toBeVisible();
  await firstDialog.getByRole("button", { name: "Оставить мои изменения" }).click();
  await expect(firstDialog).toBeHidden();
  await expect(status(page)).toHaveText(/^Черновик сохранён/);
  await other.close();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(textbox(page, "Наименование организации")).toHaveValue("ООО «Первая, окончательно»");
});

test("a representative attaches the power of attorney and can remove it", async ({ applicantPage: page }) => {
  const { id } = await startDraft(page);
  // A text file is refused by its content, whatever it claims to be, and nothing is stored.
  const probe = await page.request.post(`/api/applications/${id}/files?field=power_of_attorney`, {
    multipart: { file: { name: "probe.pdf", mimeType: "application/pdf", buffer: Buffer.from("не PDF, а текст") } },
  });
  expect(probe.status()).toBe(400);
  expect((await probe.json()).error).toMatch(/не похож на документ/);

  await page.getByRole("checkbox", { name: /Я представитель заявителя/ }).check();
  const group = page.getByRole("group", { name: /Доверенность или документы/ });
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  const saved = page.waitForResponse((r) => r.url().includes("application.saveDraft") && r.ok());
  await group
    .getByLabel(/Выберите файл/)
    .setInputFiles({ name: "доверенность.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(group.getByRole("link", { name: "доверенность.pdf" })).toBeVisible();
  await saved;
  await expectAccessible(page);
  await page.reload();
  await expect(
    page.getByRole("group", { name: /Доверенность или документы/ }).getByRole("link", { name: "доверенность.pdf" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Удалить файл «доверенность.pdf»" }).click();
  await expect(page.getByRole("link", { name: "доверенность.pdf" })).toHaveCount(0);
});

test("on a phone (375 px): the representative's own name leaves the applicant's fields, dates are checked against each other, the summary names its fields, and the check-answers step prints the clean copy", async ({
  applicantPage: page,
}) => {
  test.slow();
  // Issue 16 p.2: the print page's copy is printed from a hidden frame; window.print is recorded in every frame.
  await page.addInitScript(() => {
    window.print = () => {
      (window.top as unknown as { printed?: string }).printed = window.location.pathname;
    };
  });
  await page.setViewportSize({ width: 375, height: 812 });
  const noSideScroll = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const { id } = await startDraft(page);
  await noSideScroll();
  // p.7: a compact header (links under «Меню») and the step list folded: the step's heading is on the first screen.
  await expect(page.locator("header summary")).toHaveText(/^Меню/);
  await expect(page.getByRole("link", { name: "Каталог услуг" })).toBeHidden();
  await expect(page.getByText("Все шаги заявления (1 из 5)")).toBeVisible();
  await expect(stepHeading(page, 1)).toBeInViewport();

  // p.6: ticking «Я представитель заявителя» empties the applicant's name and SNILS that came from
  // the profile (they are the representative's own), whose name goes to the representative's field.
  await page.getByRole("radio", { name: "Физическое лицо" }).check();
  await expect(textbox(page, "Фамилия")).toHaveValue("Иванов");
  const representative = page.getByRole("checkbox", { name: /Я представитель заявителя/ });
  await representative.check();
  await expect(page.getByTestId("representative-note")).toContainText(
    "Ваши данные из профиля убраны из полей заявителя",
  );
  const applicantName = page.getByRole("group", { name: /^Фамилия, имя, отчество \(последнее/ });
  await expect(applicantName.getByRole("textbox", { name: "Фамилия", exact: true })).toHaveValue("");
  await expect(textbox(page, "СНИЛС")).toHaveValue("");
  const representativeName = page.getByRole("group", { name: "Фамилия, имя, отчество представителя" });
  await expect(representativeName.getByRole("textbox", { name: "Фамилия", exact: true })).toHaveValue("Иванов");
  await expectAccessible(page);
  await noSideScroll();
  // Taken off again: the profile's data come back into the emptied fields.
  await representative.uncheck();
  await expect(applicantName.getByRole("textbox", { name: "Фамилия", exact: true })).toHaveValue("Иванов");
  await expect(textbox(page, "СНИЛС")).not.toHaveValue("");
  await next(page);
  await textbox(page, "Почтовый индекс").fill("628212");
  await next(page);

  // p.1 (R14 across fields): the period's end before its start is refused, naming both fields, and
  // correcting the start clears the message at once.
  await expect(stepHeading(page, 3)).toBeVisible();
  await page.getByRole("radio", { name: /Социально-правовой/ }).check();
  await page.getByRole("combobox", { name: "Какой документ вам нужен" }).selectOption("archival_certificate");
  await page.getByRole("textbox", { name: "Тема запроса: какие сведения требуются" }).fill("Справка о стаже");
  const from = textbox(page, "Хронологические рамки: с");
  const to = textbox(page, "Хронологические рамки: по");
  await from.fill("01.01.1995");
  await to.fill("01.01.1990");
  await to.blur();
  const toError = page.locator("#field-period_to-error");
  await expect(toError).toContainText(
    "«Хронологические рамки: по» не может быть раньше, чем «Хронологические рамки: с» (01.01.1995): проверьте обе даты",
  );
  await from.fill("01.01.1985");
  await expect(toError).toHaveCount(0);
  // p.7: the people asked about are a step of their own, which a social-legal request adds.
  await next(page);
  await expect(page.getByRole("heading", { level: 2, name: /^Шаг 4 из 5\. Лица, о которых/ })).toBeInViewport();
  await noSideScroll();
  const persons = page.getByRole("group", { name: /Лица, о которых запрашиваются сведения/ });
  await persons.getByRole("textbox", { name: "Фамилия", exact: true }).fill("Иванова");
  await persons.getByRole("textbox", { name: "Имя", exact: true }).fill("Мария");
  await persons.getByRole("textbox", { name: "Дата рождения" }).fill("31.02.1965");
  await persons.getByRole("textbox", { name: "Место работы (учебы), подразделение" }).fill("Совхоз «Половинка»");
  await persons.getByRole("textbox", { name: "Год начала работы" }).fill("1990");
  await persons.getByRole("textbox", { name: "Год окончания работы" }).fill("1985");
  // The field left by this click shows its message as the button is pressed: the click still counts.
  await next(page);
  // p.5: the summary names each field (and the record of a group) before a message that does not.
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    /^Дата рождения \(запись 1\): даты 31\.02\.1965 не существует/,
    "Запись 1: «Год окончания работы» не может быть меньше, чем «Год начала работы» (1990): проверьте оба значения",
  ]);
  await expectAccessible(page);
  await noSideScroll();
  await persons.getByRole("textbox", { name: "Дата рождения" }).fill("12.04.1965");
  await persons.getByRole("textbox", { name: "Год окончания работы" }).fill("1995");
  await next(page);
  await expect(stepHeading(page, 5)).toBeVisible();
  await page.getByRole("radio", { name: /В личный кабинет/ }).check();
  await next(page);

  // p.2: «Распечатать» prints the print page's copy (saved first), not the wizard's column.
  await expect(page.getByRole("heading", { level: 2, name: "Проверка и подача заявления" })).toBeVisible();
  await noSideScroll();
  await page.getByRole("button", { name: "Распечатать" }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed?: string }).printed))
    .toBe(`/applications/${id}/print`);
  // Framed by this app only: the print page alone allows its own origin, every other page nobody.
  const printHeaders = (await page.request.get(`/applications/${id}/print`)).headers();
  expect(printHeaders["content-security-policy"]).toContain("frame-ancestors 'self'");
  expect(printHeaders["x-frame-options"]).toBe("SAMEORIGIN");
  const copy = page.frameLocator("iframe[data-print-copy]");
  await expect(copy.getByRole("heading", { name: "Заявление о предоставлении муниципальной услуги" })).toBeVisible();
  await expect(copy.locator("article")).toContainText("Иванова Мария");
  await expect(copy.locator("article")).toContainText("Черновик: заявление ещё не подано");
  // Printed from the wizard itself (Ctrl+P), the step list is left out and the form takes the page.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Шаги заявления" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
});
