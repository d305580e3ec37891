// The applicant's journey against real PostgreSQL (R15, R17, R19): prefill, drafts that keep
// invalid values and refuse tampering, two-tab conflicts, strict and idempotent submission with
// automatic registration and the due date from the working-day calendar.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ARCHIVE_REQUEST } from "../test/fixtures";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { applicantAccount } from "../test/factories";
import { LocalFileStorage } from "../storage/storage";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { AppError } from "../errors";
import { applicationForOwner, draftForOwner } from "./data";
import { applicationCopyPdf } from "./http";
import { PDFParse } from "pdf-parse";
import { saveDraft, startDraft, submitApplication } from "./mutations";
import { contentHash } from "../intake/mutations";

let t: TestDatabase;
const storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-files-")));
let calendar: WorkingCalendar;
let ownerId: string;

const validArchive = {
  ...ARCHIVE_REQUEST,
  postal_address: "628212, п. Половинка, ул. Комсомольская, д. 5",
  request_category: "social_legal",
  requested_document: "archival_certificate",
  request_subject: "Подтверждение трудового стажа",
  records_organisation: "Совхоз «Половинкинский»",
  period_from: "1985-01-01",
  period_to: "1990-12-31",
  purpose: "Для назначения пенсии",
  persons: [
    {
      person_full_name: { lastName: "Иванов", firstName: "Иван" },
      person_birth_date: "1960-02-03",
      person_workplace: "Совхоз «Половинкинский», тракторист",
      work_year_from: 1985,
      work_year_to: 1990,
    },
  ],
};

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  ownerId = (await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } })).id;
});
afterAll(() => t.drop());

async function fillDraft(values: Record<string, unknown>) {
  const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
  const draft = (await draftForOwner(t.db, ownerId, id))!;
  const saved = await saveDraft(t.db, ownerId, {
    id,
    values,
    currentStep: "delivery",
    expectedRowVersion: draft.rowVersion,
  });
  return { id, rowVersion: saved.rowVersion };
}

describe("drafts (R15)", () => {
  it("are prefilled from the identity profile before the applicant types", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const draft = (await draftForOwner(t.db, ownerId, id))!;
    expect(draft.values).toMatchObject({
      full_name: { lastName: "Иванов", firstName: "Иван", middleName: "Петрович" },
      snils: "112-233-445 95",
      email: "applicant@demo.reglament.ru",
      phone: "+79825550101",
    });
    expect(draft.currentStep).toBe(draft.steps[0]!.key);
  });

  it("keep invalid values, refuse fields the regulation does not have, and hide other applicants' drafts", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const saved = await saveDraft(t.db, ownerId, {
      id,
      values: { snils: "123-456-789 00", period_from: "не дата" },
      currentStep: "request",
      expectedRowVersion: 0,
    });
    const draft = (await draftForOwner(t.db, ownerId, id))!;
    expect(draft.values).toEqual({ snils: "123-456-789 00", period_from: "не дата" });
    expect(draft.rowVersion).toBe(saved.rowVersion);
    await expect(
      saveDraft(t.db, ownerId, {
        id,
        values: { admin: true },
        currentStep: null,
        expectedRowVersion: saved.rowVersion,
      }),
    ).rejects.toThrow(/нет полей: admin/);
    const stranger = await applicantAccount(t.db, { lastName: "Чужой", firstName: "Пётр" });
    await expect(
      saveDraft(t.db, stranger.id, { id, values: {}, currentStep: null, expectedRowVersion: saved.rowVersion }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await draftForOwner(t.db, stranger.id, id)).toBeNull();
    expect((await draftForOwner(t.db, ownerId, id))!.values).toEqual({
      snils: "123-456-789 00",
      period_from: "не дата",
    });
  });

  it("never let two tabs silently overwrite each other; overwriting is an explicit choice", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const tabA = await saveDraft(t.db, ownerId, {
      id,
      values: { request_subject: "из вкладки A" },
      currentStep: null,
      expectedRowVersion: 0,
    });
    const stale = saveDraft(t.db, ownerId, {
      id,
      values: { request_subject: "из вкладки B" },
      currentStep: null,
      expectedRowVersion: 0,
    });
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await draftForOwner(t.db, ownerId, id))!.values).toEqual({ request_subject: "из вкладки A" });
    const chosen = await saveDraft(t.db, ownerId, {
      id,
      values: { request_subject: "из вкладки B" },
      currentStep: null,
      expectedRowVersion: 0,
      overwrite: true,
    });
    expect(chosen.rowVersion).toBe(tabA.rowVersion + 1);
    expect((await draftForOwner(t.db, ownerId, id))!.values).toEqual({ request_subject: "из вкладки B" });
  });
});

describe("submission (R7, R17, R19)", () => {
  it("refuses an incomplete application with a message per field and stores nothing", async () => {
    const { id, rowVersion } = await fillDraft({ ...validArchive, snils: "112-233-445 96", request_subject: "" });
    const error = await submitApplication(t.db, {
      ownerId,
      id,
      submissionKey: randomUUID(),
      expectedRowVersion: rowVersion,
      calendar,
      signedWith: "password",
      storage,
    }).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    const fields = (error as AppError).fieldErrors!;
    expect(fields.snils).toMatch(/Контрольное число СНИЛС/);
    expect(fields.request_subject).toMatch(/Заполните/);
    const row = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "DRAFT", registrationNumber: null, submissionKey: null, rowVersion });
  });

  it("registers at once, signs with the content hash, and a double click gives one application", async () => {
    const { id, rowVersion } = await fillDraft(validArchive);
    const now = new Date("2026-03-06T07:00:00Z"); // Friday 12:00 local
    const key = randomUUID();
    const [a, b, c] = await Promise.all([
      submitApplication(t.db, {
        ownerId,
        id,
        submissionKey: key,
        expectedRowVersion: rowVersion,
        calendar,
        signedWith: "password",
        storage,
        now,
      }),
      submitApplication(t.db, {
        ownerId,
        id,
        submissionKey: key,
        expectedRowVersion: rowVersion,
        calendar,
        signedWith: "password",
        storage,
        now,
      }),
      // A second tab with its own key submits the same draft.
      submitApplication(t.db, {
        ownerId,
        id,
        submissionKey: randomUUID(),
        expectedRowVersion: rowVersion,
        calendar,
        signedWith: "password",
        storage,
        now,
      }),
    ]);
    expect(new Set([a.registrationNumber, b.registrationNumber, c.registrationNumber]).size).toBe(1);
    expect([a, b, c].filter((r) => !r.alreadySubmitted)).toHaveLength(1);
    expect(a.registrationNumber).toMatch(/^АРХ-2026-\d{5}$/);
    // S2: the whole service takes 30 calendar days (п. 58): 6 March + 30 = 5 April, a Sunday → Monday 6 April.
    expect(calendar.localDate(a.dueAt)).toBe("2026-04-06");
    const row = await t.db.application.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(row.status).toBe("SUBMITTED");
    expect(row.events.filter((e) => e.type === "submitted")).toHaveLength(1);
    expect(row.events.filter((e) => e.type === "registered")).toHaveLength(1);
    expect(row.contentHash).toBe(contentHash({ serviceCode: "archive-info", version: 1, values: row.data }));
    expect(row.signature).toMatchObject({ userId: ownerId, method: "password", sha256: row.contentHash });
    // R19: one notification and one e-mail about the registration, with the expected date.
    const notifications = await t.db.notification.findMany({ where: { applicationId: id } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.title).toContain(a.registrationNumber);
    const mail = await t.db.outgoingEmail.findMany({ where: { notificationId: notifications[0]!.id } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toBe("applicant@demo.reglament.ru");
    expect(mail[0]!.text).toContain("6 апреля 2026 г.");
    const again = await submitApplication(t.db, {
      ownerId,
      id,
      submissionKey: key,
      expectedRowVersion: rowVersion,
      calendar,
      signedWith: "password",
      storage,
    });
    expect(again).toMatchObject({ registrationNumber: a.registrationNumber, alreadySubmitted: true });
    await expect(
      saveDraft(t.db, ownerId, { id, values: validArchive, currentStep: null, expectedRowVersion: row.rowVersion }),
    ).rejects.toMatchObject({ code: "PRECONDITION" });
  });

  it("gives one application however many submits of one draft race (30 at once, keys shared and not)", async () => {
    const { id, rowVersion } = await fillDraft(validArchive);
    const now = new Date("2026-03-06T07:00:00Z");
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        submitApplication(t.db, {
          ownerId,
          id,
          submissionKey: i % 2 ? key : randomUUID(),
          expectedRowVersion: rowVersion,
          calendar,
          signedWith: "password",
          storage,
          now,
        }),
      ),
    );
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([id]));
    expect(new Set(results.map((r) => r.registrationNumber)).size).toBe(1);
    expect(results.filter((r) => !r.alreadySubmitted)).toHaveLength(1);
    const events = await t.db.applicationEvent.findMany({ where: { applicationId: id } });
    expect(events.filter((e) => e.type === "submitted")).toHaveLength(1);
    expect(events.filter((e) => e.type === "registered")).toHaveLength(1);
    expect(await t.db.applicationStage.count({ where: { applicationId: id } })).toBe(1);
    expect(await t.db.notification.count({ where: { applicationId: id, kind: "application_registered" } })).toBe(1);
  });

  it("takes «today» in the municipality's zone (REGLAMENT_TIMEZONE, UTC+5 here), not Moscow's", async () => {
    // 19:30 UTC on 5 March: already 00:30 on 6 March in Polovinka, still 22:30 on 5 March in Moscow.
    const now = new Date("2026-03-05T19:30:00Z");
    const { id, rowVersion } = await fillDraft({ ...validArchive, period_to: "2026-03-06" });
    const r = await submitApplication(t.db, {
      ownerId,
      id,
      submissionKey: randomUUID(),
      expectedRowVersion: rowVersion,
      calendar,
      signedWith: "password",
      storage,
      now,
    });
    expect(r.alreadySubmitted).toBe(false);
    // A day later than local today is still refused.
    const late = await fillDraft({ ...validArchive, period_to: "2026-03-07" });
    await expect(
      submitApplication(t.db, {
        ownerId,
        id: late.id,
        submissionKey: randomUUID(),
        expectedRowVersion: late.rowVersion,
        calendar,
        signedWith: "password",
        storage,
        now,
      }),
    ).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: {
        period_to: "Дата не может быть позже сегодняшнего дня (06.03.2026): проверьте число, месяц и год",
      },
    });
  });

  it("counts a submission on a non-working day from the next working day, which is its registration deadline (S2 p.66)", async () => {
    const { id, rowVersion } = await fillDraft(validArchive);
    const saturday = new Date("2026-05-09T08:00:00Z");
    const r = await submitApplication(t.db, {
      ownerId,
      id,
      submissionKey: randomUUID(),
      expectedRowVersion: rowVersion,
      calendar,
      signedWith: "password",
      storage,
      now: saturday,
    });
    // Taken on Tuesday 12 May (11 May is the day off for 9 May); 12 May + 30 days = 11 June, a Thursday.
    expect(calendar.localDate(r.dueAt)).toBe("2026-06-11");
    // S2 p.66: registered "в следующий за ним первый рабочий день" — 12 May is the registration deadline
    // itself, not the start of one more working day (which would end on 13 May).
    const row = await t.db.application.findUniqueOrThrow({ where: { id }, select: { stageDueAt: true } });
    expect(row.stageDueAt).toEqual(calendar.endOfLocalDay("2026-05-12"));
    const view = (await applicationForOwner(t.db, ownerId, id))!;
    expect(view.current).toMatchObject({ key: "registration" });
    expect(view.timeline).toHaveLength(1);
    // The PDF copy (R15) carries the answers, the number and the signature hash in Cyrillic text.
    const text = (await new PDFParse({ data: new Uint8Array(await applicationCopyPdf(view)) }).getText()).text;
    expect(text).toContain(view.registrationNumber!);
    expect(text).toContain("Подтверждение трудового стажа");
    expect(text).toContain("Иванов Иван Петрович");
    expect(text).toContain(view.contentHash!);
  });
});
