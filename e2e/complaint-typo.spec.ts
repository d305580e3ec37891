// The applicant's rights after the decision (issue 14), end to end:
//  a. a refused applicant files a pre-trial complaint from the cabinet; the head sees it with its
//     15-working-day term and upholds it with a remedy; the applicant sees the decision in the
//     cabinet and receives it by e-mail (R21; 210-FZ art. 11.1-11.2; S2 p.74);
//  b. a typo request on an issued S2 result runs to a corrected document, signed, registered and
//     issued, the original kept (S2 p.72); the public service page states the procedure's two terms.
// The applications are driven to their end over the API (e2e/api.ts); the UI drives the complaint and
// the typo correction themselves. The terms' arithmetic is in the integration tests.
import { archiveToEndByApi, submitArchiveInfo } from "./api";
import { DEMO, DEMO_SIGNING_PIN, expect, expectAccessible, mailTo, pdfText, test } from "./fixtures";
import { russianWorkingCalendar } from "../server/calendar";
import { formatDate } from "../server/format/dates";

const TZ = "Asia/Yekaterinburg";

test("a refused applicant's complaint is upheld by the head with a remedy; the decision reaches the cabinet and the mailbox", async ({
  applicantPage: applicant,
  registrarPage,
  headPage: head,
  executorPage,
  archiveHeadPage,
}) => {
  const app = await submitArchiveInfo(applicant);
  // S2's signer is the head of the municipal archive (S2 p.55, p.58).
  await archiveToEndByApi(
    { registrar: registrarPage, head, executor: executorPage, signer: archiveHeadPage },
    app,
    "refused",
  );

  await applicant.goto(`/cabinet/applications/${app.id}`);
  await applicant.getByRole("link", { name: "Подать жалобу" }).click();
  await expect(applicant.getByRole("heading", { level: 1, name: "Досудебное обжалование" })).toBeVisible();
  await expectAccessible(applicant);
  // Nothing typed: the summary names the missing text, the refusal is preselected as the subject.
  await applicant.getByRole("button", { name: "Подать жалобу" }).click();
  await expect(applicant.getByTestId("error-summary")).toContainText("Опишите, с чем вы не согласны");
  await expect(applicant.getByLabel("Что вы обжалуете")).toHaveValue("refusal");
  await applicant
    .getByLabel("Текст жалобы")
    .fill("Прошу отменить отказ: право на сведения подтверждается свидетельством о рождении.");
  await applicant.getByRole("button", { name: "Подать жалобу" }).click();
  const status = applicant.getByTestId("complaint-status");
  await expect(status).toContainText(/Жалоба зарегистрирована под номером Ж-\d{4}-\d+/);
  const number = (await status.textContent())!.match(/Ж-\d{4}-\d+/)![0];
  // 210-FZ art. 11.2 part 6: 15 working days of registration.
  const due = formatDate(russianWorkingCalendar({ utcOffsetMinutes: 300 }).addWorkingDays(new Date(), 15), TZ);
  const mine = applicant.getByTestId("complaint").filter({ hasText: number });
  await expect(mine.getByTestId("complaint-due")).toHaveText(`до ${due}`);

  await head.goto("/staff/complaints");
  const row = head.getByTestId("complaint-row").filter({ hasText: number });
  await expect(row.getByTestId("complaint-due")).toHaveText(`до ${due} включительно`);
  await expectAccessible(head);
  await row.getByRole("link", { name: number }).click();
  await expect(head.getByRole("heading", { level: 1, name: `Жалоба № ${number}` })).toBeVisible();
  await expectAccessible(head);
  await head.getByRole("radio", { name: "Удовлетворить жалобу" }).check();
  await head.getByLabel("Мотивы решения").fill("Право заявителя на сведения подтверждено документами.");
  await head.getByLabel("Меры по устранению нарушения").fill("Архивная справка будет выдана до конца недели.");
  await head.getByRole("button", { name: "Принять решение" }).click();
  await expect(head.getByRole("heading", { name: /Решение от .*: удовлетворена/ })).toBeVisible();

  await applicant.reload();
  const decision = applicant.getByTestId("complaint").filter({ hasText: number }).getByTestId("complaint-decision");
  await expect(decision).toContainText("жалоба удовлетворена");
  await expect(decision).toContainText("Архивная справка будет выдана до конца недели.");
  const letter = await applicant.request.get(
    (await decision.getByRole("link", { name: "Письмо с решением (PDF)" }).getAttribute("href"))!,
  );
  expect(letter.status()).toBe(200);
  expect((await pdfText(await letter.body())).replace(/\s+/g, " ")).toContain(`Решение по жалобе № ${number}`);
  await expect
    .poll(async () => (await mailTo(DEMO.applicant)).some((m) => m.subject.startsWith(`Решение по жалобе № ${number}`)))
    .toBe(true);
});

test("S2 p.72: a typo in an issued archival certificate is corrected: checked, signed, registered and issued, the original kept", async ({
  applicantPage: applicant,
  registrarPage,
  headPage,
  executorPage: executor,
  // S2's signer: the head of the municipal archive (S2 p.58).
  archiveHeadPage: signer,
}) => {
  // The public page states the procedure with the regulation's terms.
  await applicant.goto("/services/archive-info");
  await expect(applicant.getByTestId("typo-terms")).toContainText("в течение 2 рабочих дней");
  await expect(applicant.getByTestId("typo-terms")).toContainText("в течение 5 рабочих дней");

  const app = await submitArchiveInfo(applicant);
  await archiveToEndByApi({ registrar: registrarPage, head: headPage, executor, signer }, app, "issued");

  await applicant.goto(`/cabinet/applications/${app.id}`);
  await applicant.getByRole("link", { name: "Исправить опечатку в документе" }).click();
  await expect(applicant.getByTestId("typo-terms")).toContainText("в течение 2 рабочих дней");
  await expectAccessible(applicant);
  await applicant.getByLabel("Опечатка или ошибка").fill("Отчество указано «Петрович», правильно «Павлович».");
  await applicant.getByRole("button", { name: "Подать заявление" }).click();
  const status = applicant.getByTestId("typo-status");
  await expect(status).toContainText(/под номером И-\d{4}-\d+/);
  const number = (await status.textContent())!.match(/И-\d{4}-\d+/)![0];

  await executor.goto("/staff/typos");
  await executor.getByTestId("typo-row").filter({ hasText: number }).getByRole("link", { name: number }).click();
  await expectAccessible(executor);
  await executor.getByRole("radio", { name: /Подтверждена/ }).check();
  const text = executor.getByLabel("Исправленный текст документа");
  await expect(text).toHaveValue(/Иванов Иван Петрович/);
  await text.fill("Иванов Иван Павлович работал в администрации п. Половинка с 1992 по 1993 год.");
  await executor.getByRole("button", { name: "Внести результат проверки" }).click();
  await expect(executor.getByTestId("typo-state")).toHaveText(/Опечатка подтверждена/);

  await signer.goto(executor.url());
  await signer.getByRole("checkbox", { name: /ознакомил/ }).check();
  await signer.getByLabel("PIN-код ключа электронной подписи").fill(DEMO_SIGNING_PIN);
  await signer.getByRole("button", { name: "Подписать, зарегистрировать и выдать" }).click();
  await expect(signer.getByTestId("typo-state")).toHaveText("Исправленный документ выдан");

  await applicant.reload();
  const corrected = applicant.getByTestId("typo-corrected").getByRole("link");
  await expect(corrected).toContainText("Архивная справка");
  const pdf = await applicant.request.get((await corrected.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  const body = (await pdfText(await pdf.body())).replace(/\s+/g, " ");
  expect(body).toContain("Иванов Иван Павлович");
  expect(body).toContain("взамен документа");
  // The original is still there, as issued.
  await applicant.goto(`/cabinet/applications/${app.id}`);
  await expect(
    applicant
      .getByRole("region", { name: "Результат предоставления услуги" })
      .getByRole("link", { name: "Архивная справка" }),
  ).toHaveCount(2);
});
