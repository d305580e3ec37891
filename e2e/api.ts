// Calls to the app's tRPC API from a signed-in page, for setting up data the UI tests then use.
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { ARCHIVE_REQUEST, PAPER_ARCHIVE_REQUEST } from "../server/test/fixtures";
import { DEMO_SIGNING_PIN } from "../prisma/seed/demo-constants";

export async function trpc<T>(page: Page, path: string, input: unknown, method: "GET" | "POST" = "POST"): Promise<T> {
  const response =
    method === "GET"
      ? await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      : await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).result.data.json as T;
}

/** A complete archive-information request of the demo applicant (shared with the integration tests). */
export const ARCHIVE_VALUES = ARCHIVE_REQUEST;

export async function archiveDraft(page: Page, values: Record<string, unknown> = ARCHIVE_VALUES) {
  const { id } = await trpc<{ id: string }>(page, "application.startDraft", { serviceCode: "archive-info" });
  const draft = await trpc<{ rowVersion: number }>(page, "application.getDraft", { id }, "GET");
  const saved = await trpc<{ rowVersion: number }>(page, "application.saveDraft", {
    id,
    values,
    currentStep: "delivery",
    expectedRowVersion: draft.rowVersion,
  });
  return { id, rowVersion: saved.rowVersion };
}

/** A complete road-info request (S1): every required field of the pinned form. */
export const ROAD_INFO_VALUES = {
  applicant_type: "individual",
  full_name: { lastName: "Иванов", firstName: "Иван", middleName: "Петрович" },
  info_kind: "road_condition",
  road_name: "ул. Комсомольская, участок от д. 1 до д. 15",
  delivery_channel: "cabinet",
};

/** A submitted application: its id and registration number. */
export type Created = { id: string; number: string };

/** Submits road-info applications as the applicant signed in on `page`, through the same API as the form. */
export async function submitRoadInfo(page: Page, count = 1): Promise<Created[]> {
  const created: Created[] = [];
  for (let i = 0; i < count; i++) {
    const draft = await trpc<{ id: string }>(page, "application.startDraft", { serviceCode: "road-info" });
    const saved = await trpc<{ rowVersion: number }>(page, "application.saveDraft", {
      id: draft.id,
      values: ROAD_INFO_VALUES,
      currentStep: "delivery",
      expectedRowVersion: 0,
    });
    const submitted = await trpc<{ registrationNumber: string }>(page, "application.submit", {
      id: draft.id,
      submissionKey: randomUUID(),
      expectedRowVersion: saved.rowVersion,
    });
    created.push({ id: draft.id, number: submitted.registrationNumber });
  }
  return created;
}

/** Submits an archive-information request (S2) as the applicant signed in on `page`: registered at once (S2 p.66). */
export async function submitArchiveInfo(
  page: Page,
  values: Record<string, unknown> = ARCHIVE_VALUES,
): Promise<Created> {
  const draft = await archiveDraft(page, values);
  const submitted = await trpc<{ registrationNumber: string }>(page, "application.submit", {
    id: draft.id,
    submissionKey: randomUUID(),
    expectedRowVersion: draft.rowVersion,
  });
  return { id: draft.id, number: submitted.registrationNumber };
}

/** The demo executor of the roads and archive units (prisma/seed/demo.ts). */
export const EXECUTOR_NAME = "Сидоров Алексей Николаевич";

/** The registrar's first road-info step, through the API (a registrar signed in on `page`): register and pass to the demo executor. */
export async function passToReviewByApi(page: Page, app: Created) {
  const card = await trpc<{ rowVersion: number }>(page, "staff.card", { id: app.id }, "GET");
  const executors = await trpc<{ id: string; name: string }[]>(page, "staff.executors", { id: app.id }, "GET");
  const executor = executors.find((e) => e.name === EXECUTOR_NAME);
  expect(executor, "the demo executor works in the roads unit").toBeTruthy();
  await trpc(page, "staff.move", {
    id: app.id,
    expectedRowVersion: card.rowVersion,
    transition: "pass_to_review",
    executorId: executor!.id,
  });
}

/**
 * A paper archive request (R23) registered through the intake API by the registrar signed in on
 * `page`, with the applicant's identity; `receivedAt` defaults to now. An e-mail opens the applicant's
 * account (no password: it is claimed through the link e-mailed to that address).
 */
export async function registerPaperByApi(
  page: Page,
  o: { channel: "IN_PERSON" | "POST"; lastName: string; firstName: string; email?: string; receivedAt?: Date },
): Promise<Created> {
  const values = {
    ...PAPER_ARCHIVE_REQUEST,
    full_name: { lastName: o.lastName, firstName: o.firstName },
    ...(o.email ? { email: o.email } : {}),
  };
  const registered = await trpc<{ id: string; registrationNumber: string }>(page, "staff.registerPaper", {
    serviceCode: "archive-info",
    values,
    channel: o.channel,
    receivedAt: (o.receivedAt ?? new Date()).toISOString(),
    submissionKey: randomUUID(),
    applicant: { lastName: o.lastName, firstName: o.firstName, ...(o.email ? { email: o.email } : {}) },
  });
  return { id: registered.id, number: registered.registrationNumber };
}

/** tRPC's JSON-RPC codes and HTTP statuses of the errors the specs simulate. */
const TRPC_ERRORS = {
  BAD_REQUEST: { code: -32600, httpStatus: 400 },
  PRECONDITION_FAILED: { code: -32012, httpStatus: 412 },
} as const;

/**
 * Answers every call of a tRPC procedure with an error shaped exactly as the server's formatter
 * (server/api/trpc.ts) shapes an AppError, for faults a spec cannot cause through the UI (a server
 * check that the browser's own check already prevents, a storage failure). Undo with page.unroute.
 */
export async function failTrpc(
  page: Page,
  path: string,
  error: {
    trpcCode: keyof typeof TRPC_ERRORS;
    message: string;
    appCode: string;
    appReason?: string;
    fieldErrors?: Record<string, string> | null;
  },
) {
  const { code, httpStatus } = TRPC_ERRORS[error.trpcCode];
  await page.route(`**/api/trpc/${path}*`, (route) =>
    route.fulfill({
      status: httpStatus,
      contentType: "application/json",
      body: JSON.stringify([
        {
          error: {
            json: {
              message: error.message,
              code,
              data: {
                code: error.trpcCode,
                httpStatus,
                path,
                appCode: error.appCode,
                ...(error.appReason ? { appReason: error.appReason } : {}),
                fieldErrors: error.fieldErrors ?? null,
              },
            },
          },
        },
      ]),
    }),
  );
}

/** One move of the process over the API, by the staff member signed in on `page` (issue 14's setup). */
export async function moveByApi(page: Page, id: string, transition: string, extra: Record<string, unknown> = {}) {
  const card = await trpc<{ rowVersion: number }>(page, "staff.card", { id }, "GET");
  // A move that signs sends the demo signer's key PIN (issue 15).
  const signing = transition.startsWith("sign_") ? { signing: { pin: DEMO_SIGNING_PIN } } : {};
  await trpc(page, "staff.move", { id, expectedRowVersion: card.rowVersion, transition, ...signing, ...extra });
}

/**
 * An archive request (S2) run over the API to its end by the roles the regulation names: refused on
 * the ground «no right to the information» with its notice sent, or granted with an archival
 * certificate issued to the cabinet.
 */
export async function archiveToEndByApi(
  pages: { registrar: Page; head: Page; executor: Page; signer: Page },
  app: Created,
  outcome: "refused" | "issued",
) {
  await moveByApi(pages.registrar, app.id, "register");
  const executors = await trpc<{ id: string; name: string }[]>(pages.head, "staff.executors", { id: app.id }, "GET");
  const executorId = executors.find((e) => e.name === EXECUTOR_NAME)!.id;
  await moveByApi(pages.head, app.id, "assign_executor", { executorId });
  if (outcome === "refused") {
    await moveByApi(pages.executor, app.id, "grounds_found", { comment: "Заявитель не является правообладателем" });
    await moveByApi(pages.executor, app.id, "prepare_refusal", {
      resultType: "refusal_notice",
      refusalGrounds: ["no_right_to_information"],
      comment: "Заявитель не подтвердил право на получение сведений",
    });
    await moveByApi(pages.signer, app.id, "sign_refusal");
    await moveByApi(pages.executor, app.id, "send_refusal");
  } else {
    await moveByApi(pages.executor, app.id, "no_grounds_found");
    await moveByApi(pages.executor, app.id, "prepare_result", {
      resultType: "archival_certificate",
      comment: "Иванов Иван Петрович работал в администрации п. Половинка с 1992 по 1993 год.",
    });
    await moveByApi(pages.signer, app.id, "sign_result");
    await moveByApi(pages.executor, app.id, "send_result");
  }
}
