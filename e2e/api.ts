// Calls to the app's tRPC API from a signed-in page, for setting up data the UI tests then use.
import { expect, type Page } from "@playwright/test";

export async function trpc<T>(page: Page, path: string, input: unknown, method: "GET" | "POST" = "POST"): Promise<T> {
  const response =
    method === "GET"
      ? await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      : await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).result.data.json as T;
}

/** A complete archive-information request of the demo applicant (values of prisma/seed/regulations/archive-info.ts). */
export const ARCHIVE_VALUES = {
  applicant_type: "individual",
  full_name: { lastName: "Иванов", firstName: "Иван", middleName: "Петрович" },
  snils: "112-233-445 95",
  postal_address: "628212, п. Половинка, ул. Комсомольская, д. 5, кв. 2",
  postal_index: "628212",
  phone: "+79825550101",
  email: "applicant@demo.reglament.ru",
  request_category: "thematic",
  requested_document: "archival_copy",
  request_subject: "Решение о выделении земельного участка",
  records_organisation: "Администрация п. Половинка",
  period_from: "1992-01-01",
  period_to: "1993-12-31",
  purpose: "Оформление наследства",
  delivery_channel: "cabinet",
};

export async function archiveDraft(page: Page, values: Record<string, unknown> = ARCHIVE_VALUES) {
  const { id } = await trpc<{ id: string }>(page, "application.startDraft", { serviceCode: "archive-info" });
  const draft = await trpc<{ rowVersion: number }>(page, "application.getDraft", { id }, "GET");
  const saved = await trpc<{ rowVersion: number }>(page, "application.saveDraft", { id, values, currentStep: "delivery", expectedRowVersion: draft.rowVersion });
  return { id, rowVersion: saved.rowVersion };
}
