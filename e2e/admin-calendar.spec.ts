// The working calendar's administration (issue 11; R7). A stage due in January 2027, counted over the
// provisional 2027 (the Labour Code alone), is shown «предварительно» on the staff card; the
// administrator enters the 2027 decree in the UI (a stand-in: the real decree is not in the
// repository, see server/calendar/fixtures.ts), and the card then shows the recomputed date without
// the mark, with the recomputation in the history. And axe on the new pages.
//
// Getting a stage due into January 2027 with the real clock: the archive request's "decision" stage
// is due 30 calendar days after registration (S2 p.58). Registered at the end of November 2026 that
// is still in December, so the administrator first makes the due day non-working (the day editor
// of the same page, through its API) until the period ends after the New Year holidays, and puts the
// days back at the end.
import { submitArchiveInfo, trpc, EXECUTOR_NAME } from "./api";
import { expect, expectAccessible, test } from "./fixtures";
import { DECREE_2027_STAND_IN } from "../server/calendar/fixtures";
import { formatDate } from "../server/format/dates";

type Card = { rowVersion: number; stage: { key: string; dueAt: string | null; dueProvisional: boolean } | null };
type YearData = { data: { days: { date: string; kind: string; note?: string }[] } };

const localDate = (iso: string) => new Date(new Date(iso).getTime() + 5 * 3600_000).toISOString().slice(0, 10); // Asia/Yekaterinburg, UTC+5
const ru = (date: string) => date.split("-").reverse().join(".");

test("issue 11: a January 2027 stage deadline is provisional until the 2027 decree is entered; then recomputed, with history", async ({
  applicantPage,
  registrarPage,
  headPage,
  executorPage,
  adminPage,
}) => {
  test.skip(new Date().getFullYear() !== 2026, "The stand-in decree is for 2027, the year after this one");
  const app = await submitArchiveInfo(applicantPage);
  const move = async (page: typeof headPage, transition: string, extra: Record<string, unknown> = {}) => {
    const card = await trpc<Card>(page, "staff.card", { id: app.id }, "GET");
    await trpc(page, "staff.move", { id: app.id, expectedRowVersion: card.rowVersion, transition, ...extra });
  };
  await move(registrarPage, "register");
  const executors = await trpc<{ id: string; name: string }[]>(headPage, "staff.executors", { id: app.id }, "GET");
  await move(headPage, "assign_executor", { executorId: executors.find((e) => e.name === EXECUTOR_NAME)!.id });
  await move(executorPage, "no_grounds_found");

  // Push the due day past the end of 2026 (only what is needed today), remembering what each day was.
  const year2026 = await trpc<YearData>(adminPage, "calendar.year", { year: 2026 }, "GET");
  const changed: { date: string; kind: string; note: string }[] = [];
  for (;;) {
    const card = await trpc<Card>(headPage, "staff.card", { id: app.id }, "GET");
    expect(card.stage?.key).toBe("decision");
    const due = localDate(card.stage!.dueAt!);
    if (due >= "2027-01-01") break;
    const before = year2026.data.days.find((d) => d.date === due)!;
    changed.push({ date: due, kind: before.kind, note: before.note ?? "" });
    await trpc(adminPage, "calendar.setDay", { date: due, kind: "holiday", note: "Проверка (e2e)" });
  }

  try {
    const card = await trpc<Card>(headPage, "staff.card", { id: app.id }, "GET");
    expect(localDate(card.stage!.dueAt!).slice(0, 7)).toBe("2027-01");
    const due = formatDate(card.stage!.dueAt!, "Asia/Yekaterinburg");
    await headPage.goto(`/staff/applications/${app.id}`);
    const stageDue = headPage.getByTestId("card-stage-due");
    await expect(stageDue).toContainText(`срок этапа — до ${due}`);
    await expect(stageDue.getByTestId("provisional-mark")).toHaveText("предварительно");
    // The applicant's cabinet marks the same dates.
    await applicantPage.goto(`/cabinet/applications/${app.id}`);
    await expect(applicantPage.getByTestId("provisional-mark").first()).toBeVisible();

    // The administrator sees 2027 as provisional and enters its decree, with the preview first.
    await adminPage.goto("/admin/calendar");
    await expect(adminPage.getByRole("heading", { level: 1, name: "Производственный календарь" })).toBeVisible();
    await expectAccessible(adminPage);
    await adminPage.getByRole("link", { name: "2027", exact: true }).click();
    await expect(adminPage.getByTestId("year-status")).toContainText("Предварительный");
    await expectAccessible(adminPage);

    const form = adminPage.getByRole("region", { name: "Постановление о переносе выходных дней" });
    await form.getByLabel("Номер постановления").fill(DECREE_2027_STAND_IN.decreeNumber);
    await form.getByLabel("Дата постановления").fill(DECREE_2027_STAND_IN.decreeDate);
    for (const [i, t] of DECREE_2027_STAND_IN.transfers.entries()) {
      if (i > 0) await form.getByRole("button", { name: "Добавить перенос" }).click();
      await form.getByLabel(`Перенос ${i + 1}: с`).fill(t.from);
      await form.getByLabel(`Перенос ${i + 1}: на`).fill(t.to);
    }
    for (const [i, d] of DECREE_2027_STAND_IN.shortened.entries()) {
      await form.getByRole("button", { name: "Добавить сокращённый день" }).click();
      await form.getByLabel(`Сокращённый день ${i + 1}`).fill(d.date);
    }
    // The preview: 249 working days by the Labour Code, 247 with the decree (as in 2021, the same weekdays).
    const preview = form.getByRole("region", { name: "Предпросмотр 2027 года" });
    await expect(preview.getByTestId("year-working-days")).toContainText("247");
    await expect(preview.getByTestId("year-working-days")).toContainText("было 249");
    await expect(preview.getByTestId("year-work-hours")).toContainText("1972");
    await expectAccessible(adminPage);
    await form.getByRole("button", { name: "Загрузить постановление" }).click();
    await expect(form.getByRole("status")).toContainText("Постановление загружено");
    await expect(adminPage.getByTestId("year-status")).toContainText(
      `постановление Правительства РФ от ${ru(DECREE_2027_STAND_IN.decreeDate)} № ${DECREE_2027_STAND_IN.decreeNumber}`,
    );

    // The card: the recomputed date, no mark, and the history says why.
    await headPage.reload();
    const after = await trpc<Card>(headPage, "staff.card", { id: app.id }, "GET");
    await expect(stageDue).toContainText(`срок этапа — до ${formatDate(after.stage!.dueAt!, "Asia/Yekaterinburg")}`);
    await expect(stageDue.getByTestId("provisional-mark")).toHaveCount(0);
    const recomputed = headPage.locator('[data-event-type="deadlines_recomputed"]').filter({
      hasText: "Календарь 2027 года: загружено постановление о переносе выходных дней",
    });
    await expect(recomputed).toHaveCount(1);
    await expect(recomputed).toContainText("Сроки пересчитаны по производственному календарю");
    await expect(recomputed).toContainText("больше не предварительно");
    await applicantPage.reload();
    await expect(applicantPage.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(applicantPage.getByTestId("provisional-mark")).toHaveCount(0);
  } finally {
    for (const d of changed.reverse()) await trpc(adminPage, "calendar.setDay", d);
  }
});

test("issue 11: the reception schedules pages pass axe, and a schedule whose end is before its start is refused on the field", async ({
  adminPage: page,
}) => {
  await page.goto("/admin/schedules");
  await expect(page.getByRole("heading", { level: 1, name: "Графики приёма подразделений" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Архивный отдел" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("График приёма: Архивный отдел");
  await expectAccessible(page);
  const monday = page.getByRole("group", { name: "Понедельник" });
  await monday.getByLabel("Начало приёма").fill("18:00");
  await monday.getByLabel("Окончание приёма").fill("09:00");
  await page.getByRole("button", { name: "Сохранить график" }).click();
  await expect(monday.getByText("Окончание приёма должно быть позже его начала")).toBeVisible();
  await expect(monday.getByLabel("Окончание приёма")).toHaveAttribute("aria-invalid", "true");

  // 9:00-18:00 with lunch 13:00-14:00 is saved (closed days keep empty times).
  await monday.getByLabel("Начало приёма").fill("09:00");
  await monday.getByLabel("Окончание приёма").fill("18:00");
  await page.getByRole("button", { name: "Сохранить график" }).click();
  await expect(page.getByRole("status")).toHaveText("График приёма сохранён.");
  await page.goto("/admin/schedules");
  await expect(page.getByRole("row", { name: /Архивный отдел/ })).toContainText("Пн 09:00–18:00 (перерыв 13:00–14:00)");
});
