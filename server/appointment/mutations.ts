// Writes of appointments (R18, S1 p.32). A booking holds its slot by a unique key
// (`<serviceId>|<startsAt>`, null once cancelled): of any number of people booking one slot at the
// same moment the database lets exactly one in, and the others are told at once, with the next free
// times. The confirmation (cabinet and e-mail, R19) is written in the booking's transaction.
import "server-only";
import { randomInt } from "node:crypto";
import type { Db } from "../db/client";
import type { StaffScope } from "../auth/scope";
import { AppError, isRace } from "../errors";
import { notify, queueEmail } from "../notification/mutations";
import { appBaseUrl } from "../notification/config";
import { formatDate, formatTime } from "../format/dates";
import { salutationName } from "../people";
import { appointmentInScope, bookingTarget, freeSlots, visitorOf } from "./data";
import { appointmentBookedMessage, appointmentReminderMessage } from "./notices";
import { slotKey } from "./slots";
import type { VisitMark } from "./schema";

export const SLOT_TAKEN_MESSAGE = "Это время только что заняли";

/** A code to name at the reception: no letters that read like digits (O, I), none that differ between alphabets. */
const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
function visitCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

const cabinetUrl = () => `${appBaseUrl()}/cabinet/appointments`;

/** The next free times, for the message of a slot lost to someone else (or one that is not offered). */
async function nextFreeText(db: Db, target: Awaited<ReturnType<typeof bookingTarget>>, after: Date, now: Date) {
  const next = (await freeSlots(db, target, now))
    .flatMap((d) => d.slots)
    .filter((s) => s.startsAt >= after)
    .slice(0, 3);
  if (!next.length) return "Свободного времени в ближайшие дни нет.";
  return `Свободное время рядом: ${next.map((s) => `${formatDate(s.startsAt)} в ${formatTime(s.startsAt)}`).join("; ")}.`;
}

export type BookInput = { userId: string; serviceCode: string; startsAt: string; purpose: string; now: Date };

export async function bookAppointment(db: Db, input: BookInput) {
  const target = await bookingTarget(db, input.serviceCode, input.now);
  const at = new Date(input.startsAt);
  if (Number.isNaN(at.getTime()))
    throw new AppError("INVALID", "Выберите дату и время приёма", { startsAt: "Выберите дату и время приёма" });
  const free = (await freeSlots(db, target, input.now)).flatMap((d) => d.slots);
  const slot = free.find((s) => s.startsAt.getTime() === at.getTime());
  if (!slot) {
    // Not a slot of the schedule, in the past, or held already: which one the applicant need not know.
    const message = `${SLOT_TAKEN_MESSAGE} или оно вне часов приёма. ${await nextFreeText(db, target, at, input.now)}`;
    throw new AppError("CONFLICT", message, { startsAt: message });
  }
  const visitor = await visitorOf(db, input.userId);
  try {
    return await db.$transaction(async (tx) => {
      // One standing booking per person and service (rebooking is cancel and book): the person's
      // bookings are serialised on their account row, so two tabs booking two times get one.
      await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${input.userId}::uuid FOR UPDATE`;
      const mine = await tx.appointment.findFirst({
        where: { userId: input.userId, serviceId: target.id, status: "BOOKED", endsAt: { gt: input.now } },
        select: { startsAt: true },
      });
      if (mine)
        throw new AppError(
          "PRECONDITION",
          `Вы уже записаны по этой услуге на ${formatDate(mine.startsAt)} в ${formatTime(mine.startsAt)}. Чтобы выбрать другое время, отмените эту запись.`,
        );
      const booked = await tx.appointment.create({
        data: {
          departmentId: target.departmentId,
          serviceId: target.id,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          slotKey: slotKey(target.id, slot.startsAt),
          userId: input.userId,
          name: visitor.name,
          email: visitor.email,
          phone: visitor.phone,
          purpose: input.purpose,
          code: visitCode(),
        },
        select: { id: true, code: true, startsAt: true, endsAt: true },
      });
      const message = appointmentBookedMessage({
        recipientName: salutationName(visitor.salutation),
        serviceTitle: target.title,
        at: booked.startsAt,
        place: target.place,
        code: booked.code,
        cabinetUrl: cabinetUrl(),
      });
      await notify(tx, { userId: input.userId, kind: "booking_confirmed", ...message });
      return { ...booked, place: target.place, serviceTitle: target.title };
    });
  } catch (error) {
    if (!isRace(error)) throw error;
    // The unique slot key: someone booked this slot a moment ago (a code collision would also land
    // here, once in a billion; the message then still tells the truth: try again).
    const message = `${SLOT_TAKEN_MESSAGE}. ${await nextFreeText(db, target, slot.startsAt, input.now)}`;
    throw new AppError("CONFLICT", message, { startsAt: message });
  }
}

/** The applicant cancels their own coming booking: the slot is free again at once. */
export async function cancelAppointment(db: Db, input: { userId: string; id: string; now: Date }) {
  const row = await db.appointment.findFirst({
    where: { id: input.id, userId: input.userId },
    select: { id: true, status: true, startsAt: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "Запись не найдена");
  if (row.status !== "BOOKED") throw new AppError("PRECONDITION", "Запись уже отменена или приём состоялся");
  if (row.startsAt <= input.now) throw new AppError("PRECONDITION", "Время приёма уже наступило: запись не отменить");
  const done = await db.appointment.updateMany({
    where: { id: row.id, userId: input.userId, status: "BOOKED" },
    data: { status: "CANCELLED", slotKey: null, cancelledAt: input.now, rowVersion: { increment: 1 } },
  });
  if (done.count !== 1) throw new AppError("PRECONDITION", "Запись уже отменена или приём состоялся");
  return { id: row.id };
}

/**
 * The registrar's marks on the day list: the visitor arrived, was called to the desk (the queue
 * waiting time of R27 is calledAt - max(arrivedAt, startsAt)), or did not come. Each mark once.
 */
export async function markVisit(db: Db, scope: StaffScope, input: { id: string; mark: VisitMark; now: Date }) {
  const row = await appointmentInScope(db, scope, input.id);
  if (!row) throw new AppError("NOT_FOUND", "Запись не найдена");
  const roles = scope.rolesByDepartment.get(row.departmentId) ?? [];
  if (!roles.includes("REGISTRAR") && !roles.includes("HEAD"))
    throw new AppError("FORBIDDEN", "Отмечать посетителей могут регистраторы и руководители подразделения");
  const data =
    input.mark === "arrived"
      ? row.status === "BOOKED" && !row.arrivedAt
        ? { arrivedAt: input.now }
        : null
      : input.mark === "called"
        ? row.status === "BOOKED"
          ? { status: "ATTENDED" as const, calledAt: input.now, arrivedAt: row.arrivedAt ?? input.now }
          : null
        : row.status === "BOOKED" && !row.arrivedAt
          ? { status: "MISSED" as const }
          : null;
  if (!data) throw new AppError("PRECONDITION", "Эта отметка уже не подходит к записи: обновите список");
  const done = await db.appointment.updateMany({
    where: { id: row.id, rowVersion: row.rowVersion },
    data: { ...data, rowVersion: { increment: 1 } },
  });
  if (done.count !== 1) throw new AppError("CONFLICT", "Запись только что изменил другой сотрудник: обновите список");
  return { id: row.id };
}

type ReminderRow = {
  id: string;
  code: string;
  startsAt: Date;
  userId: string | null;
  email: string | null;
  name: string;
  user: { firstName: string | null; middleName: string | null } | null;
  service: { code: string; title: string };
  department: { name: string; address: string | null };
};

/**
 * The day-before reminder of one booking, once: remindedAt is set in the transaction that queues the
 * notice, conditionally on it being unset, so any number of job runs send one reminder.
 */
export async function sendReminder(db: Db, a: ReminderRow, now: Date, place: string | null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.appointment.updateMany({
      where: { id: a.id, status: "BOOKED", remindedAt: null },
      data: { remindedAt: now },
    });
    if (claimed.count !== 1) return false;
    const message = appointmentReminderMessage({
      recipientName: a.user ? salutationName(a.user) : a.name,
      serviceTitle: a.service.title,
      at: a.startsAt,
      place: place ?? [a.department.name, a.department.address].filter(Boolean).join(", "),
      code: a.code,
      cabinetUrl: cabinetUrl(),
    });
    if (a.userId) await notify(tx, { userId: a.userId, kind: "appointment_reminder", ...message });
    else if (a.email) await queueEmail(tx, { to: a.email, subject: message.title, body: message.body });
    return true;
  });
}
