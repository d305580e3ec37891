// The regulation editor's result types and deadline simulator (issue 10 p.2, p.5). An administrator
// writes a letter template with a field placeholder inserted from the menu, opens the PDF preview of
// the autosaved draft (sample data: «Иванов Иван Иванович»), then checks S1's terms in the simulator
// for a letter posted on the Friday evening before Victory Day 2026, and axe finds nothing serious.
//
// The draft is a fresh service's, holding S1's document, so no other spec's draft of road-info is
// touched (one open draft per service).
import { randomUUID } from "node:crypto";
import { trpc } from "./api";
import { expect, expectAccessible, pdfText, test } from "./fixtures";

type Service = { id: string; department: { id: string }; editions: { id: string; state: string }[] };
type Edition = { document: { resultTypes: { code: string; template?: string }[] }; rowVersion: number };

test("issue 10: a result template with a field placeholder, its PDF preview, and the deadline simulator", async ({
  adminPage: page,
}) => {
  // The editor re-validates the whole regulation after every change: slow on a loaded 2-core machine.
  test.slow();
  const s1 = await trpc<Service>(page, "regulation.service", { code: "road-info" }, "GET");
  const inForce = s1.editions.find((e) => e.state === "in_force")!;
  const s1Document = (await trpc<Edition>(page, "regulation.edition", { id: inForce.id }, "GET")).document;
  const code = `e2e-results-${randomUUID().slice(0, 8)}`;
  const created = await trpc<{ code: string; draftId: string }>(page, "regulation.createService", {
    code,
    title: "Информация о дорогах (проверка шаблонов)",
    departmentId: s1.department.id,
  });
  await trpc(page, "regulation.saveDraft", { id: created.draftId, expectedRowVersion: 0, document: s1Document });
  const editor = `/admin/services/${code}/editions/${created.draftId}`;

  // The template: text, then the road's field from «Вставить поле».
  await page.goto(`${editor}?section=results`);
  const letter = page.getByRole("region", { name: /Информация о состоянии дорог/ });
  const template = letter.getByRole("textbox", { name: "Шаблон текста документа" });
  await template.fill("Уважаемый {{заявитель}}! Сообщаем сведения о дороге: ");
  await letter.getByLabel("Вставить поле").selectOption("{{road_name}}");
  await letter.getByRole("button", { name: "Вставить в шаблон" }).click();
  await expect(template).toHaveValue("Уважаемый {{заявитель}}! Сообщаем сведения о дороге: {{road_name}}");
  await expectAccessible(page);

  // The preview reflects the saved draft: wait for the autosave.
  await expect
    .poll(
      async () =>
        (await trpc<Edition>(page, "regulation.edition", { id: created.draftId }, "GET")).document.resultTypes[0]!
          .template,
    )
    .toBe("Уважаемый {{заявитель}}! Сообщаем сведения о дороге: {{road_name}}");
  const preview = letter.getByRole("link", { name: /Предпросмотр PDF/ });
  await expect(preview).toHaveAttribute("target", "_blank");
  const response = await page.request.get((await preview.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const bytes = await response.body();
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const text = (await pdfText(bytes)).replace(/\s+/g, " ");
  expect(text).toContain("Уважаемый Иванов Иван Иванович! Сообщаем сведения о дороге: Образец: Автомобильная дорога");

  // The simulator: by post on Friday 8 May 2026 at 19:00; 9-11 May are days off.
  await page.goto(`${editor}?section=simulator`);
  await page.getByLabel("Способ подачи заявления").selectOption({ label: "Почтовым отправлением" });
  await page.getByLabel("Дата поступления").fill("2026-05-08");
  await page.getByLabel("Время поступления").fill("19:00");
  await page.getByRole("button", { name: "Рассчитать сроки" }).click();
  await expect(page.getByTestId("simulation-registration")).toContainText("до 12 мая 2026 г. включительно");
  await expect(page.getByTestId("simulation-registration")).toContainText("с учётом 3 нерабочих дней");
  await expect(page.getByTestId("simulation-service")).toContainText("до 2 июня 2026 г. включительно");
  const grant = page.getByTestId("simulation-path-granted");
  await expect(grant.getByRole("row", { name: /Рассмотрение заявления/ })).toContainText(
    "11 рабочих дней с даты регистрации заявления",
  );
  await expect(grant.getByRole("row", { name: /Рассмотрение заявления/ })).toContainText(
    "до 27 мая 2026 г. включительно",
  );
  await expect(grant.getByRole("row", { name: /Выдача \(направление\)/ })).toContainText(
    "до 1 июня 2026 г. включительно",
  );
  await expectAccessible(page);
});
