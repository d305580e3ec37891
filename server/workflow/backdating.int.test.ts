// S0 p.7 (issue 12 p.11): a procedure is entered into the system at once, or, where that is not possible,
// no later than one working day after it was done; the entry records when it was done, the next stage's
// terms count from then, and the head sees the lag.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { loadIdentity } from "../auth/data";
import { departmentsWithRole, staffScope, type StaffScope } from "../auth/scope";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { AppError } from "../errors";
import { applicationRow } from "../test/factories";
import { moveApplication, registerApplication } from "./mutations";
import { lateEntries } from "./data";

let t: TestDatabase;
let calendar: WorkingCalendar;

async function scopeFor(email: string): Promise<StaffScope> {
  const user = await t.db.user.findUniqueOrThrow({ where: { email } });
  return staffScope(t.db, (await loadIdentity(t.db, user.id))!);
}

/** A road-info application registered on Thursday 2 April 2026 at 09:00 local time (UTC+5). */
async function registeredThursday() {
  const app = await applicationRow(t.db, { serviceCode: "road-info", data: { applicant_type: "individual" } });
  await registerApplication(t.db, {
    applicationId: app.id,
    actorId: null,
    calendar,
    receivedAt: new Date("2026-04-02T04:00:00Z"),
  });
  return app;
}

async function passToReview(applicationId: string, now: Date, doneAt?: Date) {
  const registrar = await scopeFor("registrar@demo.reglament.ru");
  const executor = await t.db.user.findUniqueOrThrow({ where: { email: "executor@demo.reglament.ru" } });
  return moveApplication(t.db, {
    applicationId,
    expectedRowVersion: 1,
    actor: registrar,
    calendar,
    now,
    doneAt,
    request: { transition: "pass_to_review", executorId: executor.id },
  });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
});
afterAll(() => t.drop());

describe("a procedure entered later than it was done (S0 p.7)", () => {
  it("done on Friday, entered on Monday: the stages change at the instant it was done; the events keep the entry's", async () => {
    const app = await registeredThursday();
    const enteredAt = new Date("2026-04-06T05:00:00Z"); // Monday 10:00
    const doneAt = new Date("2026-04-03T11:00:00Z"); // Friday 16:00, the working day before
    await passToReview(app.id, enteredAt, doneAt);

    const stages = await t.db.applicationStage.findMany({
      where: { applicationId: app.id },
      orderBy: { enteredAt: "asc" },
    });
    expect(stages.map((s) => [s.stage, s.enteredAt.toISOString(), s.leftAt?.toISOString() ?? null])).toEqual([
      ["registration", "2026-04-02T04:00:00.000Z", doneAt.toISOString()],
      ["review", doneAt.toISOString(), null],
    ]);
    const row = await t.db.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.stageEnteredAt?.toISOString()).toBe(doneAt.toISOString());

    const events = await t.db.applicationEvent.findMany({
      where: { applicationId: app.id, type: { not: "registered" } },
    });
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e.at.toISOString()).toBe(enteredAt.toISOString());
      expect(e.payload).toMatchObject({ doneAt: doneAt.toISOString() });
    }

    // The head of the roads unit sees the entry and its lag; the archive-only view does not include it.
    const head = await scopeFor("head@demo.reglament.ru");
    const late = await lateEntries(t.db, {
      departmentIds: departmentsWithRole(head, ["HEAD"]),
      since: new Date("2026-04-01T00:00:00Z"),
      take: 100,
    });
    const entry = late.find((l) => l.applicationId === app.id);
    expect(entry).toMatchObject({ doneAt, enteredAt, registrationNumber: row.registrationNumber });
    expect(entry!.actor).toMatch(/^Петрова Мария/);
    const archive = await t.db.department.findUniqueOrThrow({ where: { code: "archive" } });
    const archiveOnly = await lateEntries(t.db, { departmentIds: [archive.id], since: new Date(0), take: 100 });
    expect(archiveOnly.some((l) => l.applicationId === app.id)).toBe(false);
  });

  it("refuses a time two working days back, in the future, or before the stage began, and writes nothing", async () => {
    const app = await registeredThursday();
    const monday = new Date("2026-04-06T05:00:00Z");
    const thursday = await refusal(passToReview(app.id, monday, new Date("2026-04-02T12:00:00Z")));
    expect(thursday.code).toBe("INVALID");
    expect(thursday.fieldErrors?.doneAt).toMatch(/не позднее одного рабочего дня.*не раньше 3 апреля 2026/);

    const future = await refusal(passToReview(app.id, monday, new Date("2026-04-06T06:00:00Z")));
    expect(future.fieldErrors?.doneAt).toMatch(/не может быть позже текущего момента/);

    // Entered on Friday: Thursday is the working day before, but the stage began at 09:00 on Thursday.
    const friday = new Date("2026-04-03T05:00:00Z");
    const early = await refusal(passToReview(app.id, friday, new Date("2026-04-02T03:30:00Z")));
    expect(early.fieldErrors?.doneAt).toMatch(/раньше, чем заявление поступило на текущий этап/);

    const row = await t.db.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({ currentStage: "registration", rowVersion: 1 });

    // The form gives minutes: 09:00 for a stage begun at 09:00:40 is that stage's own instant.
    const late = await registeredThursday();
    await t.db.application.update({
      where: { id: late.id },
      data: { stageEnteredAt: new Date("2026-04-02T04:00:40Z") },
    });
    await t.db.applicationStage.updateMany({
      where: { applicationId: late.id },
      data: { enteredAt: new Date("2026-04-02T04:00:40Z") },
    });
    await passToReview(late.id, friday, new Date("2026-04-02T04:00:00Z"));
    const review = await t.db.applicationStage.findFirstOrThrow({ where: { applicationId: late.id, stage: "review" } });
    expect(review.enteredAt.toISOString()).toBe("2026-04-02T04:00:40.000Z");
    expect(await t.db.applicationEvent.count({ where: { applicationId: app.id, type: "stage_changed" } })).toBe(0);
  });

  it("across days off: entered on Monday, a procedure done on the Saturday before counts", async () => {
    const app = await registeredThursday();
    // Saturday 4 April is a day off; its next working day is Monday 6 April, the day of entry.
    await passToReview(app.id, new Date("2026-04-06T05:00:00Z"), new Date("2026-04-04T06:00:00Z"));
    const row = await t.db.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({ currentStage: "review", rowVersion: 2 });
  });
});
