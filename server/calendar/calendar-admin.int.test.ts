// The calendar administration against real PostgreSQL (issue 11; R7): a stage due in January 2027,
// counted over the provisional 2027 (Labour Code only), is marked provisional; loading the decree
// recomputes it, clears the mark and writes the history; editing a day moves a due date; a bad file
// is refused with a Russian message and writes nothing. And the reception schedule of the receiving
// department sets an in-person application's 15-minute registration deadline (S1 p.22).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { demoScope, demoUser } from "../test/factories";
import { PAPER_ARCHIVE_REQUEST } from "../test/fixtures";
import type { StaffScope } from "../auth/scope";
import { registerPaperApplication } from "../intake/mutations";
import { moveApplication } from "../workflow/mutations";
import { saveDepartmentHours } from "../organisation/hours/mutations";
import { defaultHours } from "../organisation/schedule";
import { loadWorkingCalendar } from "./data";
import { importCalendarYear, loadDecree, setCalendarDay } from "./mutations";
import { DECREE_2027_STAND_IN } from "./fixtures";
import { AppError } from "../errors";

let t: TestDatabase;
let registrar: StaffScope;
let adminId: string;
const OFFSET = 300; // the demo municipality, UTC+5 (config: Asia/Yekaterinburg)
/** Local wall-clock time of the municipality as an instant. */
const at = (local: string) => new Date(Date.parse(`${local}:00Z`) - OFFSET * 60_000);
const local = (d: Date | null) => (d ? new Date(d.getTime() + OFFSET * 60_000).toISOString().slice(0, 16) : null);

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  registrar = await demoScope(t.db, "registrar");
  adminId = (await demoUser(t.db, "admin")).id;
});
afterAll(() => t.drop());

async function inPerson(receivedAt: Date) {
  return registerPaperApplication(t.db, registrar, {
    serviceCode: "archive-info",
    values: PAPER_ARCHIVE_REQUEST,
    channel: "IN_PERSON",
    receivedAt,
    now: receivedAt,
    applicant: { lastName: "Календарев", firstName: "Пётр", email: `cal-${randomUUID()}@example.ru` },
    calendar: await loadWorkingCalendar(t.db),
    submissionKey: randomUUID(),
  });
}

const counts = async () => ({
  adminEvents: await t.db.adminEvent.count(),
  days2027: await t.db.calendarDay.count({
    where: { date: { gte: new Date("2027-01-01"), lt: new Date("2028-01-01") } },
  }),
  year: await t.db.calendarYear.findUnique({ where: { year: 2027 } }),
});

describe("provisional deadlines and the 2027 decree", () => {
  it("a stage due in January 2027 is provisional until the decree is loaded; then recomputed, with history", async () => {
    expect(OFFSET).toBe((await loadWorkingCalendar(t.db)).utcOffsetMinutes);
    const reg = await inPerson(at("2026-12-30T10:00"));
    const app0 = await t.db.application.findUniqueOrThrow({ where: { id: reg.id } });
    expect(app0.stageDueProvisional).toBe(false); // 15 minutes, the same day of 2026
    expect(app0.dueProvisional).toBe(true); // 30 calendar days: into 2027
    await moveApplication(t.db, {
      applicationId: reg.id,
      expectedRowVersion: app0.rowVersion,
      actor: registrar,
      request: { transition: "register" },
      calendar: await loadWorkingCalendar(t.db),
      now: at("2026-12-30T11:00"),
    });
    const before = await t.db.application.findUniqueOrThrow({ where: { id: reg.id } });
    expect(local(before.stageDueAt)).toBe("2027-01-11T23:59"); // Dec 31 off (2026 decree), Jan 1-8 holidays, 9-10 weekend
    expect(before.stageDueProvisional).toBe(true);
    const stay = await t.db.applicationStage.findFirstOrThrow({ where: { applicationId: reg.id, leftAt: null } });
    expect(stay.dueProvisional).toBe(true);

    const result = await loadDecree(t.db, adminId, DECREE_2027_STAND_IN);
    expect(result.recomputed).toBeGreaterThanOrEqual(1);
    const after = await t.db.application.findUniqueOrThrow({ where: { id: reg.id } });
    expect(after.stageDueProvisional).toBe(false);
    expect(after.dueProvisional).toBe(false);
    expect(local(after.stageDueAt)).toBe("2027-01-11T23:59");
    expect(after.rowVersion).toBe(before.rowVersion); // an open card stays valid
    const stayAfter = await t.db.applicationStage.findUniqueOrThrow({ where: { id: stay.id } });
    expect(stayAfter.dueProvisional).toBe(false);
    const [event] = await t.db.applicationEvent.findMany({
      where: { applicationId: reg.id, type: "deadlines_recomputed" },
    });
    expect(event?.actorId).toBe(adminId);
    expect(event?.payload).toMatchObject({
      year: 2027,
      reason: "decree",
      stageDueAt: { from: before.stageDueAt!.toISOString(), to: after.stageDueAt!.toISOString() },
      stageDueProvisional: { from: true, to: false },
    });
    const year = await t.db.calendarYear.findUniqueOrThrow({ where: { year: 2027 } });
    expect(year).toMatchObject({ provisional: false, decreeNumber: DECREE_2027_STAND_IN.decreeNumber });
    expect(year.decreeDate?.toISOString().slice(0, 10)).toBe(DECREE_2027_STAND_IN.decreeDate);
    const admin = await t.db.adminEvent.findMany({ where: { subjectType: "calendar_year", subjectId: "2027" } });
    expect(admin.map((e) => e.type)).toEqual(["calendar_year_loaded", "deadlines_recomputed"]);
    expect(admin[0]!.before).toMatchObject({ provisional: true, workingDays: 249 });
    expect(admin[0]!.after).toMatchObject({ provisional: false, workingDays: 247, decreeNumber: "1500" });

    // One day made a holiday moves the due date to the next working day, recorded again.
    await setCalendarDay(t.db, adminId, { date: "2027-01-11", kind: "holiday", note: "Проверка пересчёта" });
    const moved = await t.db.application.findUniqueOrThrow({ where: { id: reg.id } });
    expect(local(moved.stageDueAt)).toBe("2027-01-12T23:59");
    expect(moved.stageDueProvisional).toBe(false);
    expect(await t.db.applicationEvent.count({ where: { applicationId: reg.id, type: "deadlines_recomputed" } })).toBe(
      2,
    );
    expect((await t.db.calendarYear.findUniqueOrThrow({ where: { year: 2027 } })).provisional).toBe(false);
  });

  it("refuses a decree whose dates are wrong, on the field, writing nothing", async () => {
    const before = await counts();
    const refused = loadDecree(t.db, adminId, {
      ...DECREE_2027_STAND_IN,
      transfers: [
        { from: "2026-01-03", to: "2027-11-05" },
        { from: "2027-01-04", to: "2027-12-31" },
      ],
    });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({
      fieldErrors: {
        "transfers.0.from": "Дата 03.01.2026 не относится к 2027 году",
        "transfers.1.from": "04.01.2027 — не суббота и не воскресенье: переносится выходной день",
      },
    });
    expect(await counts()).toEqual(before);
  });
});

describe("import of a year from a file", () => {
  const csvOf = (rows: string[]) => ["date,kind,note", ...rows].join("\n");
  const fullYear = () =>
    Array.from({ length: 365 }, (_, i) => {
      const d = new Date(Date.UTC(2027, 0, 1 + i));
      const w = d.getUTCDay();
      return `${d.toISOString().slice(0, 10)},${w === 0 || w === 6 ? "weekend" : "working"}`;
    });
  const cases: [string, string, string][] = [
    ["a malformed file", "{not json", "Файл не читается"],
    [
      "a day outside the year",
      csvOf([...fullYear().slice(1), "2026-12-31,working"]),
      "Строка 366: дата 31.12.2026 не относится к 2027 году",
    ],
    [
      "an unknown kind",
      csvOf(fullYear().map((r, i) => (i === 4 ? "2027-01-05,выходной?" : r))),
      "Строка 6: неизвестный вид дня «выходной?»",
    ],
    [
      "a duplicate date",
      csvOf([...fullYear(), "2027-01-05,holiday"]),
      "Строка 367: дата 05.01.2027 уже указана (строка 6)",
    ],
    ["a missing day", csvOf(fullYear().slice(0, 364)), "В файле нет 1 из 365 дней 2027 года, например 31.12.2027"],
    ["not a date", csvOf(["2027-02-30,working"]), "Строка 2: «2027-02-30» — не дата в формате ГГГГ-ММ-ДД"],
  ];
  it.each(cases)("refuses %s with a Russian message and writes nothing", async (_, content, message) => {
    const before = await counts();
    const refused = importCalendarYear(t.db, adminId, { year: 2027, content, decreeNumber: "", decreeDate: "" });
    await expect(refused).rejects.toMatchObject({ code: "INVALID" });
    await expect(refused).rejects.toThrow(message);
    expect(await counts()).toEqual(before);
  });

  it("imports a complete CSV as a provisional year and records it", async () => {
    const r = await importCalendarYear(t.db, adminId, {
      year: 2028,
      content: Array.from({ length: 366 }, (_, i) => {
        const d = new Date(Date.UTC(2028, 0, 1 + i));
        const w = d.getUTCDay();
        return `${d.toISOString().slice(0, 10)};${w === 0 || w === 6 ? "Выходной день" : "working"}`;
      }).join("\r\n"),
      decreeNumber: "",
      decreeDate: "",
    });
    expect(r.year).toBe(2028);
    expect(await t.db.calendarYear.findUniqueOrThrow({ where: { year: 2028 } })).toMatchObject({ provisional: true });
    expect(
      await t.db.calendarDay.count({ where: { date: { gte: new Date("2028-01-01"), lt: new Date("2029-01-01") } } }),
    ).toBe(366);
  });
});

describe("reception schedule of the receiving department (R7; S1 p.22)", () => {
  it("closing at 18:00: an in-person application received at 16:50 is due at 17:05 the same day", async () => {
    const service = await t.db.service.findUniqueOrThrow({
      where: { code: "archive-info" },
      select: { departmentId: true },
    });
    const early = await inPerson(at("2026-03-04T16:50"));
    const before = await t.db.application.findUniqueOrThrow({ where: { id: early.id } });
    expect(local(before.stageDueAt)).toBe("2026-03-05T09:05"); // no schedule: the calendar's 9:00-17:00

    await saveDepartmentHours(t.db, adminId, { departmentId: service.departmentId, hours: defaultHours() });
    const reg = await inPerson(at("2026-03-04T16:50"));
    const app = await t.db.application.findUniqueOrThrow({ where: { id: reg.id } });
    expect(app.departmentId).toBe(service.departmentId);
    expect(local(app.stageDueAt)).toBe("2026-03-04T17:05");
    const [event] = await t.db.adminEvent.findMany({
      where: { type: "schedule_changed", subjectId: service.departmentId },
    });
    expect(event).toMatchObject({ actorId: adminId, before: null, after: defaultHours() });
  });
});

describe("recomputed registration terms (S2 p.66, issue 12)", () => {
  it("a post application received on a Saturday and registered later keeps its registration term counted from receipt as S2 p.66 reads", async () => {
    // Received on Saturday 26 December 2026, registered by the registrar on Monday 28 December.
    const reg = await registerPaperApplication(t.db, registrar, {
      serviceCode: "archive-info",
      values: PAPER_ARCHIVE_REQUEST,
      channel: "POST",
      receivedAt: at("2026-12-26T12:00"),
      now: at("2026-12-28T10:00"),
      applicant: { lastName: "Почтов", firstName: "Иван" },
      calendar: await loadWorkingCalendar(t.db),
      submissionKey: randomUUID(),
    });
    const before = await t.db.application.findUniqueOrThrow({ where: { id: reg.id } });
    // "в следующий за ним первый рабочий день": Monday 28 December itself.
    expect(local(before.stageDueAt)).toBe("2026-12-28T23:59");
    // 28 December made a holiday: the first working day after the arrival is now the 29th.
    await setCalendarDay(t.db, adminId, { date: "2026-12-28", kind: "holiday", note: "Проверка пересчёта" });
    const after = await t.db.application.findUniqueOrThrow({ where: { id: reg.id } });
    expect(local(after.stageDueAt)).toBe("2026-12-29T23:59");
  });
});
