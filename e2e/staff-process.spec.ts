// The acceptance flows of the staff workspace, end to end, each by the roles the regulation names:
//  1. refusal — a portal archive request is registered, assigned, checked and refused on two of the
//     regulation's grounds with a motivation; the notice is signed and sent; the cabinet and the
//     e-mail name both grounds (R1-R4, R9, R10, R19, R24-R26);
//  2. grant — a portal road-info request gets its letter generated from the template (PDF with the
//     applicant and the registration number), signed, registered with an outgoing number and issued
//     to the cabinet, where the applicant downloads the very same file (R1-R3, R9, R10, R20, R26);
//  3. paper — an archive request entered at /staff/register gets the two-copy receipt, has an
//     inter-agency request watched on its card, and runs to a decision, handed over in person against
//     the proof note paper channels require (R5, R23, R26).
// Setup (the applicant's submission) uses the API; every move of the process is made in the UI: the
// board's keyboard menu or the card page's «Действия» and its dialog.
import { createHash, randomUUID } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { EXECUTOR_NAME, failTrpc, submitArchiveInfo, submitRoadInfo, trpc, type Created } from "./api";
import {
  actionsOf,
  cardIn,
  column,
  DEMO,
  DEMO_SIGNING_PIN,
  expect,
  expectAccessible,
  fillArchiveRequest,
  mailTo,
  pdfText,
  registerPaper,
  signWithDemoPin,
  test,
} from "./fixtures";

const APPLICANT_NAME = "Иванов Иван Петрович";
/** S1's signer, the head of the settlement administration (S1 p.37-39). */
const SIGNER_NAME = "Старжинский Андрей Александрович";
/** S2's signer, the head of the municipal archive (S2 p.55, p.58; issue 12 p.12). */
const ARCHIVE_SIGNER_NAME = "Лебедева Наталья Павловна";

/** Stage titles of the archive-info regulation (prisma/seed/regulations/archive-info.ts). */
const ARCHIVE = {
  registration: /^Прием и регистрация запросов/,
  assignment: "Определение ответственного исполнителя",
  check: "Проверка полноты и достоверности сведений запроса",
  decision: /^Рассмотрение документов и принятие решения/,
  signing: /^Подписание документа, являющегося результатом/,
  issue: /^Выдача \(направление\) заявителю документа/,
  awaitingPickup: "Ожидание получения результата заявителем в муниципальном архиве",
  refusalDrafting: "Подготовка мотивированного отказа в предоставлении муниципальной услуги",
  refusalSigning: "Подписание уведомления о мотивированном отказе",
  refusalIssue: "Направление заявителю уведомления о мотивированном отказе",
  granted: "Архивная информация выдана (направлена) заявителю",
  refused: "Отказано в предоставлении муниципальной услуги",
};
/** Two of the three demo service refusal grounds of archive-info (the third is «no right to the information»). */
const GROUND_DATA = "отсутствие в запросе сведений, необходимых для проведения поисковой работы";
const GROUND_PERSON = "обращение неуполномоченного лица";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const startsWith = (s: string) => new RegExp(`^${escapeRegExp(s)}`);
const spaces = (s: string) => s.replace(/\s+/g, " ").trim();
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const boardUrl = (service: string, app: Created) => `/staff?service=${service}&q=${encodeURIComponent(app.number)}`;
const cardUrl = (app: Created) => `/staff/applications/${app.id}`;

type Fill = (dialog: Locator) => Promise<void>;

/**
 * Issue 16 p.11: registering, a decision, signing and issuing are confirmed in the dialog even when
 * nothing is typed; it says what will happen (the way of issue, when it issues).
 */
const confirmed =
  (says: string | RegExp = /отменить его нельзя/): Fill =>
  async (dialog) => {
    await expect(dialog.getByTestId("move-confirm-note")).toContainText(says);
  };

/** The move dialog of a transition that asks for input: `fill` completes it, then «Выполнить». */
async function completeDialog(page: Page, title: string, fill: Fill) {
  const dialog = page.getByRole("dialog", { name: title });
  await expect(dialog).toBeVisible();
  await fill(dialog);
  await dialog.getByRole("button", { name: "Выполнить" }).click();
  await expect(dialog).toBeHidden();
}

/** A move from the board's keyboard menu (Enter on «Действия», Enter on the transition). */
async function moveOnBoard(page: Page, app: Created, title: string, fill?: Fill) {
  await actionsOf(page, app).press("Enter");
  const item = page.getByRole("menu").getByRole("menuitem", { name: startsWith(title) });
  await expect(item).toBeVisible();
  await item.press("Enter");
  if (fill) await completeDialog(page, title, fill);
  await expect(page.getByTestId("board-status")).toContainText(`Заявление № ${app.number}: выполнено «${title}»`);
}

/** A move from the card page's «Действия» (components/staff/card-actions.tsx); the page then shows the new stage. */
async function moveOnCard(page: Page, app: Created, title: string, toStage: string | RegExp, fill?: Fill) {
  await page.goto(cardUrl(app));
  await actionsOf(page, app).click();
  await page.getByRole("menuitem", { name: startsWith(title) }).click();
  if (fill) await completeDialog(page, title, fill);
  await expect(page.getByTestId("card-status")).toHaveText(`Выполнено: «${title}».`);
  // Issue 16 p.13: the focus lands on «Действия», above the status, never on the page body.
  await expect(page.getByRole("heading", { level: 2, name: "Действия" })).toBeFocused();
  await expect(page.getByTestId("card-stage")).toHaveText(toStage);
}

/** A closed application's timeline: its final stage reads as reached, and no stage as still running. */
async function expectClosedTimeline(timeline: Locator, finalStage: string) {
  const last = timeline.getByRole("listitem").last();
  await expect(last).toContainText(finalStage);
  await expect(last).toContainText(/Этап достигнут \d.* · рассмотрение завершено/);
  await expect(timeline).not.toContainText("выполняется");
}

const history = (page: Page, type: string) =>
  page.getByTestId("event-history").locator(`li[data-event-type="${type}"]`);
/** The card's line of a result document (the link and its state: signed, outgoing number, issued). */
const documentLine = (page: Page, title: string | RegExp) =>
  page
    .getByRole("region", { name: "Документы по заявлению" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: title }) });

test("refusal: a portal request is refused on two grounds with a motivation; the signed notice reaches the cabinet and the e-mail", async ({
  applicantPage: applicant,
  registrarPage: registrar,
  headPage: head,
  executorPage: executor,
  archiveHeadPage: signer,
}) => {
  // The applicant submits through the portal's API (the form itself is applicant-form.spec.ts's).
  const app = await submitArchiveInfo(applicant);
  // R23: a portal application is numbered on submission.
  expect(app.number).toMatch(/^АРХ-\d{4}-\d{5}$/);

  // R24, R1: the registrar finds it in the portal inbox, at the regulation's first stage, and registers it.
  await registrar.goto(boardUrl("archive-info", app));
  const inbox = cardIn(column(registrar, ARCHIVE.registration), app);
  await expect(inbox).toContainText("Канал: портал");
  await expect(inbox).toContainText("Исполнитель: не назначен");
  await moveOnBoard(registrar, app, "Зарегистрировать заявление", confirmed());
  await expect(cardIn(column(registrar, ARCHIVE.assignment), app)).toBeVisible();

  // R2: the head of the archive appoints the executor (S2 p.50).
  await head.goto(boardUrl("archive-info", app));
  await moveOnBoard(head, app, "Назначить ответственного исполнителя", (d) =>
    d
      .getByLabel("Исполнитель")
      .selectOption({ label: EXECUTOR_NAME })
      .then(() => undefined),
  );
  await expect(cardIn(column(head, ARCHIVE.check), app)).toContainText(`Исполнитель: ${EXECUTOR_NAME}`);

  // Issue 16 p.13: staff read what they are told in the workplace too; the notice leads to the card.
  await executor.goto("/staff");
  await executor
    .getByRole("navigation", { name: "Основная навигация" })
    .getByRole("link", { name: "Уведомления" })
    .click();
  const assigned = executor
    .getByRole("list", { name: "Уведомления" })
    .getByRole("listitem")
    .filter({
      hasText: `Вам назначено заявление № ${app.number}`,
    });
  await expect(assigned).toContainText("Новое");
  await expect(assigned.getByRole("link", { name: `Заявление № ${app.number}` })).toHaveAttribute(
    "href",
    `/staff/applications/${app.id}`,
  );
  await expectAccessible(executor);
  await executor.getByRole("button", { name: "Отметить все как прочитанные" }).click();
  await expect(executor.getByRole("heading", { level: 1, name: "Уведомления" })).toBeFocused();
  await expect(assigned).not.toContainText("Новое");

  // R24, R25: the executor checks the request, finds grounds, and drafts the motivated refusal naming two of them.
  await moveOnCard(executor, app, "Выявлены основания для отказа", ARCHIVE.refusalDrafting, async (d) => {
    await d
      .getByRole("textbox", { name: /^Комментарий/ })
      .fill("Не указан документ о полномочиях, тема запроса не позволяет вести поиск.");
  });
  // Issue 16 p.8, R25: the applicant reads «Подготовка ответа»; the refusal reaches them with its signed
  // notice, not through the legal title of the stage.
  await applicant.goto(`/cabinet/applications/${app.id}`);
  await expect(applicant.getByRole("heading", { name: "Сейчас: Подготовка ответа" })).toBeVisible();
  await expect(applicant.locator("main")).not.toContainText("мотивированного отказа");
  const motivation =
    "Запрос подан от имени другого лица без доверенности; не указан номер решения и организация, его принявшая.";
  const prepareRefusal = "Оформить уведомление о мотивированном отказе и передать на подпись";
  await moveOnCard(executor, app, prepareRefusal, ARCHIVE.refusalSigning, async (d) => {
    // Only the regulation's exhaustive list is offered (R25): its three grounds.
    await expect(d.getByRole("group", { name: /^Основания для отказа/ }).getByRole("checkbox")).toHaveCount(3);
    await d.getByRole("checkbox", { name: new RegExp(GROUND_DATA) }).check();
    await d.getByRole("checkbox", { name: new RegExp(GROUND_PERSON) }).check();
    await expect(d.getByRole("radio", { name: /^Уведомление об отказе/ })).toBeChecked();
    await d.getByRole("textbox", { name: "Мотивы отказа" }).fill(motivation);
  });
  const notice = /^Уведомление об отказе в предоставлении муниципальной услуги$/;
  await expect(documentLine(executor, notice)).toContainText("не подписан");
  // R3: the decision is recorded with both grounds and the motivation.
  await expect(history(executor, "refused")).toContainText(GROUND_DATA);
  await expect(history(executor, "refused")).toContainText(GROUND_PERSON);
  await expect(history(executor, "refused")).toContainText(`Мотивы: ${motivation}`);

  // Until the notice is signed the refusal is a draft: the signer may still return it for rework,
  // so the cabinet says only that an answer awaits signature (as on the grant branch) and names no grounds.
  await applicant.goto(`/cabinet/applications/${app.id}`);
  // Issue 16 p.8: by the stage's plain name, the same as on the grant branch (its legal title names the refusal).
  await expect(applicant.getByRole("heading", { name: /^Сейчас:/ })).toHaveText("Сейчас: Подписание ответа");
  await expect(applicant.locator("main")).not.toContainText("мотивированном отказе");
  await expect(applicant.getByText("Ответ подготовлен и передан на подпись")).toBeVisible();
  await expect(applicant.getByRole("heading", { name: "Основания отказа" })).toHaveCount(0);
  await expect(applicant.getByText(GROUND_DATA)).toHaveCount(0);

  // R26: the head of the municipal archive signs; the notice gets its outgoing number at once (S2 p.55).
  await moveOnCard(signer, app, "Подписать уведомление об отказе", ARCHIVE.refusalIssue, signWithDemoPin);
  await expect(documentLine(signer, notice)).toContainText(/, подписан \d/);
  // S2 p.55: «исходящий номер, соответствующий регистрационному номеру» — the application's own number.
  await expect(documentLine(signer, notice)).toContainText(`исх. № ${app.number}`);
  await expect(history(signer, "document_signed")).toContainText(ARCHIVE_SIGNER_NAME);

  // R10, R26: the executor sends it by the channel the applicant chose — the cabinet — and the proof is recorded.
  await moveOnCard(
    executor,
    app,
    "Направить (выдать) уведомление об отказе",
    ARCHIVE.refused,
    confirmed("Результат будет выдан заявителю в личный кабинет"),
  );
  await expect(executor.getByText("Рассмотрение завершено: действий по заявлению больше нет.")).toBeVisible();
  await expect(history(executor, "document_issued")).toContainText("Способ: в личный кабинет");
  await expect(history(executor, "closed")).toContainText("Итог: отказано в предоставлении услуги");
  await expectClosedTimeline(executor.getByRole("region", { name: "Этапы и сроки" }), ARCHIVE.refused);

  // R19, R25: the cabinet shows the motivated refusal with both grounds, and the notice to download.
  await applicant.goto(`/cabinet/applications/${app.id}`);
  await expect(applicant.getByText("Отказано в предоставлении услуги", { exact: true })).toBeVisible();
  await expectClosedTimeline(applicant.getByRole("region", { name: "Ход рассмотрения" }), ARCHIVE.refused);
  const refusal = applicant.getByRole("region", { name: "Основания отказа" });
  await expect(refusal.getByRole("listitem")).toHaveCount(2);
  await expect(refusal.getByRole("listitem").filter({ hasText: GROUND_DATA })).toHaveCount(1);
  await expect(refusal.getByRole("listitem").filter({ hasText: GROUND_PERSON })).toHaveCount(1);
  await expect(refusal).toContainText(motivation);
  await expect(
    applicant.getByRole("region", { name: "Результат предоставления услуги" }).getByRole("link", { name: notice }),
  ).toBeVisible();

  // R19: the refusal e-mail arrives over SMTP and names both grounds and the motivation.
  const subject = `Отказ в предоставлении услуги по заявлению № ${app.number}`;
  const refusalMail = async () => (await mailTo(DEMO.applicant)).filter((m) => m.subject === subject);
  await expect.poll(async () => (await refusalMail()).length, { timeout: 30_000 }).toBe(1);
  const text = spaces((await refusalMail())[0]!.text);
  expect(text).toContain(GROUND_DATA);
  expect(text).toContain(GROUND_PERSON);
  expect(text).toContain(motivation);
});

test("grant: the road-info letter is generated, signed, registered and issued; the cabinet gives the applicant the same PDF", async ({
  applicantPage: applicant,
  registrarPage: registrar,
  executorPage: executor,
  signerPage: signer,
}) => {
  const [app] = (await submitRoadInfo(applicant)) as [Created];

  // R1, R2: the registrar registers it and passes it to the executor from the board's keyboard menu.
  await registrar.goto(boardUrl("road-info", app));
  await moveOnBoard(registrar, app, "Зарегистрировать и передать специалисту на рассмотрение", (d) =>
    d
      .getByLabel("Исполнитель")
      .selectOption({ label: EXECUTOR_NAME })
      .then(() => undefined),
  );
  await expect(cardIn(column(registrar, /^Рассмотрение заявления/), app)).toContainText(
    `Исполнитель: ${EXECUTOR_NAME}`,
  );

  // R9, R25: no ground for refusal — the executor writes the information; the letter is made from the template.
  const answer =
    "Участок дороги по ул. Комсомольской от д. 1 до д. 15 находится в удовлетворительном состоянии, ограничений движения нет.";
  const prepare = "Оформить информацию и передать на подпись";
  await executor.goto(cardUrl(app));
  await actionsOf(executor, app).click();
  await executor.getByRole("menuitem", { name: startsWith(prepare) }).click();
  const dialog = executor.getByRole("dialog", { name: prepare });
  // The one positive result type of the regulation is preselected.
  await expect(dialog.getByRole("radio")).toHaveCount(1);
  await expect(dialog.getByRole("radio", { name: /^Информация о состоянии дорог/ })).toBeChecked();
  const answerBox = dialog.getByRole("textbox", { name: "Текст ответа заявителю" });
  await answerBox.fill(answer);
  // A template or storage failure undoes the whole move (server/workflow/effects.ts): the dialog
  // stays open, says why, and keeps the letter as typed for another attempt.
  const failure =
    "Не удалось сформировать документ по шаблону. Заявление осталось на прежнем этапе; попробуйте ещё раз или сообщите администратору.";
  await failTrpc(executor, "staff.move", {
    trpcCode: "PRECONDITION_FAILED",
    appCode: "PRECONDITION",
    appReason: "effect_failed",
    message: failure,
  });
  await dialog.getByRole("button", { name: "Выполнить" }).click();
  const dialogAlert = dialog.getByTestId("move-form-error");
  await expect(dialogAlert).toHaveText(failure);
  await expect(dialogAlert).toHaveAttribute("role", "alert");
  await expect(dialogAlert).toBeFocused();
  await expect(answerBox).toHaveValue(answer);
  await expect(executor.getByTestId("card-alert")).toHaveCount(0);
  await executor.unroute("**/api/trpc/staff.move*");
  await dialog.getByRole("button", { name: "Выполнить" }).click();
  await expect(dialog).toBeHidden();
  await expect(executor.getByTestId("card-status")).toHaveText(`Выполнено: «${prepare}».`);
  await expect(executor.getByTestId("card-stage")).toHaveText(/^Подписание документа/);
  const letter = /^Информация о состоянии дорог/;
  await expect(documentLine(executor, letter)).toContainText("не подписан");
  const href = await documentLine(executor, letter).getByRole("link").getAttribute("href");
  expect(href).toMatch(/^\/api\/results\/[0-9a-f-]{36}$/);
  const generated = await executor.request.get(href!);
  expect(generated.status()).toBe(200);
  expect(generated.headers()["content-type"]).toBe("application/pdf");
  const bytes = await generated.body();
  const text = spaces(await pdfText(bytes));
  expect(text).toContain(APPLICANT_NAME);
  expect(text).toContain(app.number);
  expect(text).toContain(spaces(answer));

  // R20: not issued yet, so not the applicant's to download.
  expect((await applicant.request.get(href!)).status()).toBe(404);

  // R26: the head of the administration signs with his key (issue 15): a wrong PIN is refused beside
  // the field and nothing is signed; then the registrar registers it (outgoing number) and issues it.
  await signer.goto(cardUrl(app));
  await actionsOf(signer, app).click();
  await signer.getByRole("menuitem", { name: startsWith("Подписать") }).click();
  const signDialog = signer.getByRole("dialog", { name: "Подписать" });
  await signDialog.getByRole("checkbox", { name: /ознакомил/ }).check();
  await signDialog.getByLabel("PIN-код ключа").fill("000000");
  await signDialog.getByRole("button", { name: "Выполнить" }).click();
  await expect(signDialog.getByLabel("PIN-код ключа")).toHaveAccessibleDescription(/Неверный PIN-код/);
  await signDialog.getByLabel("PIN-код ключа").fill(DEMO_SIGNING_PIN);
  await signDialog.getByRole("button", { name: "Выполнить" }).click();
  await expect(signer.getByTestId("card-stage")).toHaveText(/^Регистрация подписанного документа/);
  await expect(documentLine(signer, letter)).toContainText(/, подписан \d/);
  await expect(documentLine(signer, letter)).not.toContainText("исх. №");

  await moveOnCard(
    registrar,
    app,
    "Зарегистрировать документ",
    /^Выдача \(направление\) заявителю документа/,
    confirmed(),
  );
  const registered = await history(registrar, "document_registered").textContent();
  const outgoing = registered?.match(/ИСХ-\d{4}-\d{5}/)?.[0];
  expect(outgoing, "the registration records the outgoing number").toBeTruthy();
  await expect(documentLine(registrar, letter)).toContainText(`исх. № ${outgoing}`);

  await moveOnCard(
    registrar,
    app,
    "Отметить выдачу (направление) результата",
    "Информация выдана (направлена) заявителю",
    confirmed("Результат будет выдан заявителю в личный кабинет"),
  );
  await expect(history(registrar, "document_issued")).toContainText("Способ: в личный кабинет");
  await expect(history(registrar, "closed")).toContainText("Итог: услуга предоставлена");
  await expectClosedTimeline(
    registrar.getByRole("region", { name: "Этапы и сроки" }),
    "Информация выдана (направлена) заявителю",
  );

  // R10, R20, R26: the applicant downloads it from the cabinet: the copy bearing the outgoing number
  // and the stamp of the signature from the signer's certificate (GOST R 7.0.97-2016); the signed
  // original is there too, byte for byte the file the signer signed, with its detached signature.
  await applicant.goto(`/cabinet/applications/${app.id}`);
  await expect(applicant.getByText("Услуга предоставлена", { exact: true })).toBeVisible();
  await expectClosedTimeline(
    applicant.getByRole("region", { name: "Ход рассмотрения" }),
    "Информация выдана (направлена) заявителю",
  );
  const results = applicant.getByRole("region", { name: "Результат предоставления услуги" });
  // The document's own line (its signature's notes are a list inside it).
  await expect(results.getByRole("listitem").first()).toContainText(`исх. № ${outgoing}`);
  const link = results.getByRole("link", { name: letter });
  await expect(link).toHaveAttribute("href", href!);
  const download = await applicant.request.get((await link.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  const issued = await download.body();
  expect(sha256(issued)).toBe(sha256(await (await registrar.request.get(href!)).body()));
  const issuedText = spaces(await pdfText(issued));
  expect(issuedText).toContain(`Исх. № ${outgoing} от`);
  expect(issuedText).toContain("ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ");
  expect(issuedText).toMatch(/Сертификат: [0-9A-F]{32}/);
  expect(issuedText).toContain(`Владелец: ${SIGNER_NAME}`);
  // Issue 15: the signature checked in words, the signed original and its .sig beside the copy.
  await expect(results.getByTestId("result-signature")).toContainText(`Подпись действительна: ${SIGNER_NAME}`);
  const original = results.getByRole("link", { name: "Подписанный документ (PDF)" });
  await expect(original).toHaveAttribute("href", `${href!}?copy=signed`);
  const signedCopy = await applicant.request.get(`${href!}?copy=signed`);
  expect(signedCopy.status()).toBe(200);
  expect(sha256(await signedCopy.body())).toBe(sha256(bytes));
  const sig = await applicant.request.get(`${href!}?copy=sig`);
  expect(sig.status()).toBe(200);
  expect(sig.headers()["content-type"]).toBe("application/pkcs7-signature");
});

test("paper: an in-person archive request gets the two-copy receipt and is handed over in person against a proof note", async ({
  registrarPage: registrar,
  headPage: head,
  executorPage: executor,
  archiveHeadPage: signer,
}) => {
  // R23: the registrar enters the request brought in person and prints the receipt in two copies.
  await registrar.goto("/staff/register?service=archive-info");
  await fillArchiveRequest(registrar, {
    channel: "Лично в администрации",
    lastName: "Кравцова",
    firstName: "Нина",
    email: `kravtsova.${randomUUID().slice(0, 8)}@example.ru`,
    postalIndex: "628212",
  });
  const app = await registerPaper(registrar);
  const receipt = await registrar.request.get(
    (await registrar.getByRole("link", { name: "Распечатать расписку (2 экземпляра)" }).getAttribute("href"))!,
  );
  expect(receipt.headers()["content-type"]).toContain("application/pdf");
  const receiptText = await pdfText(await receipt.body());
  expect(receiptText).toContain("Экземпляр заявителя");
  expect(receiptText).toContain("Экземпляр администрации");
  expect(receiptText.split(app.number).length - 1).toBeGreaterThanOrEqual(2);

  // R1, R2: the same process as a portal request — registration, the executor appointed by the head.
  await registrar.getByRole("link", { name: "Открыть карточку заявления" }).click();
  await expect(registrar).toHaveURL(new RegExp(`${cardUrl(app)}$`));
  await moveOnCard(registrar, app, "Зарегистрировать заявление", ARCHIVE.assignment, confirmed());
  await moveOnCard(head, app, "Назначить ответственного исполнителя", ARCHIVE.check, (d) =>
    d
      .getByLabel("Исполнитель")
      .selectOption({ label: EXECUTOR_NAME })
      .then(() => undefined),
  );

  // R5, R24: while checking where the records are (S2 p.52.5) the executor asks the record holder. The
  // request is sent and answered through the API (its panel is not what this flow is about); the card
  // watches its response deadline, and the stage deadline runs on.
  const sent = await trpc<{ id: string }>(executor, "staff.sendRequest", {
    id: app.id,
    typeCode: "forward_to_record_holder",
    text: "Просим сообщить, хранится ли решение о предоставлении участка по ул. Лесной, 7 (1995–1996).",
  });
  await executor.goto(cardUrl(app));
  const requests = executor.getByRole("region", { name: "Межведомственные запросы" });
  await expect(requests).toContainText("Направление запроса по принадлежности");
  await expect(requests).toContainText(/срок ответа до \d/);
  await expect(requests).toContainText("Ожидается ответ");
  await expect(history(executor, "request_sent")).toContainText(/Срок ответа — до \d/);
  await expect(executor.getByTestId("card-stage")).toHaveText(ARCHIVE.check);
  await trpc(executor, "staff.answerRequest", {
    requestId: sent.id,
    answerText: "Решение хранится в фонде администрации п. Половинка.",
  });
  await executor.reload();
  await expect(requests).toContainText(/ответ получен \d/);

  // R9, R25: no grounds; the executor prepares an archival copy.
  await moveOnCard(executor, app, "Оснований для отказа не выявлено — исполнять запрос", ARCHIVE.decision);
  await moveOnCard(executor, app, "Оформить результат и передать на подпись", ARCHIVE.signing, async (d) => {
    // The four positive result types of S2 p.58; the refusal notice is not among them.
    await expect(d.getByRole("radio")).toHaveCount(4);
    await d.getByRole("radio", { name: "Архивная копия" }).check();
    await d
      .getByRole("textbox", { name: "Текст ответа заявителю" })
      .fill("Направляем архивную копию решения о предоставлении земельного участка по ул. Лесной, 7.");
  });
  await expect(documentLine(executor, "Архивная копия")).toContainText("не подписан");

  // R26: signed and registered in one act (S2 p.58), then prepared for pick-up in the archive (the applicant's choice, R10).
  await moveOnCard(signer, app, "Подписать и зарегистрировать", ARCHIVE.issue, signWithDemoPin);
  await expect(documentLine(signer, "Архивная копия")).toContainText(/, подписан \d.*исх\. № ИСХ-\d{4}-\d{5}/);
  // Issue 16 p.13: the applicant chose to collect it in the archive: the menu offers that way only.
  await executor.goto(cardUrl(app));
  await actionsOf(executor, app).click();
  await expect(executor.getByRole("menuitem", { name: /^Подготовить к выдаче лично в архиве/ })).toBeVisible();
  await expect(executor.getByRole("menuitem", { name: /^Направить в личный кабинет/ })).toHaveCount(0);
  await executor.keyboard.press("Escape");
  await moveOnCard(executor, app, "Подготовить к выдаче лично в архиве", ARCHIVE.awaitingPickup, confirmed());
  await expect(history(executor, "awaiting_pickup")).toContainText("Ожидает получения до");

  // R26: handing over on paper needs the proof: the dialog asks for it (issue 16 p.11: how it was delivered).
  const handOver = "Выдать под расписку";
  await actionsOf(executor, app).click();
  await executor.getByRole("menuitem", { name: handOver }).click();
  const dialog = executor.getByRole("dialog", { name: handOver });
  await expect(dialog.getByTestId("move-confirm-note")).toContainText("Результат будет выдан заявителю лично");
  await dialog.getByRole("button", { name: "Выполнить" }).click();
  await expect(dialog.locator("#move-comment-error")).toContainText(
    "Укажите номер почтового отправления или отметку о получении",
  );
  await expect(executor.getByTestId("card-stage")).toHaveText(ARCHIVE.awaitingPickup);
  const proof = "Выдано лично под расписку, паспорт 6715 № 402118 предъявлен.";
  await dialog.getByRole("textbox", { name: /^Подтверждение выдачи/ }).fill(proof);
  await dialog.getByRole("button", { name: "Выполнить" }).click();
  await expect(dialog).toBeHidden();
  await expect(executor.getByTestId("card-stage")).toHaveText(ARCHIVE.granted);
  await expect(executor.getByText("Услуга предоставлена", { exact: true })).toBeVisible();
  await expect(documentLine(executor, "Архивная копия")).toContainText(", выдан ");
  await expect(history(executor, "document_issued")).toContainText("Способ: лично");
  await expect(history(executor, "document_issued")).toContainText(proof);
});
