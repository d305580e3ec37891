// Reassignment (R2, R3, S2 p.50): the head hands an assigned application to another executor with a
// reason, from the card; the history keeps who, when and why, the stage deadline stays, and the new
// executor is told by e-mail. An executor is not offered the action.
import { EXECUTOR_NAME, passToReviewByApi, submitRoadInfo } from "./api";
import { expect, expectAccessible, mailTo, test } from "./fixtures";

const SECOND_EXECUTOR = "Фёдорова Анна Игоревна";
const REASON = "Сидоров А. Н. в отпуске до 7 декабря";

test("the head hands an application to another executor with a reason; the history and the new executor's mail say why", async ({
  applicantPage,
  registrarPage,
  executorPage: executor,
  headPage: head,
}) => {
  const [app] = await submitRoadInfo(applicantPage);
  await passToReviewByApi(registrarPage, app!);

  // The executor may not hand work over: the action is not there.
  await executor.goto(`/staff/applications/${app!.id}`);
  await expect(executor.getByTestId("card-assignee")).toHaveText(EXECUTOR_NAME);
  await expect(executor.getByRole("button", { name: "Передать другому исполнителю" })).toHaveCount(0);

  await head.goto(`/staff/applications/${app!.id}`);
  const due = await head.getByText(/срок этапа — до/).textContent();
  const toggle = head.getByRole("button", { name: "Передать другому исполнителю" });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const form = head.getByRole("form", { name: "Передача заявления другому исполнителю" });
  // The current executor is not among the choices.
  await expect(form.getByLabel("Новый исполнитель").getByRole("option", { name: EXECUTOR_NAME })).toHaveCount(0);

  // Nothing chosen, no reason: both fields say what is missing, and nothing changes.
  await form.getByRole("button", { name: "Передать" }).click();
  await expect(form.getByLabel("Новый исполнитель")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Выберите исполнителя")).toBeVisible();
  await expect(form.getByText("Укажите причину передачи")).toBeVisible();
  await expect(head.getByTestId("card-assignee")).toHaveText(EXECUTOR_NAME);
  await expectAccessible(head);

  await form.getByLabel("Новый исполнитель").selectOption({ label: SECOND_EXECUTOR });
  await form.getByLabel("Причина передачи").fill(REASON);
  await form.getByRole("button", { name: "Передать" }).click();
  await expect(head.getByText(`Заявление передано: ${SECOND_EXECUTOR}.`)).toBeVisible();
  await expect(head.getByTestId("card-assignee")).toHaveText(SECOND_EXECUTOR);
  // The stage deadline belongs to the stage, not to the person: it is unchanged.
  await expect(head.getByText(/срок этапа — до/)).toHaveText(due!);
  const history = head.getByRole("region", { name: "История" });
  await expect(history).toContainText(`Исполнитель: ${SECOND_EXECUTOR}`);
  await expect(history).toContainText(`Причина передачи: ${REASON}`);
  await expect(history).toContainText(`Ранее: ${EXECUTOR_NAME}`);

  await expect
    .poll(
      async () => (await mailTo("executor2@demo.reglament.ru")).filter((m) => m.subject.includes(app!.number)).length,
      { timeout: 30_000 },
    )
    .toBe(1);
  const mail = (await mailTo("executor2@demo.reglament.ru")).find((m) => m.subject.includes(app!.number))!;
  expect(mail.subject).toBe(`Вам передано заявление № ${app!.number}`);
  expect(mail.text).toContain(REASON);
});
