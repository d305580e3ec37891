// Issue 10 p.8 and its third "Done when" bullet: «A regulation with two variants (the applicant in
// person or through a representative, with different documents and one more stage) is built in the
// UI; profiling leads each kind of applicant to their variant, and staff see the variant on the card».
// Everything the administrator does here is done in the editor's UI, nothing over the API:
//  - a new service of the archive department (a code of its own per run) starts from the starter
//    document (server/regulation/starter.ts);
//  - «Варианты»: the question «Кто обращается?» with the answers «Лично» and «Через представителя»,
//    and the variants «Лично заявитель» and «Через представителя», each led to by one answer; the
//    table of combinations shows each answer → exactly one variant, and an answer leading to both
//    variants is refused (the table and the problem list say so) until it is undone;
//  - «Форма»: a required file field «Доверенность» in the representative's variant only;
//  - «Процесс»: one more stage «Проверка полномочий представителя» in the representative's variant,
//    entered from the registration and left into the review by transitions of that variant; the
//    starter's «Зарегистрировать и передать исполнителю» stays the personal variant's only;
//  - published from the publish page, in force today (Asia/Yekaterinburg).
// Then the demo applicant applies: answering «Лично» leads to «Лично заявитель», whose form has no
// power of attorney; changing the answer to «Через представителя» tells that variant in words (its
// documents and term) and leads to its form, which asks for it; the application is submitted with a
// PDF, and the registrar sees «Вариант: Через представителя» on the card, whose first move is the
// representative variant's own stage.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { actionsOf, expect, expectAccessible, test } from "./fixtures";

const TITLE = "Выдача архивной справки (лично или через представителя)";
const DEPARTMENT = "Архивный отдел";
const PERSONAL = "Лично заявитель";
const REPRESENTATIVE = "Через представителя";
const CHECK_STAGE = "Проверка полномочий представителя";
const INTO_CHECK = "Передать на проверку полномочий представителя";
const OUT_OF_CHECK = "Полномочия подтверждены: передать исполнителю";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The municipality's civil date today (Asia/Yekaterinburg, UTC+5, no daylight saving). */
const localToday = () => new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);

/** The editor's autosave has caught up (issue 10 p.3): nothing is lost when the page is left. */
const saved = (page: Page) => expect(page.getByTestId("save-status")).toHaveText(/^Сохранено в \d\d:\d\d$/);
const section = async (page: Page, name: string, key: string) => {
  await page.getByRole("navigation", { name: "Разделы регламента" }).getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`section=${key}`));
};
/**
 * Puts an element of the regulation into the representative's variant only (variant-tags.tsx):
 * «Во всех вариантах» off (both variants stay ticked), then the personal variant off.
 */
async function representativeOnly(page: Page, idPrefix: string) {
  await page.locator(`#${idPrefix}-variants-all`).uncheck();
  await expect(page.locator(`#${idPrefix}-variants-representative`)).toBeChecked();
  await page.locator(`#${idPrefix}-variants-personal`).uncheck();
  await expect(page.locator(`#${idPrefix}-variants-personal`)).not.toBeChecked();
  await expect(page.locator(`#${idPrefix}-variants-representative`)).toBeChecked();
}
/** The same for the personal variant. */
async function personalOnly(page: Page, idPrefix: string) {
  await page.locator(`#${idPrefix}-variants-all`).uncheck();
  await page.locator(`#${idPrefix}-variants-representative`).uncheck();
  await expect(page.locator(`#${idPrefix}-variants-personal`)).toBeChecked();
}

/** The demo applicant starts an application of the service: the profiling questions come first. */
async function startApplication(page: Page, code: string): Promise<string> {
  await page.goto(`/services/${code}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await page.getByRole("button", { name: "Подать заявление" }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}\/profile$/);
  return new URL(page.url()).pathname.split("/")[2]!;
}

/** Answers «Кто обращается?», is told the variant in words, and goes on to the variant's form. */
async function answer(page: Page, id: string, answerLabel: string, variant: string) {
  const question = page.getByRole("group", { name: "Кто обращается?" });
  await question.getByRole("radio", { name: answerLabel, exact: true }).check();
  await expect(page.getByRole("heading", { name: `Ваш вариант: ${variant}` })).toBeVisible();
  await page.getByRole("button", { name: "Перейти к заполнению заявления" }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${id}$`));
  await expect(page.getByTestId("draft-variant")).toContainText(variant);
  await expect(page.getByRole("heading", { level: 2, name: /^Шаг 1 из 2/ })).toBeVisible();
}

test("issue 10 p.8: a two-variant regulation is built in the UI; profiling leads each applicant to their variant", async ({
  adminPage: admin,
  applicantPage: applicant,
  registrarPage: registrar,
}) => {
  // Administrator, two applications and the registrar on a busy 2-core machine.
  test.setTimeout(360_000);
  const code = `archive-variants-${randomUUID().slice(0, 6)}`;

  // Issue 10 p.1: the service, created on the list of services; its first draft opens.
  await admin.goto("/admin/services");
  const create = admin.getByRole("form", { name: "Новая услуга" });
  await create.getByLabel("Наименование услуги").fill(TITLE);
  await create.getByLabel("Код услуги").fill(code);
  await create.getByLabel("Подразделение").selectOption({ label: DEPARTMENT });
  await create.getByRole("button", { name: "Создать услугу и открыть черновик" }).click();
  await expect(admin).toHaveURL(new RegExp(`/admin/services/${code}/editions/[0-9a-f-]{36}$`));
  await expect(admin.getByRole("heading", { name: "Редакция № 1: черновик" })).toBeVisible();
  const editor = admin.url().split("?")[0]!;
  const problems = admin.getByTestId("problem-list");
  const noProblems = problems.getByRole("heading", { name: "Проблем нет" });
  await expect(noProblems).toBeVisible();

  // Issue 10 p.8: the profiling question and the two variants. The section offers a first question
  // with two answers and a variant per answer; the administrator words them as the regulation does.
  await section(admin, "Варианты", "variants");
  await expect(admin.getByRole("heading", { name: "Варианты и профилирование" })).toBeVisible();
  await admin.getByRole("button", { name: "Добавить варианты и вопросы" }).click();
  await admin.locator("#ed-profiling-questions-0-label").fill("Кто обращается?");
  await admin.locator("#ed-profiling-questions-0-options-0-label").fill("Лично");
  await admin.locator("#ed-profiling-questions-0-options-1-label").fill("Через представителя");
  await admin.locator("#ed-profiling-variants-0-title").fill(PERSONAL);
  await admin.locator("#ed-profiling-variants-1-title").fill(REPRESENTATIVE);
  // Each variant is led to by one answer of «Кто обращается?» (its `when`).
  const personalWhen = admin.getByRole("group", { name: "К варианту ведут ответы на «Кто обращается?»" }).first();
  await expect(personalWhen.getByRole("checkbox", { name: "Лично", exact: true })).toBeChecked();
  await expect(personalWhen.getByRole("checkbox", { name: "Через представителя" })).not.toBeChecked();
  await expect(admin.locator("#ed-profiling-variants-1-when-who-representative")).toBeChecked();
  await expect(admin.locator("#ed-profiling-variants-1-when-who-own")).not.toBeChecked();

  // The table of combinations: each answer leads to exactly one variant.
  const table = admin.getByRole("table", { name: "Каждое сочетание ответов и вариант, к которому оно ведёт" });
  await expect(table.getByRole("columnheader")).toHaveText(["Кто обращается?", "Вариант"]);
  const rows = table.getByTestId("combination");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByRole("cell")).toHaveText(["Лично", PERSONAL]);
  await expect(rows.nth(1).getByRole("cell")).toHaveText(["Через представителя", REPRESENTATIVE]);
  await expect(noProblems).toBeVisible();
  // An answer leading to two variants is refused: the table marks it and the problem list names it.
  await admin.locator("#ed-profiling-variants-1-when-who-own").check();
  await expect(rows.nth(0).getByRole("cell").nth(1)).toContainText(
    `Ведёт к нескольким вариантам: ${PERSONAL}, ${REPRESENTATIVE}`,
  );
  await expect(problems).toContainText(
    `Ответы «Кто обращается?: Лично» ведут к нескольким вариантам: «${PERSONAL}», «${REPRESENTATIVE}»`,
  );
  await admin.locator("#ed-profiling-variants-1-when-who-own").uncheck();
  await expect(rows.nth(0).getByRole("cell")).toHaveText(["Лично", PERSONAL]);
  await expect(noProblems).toBeVisible();
  await saved(admin);
  await expectAccessible(admin);

  // Different documents (issue 10 p.8): the power of attorney, a required file, is asked in the
  // representative's variant only («Варианты услуги» of the field).
  await section(admin, "Форма", "form");
  const applicantStep = admin.getByRole("region", { name: "Шаг 1. Сведения о заявителе" });
  await applicantStep.getByLabel("Тип нового поля").selectOption("file");
  await applicantStep.getByRole("button", { name: "Добавить поле", exact: true }).click();
  await admin.locator("#ed-form-steps-0-fields-3-label").fill("Доверенность");
  await admin.locator("#ed-form-steps-0-fields-3-key").fill("power_of_attorney");
  await admin.locator("#ed-form-steps-0-fields-3-role").selectOption("powerOfAttorney");
  await admin.locator("#ed-form-steps-0-fields-3-required").check();
  await representativeOnly(admin, "ed-form-steps-0-fields-3");
  await expect(noProblems).toBeVisible();
  await saved(admin);

  // One more stage (issue 10 p.8: a variant has its own procedures): the check of the
  // representative's powers, between the registration and the review, in that variant only.
  await section(admin, "Процесс", "process");
  const graph = admin.getByTestId("process-graph");
  await expect(graph.getByTestId("graph-stage")).toHaveCount(8);
  await admin.getByRole("button", { name: "Добавить этап" }).click();
  const stageKey = admin.locator("#ed-stages-8-key");
  await stageKey.fill("check_powers");
  await stageKey.press("Enter");
  await admin.locator("#ed-stages-8-title").fill(CHECK_STAGE);
  await admin.locator("#ed-stages-8-responsibleRoles-REGISTRAR").check();
  await admin.locator("#ed-stages-8-responsibleRoles-EXECUTOR").uncheck();
  await representativeOnly(admin, "ed-stages-8");
  await expect(graph.locator('[data-testid="graph-stage"][data-key="check_powers"]')).toHaveCount(1);
  // Not wired yet: nobody reaches it, nobody leaves it.
  await expect(problems).toContainText(CHECK_STAGE);

  // Into it from the registration, out of it into the review: the representative's transitions.
  await admin.getByRole("button", { name: "Добавить переход" }).click();
  await admin.locator("#ed-transitions-9-title").fill(INTO_CHECK);
  await admin.locator("#ed-transitions-9-from").selectOption("registration");
  await admin.locator("#ed-transitions-9-to").selectOption("check_powers");
  await admin.locator("#ed-transitions-9-roles-REGISTRAR").check();
  await admin.locator("#ed-transitions-9-roles-EXECUTOR").uncheck();
  await representativeOnly(admin, "ed-transitions-9");
  await admin.getByRole("button", { name: "Добавить переход" }).click();
  await admin.locator("#ed-transitions-10-title").fill(OUT_OF_CHECK);
  await admin.locator("#ed-transitions-10-from").selectOption("check_powers");
  await admin.locator("#ed-transitions-10-to").selectOption("review");
  await admin.locator("#ed-transitions-10-roles-REGISTRAR").check();
  await admin.locator("#ed-transitions-10-roles-EXECUTOR").uncheck();
  await admin.locator("#ed-transitions-10-requires-executor").check();
  await representativeOnly(admin, "ed-transitions-10");
  // The starter's direct way from the registration to the review is the personal variant's.
  await expect(admin.locator("#ed-transitions-0-title")).toHaveValue("Зарегистрировать и передать исполнителю");
  await personalOnly(admin, "ed-transitions-0");
  await expect(noProblems).toBeVisible();
  await saved(admin);

  // Issue 10 p.4, R11: published from the publish page, in force today, with the adopting act.
  await admin.goto(`/admin/services/${code}`);
  await admin.getByRole("link", { name: "Опубликовать…" }).click();
  await expect(admin).toHaveURL(`${editor}/publish`);
  const today = localToday();
  await admin.getByLabel("Дата вступления в силу").fill(today);
  await admin.getByLabel("Номер акта").fill("46-п");
  await admin.getByLabel("Дата акта").fill(today);
  await admin
    .getByLabel("Наименование акта")
    .fill(
      `Постановление администрации «Об утверждении административного регламента предоставления муниципальной услуги «${TITLE}»»`,
    );
  await admin.getByRole("button", { name: "Опубликовать редакцию № 1" }).click();
  const ddmmyyyy = today.split("-").reverse().join(".");
  await expect(admin.getByRole("status").filter({ hasText: "опубликована" })).toContainText(
    `Редакция № 1 опубликована. Действует с ${ddmmyyyy}.`,
  );

  // Profiling (issue 10 p.8): the applicant in person is led to «Лично заявитель», whose form has
  // no power of attorney.
  const represented = await startApplication(applicant, code);
  await expectAccessible(applicant);
  await answer(applicant, represented, "Лично", PERSONAL);
  await expect(applicant.getByRole("group", { name: /Доверенность/ })).toHaveCount(0);
  await expect(applicant.getByText("Доверенность")).toHaveCount(0);

  // The applicant changes the answer (a representative after all): the same draft, told its new
  // variant in words with the documents and the term before the form, whose form asks for the power
  // of attorney; the PDF is attached and the application submitted.
  await applicant.getByRole("link", { name: "Изменить ответы на вопросы" }).click();
  await expect(applicant).toHaveURL(new RegExp(`/applications/${represented}/profile$`));
  const question = applicant.getByRole("group", { name: "Кто обращается?" });
  await expect(question.getByRole("radio", { name: "Лично", exact: true })).toBeChecked();
  await question.getByRole("radio", { name: "Через представителя", exact: true }).check();
  await expect(applicant.getByRole("heading", { name: `Ваш вариант: ${REPRESENTATIVE}` })).toBeVisible();
  const told = applicant.getByTestId("profiling-variant");
  await expect(told).toContainText("Понадобятся:");
  await expect(told).toContainText("Заявление о предоставлении муниципальной услуги");
  await expect(told).toContainText("10 рабочих дней");
  await applicant.getByRole("button", { name: "Перейти к заполнению заявления" }).click();
  await expect(applicant).toHaveURL(new RegExp(`/applications/${represented}$`));
  await expect(applicant.getByTestId("draft-variant")).toContainText(REPRESENTATIVE);
  const attorney = applicant.getByRole("group", { name: /Доверенность/ });
  await expect(attorney).toBeVisible();
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  const draftSaved = applicant.waitForResponse((r) => r.url().includes("application.saveDraft") && r.ok());
  await attorney
    .getByLabel(/Выберите файл/)
    .setInputFiles({ name: "доверенность.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(attorney.getByRole("link", { name: "доверенность.pdf" })).toBeVisible();
  await draftSaved;
  await applicant.getByRole("button", { name: "Далее" }).click();
  await expect(applicant.getByRole("heading", { level: 2, name: /^Шаг 2 из 2/ })).toBeVisible();
  await applicant
    .getByRole("textbox", { name: "Суть запроса" })
    .fill("Прошу выдать архивную справку о стаже работы доверителя за 1995–1998 годы.");
  await applicant.getByRole("radio", { name: "В личный кабинет" }).check();
  await applicant.getByRole("button", { name: "Далее" }).click();
  await expect(applicant.getByRole("heading", { level: 2, name: "Проверка и подача заявления" })).toBeVisible();
  await expect(applicant.getByRole("main")).toContainText("доверенность.pdf");
  await applicant.getByRole("button", { name: "Подать заявление" }).click();
  await expect(applicant).toHaveURL(new RegExp(`/cabinet/applications/${represented}$`));
  const heading = applicant.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(new RegExp(`^Заявление № ${escapeRegExp(code.toUpperCase())}-\\d{4}-\\d{5}$`));
  const app = { id: represented, number: (await heading.textContent())!.replace("Заявление № ", "").trim() };

  // Staff see the variant on the card (issue 10 p.8: an application is pinned to its variant), and
  // its process is the variant's: the registrar's move leads into the check of powers.
  await registrar.goto(`/staff/applications/${app.id}`);
  await expect(registrar.getByTestId("card-variant")).toHaveText(`Вариант: ${REPRESENTATIVE}`);
  await expect(registrar.getByTestId("card-stage")).toHaveText(/^Приём и регистрация заявления/);
  await actionsOf(registrar, app).click();
  await expect(registrar.getByRole("menuitem", { name: /^Зарегистрировать и передать исполнителю/ })).toHaveCount(0);
  await registrar.getByRole("menuitem", { name: new RegExp(`^${escapeRegExp(INTO_CHECK)}`) }).click();
  // Registering is confirmed in its dialog (issue 16 p.11).
  await registrar.getByRole("dialog", { name: INTO_CHECK }).getByRole("button", { name: "Выполнить" }).click();
  await expect(registrar.getByTestId("card-status")).toHaveText(`Выполнено: «${INTO_CHECK}».`);
  await expect(registrar.getByTestId("card-stage")).toHaveText(new RegExp(`^${escapeRegExp(CHECK_STAGE)}`));
  await expect(registrar.getByTestId("card-variant")).toHaveText(`Вариант: ${REPRESENTATIVE}`);
});
