// Publishing an amendment of S1 from the publish page (issue 10 p.4, R11): a draft whose review
// deadline is shortened from 11 to 10 working days (prepared through the API, so this spec does not
// depend on the editor's pages) is published with a future effective date. The page names the change
// in its list, says whom it concerns, warns that the date is more than 5 working days after the act
// (R11), and after publishing says when the edition comes into force. axe on the page before and after.
import { trpc } from "./api";
import { expect, expectAccessible, test } from "./fixtures";

type Service = { id: string; editions: { id: string; state: string }[] };
type Edition = {
  rowVersion: number;
  document: { stages: { key: string; title: string; deadline?: { value: number } }[] };
};

/** The municipality's civil date (Asia/Yekaterinburg, UTC+5) `days` from now. */
const localDate = (days = 0) => new Date(Date.now() + 5 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
const ru = (date: string) => date.split("-").reverse().join(".");

test("issue 10: an amendment of S1 with a shorter deadline is published from the publish page with a future date", async ({
  adminPage: page,
  applicantPage,
}) => {
  // A draft application of S1: it will move to the new edition on its date.
  await trpc(applicantPage, "application.startDraft", { serviceCode: "road-info" });
  const service = await trpc<Service>(page, "regulation.service", { code: "road-info" }, "GET");
  // One draft per service: one left by an earlier run of this worker is discarded first.
  for (const e of service.editions.filter((x) => x.state === "draft")) {
    const open = await trpc<Edition>(page, "regulation.edition", { id: e.id }, "GET");
    await trpc(page, "regulation.discardDraft", { id: e.id, expectedRowVersion: open.rowVersion });
  }
  const draft = await trpc<{ id: string; version: number }>(page, "regulation.startDraft", { serviceId: service.id });
  const edition = await trpc<Edition>(page, "regulation.edition", { id: draft.id }, "GET");
  const review = edition.document.stages.find((s) => s.key === "review")!;
  expect(review.deadline?.value).toBe(11);
  review.deadline!.value = 10;
  await trpc(page, "regulation.saveDraft", {
    id: draft.id,
    expectedRowVersion: edition.rowVersion,
    document: edition.document,
  });

  await page.goto(`/admin/services/road-info/editions/${draft.id}/publish`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Публикация редакции № ${draft.version}`);
  const changes = page.getByTestId("change-list");
  await expect(changes).toContainText("Процесс (1)");
  const change = changes.getByRole("link", { name: `Срок этапа «${review.title}»: 11 рабочих дней → 10 рабочих дней` });
  await expect(change).toBeVisible();
  await expect(change).toHaveAttribute(
    "href",
    new RegExp(`/admin/services/road-info/editions/${draft.id}\\?section=process#ed-stages-\\d+-deadline-value$`),
  );
  await expect(page.getByTestId("publish-impact")).toContainText(
    /останутся на редакции № 1|Заявлений в работе нет|останется на редакции № 1/,
  );
  await expectAccessible(page);

  const effective = localDate(30);
  await page.getByLabel("Дата вступления в силу").fill(effective);
  await page.getByLabel("Номер акта").fill("77");
  await page.getByLabel("Дата акта").fill(localDate());
  await page
    .getByLabel("Наименование акта")
    .fill(
      "Постановление администрации сельского поселения Половинка о внесении изменений в административный регламент",
    );
  // R11: 30 days is more than 5 working days after the act.
  await expect(page.getByTestId("publish-warnings")).toContainText("позже 5 рабочих дней после даты акта");
  await expect(page.getByTestId("publish-impact")).toContainText(
    new RegExp(`(перейдёт|перейдут) на новую редакцию ${ru(effective).replace(/\./g, "\\.")}`),
  );

  await page.getByRole("button", { name: `Опубликовать редакцию № ${draft.version}` }).click();
  const done = page.getByRole("status").filter({ hasText: "опубликована" });
  await expect(done).toContainText(`Редакция № ${draft.version} опубликована. Вступит в силу ${ru(effective)}.`);
  await expectAccessible(page);

  // Published: the page now only tells the state, and the edition is scheduled.
  const after = await trpc<Service>(page, "regulation.service", { code: "road-info" }, "GET");
  expect(after.editions.find((e) => e.id === draft.id)?.state).toBe("scheduled");
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "Редакция уже опубликована" })).toContainText(
    `Редакция уже опубликована: вступит в силу ${ru(effective)}`,
  );
});
