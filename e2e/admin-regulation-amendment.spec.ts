// Issue 10 "Done when": S1 is amended in the editor (a field added, a deadline changed) with an
// effective date in the future (R11: an amendment applies from its date; applications already
// submitted keep the edition they were submitted under). The publish page (issue 10 p.4) names both
// changes, each linking to its control in the editor, says whom the edition concerns, warns that the
// date is more than 5 working days after the act (R11), and after publishing says when the edition
// comes into force (axe before and after). On that date (the test moves the app's clock,
// server/clock.ts) the applicant's draft moves to the new edition and shows the new field; the open
// application stays on the old edition.
import type { Page } from "@playwright/test";
import { submitRoadInfo, trpc } from "./api";
import { expect, expectAccessible, test } from "./fixtures";

type Service = { id: string; editions: { id: string; version: number; state: string }[] };
type Edition = {
  id: string;
  version: number;
  rowVersion: number;
  document: {
    form: { steps: { key: string; title: string; fields: unknown[] }[] };
    stages: { key: string; title: string; deadline?: { value: number } }[];
  };
};

/** The municipality's civil date (Asia/Yekaterinburg, UTC+5) `days` from now. */
const localDate = (days = 0) => new Date(Date.now() + 5 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const ru = (date: string) => date.split("-").reverse().join(".");
const saved = (page: Page) => expect(page.getByTestId("save-status")).toHaveText(/^Сохранено в \d\d:\d\d$/);

async function discardOpenDrafts(page: Page) {
  const service = await trpc<Service>(page, "regulation.service", { code: "road-info" }, "GET");
  for (const e of service.editions.filter((x) => x.state === "draft")) {
    const open = await trpc<Edition>(page, "regulation.edition", { id: e.id }, "GET");
    await trpc(page, "regulation.discardDraft", { id: e.id, expectedRowVersion: open.rowVersion });
  }
  return service;
}

test("issue 10: S1 amended in the editor takes effect on its date: a draft moves to it, an open application stays", async ({
  adminPage: page,
  applicantPage,
  registrarPage,
}) => {
  test.slow();
  // Before the amendment: a draft and a submitted application of the applicant.
  const draft = await trpc<{ id: string }>(applicantPage, "application.startDraft", { serviceCode: "road-info" });
  const [open] = await submitRoadInfo(applicantPage);
  const service = await discardOpenDrafts(page);
  const inForce = service.editions.find((e) => e.state === "in_force")!;

  // The administrator starts the amendment in the UI.
  await page.goto("/admin/services/road-info");
  await page.getByRole("button", { name: /^Начать новую редакцию/ }).click();
  await expect(page).toHaveURL(/\/admin\/services\/road-info\/editions\/[0-9a-f-]{36}/);
  const editor = page.url().split("?")[0]!;
  const editionId = editor.split("/").at(-1)!;
  const edition = await trpc<Edition>(page, "regulation.edition", { id: editionId }, "GET");
  const firstStep = edition.document.form.steps[0]!;
  const newField = firstStep.fields.length;
  const reviewIndex = edition.document.stages.findIndex((s) => s.key === "review");
  const review = edition.document.stages[reviewIndex]!;
  expect(review.deadline?.value).toBe(11);

  // A field added to the first step.
  await page.goto(`${editor}?section=form`);
  const step = page.getByRole("region", { name: `Шаг 1. ${firstStep.title}` });
  await step.getByLabel("Тип нового поля").selectOption("text");
  await step.getByRole("button", { name: "Добавить поле", exact: true }).click();
  await page.locator(`#ed-form-steps-0-fields-${newField}-label`).fill("Кадастровый номер земельного участка");
  await saved(page);

  // The review deadline (S1 p.37: 11 working days) changed to 10.
  await page.goto(`${editor}?section=process`);
  await page.locator(`#ed-stages-${reviewIndex}-deadline-value`).fill("10");
  await saved(page);

  // The publish page names both changes.
  await page.goto(`${editor}/publish`);
  const changes = page.getByTestId("change-list");
  await expect(changes).toContainText(
    `Добавлено поле «Кадастровый номер земельного участка» (шаг «${firstStep.title}»)`,
  );
  const change = changes.getByRole("link", { name: `Срок этапа «${review.title}»: 11 рабочих дней → 10 рабочих дней` });
  await expect(change).toHaveAttribute(
    "href",
    new RegExp(
      `/admin/services/road-info/editions/${editionId}\\?section=process#ed-stages-${reviewIndex}-deadline-value$`,
    ),
  );
  await expect(changes).toContainText("Процесс (1)");
  await expect(page.getByTestId("publish-impact")).toContainText(/останутся на редакции|останется на редакции/);
  await expectAccessible(page);
  const effective = localDate(30);
  await page.getByLabel("Дата вступления в силу").fill(effective);
  await page.getByLabel("Номер акта").fill("101");
  await page.getByLabel("Дата акта").fill(localDate());
  await page
    .getByLabel("Наименование акта")
    .fill("Постановление администрации сельского поселения Половинка о внесении изменений в регламент");
  // R11: 30 days is more than 5 working days after the act.
  await expect(page.getByTestId("publish-warnings")).toContainText("позже 5 рабочих дней после даты акта");
  await expect(page.getByTestId("publish-impact")).toContainText(
    new RegExp(`(перейдёт|перейдут) на новую редакцию ${ru(effective).replace(/\./g, "\\.")}`),
  );
  await page.getByRole("button", { name: `Опубликовать редакцию № ${edition.version}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "опубликована" })).toContainText(
    `Редакция № ${edition.version} опубликована. Вступит в силу ${ru(effective)}.`,
  );
  await expectAccessible(page);
  // Published: the page now only tells the state.
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "Редакция уже опубликована" })).toContainText(
    `Редакция уже опубликована: вступит в силу ${ru(effective)}`,
  );
  const scheduled = await trpc<Service>(page, "regulation.service", { code: "road-info" }, "GET");
  expect(scheduled.editions.find((e) => e.id === editionId)?.state).toBe("scheduled");

  // Today the draft is still on the edition in force, without the new field.
  await applicantPage.goto(`/applications/${draft.id}`);
  await expect(applicantPage.getByText("Черновик заявления")).toBeVisible();
  await expect(applicantPage.getByLabel("Кадастровый номер земельного участка")).toHaveCount(0);
  // Issue 16 p.8: the applicant is not told edition numbers.
  await expect(applicantPage.getByText(/редакци/i)).toHaveCount(0);

  // On the effective date (09:00 local time) the amendment is in force.
  const moved = await page.request.put(`/api/test/clock?at=${effective}T09:00:00%2B05:00`);
  expect(moved.status(), await moved.text()).toBe(200);
  try {
    await applicantPage.goto(`/applications/${draft.id}`);
    // Moved to the amendment: told in plain words, the new field asked for.
    await expect(applicantPage.getByTestId("form-update-notice")).toContainText(
      "изменились правила подачи заявления на эту услугу",
    );
    await expect(applicantPage.getByText(/редакци/i)).toHaveCount(0);
    await expect(applicantPage.getByLabel("Кадастровый номер земельного участка")).toBeVisible();

    // The open application stays on the edition it was submitted under.
    await registrarPage.goto(`/staff/applications/${open!.id}`);
    await expect(registrarPage.getByText(`редакция регламента ${inForce.version}`)).toBeVisible();
    const states = await trpc<Service>(page, "regulation.service", { code: "road-info" }, "GET");
    expect(states.editions.find((e) => e.id === editionId)?.state).toBe("in_force");
  } finally {
    // The clock back, for the specs after this one.
    const back = await page.request.put("/api/test/clock");
    expect(back.status()).toBe(200);
  }
});
