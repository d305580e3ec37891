// Inter-agency requests on the staff card (R5, S0 p.11): the executor sends a request of a type the
// archive regulation lists, sees its response deadline, records the answer with the PDF the agency
// sent, and downloads it. The answer file stays the department's: not among the applicant's
// attachments, not downloadable by the applicant; a second answer is refused.
import { readFile } from "node:fs/promises";
import { submitArchiveInfo, trpc } from "./api";
import { expect, expectAccessible, test } from "./fixtures";

const REQUEST_TYPE =
  "Направление запроса по принадлежности в орган (организацию), где хранятся запрашиваемые документы";
const AGENCY =
  "Органы государственной власти, органы местного самоуправления и организации, хранящие запрашиваемые архивные документы";
const ANSWER_FILE = "ответ архива района.pdf";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

test("R5: the executor sends a request of the regulation's type, sees its due date, records the answer with a PDF and downloads it", async ({
  executorPage: page,
  applicantPage: applicant,
}) => {
  const app = await submitArchiveInfo(applicant);

  await page.goto(`/staff/applications/${app.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(app.number);
  const panel = page.getByRole("region", { name: "Межведомственные запросы" });
  await expect(panel.getByText("Запросы не направлялись.")).toBeVisible();

  // The type comes from the regulation's list, with where it goes and how long the answer may take.
  const type = panel.getByLabel("Вид запроса");
  await type.selectOption({ label: REQUEST_TYPE });
  await expect(panel.getByTestId("request-type-details")).toContainText(AGENCY);
  await expect(panel.getByTestId("request-type-details")).toContainText("5 рабочих дней");

  // Without the text the form says what is missing, beside the field and in the summary (R14 style).
  await panel.getByRole("button", { name: "Направить запрос" }).click();
  const text = panel.getByRole("textbox", { name: "Какие сведения запрашиваются" });
  await expect(panel.locator("#request-text-error")).toHaveText("Ошибка: Опишите, какие сведения запрашиваются");
  await expect(text).toHaveAttribute("aria-invalid", "true");
  await expect(text).toBeFocused();
  await expect(panel.getByRole("alert").filter({ hasText: "Исправьте ошибки" })).toContainText(
    "Опишите, какие сведения запрашиваются",
  );
  await expectAccessible(page);

  await text.fill("Просим сообщить, где хранятся документы о выделении земельного участка за 1992–1993 годы");
  await panel.getByRole("button", { name: "Направить запрос" }).click();
  await expect(panel.getByTestId("send-request-status")).toContainText(
    /Запрос направлен, срок ответа — до \d{1,2} \S+ \d{4} г\./,
  );
  const due = /до (\d{1,2} \S+ \d{4} г\.)/.exec((await panel.getByTestId("send-request-status").textContent())!)![1]!;

  // The request appears with its own deadline, waiting for the answer.
  const request = panel.getByRole("listitem").filter({ has: page.getByRole("heading", { name: REQUEST_TYPE }) });
  await expect(request).toHaveCount(1);
  await expect(request.getByTestId("request-due")).toHaveText(`срок ответа до ${due}`);
  await expect(request).toContainText("Ожидается ответ");
  await expect(request).toContainText("где хранятся документы о выделении земельного участка");
  await expect(page.getByTestId("event-history").locator('[data-event-type="request_sent"]')).toContainText(
    `Срок ответа — до ${due}`,
  );

  // The answer: the text is required; the file is optional.
  await request.getByRole("button", { name: "Внести ответ" }).click();
  const answerText = request.getByRole("textbox", { name: "Содержание ответа" });
  await expect(answerText).toHaveAttribute("aria-invalid", "true");
  await expect(answerText).toBeFocused();
  await expect(request.getByText("Внесите содержание ответа", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  await answerText.fill(
    "Архивный отдел администрации района, исх. № 45 от сегодняшнего дня: документы хранятся в фонде № 12",
  );
  await request
    .getByLabel("Файл ответа (необязательно)")
    .setInputFiles({ name: ANSWER_FILE, mimeType: "application/pdf", buffer: PDF });
  await request.getByRole("button", { name: "Внести ответ" }).click();
  await expect(panel.getByTestId("answer-status")).toContainText(`внесён с файлом «${ANSWER_FILE}»`);
  await expect(request).toContainText("ответ получен");
  await expect(request).toContainText("документы хранятся в фонде № 12");
  await expect(request.getByRole("button", { name: "Внести ответ" })).toHaveCount(0);

  // The file is under its request, with a download link, and not among the applicant's attachments.
  const link = request.getByRole("link", { name: ANSWER_FILE });
  await expect(link).toBeVisible();
  await expect(page.getByRole("region", { name: "Вложения" })).not.toContainText(ANSWER_FILE);
  await expect(page.getByTestId("event-history").locator('[data-event-type="request_answered"]')).toContainText(
    `Приложен файл ответа «${ANSWER_FILE}»`,
  );

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(ANSWER_FILE);
  expect(Buffer.compare(await readFile((await download.path())!), PDF)).toBe(0);
  await expectAccessible(page);

  // The applicant owns the application but not the department's working papers.
  const fileUrl = (await link.getAttribute("href"))!;
  expect((await applicant.request.get(fileUrl)).status()).toBe(404);
  const cabinet = await applicant.goto(`/cabinet/applications/${app.id}`);
  expect(cabinet?.ok()).toBe(true);
  await expect(applicant.getByRole("heading", { level: 1 })).toContainText(app.number);
  await expect(applicant.locator("main")).not.toContainText(ANSWER_FILE);

  // A second answer to the same request is refused with a clear message.
  const card = await trpc<{ requests: { id: string }[] }>(page, "staff.card", { id: app.id }, "GET");
  const again = await page.request.post(`/api/staff/requests/${card.requests[0]!.id}/answer`, {
    multipart: { answerText: "Ещё один ответ" },
  });
  expect(again.status()).toBe(412);
  expect((await again.json()).error).toMatch(/уже внесён/);
});
