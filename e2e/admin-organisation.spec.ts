// Administrators run the organisation (issue 11, "Done when"): the administrator creates a unit
// under the administration, invites an executor to it (the e-mailed link sets the password), and the
// executor sees that unit and none of another unit's applications; deactivated, they are signed out
// at once and the administrator sees their open applications listed for reassignment.
import { randomUUID } from "node:crypto";
import { passToReviewByApi, submitRoadInfo, trpc } from "./api";
import { expect, expectAccessible, mailTo, signInOverApi, test } from "./fixtures";

test("an administrator creates a unit, invites an executor to it, and deactivating them signs them out and lists their open applications", async ({
  adminPage: admin,
  applicantPage,
  registrarPage,
  headPage,
  browser,
  baseURL,
}) => {
  // A long story across four accounts, each page built on first visit: three times the usual time.
  test.slow();
  const suffix = randomUUID().slice(0, 6);
  const unitName = `Отдел земельных отношений ${suffix}`;
  const email = `zemlya-${suffix}@adm-polovinka.ru`;
  const password = "Земельный-отдел-2026";
  // Another unit's application (roads), at its executor's stage.
  const [roadApp] = await submitRoadInfo(applicantPage);
  await passToReviewByApi(registrarPage, roadApp!);

  // The unit, under the administration (the form's default parent). A taken code is refused on its field.
  await admin.goto("/admin/departments");
  await expect(admin.getByRole("heading", { name: "Подразделения", level: 1 })).toBeVisible();
  const create = admin.getByRole("form", { name: "Новое подразделение" });
  await create.getByLabel("Название").fill(unitName);
  await create.getByLabel("Код").fill("archive");
  await expect(create.getByLabel("Вышестоящее подразделение")).toHaveValue(/[0-9a-f-]{36}/);
  await create.getByRole("button", { name: "Создать подразделение" }).click();
  await expect(create.getByText("Подразделение с кодом «archive» уже есть: выберите другой код")).toBeVisible();
  await expect(create.getByLabel("Код")).toHaveAttribute("aria-invalid", "true");
  await create.getByLabel("Код").fill(`land-${suffix}`);
  await create.getByRole("button", { name: "Создать подразделение" }).click();
  await expect(admin.getByText(`Подразделение «${unitName}» создано.`)).toBeVisible();
  const unitLink = admin.getByRole("link", { name: unitName, exact: true });
  await expect(unitLink).toBeVisible();
  const unitId = (await unitLink.getAttribute("href"))!.split("/").at(-1)!;
  await expectAccessible(admin);

  // The roads unit cannot be closed while it has open applications and a service: the message says how many.
  const roadsId = (
    await trpc<{ id: string; code: string }[]>(admin, "organisation.departments", undefined, "GET")
  ).find((d) => d.code === "roads")!.id;
  await admin.goto(`/admin/departments/${roadsId}`);
  await admin.getByRole("button", { name: "Закрыть подразделение" }).click();
  await admin.getByRole("button", { name: "Да, закрыть подразделение" }).click();
  await expect(admin.getByText(/нельзя закрыть: у него \d+ открыт\S+ заявлени\S+, 1 действующая услуга/)).toBeVisible();
  await expectAccessible(admin);
  // A department is never offered as its own parent (the server refuses a cycle anyway).
  await admin.goto(`/admin/departments/${unitId}`);
  await expect(admin.getByLabel("Вышестоящее подразделение").getByRole("option", { name: unitName })).toHaveCount(0);
  await expectAccessible(admin);

  // The invitation: the executor's role in the unit comes with it.
  await admin.goto("/admin/staff/invite");
  const invite = admin.getByRole("form", { name: "Приглашение сотрудника" });
  await invite.getByLabel("Электронная почта").fill(email);
  await invite.getByLabel("Фамилия").fill("Землякова");
  await invite.getByRole("textbox", { name: "Имя", exact: true }).fill("Дарья");
  await invite.getByLabel("Подразделение").selectOption(unitId);
  await invite.getByLabel("Роль в подразделении").selectOption("EXECUTOR");
  await expectAccessible(admin);
  await invite.getByRole("button", { name: "Пригласить" }).click();
  await expect(admin.getByText(`Приглашение отправлено на ${email}.`)).toBeVisible();
  await expect(admin.getByRole("region", { name: "Роли" })).toContainText(`Исполнитель: ${unitName}`);
  const accountUrl = admin.url().replace(/\?.*$/, "");
  await expectAccessible(admin);

  // The invited person follows the link, sets a password, signs in.
  await expect.poll(async () => (await mailTo(email)).length, { timeout: 30_000 }).toBeGreaterThan(0);
  const letter = (await mailTo(email)).at(-1)!;
  expect(letter.text).toContain(`«${unitName}»`);
  const link = /\/claim\/[A-Za-z0-9_-]+/.exec(letter.text)![0];
  const context = await browser.newContext({ baseURL });
  const person = await context.newPage();
  await person.goto(link);
  await expect(person.getByTestId("claim-email")).toHaveText(email);
  await expect(person.getByText("Вас пригласили как сотрудника администрации")).toBeVisible();
  await person.locator("#password").fill(password);
  await person.getByLabel("Пароль ещё раз").fill(password);
  await person.getByRole("button", { name: "Задать пароль" }).click();
  await expect(person).toHaveURL(/\/sign-in\?registered=1$/);
  expect(await signInOverApi(context.request, email, password)).toBe(true);

  // Their workplace: the new unit, and not the roads unit's application.
  await person.goto("/staff");
  const theirs = person.getByRole("region", { name: "Ваши подразделения" });
  await expect(theirs).toContainText(unitName);
  await expect(theirs).not.toContainText("Отдел жилищно-коммунального хозяйства");
  await expect(person.getByText(roadApp!.number)).toHaveCount(0);

  // Moved to the roads unit as well (the grant form), the head hands them the road application.
  await admin.goto(accountUrl);
  const roles = admin.getByRole("form", { name: "Назначение роли" });
  await roles.getByLabel("Роль").selectOption("EXECUTOR");
  await roles.getByLabel("Подразделение").selectOption(roadsId);
  await roles.getByRole("button", { name: "Назначить роль" }).click();
  await expect(admin.getByText("Роль «Исполнитель» назначена.")).toBeVisible();
  const card = await trpc<{ rowVersion: number }>(headPage, "staff.card", { id: roadApp!.id }, "GET");
  const executors = await trpc<{ id: string; name: string }[]>(headPage, "staff.executors", { id: roadApp!.id }, "GET");
  await trpc(headPage, "staff.reassign", {
    id: roadApp!.id,
    expectedRowVersion: card.rowVersion,
    executorId: executors.find((e) => e.name === "Землякова Дарья")!.id,
    reason: "Передача дел в новый отдел",
  });
  await person.goto("/staff");
  await expect(person.getByText(roadApp!.number).first()).toBeVisible();

  // Deactivated: the open application is listed with a link to its card; the person is signed out at once.
  await admin.reload();
  await admin.getByRole("button", { name: "Отключить учётную запись" }).click();
  await admin.getByRole("button", { name: "Да, отключить учётную запись" }).click();
  await expect(admin.getByText("Учётная запись отключена.")).toBeVisible();
  const assigned = admin.getByRole("region", { name: /Открытые заявления сотрудника/ });
  await expect(assigned).toContainText("передайте эти заявления другим исполнителям");
  await expect(assigned.getByRole("link", { name: roadApp!.number })).toHaveAttribute(
    "href",
    `/staff/applications/${roadApp!.id}`,
  );
  await expectAccessible(admin);

  await person.reload();
  await expect(person).toHaveURL(/\/sign-in/);
  await context.close();

  // The staff list finds them among the deactivated.
  await admin.goto(`/admin/staff?q=${encodeURIComponent("Землякова")}&active=inactive`);
  await expect(admin.getByRole("link", { name: "Землякова Дарья" })).toBeVisible();
  await expectAccessible(admin);
});
