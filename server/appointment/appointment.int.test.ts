// Appointments (R18, S1 p.32: booking at any free date and time within the reception schedule; a
// notice with date, time and place, R19), on real PostgreSQL: the slots follow the department's
// schedule and the working calendar, two people can never hold one slot, a cancelled slot is free
// again, the day-before reminder goes out once, the registrar marks the visit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { applicantAccount, demoScope, demoUser, departmentIds, staffAccount, scopeOf } from "../test/factories";
import { callerAs, failure } from "../test/callers";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { AppError } from "../errors";
import { defaultHours } from "../organisation/schedule";
import { bookingOffer } from "./data";
import { documentChecksum } from "../regulation/checksum";
import { SLOT_TAKEN_MESSAGE, bookAppointment, cancelAppointment, markVisit } from "./mutations";
import { remindAppointments } from "./reminders";

let t: TestDatabase;
let calendar: WorkingCalendar;
/** An instant of a local date at a local time (the municipality's zone). */
const at = (date: string, time: string) => {
  const [h, m] = time.split(":").map(Number);
  return new Date(calendar.startOfLocalDay(date).getTime() + (h! * 60 + m!) * 60_000);
};
// Wednesday 29.04.2026 at 10:00: tomorrow, 30.04, is the shortened day before the 1 May holiday
// (Labour Code art. 95), 1-3 May are days off.
const NOW_DATE = "2026-04-29";

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  // The archive (S2, 30-minute slots in the seed) receives 9:00-18:00 with lunch 13:00-14:00.
  const archive = (await departmentIds(t.db)).archive!;
  await t.db.department.update({ where: { id: archive }, data: { hours: defaultHours() } });
});
afterAll(() => t.drop());

const now = () => at(NOW_DATE, "10:00");

describe("free slots (R18, S1 p.32)", () => {
  it("cut the reception schedule into the service's slots from tomorrow: lunch, the pre-holiday hour and holidays left out", async () => {
    const offer = await bookingOffer(t.db, "archive-info", now());
    expect(offer.service.slotMinutes).toBe(30);
    const [first, second] = offer.days;
    // Today's slots are not offered; tomorrow is the first day.
    expect(first!.date).toBe("2026-04-30");
    expect(first!.slots[0]!.startsAt).toEqual(at("2026-04-30", "09:00"));
    // No slot in the lunch break.
    const lunch = first!.slots.filter(
      (s) => s.startsAt >= at("2026-04-30", "12:31") && s.startsAt < at("2026-04-30", "14:00"),
    );
    expect(lunch).toEqual([]);
    expect(first!.slots.map((s) => s.startsAt)).toContainEqual(at("2026-04-30", "12:30"));
    // The day before the holiday ends an hour early: the last slot is 16:30-17:00.
    expect(first!.slots.at(-1)!.endsAt).toEqual(at("2026-04-30", "17:00"));
    expect(first!.slots).toHaveLength(8 + 6);
    // 1-3 May (the holiday and the weekend) have no reception; Monday 4 May is a full day.
    expect(second!.date).toBe("2026-05-04");
    expect(second!.slots).toHaveLength(8 + 8);
    expect(second!.slots.at(-1)!.endsAt).toEqual(at("2026-05-04", "18:00"));
    // About 30 days ahead, no further.
    expect(offer.days.at(-1)!.date <= "2026-05-29").toBe(true);
  });

  it("a department without a schedule receives over the calendar's day from 9:00 (S1's roads unit, 15-minute slots)", async () => {
    const offer = await bookingOffer(t.db, "road-info", now());
    expect(offer.service.slotMinutes).toBe(15);
    expect(offer.days[0]!.slots[0]!.startsAt).toEqual(at("2026-04-30", "09:00"));
    // 8 hours shortened by one before the holiday: 9:00-16:00.
    expect(offer.days[0]!.slots.at(-1)!.endsAt).toEqual(at("2026-04-30", "16:00"));
  });

  it("a service whose passport sets no slot length takes no appointments", async () => {
    const version = await t.db.regulationVersion.findFirstOrThrow({
      where: { service: { code: "archive-info" }, status: "PUBLISHED" },
      orderBy: { version: "desc" },
    });
    const doc = version.document as { passport: Record<string, unknown> };
    const { appointment: _appointment, ...passport } = doc.passport;
    // Written as every write of a document is: with its checksum (the parsed edition is cached by it).
    const without = { ...doc, passport };
    await t.db.regulationVersion.update({
      where: { id: version.id },
      data: { document: without as object, checksum: documentChecksum(without) },
    });
    try {
      await expect(bookingOffer(t.db, "archive-info", now())).rejects.toMatchObject({ code: "PRECONDITION" });
    } finally {
      await t.db.regulationVersion.update({
        where: { id: version.id },
        data: { document: doc as object, checksum: version.checksum },
      });
    }
  });
});

describe("booking", () => {
  it("20 people booking one slot at once: exactly one booking, the others told it was just taken, with the next free times", async () => {
    const slot = at("2026-05-05", "10:00");
    const people = await Promise.all(Array.from({ length: 20 }, () => applicantAccount(t.db)));
    const results = await Promise.allSettled(
      people.map((p) =>
        bookAppointment(t.db, {
          userId: p.id,
          serviceCode: "archive-info",
          startsAt: slot.toISOString(),
          purpose: "Подать запрос",
          now: now(),
        }),
      ),
    );
    const booked = results.filter((r) => r.status === "fulfilled");
    expect(booked).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
    expect(refused).toHaveLength(19);
    for (const e of refused) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("CONFLICT");
      expect((e as AppError).message.startsWith(SLOT_TAKEN_MESSAGE)).toBe(true);
      // The next free slot of that day is offered: 10:30.
      expect((e as AppError).message).toContain("5 мая 2026 г. в 10:30");
    }
    expect(await t.db.appointment.count({ where: { startsAt: slot, status: "BOOKED" } })).toBe(1);

    // The confirmation (R19): in the cabinet and by e-mail, with date, time, place and the code.
    const winner = (booked[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof bookAppointment>>>).value;
    const row = await t.db.appointment.findUniqueOrThrow({ where: { id: winner.id } });
    const notice = await t.db.notification.findFirstOrThrow({
      where: { userId: row.userId!, kind: "booking_confirmed" },
    });
    expect(notice.body).toContain("Дата: 5 мая 2026 г.\nВремя: 10:00");
    expect(notice.body).toContain(`Место: ${winner.place}`);
    expect(notice.body).toContain(`Код записи: ${row.code}`);
    expect(winner.place).toMatch(/архив/i);
    expect(await t.db.outgoingEmail.count({ where: { notificationId: notice.id } })).toBe(1);
  });

  it("a slot outside the reception hours, or in the past, is refused the same way", async () => {
    const p = await applicantAccount(t.db);
    for (const startsAt of [at("2026-05-05", "13:00"), at("2026-05-05", "10:10"), at(NOW_DATE, "11:00")]) {
      await expect(
        bookAppointment(t.db, {
          userId: p.id,
          serviceCode: "archive-info",
          startsAt: startsAt.toISOString(),
          purpose: "Подать запрос",
          now: now(),
        }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
    }
    expect(await t.db.appointment.count({ where: { userId: p.id } })).toBe(0);
  });

  it("cancelling frees the slot for someone else; the same person books once per service until they cancel", async () => {
    const slot = at("2026-05-06", "09:30");
    const [a, b] = [await applicantAccount(t.db), await applicantAccount(t.db)];
    const book = (userId: string, s = slot) =>
      bookAppointment(t.db, {
        userId,
        serviceCode: "archive-info",
        startsAt: s.toISOString(),
        purpose: "Подать запрос",
        now: now(),
      });
    const first = await book(a.id);
    await expect(book(b.id)).rejects.toMatchObject({ code: "CONFLICT" });
    const heldNow = (await bookingOffer(t.db, "archive-info", now())).days.find((d) => d.date === "2026-05-06")!;
    expect(heldNow.slots.map((s) => s.startsAt)).not.toContainEqual(slot);
    // Rebooking is cancel-and-book: a second booking on the same service is refused while one stands.
    await expect(book(a.id, at("2026-05-06", "11:00"))).rejects.toMatchObject({ code: "PRECONDITION" });
    // Someone else's booking is not found.
    await expect(cancelAppointment(t.db, { userId: b.id, id: first.id, now: now() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await cancelAppointment(t.db, { userId: a.id, id: first.id, now: now() });
    const row = await t.db.appointment.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ status: "CANCELLED", slotKey: null });
    const freed = (await bookingOffer(t.db, "archive-info", now())).days.find((d) => d.date === "2026-05-06")!;
    expect(freed.slots.map((s) => s.startsAt)).toContainEqual(slot);
    await book(b.id);
    await expect(cancelAppointment(t.db, { userId: a.id, id: first.id, now: now() })).rejects.toMatchObject({
      code: "PRECONDITION",
    });
  });

  it("one person booking two times at once (two tabs) gets one booking", async () => {
    const p = await applicantAccount(t.db);
    const results = await Promise.allSettled(
      ["11:00", "11:30"].map((time) =>
        bookAppointment(t.db, {
          userId: p.id,
          serviceCode: "archive-info",
          startsAt: at("2026-05-07", time).toISOString(),
          purpose: "Подать запрос",
          now: now(),
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      code: "PRECONDITION",
    });
    expect(await t.db.appointment.count({ where: { userId: p.id, status: "BOOKED" } })).toBe(1);
  });

  it("through the API: identity comes from the account, the purpose is required, staff cannot book", async () => {
    const applicant = await demoUser(t.db, "applicant");
    const caller = callerAs(t.db, applicant.id);
    const offer = await caller.appointment.offer({ serviceCode: "road-info" });
    const slot = offer.days[0]!.slots[0]!;
    const bad = await failure(
      caller.appointment.book({ serviceCode: "road-info", startsAt: slot.startsAt.toISOString(), purpose: "" }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect((bad.cause as ZodError).issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["purpose", "Укажите цель визита: например, «подать заявление»"],
    ]);
    const booked = await caller.appointment.book({
      serviceCode: "road-info",
      startsAt: slot.startsAt.toISOString(),
      purpose: "Подать заявление",
    });
    const row = await t.db.appointment.findUniqueOrThrow({ where: { id: booked.id } });
    const user = await t.db.user.findUniqueOrThrow({ where: { id: applicant.id } });
    expect(row).toMatchObject({ userId: applicant.id, email: user.email, purpose: "Подать заявление" });
    expect((await caller.appointment.mine()).coming.map((a) => a.id)).toContain(booked.id);
    const registrar = await demoUser(t.db, "registrar");
    expect((await failure(callerAs(t.db, registrar.id).appointment.mine())).code).toBe("FORBIDDEN");
    await caller.appointment.cancel({ id: booked.id });
  });
});

describe("the day before and the day itself", () => {
  it("the reminder goes out once, the day before, and not for a cancelled booking", async () => {
    const [a, b] = [await applicantAccount(t.db), await applicantAccount(t.db)];
    const book = (userId: string, time: string) =>
      bookAppointment(t.db, {
        userId,
        serviceCode: "archive-info",
        startsAt: at("2026-05-12", time).toISOString(),
        purpose: "Подать запрос",
        now: now(),
      });
    const kept = await book(a.id, "15:00");
    const dropped = await book(b.id, "15:30");
    await cancelAppointment(t.db, { userId: b.id, id: dropped.id, now: now() });

    // Two days before: nothing yet.
    expect(await remindAppointments(t.db, at("2026-05-10", "12:00"))).toEqual({ reminded: 0 });
    const dayBefore = at("2026-05-11", "09:07");
    const runs = await Promise.all([remindAppointments(t.db, dayBefore), remindAppointments(t.db, dayBefore)]);
    expect(runs.reduce((s, r) => s + r.reminded, 0)).toBe(1);
    expect(await remindAppointments(t.db, at("2026-05-11", "10:07"))).toEqual({ reminded: 0 });
    const reminders = await t.db.notification.findMany({ where: { userId: a.id, kind: "appointment_reminder" } });
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.title).toBe("Напоминание: приём 12 мая 2026 г. в 15:00");
    expect(reminders[0]!.body).toContain(`Место: ${kept.place}`);
    expect(reminders[0]!.body).toContain(`Код записи: ${kept.code}`);
    expect(await t.db.outgoingEmail.count({ where: { notificationId: reminders[0]!.id } })).toBe(1);
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: kept.id } })).remindedAt).toEqual(dayBefore);
    expect(await t.db.notification.count({ where: { userId: b.id, kind: "appointment_reminder" } })).toBe(0);
  });

  it("the registrar's day list: the department's bookings; arrived, then called (the queue wait), or missed", async () => {
    const [a, b] = [await applicantAccount(t.db), await applicantAccount(t.db)];
    const book = (userId: string, time: string) =>
      bookAppointment(t.db, {
        userId,
        serviceCode: "archive-info",
        startsAt: at("2026-05-13", time).toISOString(),
        purpose: "Подать запрос",
        now: now(),
      });
    const first = await book(a.id, "09:00");
    const second = await book(b.id, "09:30");
    const registrar = await demoScope(t.db, "registrar");
    const list = await callerAs(t.db, registrar.userId).appointment.day({ date: "2026-05-13" });
    expect(list.map((x) => x.id)).toEqual([first.id, second.id]);
    // Another department's staff do not see them, nor mark them.
    const mfc = await staffAccount(t.db, [["mfc", "REGISTRAR"]]);
    expect(await callerAs(t.db, mfc.id).appointment.day({ date: "2026-05-13" })).toEqual([]);
    expect((await failure(callerAs(t.db, mfc.id).appointment.mark({ id: first.id, mark: "arrived" }))).code).toBe(
      "NOT_FOUND",
    );
    // The archive's executor sees the list but the marks are the registrar's or the head's.
    const executor = await scopeOf(t.db, (await staffAccount(t.db, [["archive", "EXECUTOR"]])).id);
    await expect(
      markVisit(t.db, executor, { id: first.id, mark: "arrived", now: at("2026-05-13", "08:55") }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await markVisit(t.db, registrar, { id: first.id, mark: "arrived", now: at("2026-05-13", "08:55") });
    await markVisit(t.db, registrar, { id: first.id, mark: "called", now: at("2026-05-13", "09:04") });
    await markVisit(t.db, registrar, { id: second.id, mark: "missed", now: at("2026-05-13", "09:45") });
    expect(await t.db.appointment.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "ATTENDED",
      arrivedAt: at("2026-05-13", "08:55"),
      calledAt: at("2026-05-13", "09:04"),
    });
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("MISSED");
    // A mark that no longer fits is refused.
    await expect(
      markVisit(t.db, registrar, { id: second.id, mark: "called", now: at("2026-05-13", "09:50") }),
    ).rejects.toMatchObject({
      code: "PRECONDITION",
    });
  });
});
