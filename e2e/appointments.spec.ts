// Issue 14 p.3-5 in a browser. (a) R18, S1 p.32: two applicants race for one slot of the reception
// schedule: one booking, one clear refusal offering other times; the confirmation (R19) with date,
// time, place and code arrives at the test SMTP server. (b) The cabinet: a submitted application is
// withdrawn, an issued one is rated (R21, R27). The rest (schedule and calendar, 20 concurrent
// bookings, reminders, terms, bad input) is in the integration tests.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { submitArchiveInfo, trpc, type Created } from "./api";
import { confirmRegistration, DEMO_SIGNING_PIN, expect, expectAccessible, mailTo, test } from "./fixtures";

/** Cancels the signed-in applicant's coming bookings (earlier runs on the same instance). */
async function cancelMyBookings(page: Page) {
  const { coming } = await trpc<{ coming: { id: string }[] }>(page, "appointment.mine", undefined, "GET");
  for (const a of coming) await trpc(page, "appointment.cancel", { id: a.id });
}

/** S2 to the issued result over HTTP (the staff's part is not the subject here): registered → granted. */
async function issueResult(pages: Record<"registrar" | "head" | "executor" | "signer", Page>, app: Created) {
  const move = async (page: Page, transition: string, extra: Record<string, unknown> = {}) => {
    const card = await trpc<{ rowVersion: number }>(page, "staff.card", { id: app.id }, "GET");
    await trpc(page, "staff.move", { id: app.id, expectedRowVersion: card.rowVersion, transition, ...extra });
  };
  await move(pages.registrar, "register");
  const executors = await trpc<{ id: string; name: string }[]>(pages.head, "staff.executors", { id: app.id }, "GET");
  await move(pages.head, "assign_executor", { executorId: executors[0]!.id });
  await move(pages.executor, "no_grounds_found");
  await move(pages.executor, "prepare_result", { resultType: "archival_certificate", comment: "Сведения найдены" });
  await move(pages.signer, "sign_result", { signing: { pin: DEMO_SIGNING_PIN } });
  await move(pages.executor, "send_result");
}

test("two applicants race for one slot: one booking, one refusal with other times; the confirmation is e-mailed", async ({
  applicantPage,
  pageAs,
  browser,
}) => {
  // A second applicant, registered as anyone registers (the address proven by the e-mailed link).
  const email = `race-${randomUUID().slice(0, 8)}@example.ru`;
  const password = "Гонка-за-временем-2026";
  const anonymous = await (await browser.newContext()).newPage();
  await trpc(anonymous, "auth.register", { email, lastName: "Быстрова", firstName: "Анна", consent: true });
  await confirmRegistration(anonymous, email, password);
  await anonymous.context().close();
  const second = await pageAs({ email, password });
  await cancelMyBookings(applicantPage);

  // Both open the booking page of S1 and choose the same (first free) time of the same day.
  for (const page of [applicantPage, second]) await page.goto("/appointments/road-info");
  await expect(applicantPage.getByRole("heading", { name: "Запись на приём", level: 1 })).toBeVisible();
  await expectAccessible(applicantPage);
  const time = applicantPage.getByRole("radiogroup", { name: "Время приёма" }).getByRole("radio").first();
  const timeLabel = (await time.locator("xpath=..").innerText()).trim();
  const day = await applicantPage.getByLabel("Дата приёма").inputValue();
  for (const page of [applicantPage, second]) {
    await expect(page.getByLabel("Дата приёма")).toHaveValue(day);
    await page.getByRole("radio", { name: timeLabel, exact: true }).check();
    await page.getByLabel("Цель визита").fill("Подать заявление");
  }
  await Promise.all([applicantPage, second].map((p) => p.getByRole("button", { name: "Записаться" }).click()));

  // Exactly one confirmation; the other is told the time was just taken and offered the next ones.
  const outcome = async (page: Page) => {
    const confirmed = page.getByTestId("booking-confirmation");
    const refused = page.locator("#slot-time").getByTestId("field-error");
    await expect(confirmed.or(refused)).toBeVisible();
    return (await confirmed.isVisible()) ? "booked" : "refused";
  };
  const outcomes = [await outcome(applicantPage), await outcome(second)];
  expect([...outcomes].sort()).toEqual(["booked", "refused"]);
  const [winnerPage, loserPage] = outcomes[0] === "booked" ? [applicantPage, second] : [second, applicantPage];
  const refusal = loserPage.locator("#slot-time").getByTestId("field-error");
  await expect(refusal).toContainText("Это время только что заняли");
  await expect(refusal).toContainText(/Свободное время рядом: \d{1,2} [а-я]+ \d{4} г\. в \d\d:\d\d/);
  await expect(loserPage.getByRole("alert").filter({ hasText: "Исправьте ошибки" })).toBeVisible();
  // The taken time is gone from the loser's list.
  await expect(loserPage.getByRole("radio", { name: timeLabel, exact: true })).toHaveCount(0);

  const code = (await winnerPage.getByTestId("booking-code").innerText()).trim();
  await expect(winnerPage.getByTestId("booking-confirmation")).toContainText(timeLabel);
  const winnerEmail = winnerPage === applicantPage ? "applicant@demo.reglament.ru" : email;
  const letters = async () => (await mailTo(winnerEmail)).filter((m) => m.text.includes(`Код записи: ${code}`));
  await expect.poll(async () => (await letters()).length, { timeout: 30_000 }).toBe(1);
  const letter = (await letters())[0]!;
  expect(letter.subject).toMatch(new RegExp(`^Запись на приём .* в ${timeLabel}$`));
  expect(letter.text).toContain(`Время: ${timeLabel}`);
  expect(letter.text).toMatch(/Место: .+/);

  // The registrar's day list shows it, with the marks for the day of the visit.
  const registrar = await pageAs("registrar");
  await registrar.goto(`/staff/appointments?date=${day}`);
  const visit = registrar.getByTestId("day-appointment").filter({ hasText: `Код ${code}` });
  await expect(visit).toContainText(timeLabel);
  await expectAccessible(registrar);
  await expect(visit.getByRole("button", { name: /^Пришёл/ })).toBeVisible();

  // The booking is in the winner's cabinet, where it is cancelled (the slot is free again).
  await winnerPage.goto("/cabinet/appointments");
  const booking = winnerPage.getByTestId("appointment").filter({ hasText: code });
  await expect(booking).toBeVisible();
  await expectAccessible(winnerPage);
  await booking.getByRole("button", { name: /Отменить запись/ }).click();
  await expect(booking).toHaveCount(0);
});

test("in the cabinet: a submitted application is withdrawn, an issued one is rated", async ({
  applicantPage: page,
  pageAs,
}) => {
  const [toWithdraw, toRate] = [await submitArchiveInfo(page), await submitArchiveInfo(page)];
  const staff = {
    registrar: await pageAs("registrar"),
    head: await pageAs("head"),
    executor: await pageAs("executor"),
    // S2's signer: the head of the municipal archive (S2 p.58).
    signer: await pageAs("archiveHead"),
  };
  await issueResult(staff, toRate);

  // Withdraw: the reason is asked (per-field message and the summary), then recorded.
  await page.goto(`/cabinet/applications/${toWithdraw.id}`);
  await page.getByRole("button", { name: "Отозвать заявление" }).click();
  await page.getByRole("button", { name: "Отозвать заявление" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Исправьте ошибки" })).toContainText(
    "Укажите причину отзыва заявления",
  );
  await page.getByLabel("Причина отзыва").fill("Документы больше не нужны");
  await page.getByRole("button", { name: "Отозвать заявление" }).click();
  await expect(page.getByText("Заявление отозвано", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Отозвать заявление" })).toHaveCount(0);

  // The list shows the outcome; the unread notices are counted in the cabinet's navigation.
  await page.goto("/cabinet");
  const row = page.getByRole("row").filter({ hasText: toWithdraw.number });
  await expect(row).toContainText("Заявление отозвано");
  await expect(page.getByRole("row").filter({ hasText: toRate.number })).toContainText("Услуга предоставлена");

  // Rate the issued one, once.
  await page.goto(`/cabinet/applications/${toRate.id}`);
  await expect(page.getByRole("heading", { name: "Оценка качества услуги" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: "5 — отлично" }).check();
  await page.getByLabel("Комментарий").fill("Справку прислали быстро");
  await page.getByRole("button", { name: "Оценить" }).click();
  await expect(page.getByTestId("rating-given")).toContainText("5 — отлично");
  await expect(page.getByRole("button", { name: "Оценить" })).toHaveCount(0);
  const again = await page.request.post("/api/trpc/rating.rate", {
    data: { json: { applicationId: toRate.id, score: 1, comment: "" } },
  });
  expect(again.status()).toBe(409);
  expect(await again.text()).toContain("Вы уже оценили качество предоставления услуги");

  // The head sees the rating among the services' ratings.
  await staff.head.goto("/staff/ratings");
  const archive = staff.head.getByTestId("service-rating").filter({ hasText: "архивной информации" });
  await expect(archive).toContainText(/5: [1-9]/);
  await expect(staff.head.getByText("Справку прислали быстро")).toBeVisible();
  await expectAccessible(staff.head);

  // Notifications: the unread count in the navigation goes when they are marked read.
  await page.goto("/cabinet/notifications");
  const nav = page.getByRole("navigation", { name: "Разделы личного кабинета" });
  const counted = nav.getByRole("link", { name: /Уведомления \(непрочитанных: \d+\)/ });
  await expect(counted).toBeVisible();
  const before = Number(/\d+/.exec(await counted.innerText())![0]);
  await expectAccessible(page);
  // The page lists (and marks) the latest 100.
  await page.getByRole("button", { name: "Отметить все как прочитанные" }).click();
  const after = Math.max(0, before - 100);
  await expect(
    nav.getByRole("link", { name: after ? `Уведомления (непрочитанных: ${after})` : "Уведомления", exact: true }),
  ).toBeVisible();
});
