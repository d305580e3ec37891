// Reads of appointments (R18). The applicant's own bookings are scoped by the account; the day list
// by the staff member's departments; free slots are public (the schedule is published, S1 p.32).
import "server-only";
import type { Db, Tx } from "../db/client";
import type { StaffScope } from "../auth/scope";
import { AppError } from "../errors";
import { loadWorkingCalendar } from "../calendar/data";
import { versionInForce, versionsInForce } from "../regulation/data";
import { parseHours } from "../organisation/schedule";
import { personName } from "../people";
import { CALENDAR_DAY_HOURS, bookableDates, slotsOfDay, type Slot } from "./slots";

/** A service that takes appointments: its department, the place of the visit and the slot length. */
export async function bookingTarget(db: Db | Tx, serviceCode: string, at: Date) {
  const service = await db.service.findUnique({
    where: { code: serviceCode },
    select: {
      id: true,
      code: true,
      title: true,
      isActive: true,
      departmentId: true,
      department: { select: { name: true, address: true, hours: true, closedAt: true } },
    },
  });
  if (!service || !service.isActive) throw new AppError("NOT_FOUND", "Услуга не найдена");
  const version = await versionInForce(db, service.id, at);
  const appointment = version?.document.passport.appointment;
  if (!version || !appointment || service.department.closedAt)
    throw new AppError("PRECONDITION", "По этой услуге запись на приём не ведётся");
  const address = service.department.address ?? version.document.passport.authority.address ?? null;
  return {
    id: service.id,
    code: service.code,
    title: service.title,
    departmentId: service.departmentId,
    slotMinutes: appointment.slotMinutes,
    note: appointment.note ?? null,
    place: [service.department.name, address].filter(Boolean).join(", "),
    hours: parseHours(service.department.hours) ?? CALENDAR_DAY_HOURS,
  };
}
export type BookingTarget = Awaited<ReturnType<typeof bookingTarget>>;

/** Start instants (ISO) of the service's slots held by a booking between `from` and `to`. */
async function heldSlots(db: Db | Tx, serviceId: string, from: Date, to: Date): Promise<Set<string>> {
  const rows = await db.appointment.findMany({
    where: { serviceId, slotKey: { not: null }, startsAt: { gte: from, lt: to } },
    select: { startsAt: true },
  });
  return new Set(rows.map((r) => r.startsAt.toISOString()));
}

export type FreeDay = { date: string; slots: Slot[] };

/** The free slots of a service from tomorrow on (R18): the schedule's slots minus those held. */
export async function freeSlots(db: Db, target: BookingTarget, now: Date): Promise<FreeDay[]> {
  const calendar = await loadWorkingCalendar(db);
  const days = bookableDates(calendar, now)
    .map((date) => ({ date, slots: slotsOfDay(calendar, target.hours, target.slotMinutes, date) }))
    .filter((d) => d.slots.length > 0);
  if (!days.length) return [];
  const held = await heldSlots(db, target.id, days[0]!.slots[0]!.startsAt, days.at(-1)!.slots.at(-1)!.endsAt);
  return days
    .map((d) => ({
      date: d.date,
      slots: d.slots.filter((s) => s.startsAt > now && !held.has(s.startsAt.toISOString())),
    }))
    .filter((d) => d.slots.length > 0);
}

/** What the public service page and the booking page show. */
export async function bookingOffer(db: Db, serviceCode: string, now: Date) {
  const target = await bookingTarget(db, serviceCode, now);
  const { hours: _, ...service } = target;
  return { service, days: await freeSlots(db, target, now) };
}

const APPOINTMENT_FIELDS = {
  id: true,
  code: true,
  status: true,
  startsAt: true,
  endsAt: true,
  purpose: true,
  createdAt: true,
  cancelledAt: true,
  service: { select: { code: true, title: true } },
  department: { select: { name: true, address: true } },
} as const;

/** The applicant's bookings, coming first, then the past ones (the last 50). */
export async function myAppointments(db: Db, userId: string, now: Date) {
  const rows = await db.appointment.findMany({
    where: { userId },
    orderBy: [{ startsAt: "desc" }],
    take: 50,
    select: APPOINTMENT_FIELDS,
  });
  const coming = rows.filter((r) => r.status === "BOOKED" && r.endsAt > now).reverse();
  const past = rows.filter((r) => !(r.status === "BOOKED" && r.endsAt > now));
  return { coming, past };
}

/** The registrar's day list: the bookings of the caller's departments on a local date, in time order. */
export async function dayList(db: Db, scope: StaffScope, date: string) {
  const calendar = await loadWorkingCalendar(db);
  const rows = await db.appointment.findMany({
    where: {
      departmentId: { in: [...scope.departmentIds] },
      startsAt: { gte: calendar.startOfLocalDay(date), lte: calendar.endOfLocalDay(date) },
      status: { not: "CANCELLED" },
    },
    orderBy: [{ startsAt: "asc" }, { code: "asc" }],
    take: 500,
    select: {
      id: true,
      code: true,
      status: true,
      startsAt: true,
      endsAt: true,
      name: true,
      email: true,
      phone: true,
      purpose: true,
      arrivedAt: true,
      calledAt: true,
      departmentId: true,
      service: { select: { title: true } },
      department: { select: { name: true } },
    },
  });
  return rows;
}

/** A booking in the caller's departments (the registrar's marks), or null. */
export async function appointmentInScope(db: Db | Tx, scope: StaffScope, id: string) {
  return db.appointment.findFirst({
    where: { id, departmentId: { in: [...scope.departmentIds] } },
    select: {
      id: true,
      status: true,
      departmentId: true,
      arrivedAt: true,
      calledAt: true,
      startsAt: true,
      rowVersion: true,
    },
  });
}

/** Bookings standing in [from, to) not reminded yet: the day-before reminder's work (once each). */
export async function appointmentsToRemind(db: Db, from: Date, to: Date, take: number) {
  const rows = await db.appointment.findMany({
    where: { status: "BOOKED", remindedAt: null, startsAt: { gte: from, lt: to } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      code: true,
      startsAt: true,
      userId: true,
      email: true,
      name: true,
      user: { select: { firstName: true, middleName: true } },
      service: { select: { code: true, title: true } },
      department: { select: { name: true, address: true } },
    },
  });
  return rows;
}

/** The visitor as the booking records them: the account's name and contacts (S1 p.32: identity only). */
export async function visitorOf(db: Db | Tx, userId: string) {
  const u = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { lastName: true, firstName: true, middleName: true, email: true, phone: true },
  });
  return { name: personName(u) || u.email, email: u.email, phone: u.phone ?? null, salutation: u };
}

/** The active services whose regulation in force takes appointments, for the cabinet's "book a visit" list. */
export async function servicesTakingAppointments(db: Db, now: Date) {
  const services = await db.service.findMany({
    where: { isActive: true, department: { closedAt: null } },
    orderBy: { title: "asc" },
    select: { id: true, code: true, title: true },
  });
  const versions = await versionsInForce(
    db,
    services.map((s) => s.id),
    now,
  );
  return services.flatMap((s) => {
    const slotMinutes = versions.get(s.id)?.document.passport.appointment?.slotMinutes;
    return slotMinutes ? [{ code: s.code, title: s.title, slotMinutes }] : [];
  });
}
