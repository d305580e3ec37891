// Variants of a service and the applicant's profiling (issue 10 p.8), end to end: a two-variant copy
// of S2 («Кто обращается?»: in person or through a representative, server/test/two-variants.ts) is
// published by the administrator over the API; an applicant answers the question, is told the
// variant in words with its documents, changes the answer, fills the form of their variant and
// submits; staff see the variant on the card and on the board.
import type { Page } from "@playwright/test";
import { ARCHIVE_REQUEST } from "../server/test/fixtures";
import { TWO_VARIANTS_SERVICE, twoVariantRegulation } from "../server/test/two-variants";
import { expect, expectAccessible, test } from "./fixtures";
import { trpc } from "./api";

const code = `${TWO_VARIANTS_SERVICE.code}-${Date.now().toString(36)}`;

/**
 * The service, created and published as an administrator does it: a new service, its draft edition
 * saved with the two-variant document, published in force today. `regulation.publish` is the
 * publishing procedure of the editor (issue 10 p.4).
 */
async function publishTwoVariantService(admin: Page) {
  const services = await trpc<{ code: string; department: { id: string } }[]>(
    admin,
    "regulation.services",
    undefined,
    "GET",
  );
  const departmentId = services.find((s) => s.code === "archive-info")!.department.id;
  const created = await trpc<{ id: string; draftId: string }>(admin, "regulation.createService", {
    code,
    title: TWO_VARIANTS_SERVICE.title,
    departmentId,
  });
  const edition = await trpc<{ rowVersion: number }>(admin, "regulation.edition", { id: created.draftId }, "GET");
  const saved = await trpc<{ rowVersion: number; problems: unknown[] }>(admin, "regulation.saveDraft", {
    id: created.draftId,
    expectedRowVersion: edition.rowVersion,
    document: twoVariantRegulation(),
  });
  expect(saved.problems).toEqual([]);
  // The municipality's date (Asia/Yekaterinburg): publishing refuses an effective date in its past.
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Yekaterinburg" }).format(new Date());
  await trpc(admin, "regulation.publish", {
    id: created.draftId,
    expectedRowVersion: saved.rowVersion,
    effectiveFrom: today,
    actNumber: "1-п",
    actDate: today,
    basis: "Постановление администрации об утверждении административного регламента (два варианта)",
  });
}

test("profiling leads the applicant to their variant, told in words before the form; staff see the variant", async ({
  adminPage,
  applicantPage: page,
  registrarPage,
}) => {
  test.setTimeout(180_000);
  await publishTwoVariantService(adminPage);

  // «Подать заявление» asks the question first.
  await page.goto(`/services/${code}`);
  await page.getByRole("button", { name: "Подать заявление" }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}\/profile$/);
  const id = new URL(page.url()).pathname.split("/")[2]!;
  const question = page.getByRole("group", { name: "Кто обращается?" });
  await expect(question).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ваш вариант", exact: true })).toBeVisible();
  await expectAccessible(page);

  // Answering names the variant and its documents at once.
  await question.getByRole("radio", { name: "Представитель заявителя" }).check();
  await expect(page.getByRole("heading", { name: "Ваш вариант: Обращение через представителя" })).toBeVisible();
  await expect(page.getByTestId("profiling-variant")).toContainText("Понадобятся:");
  await expect(page.getByTestId("profiling-variant")).toContainText("Доверенность");
  await expect(page.getByTestId("profiling-variant")).toContainText("32 календарных дня");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Перейти к заполнению заявления" }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${id}$`));
  await expect(page.getByTestId("draft-variant")).toContainText("Обращение через представителя");
  await expect(page.getByRole("group", { name: /^Фамилия, имя, отчество представителя/ })).toBeVisible();

  // The applicant changes the answer: the form of the personal variant has no representative's fields.
  await page.getByRole("link", { name: "Изменить ответы на вопросы" }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${id}/profile$`));
  await expect(question.getByRole("radio", { name: "Представитель заявителя" })).toBeChecked();
  await question.getByRole("radio", { name: "Заявитель лично" }).check();
  await expect(page.getByRole("heading", { name: "Ваш вариант: Личное обращение заявителя" })).toBeVisible();
  await expect(page.getByTestId("profiling-variant")).not.toContainText("Доверенность");
  await page.getByRole("button", { name: "Перейти к заполнению заявления" }).click();
  await expect(page.getByTestId("draft-variant")).toContainText("Личное обращение заявителя");
  await expect(page.getByRole("group", { name: /^Фамилия, имя, отчество представителя/ })).toHaveCount(0);

  // The values of the personal form (as the wizard saves them), then the submission from the summary.
  const draft = await trpc<{ rowVersion: number }>(page, "application.getDraft", { id }, "GET");
  await trpc(page, "application.saveDraft", {
    id,
    values: ARCHIVE_REQUEST,
    currentStep: "delivery",
    expectedRowVersion: draft.rowVersion,
  });
  await page.reload();
  await page
    .getByRole("navigation", { name: /Шаги/ })
    .getByRole("button", { name: /Проверка и подача/ })
    .click();
  await page.getByRole("button", { name: "Подать заявление" }).click();
  await expect(page).toHaveURL(new RegExp(`/cabinet/applications/${id}$`));

  // Staff: the card names the variant, and its first move is the personal variant's registration.
  await registrarPage.goto(`/staff/applications/${id}`);
  await expect(registrarPage.getByTestId("card-variant")).toHaveText("Вариант: Личное обращение заявителя");
  await expectAccessible(registrarPage);
});
