// Sign-in through the local OpenID Connect provider (the ESIA stand-in, e2e/oidc-provider.ts) links
// an applicant and prefills the identity profile into a new application (R15).
import { expect, test } from "./fixtures";
import { OIDC_TAKEN_EMAIL_LOGIN, OIDC_TEST_CITIZEN } from "./oidc-provider-claims";

async function trpc<T>(
  page: import("@playwright/test").Page,
  path: string,
  input: unknown,
  method: "GET" | "POST" = "GET",
): Promise<T> {
  const response =
    method === "GET"
      ? await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      : await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).result.data.json as T;
}

/** The provider's own sign-in page, then its consent page when it asks for one. */
async function signInAtProvider(page: import("@playwright/test").Page, login = "citizen-42", landing = /\/cabinet$/) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Войти через Госуслуги (ЕСИА)" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any");
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`${landing.source}|/interaction/`));
  if (page.url().includes("/interaction/")) await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(landing);
}

test("a citizen signs in through the identity provider and the application form is prefilled", async ({ page }) => {
  await signInAtProvider(page);
  await expect(page.getByTestId("current-user")).toHaveText("Соколова Елена Андреевна");

  const { id } = await trpc<{ id: string }>(page, "application.startDraft", { serviceCode: "archive-info" }, "POST");
  const draft = await trpc<{ values: Record<string, unknown> }>(page, "application.getDraft", { id });
  expect(draft.values).toMatchObject({
    full_name: {
      lastName: OIDC_TEST_CITIZEN.family_name,
      firstName: OIDC_TEST_CITIZEN.given_name,
      middleName: OIDC_TEST_CITIZEN.middle_name,
    },
    snils: OIDC_TEST_CITIZEN.snils,
    email: OIDC_TEST_CITIZEN.email,
    phone: OIDC_TEST_CITIZEN.phone_number,
    postal_address: OIDC_TEST_CITIZEN.address.formatted,
  });

  // Signing in again finds the same person (linked by the provider's subject), not a new account.
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page.getByRole("link", { name: "Войти" })).toBeVisible();
  await page.context().clearCookies(); // forget the provider's session too
  await signInAtProvider(page);
  await expect(page.getByRole("list", { name: "Черновики" }).getByRole("listitem")).toHaveCount(1);
});

test("the provider never opens an account that has a password: the sign-in page says to use the password", async ({
  page,
}) => {
  // The provider vouches for the demo applicant's address, but that account has a password: whoever
  // set it would share the account, so the identity is not linked and nobody is signed in.
  await signInAtProvider(page, OIDC_TAKEN_EMAIL_LOGIN, /\/sign-in\?error=OidcAccountExists$/);
  await expect(page.getByRole("alert").filter({ hasText: "Вход через внешнюю систему не выполнен" })).toContainText(
    "уже зарегистрирована учётная запись с паролем. Войдите по адресу почты и паролю.",
  );
  await expect(page.getByTestId("current-user")).toHaveCount(0);
  const session = await page.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
});
