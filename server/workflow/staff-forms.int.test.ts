// The staff forms and their procedures accept and refuse the same inputs, with the same messages:
// each case goes through the form's schema (what its resolver runs) and through the real `staff`
// router (createCaller, the demo registrar's session, a real database). Accepted by the procedure
// means its input parsed: the call then succeeds or fails for a reason of the domain (an unknown
// application is "not found"), never as a refused input.
import { randomUUID } from "node:crypto";
import type { Session } from "next-auth";
import { ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { PAPER_ARCHIVE_REQUEST } from "../test/fixtures";
import { createCallerFactory } from "../api/trpc";
import { staffRouter } from "../api/routers/staff";
import { versionInForce } from "../regulation/data";
import type { StepDef } from "../regulation/document";
import { zCommentForm, zMoveForm, zReassignForm, zSendRequestForm, zAnswerRequestInput } from "./schema";
import {
  checkIntake,
  emptyIntake,
  INTAKE_KEY,
  registerInput,
  type IntakeMeta,
} from "../../components/intake/intake-schema";

const TZ = "Asia/Yekaterinburg";
let t: TestDatabase;
const createCaller = createCallerFactory(staffRouter);
let api: ReturnType<typeof createCaller>;
let archiveSteps: StepDef[];

const ARCHIVE_VALUES = PAPER_ARCHIVE_REQUEST;

type Verdict = { accepted: true } | { accepted: false; errors: Record<string, string> };

/** What the procedure made of the input: refused (zod's field messages, first per path) or taken in. */
async function routerVerdict(call: () => Promise<unknown>): Promise<Verdict> {
  try {
    await call();
    return { accepted: true };
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    if (!(cause instanceof ZodError)) return { accepted: true };
    expect((error as { code?: string }).code).toBe("BAD_REQUEST");
    return { accepted: false, errors: firstMessages(cause.issues) };
  }
}

function firstMessages(issues: readonly { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path.map(String).join(".")] ??= i.message;
  return out;
}

function formVerdict(
  schema: { safeParse: (v: unknown) => { success: boolean; error?: ZodError } },
  values: unknown,
): Verdict {
  const r = schema.safeParse(values);
  return r.success ? { accepted: true } : { accepted: false, errors: firstMessages(r.error!.issues) };
}

const long = (n: number) => "а".repeat(n);

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  const registrar = await t.db.user.findUniqueOrThrow({ where: { email: "registrar@demo.reglament.ru" } });
  const session = {
    user: { id: registrar.id, email: registrar.email, name: "", roles: [], departmentIds: [], authMethod: "password" },
    expires: "2099-01-01T00:00:00Z",
  } as unknown as Session;
  api = createCaller({ db: t.db, session });
  const service = await t.db.service.findUniqueOrThrow({ where: { code: "archive-info" } });
  archiveSteps = (await versionInForce(t.db, service.id))!.document.form.steps.filter(
    (s) => (s.section ?? "applicant") === "applicant",
  );
});
afterAll(() => t.drop());

describe("paper intake: the registrar's form and staff.registerPaper", () => {
  const opts = { channels: ["IN_PERSON", "POST", "MFC", "EMAIL"] as const, timeZone: TZ };
  const meta = (applicant: Partial<IntakeMeta["applicant"]>): IntakeMeta => {
    const empty = emptyIntake("2026-03-10T12:00");
    return {
      ...empty,
      channel: "IN_PERSON",
      applicant: { ...empty.applicant, lastName: "Петров", firstName: "Семён", ...applicant },
    };
  };
  const cases: [string, Partial<IntakeMeta["applicant"]>, "accept" | "refuse"][] = [
    ["a Cyrillic address in the .рф zone", { email: "иванов@почта.рф" }, "accept"],
    ["an address without a domain", { email: "ivanov@" }, "refuse"],
    ["an address with a layout slip", { email: "ivanov@mail.ру" }, "refuse"],
    ["a phone as people write it", { phone: "8 (912) 345-67-89" }, "accept"],
    ["a phone too short", { phone: "12345" }, "refuse"],
    ["a phone of letters", { phone: "не помню" }, "refuse"],
    ["a last name of 60 letters", { lastName: long(60) }, "accept"],
    ["a last name of 61 letters", { lastName: long(61) }, "refuse"],
    ["a middle name of 61 letters", { middleName: long(61) }, "refuse"],
    ["no first name", { firstName: "   " }, "refuse"],
  ];

  it.each(cases)("%s: the form and the procedure agree (%j, %s)", async (_name, applicant, expected) => {
    const m = meta(applicant);
    const problems = checkIntake(m, opts);
    const form: Verdict = Object.keys(problems).length ? { accepted: false, errors: problems } : { accepted: true };
    const input = registerInput("archive-info", archiveSteps, { ...ARCHIVE_VALUES, [INTAKE_KEY]: m }, TZ)!;
    expect(input).not.toBeNull();
    let registered: { registrationNumber: string } | null = null;
    const router = await routerVerdict(async () => {
      registered = await api.registerPaper({ ...input, submissionKey: randomUUID() });
    });
    expect(form.accepted).toBe(expected === "accept");
    expect(router).toEqual(form);
    // Accepted is registered: the Cyrillic address opens the applicant's account under it.
    if (expected === "accept") expect(registered!.registrationNumber).toMatch(/^АРХ-2026-\d{5}$/);
  });

  it("the Cyrillic address becomes the account of the applicant", async () => {
    expect(await t.db.user.count({ where: { email: "иванов@почта.рф" } })).toBe(1);
  });

  it("every message is Russian", () => {
    const problems = checkIntake(
      {
        ...emptyIntake(""),
        applicant: { lastName: long(61), firstName: "", middleName: long(61), email: "x@", phone: "1" },
      },
      opts,
    );
    expect(Object.keys(problems).sort()).toEqual([
      "applicant.email",
      "applicant.firstName",
      "applicant.lastName",
      "applicant.middleName",
      "applicant.phone",
      "channel",
      "receivedAt",
    ]);
    for (const message of Object.values(problems)) expect(message).toMatch(/[А-ЯЁа-яё]/);
  });
});

describe("the card's forms and their procedures", () => {
  const id = randomUUID(); // no such application: an accepted input is "not found"

  it.each([
    ["empty", "   ", false],
    ["5000 characters", long(5000), true],
    ["5001 characters", long(5001), false],
  ] as const)("a comment %s", async (_name, text, accepted) => {
    const form = formVerdict(zCommentForm, { text });
    expect(form.accepted).toBe(accepted);
    expect(await routerVerdict(() => api.comment({ id, text }))).toEqual(form);
  });

  it.each([
    ["no executor chosen", "", "Передаю в связи с отпуском", false],
    ["no reason", randomUUID(), "  ", false],
    ["a reason of 1000 characters", randomUUID(), long(1000), true],
    ["a reason of 1001 characters", randomUUID(), long(1001), false],
  ] as const)("a reassignment with %s", async (_name, executorId, reason, accepted) => {
    const form = formVerdict(zReassignForm, { executorId, reason });
    expect(form.accepted).toBe(accepted);
    expect(await routerVerdict(() => api.reassign({ id, expectedRowVersion: 0, executorId, reason }))).toEqual(form);
  });

  it.each([
    ["no type chosen", "", "Сведения о месте хранения документов", false],
    ["no text", "archive_search", " ", false],
    ["a text of 5000 characters", "archive_search", long(5000), true],
    ["a text of 5001 characters", "archive_search", long(5001), false],
  ] as const)("an inter-agency request with %s", async (_name, typeCode, text, accepted) => {
    const form = formVerdict(zSendRequestForm, { typeCode, text });
    expect(form.accepted).toBe(accepted);
    expect(await routerVerdict(() => api.sendRequest({ id, typeCode, text }))).toEqual(form);
  });

  it.each([
    ["empty", " ", false],
    ["of 10 000 characters", long(10000), true],
    ["of 10 001 characters", long(10001), false],
  ] as const)("an answer %s", async (_name, answerText, accepted) => {
    const form = formVerdict(zAnswerRequestInput.pick({ answerText: true }), { answerText });
    expect(form.accepted).toBe(accepted);
    expect(await routerVerdict(() => api.answerRequest({ requestId: randomUUID(), answerText }))).toEqual(form);
  });

  it.each([
    ["a motivation of 5000 characters", long(5000), true],
    ["a motivation of 5001 characters", long(5001), false],
  ] as const)("a move with %s", async (_name, comment, accepted) => {
    const form = formVerdict(zMoveForm, {
      transition: "refuse",
      executorId: "",
      refusalGrounds: [],
      resultType: "",
      comment,
      doneAt: "",
      reviewed: false,
      signMode: "pin",
      pin: "",
      signature: "",
      cryptoProCert: "",
    });
    expect(form.accepted).toBe(accepted);
    expect(await routerVerdict(() => api.move({ id, expectedRowVersion: 0, transition: "refuse", comment }))).toEqual(
      form,
    );
    if (!form.accepted) expect(form.errors.comment).toBe("Не длиннее 5000 знаков");
  });
});
