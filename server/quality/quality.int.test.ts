// The quality dashboard (issue 14 p.6; R27; S0 p.10; S1 p.25: deadlines met, queue waiting time not
// exceeded, no justified complaints): its figures against a fixture whose expected numbers are computed
// here, by plain JavaScript over the fixture's own arrays, never by the SQL under test. The period is
// March 2026 in the municipality's zone (Asia/Yekaterinburg, UTC+5): the fixture puts rows on both
// sides of each boundary instant.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { callerAs, failure } from "../test/callers";
import { demoUser, departmentIds, staffAccount } from "../test/factories";
import { archiveInfoRegulation, roadInfoRegulation } from "../../prisma/seed/regulations";
import { versionInForce } from "../regulation/data";
import { loadIdentity } from "../auth/data";
import { qualityExportRoute } from "./http";
import { qualityReport, qualityViewer } from "./data";
import type { Figures } from "./schema";

/** Municipality time (UTC+5) as an instant. */
const local = (s: string) => new Date(`${s}+05:00`);
const PERIOD = { from: "2026-03-01", to: "2026-03-31" };
const START = local("2026-03-01T00:00:00");
const END = local("2026-04-01T00:00:00");
const inPeriod = (d: Date | null | undefined) => !!d && d >= START && d < END;
const NOW = local("2026-04-10T12:00:00");
const HOUR = 3_600_000;
const MINUTE = 60_000;

type Svc = "archive" | "road";
type Dept = "archive" | "roads" | "mfc";
type AppFx = {
  name: string;
  service: Svc;
  department?: Dept;
  status: "DRAFT" | "SUBMITTED" | "CLOSED" | "WITHDRAWN";
  registeredAt?: Date;
  dueAt?: Date;
  stageDueAt?: Date;
  closedAt?: Date;
  outcome?: string;
};

// Applications: received = registered in the period; decided = CLOSED with an outcome (not a
// withdrawal) in the period; on time = closed at or before dueAt; overdue now = SUBMITTED with the
// stage's due date before NOW.
const APPS: AppFx[] = [
  // Registered at the period's first instant; decided on time.
  {
    name: "A1",
    service: "archive",
    status: "CLOSED",
    registeredAt: local("2026-03-01T00:00:00"),
    dueAt: local("2026-03-20T23:59:59.999"),
    closedAt: local("2026-03-10T11:00:00"),
    outcome: "granted",
  },
  // Registered a minute before the period; decided late, on the period's last minute.
  {
    name: "A2",
    service: "archive",
    status: "CLOSED",
    registeredAt: local("2026-02-28T23:59:00"),
    dueAt: local("2026-03-15T23:59:59.999"),
    closedAt: local("2026-03-31T23:59:00"),
    outcome: "refused",
  },
  // Registered on the last evening, 23:30 local (18:30 UTC), and overdue now.
  {
    name: "A3",
    service: "archive",
    status: "SUBMITTED",
    registeredAt: local("2026-03-31T23:30:00"),
    stageDueAt: local("2026-04-05T23:59:59.999"),
  },
  // Registered at the instant the period ends (01.04 00:00 local = 31.03 19:00 UTC): not received.
  {
    name: "A4",
    service: "archive",
    status: "SUBMITTED",
    registeredAt: local("2026-04-01T00:00:00"),
    stageDueAt: local("2026-04-20T23:59:59.999"),
  },
  // Closed at the instant the period ends: not decided in March.
  {
    name: "A5",
    service: "archive",
    status: "CLOSED",
    registeredAt: local("2026-03-05T10:00:00"),
    dueAt: local("2026-03-25T23:59:59.999"),
    closedAt: local("2026-04-01T00:00:00"),
    outcome: "granted",
  },
  // Closed at its due instant exactly: on time ("at or before").
  {
    name: "R1",
    service: "road",
    status: "CLOSED",
    registeredAt: local("2026-03-10T09:00:00"),
    dueAt: local("2026-03-12T23:59:59.999"),
    closedAt: local("2026-03-12T23:59:59.999"),
    outcome: "refused",
  },
  // Withdrawn by the applicant: received, never decided.
  {
    name: "R2",
    service: "road",
    status: "WITHDRAWN",
    registeredAt: local("2026-03-11T09:00:00"),
    closedAt: local("2026-03-15T09:00:00"),
  },
  // Closed by a final stage whose outcome is a withdrawal: not a decision either.
  {
    name: "R3",
    service: "road",
    status: "CLOSED",
    registeredAt: local("2026-03-11T10:00:00"),
    dueAt: local("2026-03-30T23:59:59.999"),
    closedAt: local("2026-03-16T09:00:00"),
    outcome: "withdrawn",
  },
  // Decided without a due date: decided, but not in the on-time share's base.
  {
    name: "R4",
    service: "road",
    status: "CLOSED",
    registeredAt: local("2026-03-12T10:00:00"),
    closedAt: local("2026-03-20T09:00:00"),
    outcome: "granted",
  },
  // In progress, its stage overdue; registered before the period.
  {
    name: "R5",
    service: "road",
    status: "SUBMITTED",
    registeredAt: local("2026-02-10T10:00:00"),
    stageDueAt: local("2026-03-01T23:59:59.999"),
  },
  // A draft: nothing.
  { name: "D1", service: "archive", status: "DRAFT" },
  // An archive application handled by the MFC: the administrator's, never the head's.
  {
    name: "M1",
    service: "archive",
    department: "mfc",
    status: "CLOSED",
    registeredAt: local("2026-03-03T10:00:00"),
    dueAt: local("2026-03-04T23:59:59.999"),
    closedAt: local("2026-03-06T10:00:00"),
    outcome: "granted",
  },
];

type StageFx = { app: string; stage: string; enteredAt: Date; leftAt?: Date; dueAt?: Date };
const STAGES: StageFx[] = [
  {
    app: "A1",
    stage: "registration",
    enteredAt: local("2026-03-01T00:00:00"),
    leftAt: local("2026-03-02T06:00:00"),
    dueAt: local("2026-03-02T23:59:59.999"),
  },
  {
    app: "A1",
    stage: "check",
    enteredAt: local("2026-03-02T06:00:00"),
    leftAt: local("2026-03-10T11:00:00"),
    dueAt: local("2026-03-05T23:59:59.999"),
  },
  // Entered before the period, left on its last minute: counted whole.
  {
    app: "A2",
    stage: "check",
    enteredAt: local("2026-02-20T09:00:00"),
    leftAt: local("2026-03-31T23:59:00"),
    dueAt: local("2026-03-01T23:59:59.999"),
  },
  // Not left yet, the application in progress: "on the stage now", in no average.
  {
    app: "A3",
    stage: "registration",
    enteredAt: local("2026-03-31T23:30:00"),
    dueAt: local("2026-04-05T23:59:59.999"),
  },
  // Left at the instant the period ends: not March's.
  {
    app: "A4",
    stage: "registration",
    enteredAt: local("2026-03-30T10:00:00"),
    leftAt: local("2026-04-01T00:00:00"),
  },
  // A final stage of a closed application never left: neither completed nor "now".
  { app: "A1", stage: "granted", enteredAt: local("2026-03-10T11:00:00") },
  // Without a deadline: completed, not in the on-time base.
  { app: "R1", stage: "registration", enteredAt: local("2026-03-10T09:00:00"), leftAt: local("2026-03-10T09:30:00") },
  {
    app: "R1",
    stage: "review",
    enteredAt: local("2026-03-10T09:30:00"),
    leftAt: local("2026-03-12T23:59:59.999"),
    dueAt: local("2026-03-13T23:59:59.999"),
  },
  { app: "R5", stage: "review", enteredAt: local("2026-02-12T10:00:00"), dueAt: local("2026-03-01T23:59:59.999") },
  // The MFC's: outside the head's departments.
  {
    app: "M1",
    stage: "check",
    enteredAt: local("2026-03-03T10:00:00"),
    leftAt: local("2026-03-06T10:00:00"),
    dueAt: local("2026-03-04T23:59:59.999"),
  },
];

type AppointmentFx = {
  service: Svc;
  department?: Dept;
  startsAt: Date;
  arrivedAt?: Date;
  calledAt?: Date;
  status: "BOOKED" | "ATTENDED" | "MISSED" | "CANCELLED";
};
const APPOINTMENTS: AppointmentFx[] = [
  // Came early, waited from the slot's start: 5 minutes.
  {
    service: "archive",
    startsAt: local("2026-03-03T10:00:00"),
    arrivedAt: local("2026-03-03T09:50:00"),
    calledAt: local("2026-03-03T10:05:00"),
    status: "ATTENDED",
  },
  // Came late, waited from arrival: 25 minutes, over S2's 15.
  {
    service: "archive",
    startsAt: local("2026-03-03T10:15:00"),
    arrivedAt: local("2026-03-03T10:20:00"),
    calledAt: local("2026-03-03T10:45:00"),
    status: "ATTENDED",
  },
  // Called before the slot started: no wait, not a negative one.
  {
    service: "archive",
    startsAt: local("2026-03-04T11:00:00"),
    calledAt: local("2026-03-04T10:58:00"),
    status: "ATTENDED",
  },
  // Exactly at the limit: 15 minutes is not over it.
  {
    service: "archive",
    startsAt: local("2026-03-31T23:00:00"),
    arrivedAt: local("2026-03-31T22:55:00"),
    calledAt: local("2026-03-31T23:15:00"),
    status: "ATTENDED",
  },
  // Missed, never called.
  { service: "archive", startsAt: local("2026-03-05T11:00:00"), status: "MISSED" },
  // Before the period.
  {
    service: "archive",
    startsAt: local("2026-02-28T23:45:00"),
    arrivedAt: local("2026-02-28T23:40:00"),
    calledAt: local("2026-03-01T00:30:00"),
    status: "ATTENDED",
  },
  // The MFC's reception.
  {
    service: "archive",
    department: "mfc",
    startsAt: local("2026-03-10T10:00:00"),
    calledAt: local("2026-03-10T10:40:00"),
    status: "ATTENDED",
  },
];

type ComplaintFx = {
  app?: string;
  department: Dept;
  registeredAt: Date;
  status: "REGISTERED" | "UPHELD" | "REJECTED";
};
const COMPLAINTS: ComplaintFx[] = [
  { app: "A1", department: "archive", registeredAt: local("2026-03-05T10:00:00"), status: "UPHELD" },
  { app: "A2", department: "archive", registeredAt: local("2026-03-06T10:00:00"), status: "REJECTED" },
  { app: "R1", department: "roads", registeredAt: local("2026-03-31T23:59:00"), status: "REGISTERED" },
  // On paper, naming no application: the department's and the total's, no service's.
  { department: "archive", registeredAt: local("2026-03-07T10:00:00"), status: "UPHELD" },
  // At the instant the period ends.
  { app: "A2", department: "archive", registeredAt: local("2026-04-01T00:00:00"), status: "UPHELD" },
  { app: "M1", department: "mfc", registeredAt: local("2026-03-07T10:00:00"), status: "UPHELD" },
];

type RatingFx = { app: string; score: number; createdAt: Date };
const RATINGS: RatingFx[] = [
  { app: "A1", score: 5, createdAt: local("2026-03-11T10:00:00") },
  { app: "R1", score: 2, createdAt: local("2026-03-13T10:00:00") },
  { app: "A2", score: 4, createdAt: local("2026-04-01T00:00:00") },
  { app: "M1", score: 1, createdAt: local("2026-03-08T10:00:00") },
];

// -----------------------------------------------------------------------------------------------
// The expected figures, by plain JavaScript over the arrays above.

const QUEUE_LIMIT = 15; // archive-info and road-info: passport.maxQueueMinutes
const SERVICE_DEPT: Record<Svc, Dept> = { archive: "archive", road: "roads" };
const appDept = (a: AppFx) => a.department ?? SERVICE_DEPT[a.service];
const app = (name: string) => APPS.find((a) => a.name === name)!;
const avg = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
const max = (xs: number[]) => (xs.length ? Math.max(...xs) : null);

type Pick = { service?: Svc | null; departments: Dept[] };
function expected(p: Pick, now = NOW) {
  const appIn = (a: AppFx) => p.departments.includes(appDept(a)) && (p.service == null || a.service === p.service);
  const decided = APPS.filter(
    (a) => appIn(a) && a.status === "CLOSED" && a.outcome && a.outcome !== "withdrawn" && inPeriod(a.closedAt),
  );
  const withDue = decided.filter((a) => a.dueAt);
  const onTime = withDue.filter((a) => a.closedAt!.getTime() <= a.dueAt!.getTime());
  const waits = APPOINTMENTS.filter(
    (x) =>
      x.calledAt &&
      inPeriod(x.startsAt) &&
      p.departments.includes(x.department ?? SERVICE_DEPT[x.service]) &&
      (p.service == null || x.service === p.service),
  ).map((x) => {
    const from = Math.max(x.startsAt.getTime(), x.arrivedAt?.getTime() ?? 0);
    return Math.max(0, (x.calledAt!.getTime() - from) / MINUTE);
  });
  const complaints = COMPLAINTS.filter(
    (c) =>
      inPeriod(c.registeredAt) &&
      p.departments.includes(c.department) &&
      (p.service == null || (c.app !== undefined && app(c.app).service === p.service)),
  );
  const ratings = RATINGS.filter((r) => inPeriod(r.createdAt) && appIn(app(r.app)));
  return {
    received: APPS.filter((a) => appIn(a) && inPeriod(a.registeredAt)).length,
    decided: decided.length,
    decidedWithDue: withDue.length,
    decidedOnTime: onTime.length,
    onTimeShare: withDue.length ? onTime.length / withDue.length : null,
    overdueNow: APPS.filter((a) => appIn(a) && a.status === "SUBMITTED" && a.stageDueAt && a.stageDueAt < now).length,
    queue: {
      count: waits.length,
      avgMinutes: avg(waits),
      maxMinutes: max(waits),
      exceeded: waits.filter((w) => w > QUEUE_LIMIT).length,
    },
    complaints: { received: complaints.length, justified: complaints.filter((c) => c.status === "UPHELD").length },
    rating: { count: ratings.length, average: avg(ratings.map((r) => r.score)) },
  };
}

function expectedStages(service: Svc, departments: Dept[]) {
  const doc = service === "archive" ? archiveInfoRegulation : roadInfoRegulation;
  const stays = STAGES.filter((s) => app(s.app).service === service && departments.includes(appDept(app(s.app))));
  return doc.stages
    .map((def) => {
      const completed = stays.filter((s) => s.stage === def.key && inPeriod(s.leftAt));
      const hours = completed.map((s) => (s.leftAt!.getTime() - s.enteredAt.getTime()) / HOUR);
      const withDue = completed.filter((s) => s.dueAt);
      return {
        title: def.title,
        completed: completed.length,
        avgHours: avg(hours),
        maxHours: max(hours),
        withDue: withDue.length,
        onTime: withDue.filter((s) => s.leftAt! <= s.dueAt!).length,
        open: stays.filter((s) => s.stage === def.key && !s.leftAt && app(s.app).status === "SUBMITTED").length,
      };
    })
    .filter((s) => s.completed > 0 || s.open > 0);
}

/** The figures as the report gives them, the limit aside (checked on its own), floats to 9 digits. */
function comparable(f: Figures) {
  const { limitMinutes: _, ...queue } = f.queue;
  return roundDeep({ ...f, queue });
}
function roundDeep<T>(v: T): T {
  if (typeof v === "number") return (Math.round(v * 1e9) / 1e9) as T;
  if (Array.isArray(v)) return v.map(roundDeep) as T;
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundDeep(x)])) as T;
  return v;
}

// -----------------------------------------------------------------------------------------------

let t: TestDatabase;
let ids: Record<string, string>;
let services: Record<Svc, string>;
let head: string;
let admin: string;
const appIds = new Map<string, string>();

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  const db = t.db;
  ids = await departmentIds(db);
  const rows = await db.service.findMany({ select: { id: true, code: true } });
  services = {
    archive: rows.find((r) => r.code === "archive-info")!.id,
    road: rows.find((r) => r.code === "road-info")!.id,
  };
  head = (await demoUser(db, "head")).id;
  admin = (await demoUser(db, "admin")).id;
  const owner = (await demoUser(db, "applicant")).id;
  const versions = {
    archive: (await versionInForce(db, services.archive, NOW))!.id,
    road: (await versionInForce(db, services.road, NOW))!.id,
  };
  for (const a of APPS) {
    const row = await db.application.create({
      data: {
        serviceId: services[a.service],
        regulationVersionId: versions[a.service],
        departmentId: ids[appDept(a)]!,
        ownerId: owner,
        status: a.status,
        registrationNumber: a.registeredAt ? `Q-${a.name}-${randomUUID().slice(0, 6)}` : null,
        registeredAt: a.registeredAt,
        submittedAt: a.registeredAt,
        dueAt: a.dueAt,
        stageDueAt: a.stageDueAt,
        closedAt: a.closedAt,
        outcome: a.outcome,
      },
    });
    appIds.set(a.name, row.id);
  }
  await db.applicationStage.createMany({
    data: STAGES.map((s) => ({
      applicationId: appIds.get(s.app)!,
      stage: s.stage,
      enteredAt: s.enteredAt,
      leftAt: s.leftAt,
      dueAt: s.dueAt,
    })),
  });
  await db.appointment.createMany({
    data: APPOINTMENTS.map((x) => ({
      departmentId: ids[x.department ?? SERVICE_DEPT[x.service]]!,
      serviceId: services[x.service],
      startsAt: x.startsAt,
      endsAt: new Date(x.startsAt.getTime() + 15 * MINUTE),
      name: "Посетитель",
      purpose: "Консультация",
      code: randomUUID().slice(0, 8),
      status: x.status,
      arrivedAt: x.arrivedAt,
      calledAt: x.calledAt,
    })),
  });
  await db.complaint.createMany({
    data: COMPLAINTS.map((c, i) => ({
      number: `Ж-2026-Q${i}`,
      applicationId: c.app ? appIds.get(c.app)! : null,
      departmentId: ids[c.department]!,
      complainantName: "Иванов Иван",
      subject: "deadline",
      text: "Нарушен срок",
      registeredAt: c.registeredAt,
      dueAt: new Date(c.registeredAt.getTime() + 20 * 24 * HOUR),
      status: c.status,
      decidedAt: c.status === "REGISTERED" ? null : new Date(c.registeredAt.getTime() + 24 * HOUR),
    })),
  });
  await db.rating.createMany({
    data: RATINGS.map((r) => ({
      applicationId: appIds.get(r.app)!,
      serviceId: services[app(r.app).service],
      userId: owner,
      score: r.score,
      createdAt: r.createdAt,
    })),
  });
});

afterAll(async () => {
  await t?.drop();
});

const report = async (userId: string, filter: Partial<{ service: string; department: string }> = {}, period = PERIOD) =>
  qualityReport(
    t.db,
    await qualityViewer(t.db, (await loadIdentity(t.db, userId))!),
    { ...period, ...filter },
    { now: NOW, utcOffsetMinutes: 300 },
  );

describe("quality figures (R27, S1 p.25) equal the fixture's, computed independently", () => {
  const HEAD_DEPTS: Dept[] = ["archive", "roads"];
  const ALL_DEPTS: Dept[] = ["archive", "roads", "mfc"];

  it("the head: their two departments, per service, per department and in total; the MFC's rows are not theirs", async () => {
    const r = await report(head);
    expect(comparable(r.total)).toEqual(roundDeep(expected({ departments: HEAD_DEPTS })));
    const archive = r.services.find((s) => s.id === services.archive)!;
    const road = r.services.find((s) => s.id === services.road)!;
    expect(comparable(archive.figures)).toEqual(roundDeep(expected({ service: "archive", departments: HEAD_DEPTS })));
    expect(comparable(road.figures)).toEqual(roundDeep(expected({ service: "road", departments: HEAD_DEPTS })));
    expect(comparable(r.departments.find((d) => d.id === ids.archive)!.figures)).toEqual(
      roundDeep(expected({ departments: ["archive"] })),
    );
    expect(comparable(r.departments.find((d) => d.id === ids.roads)!.figures)).toEqual(
      roundDeep(expected({ departments: ["roads"] })),
    );
    expect(r.departments.map((d) => d.id)).not.toContain(ids.mfc);
    // The limit of a department's services (S1 p.21, S2: 15 minutes), there even without a visitor.
    expect(r.departments.find((d) => d.id === ids.roads)!.figures.queue.limitMinutes).toBe(15);
    expect(r.total.queue.limitMinutes).toBe(15);
    // The edge cases, spelled out where the arrays hide them.
    expect(archive.figures.received).toBe(3); // A1 at the first instant, A5, A3 on the last evening; not A2, A4
    expect(archive.figures.decided).toBe(2); // A1 on time, A2 late; not A5 (closed at the end instant)
    expect(archive.figures.onTimeShare).toBe(0.5);
    expect(road.figures.decided).toBe(2); // R1 (at its due instant: on time), R4 (no due date)
    expect(road.figures.onTimeShare).toBe(1);
    expect(archive.figures.queue).toEqual({
      count: 4,
      avgMinutes: 45 / 4,
      maxMinutes: 25,
      exceeded: 1,
      limitMinutes: 15,
    });
    expect(road.figures.queue).toEqual({ count: 0, avgMinutes: null, maxMinutes: null, exceeded: 0, limitMinutes: 15 });
    expect(archive.figures.complaints).toEqual({ received: 2, justified: 1 });
    expect(r.total.complaints).toEqual({ received: 4, justified: 2 }); // with the paper one naming no application
  });

  it("the administrator: every department, the MFC's application counted in the archive service and the MFC", async () => {
    const r = await report(admin);
    expect(comparable(r.total)).toEqual(roundDeep(expected({ departments: ALL_DEPTS })));
    expect(comparable(r.services.find((s) => s.id === services.archive)!.figures)).toEqual(
      roundDeep(expected({ service: "archive", departments: ALL_DEPTS })),
    );
    expect(comparable(r.departments.find((d) => d.id === ids.mfc)!.figures)).toEqual(
      roundDeep(expected({ departments: ["mfc"] })),
    );
  });

  it("time per stage in hours, by the pinned regulation's stage titles; a stage not left yet is 'now', in no average", async () => {
    const r = await report(head);
    for (const svc of ["archive", "road"] as const)
      expect(roundDeep(r.services.find((s) => s.id === services[svc])!.stages)).toEqual(
        roundDeep(expectedStages(svc, HEAD_DEPTS)),
      );
    const check = r.services
      .find((s) => s.id === services.archive)!
      .stages.find((s) => s.title.startsWith("Проверка"))!;
    // A1's 8 days 5 hours (late) and A2's whole stay from February (late); the MFC's is not the head's.
    expect(check).toMatchObject({ completed: 2, withDue: 2, onTime: 0 });
    expect(check.maxHours).toBeCloseTo(
      (local("2026-03-31T23:59:00").getTime() - local("2026-02-20T09:00:00").getTime()) / HOUR,
      9,
    );
  });

  it("filtered by a service, and by a department (with the units under it)", async () => {
    const bySvc = await report(head, { service: services.road });
    expect(bySvc.services.map((s) => s.id)).toEqual([services.road]);
    expect(comparable(bySvc.total)).toEqual(roundDeep(expected({ service: "road", departments: HEAD_DEPTS })));
    // The administration holds the archive and roads units: the head's whole scope under it.
    const byAdministration = await report(admin, { department: ids.administration! });
    expect(comparable(byAdministration.total)).toEqual(roundDeep(expected({ departments: HEAD_DEPTS })));
    const byArchive = await report(head, { department: ids.archive! });
    expect(comparable(byArchive.total)).toEqual(roundDeep(expected({ departments: ["archive"] })));
  });

  it("a period with no data: zeros, and no average (null, shown as a dash), never NaN", async () => {
    const r = await report(head, {}, { from: "2025-01-01", to: "2025-01-31" });
    expect(r.total).toEqual({
      received: 0,
      decided: 0,
      decidedWithDue: 0,
      decidedOnTime: 0,
      onTimeShare: null,
      // "Overdue now" is about now, not the period: R5 and A3 at NOW.
      overdueNow: 2,
      queue: { count: 0, avgMinutes: null, maxMinutes: null, exceeded: 0, limitMinutes: 15 },
      complaints: { received: 0, justified: 0 },
      rating: { count: 0, average: null },
    });
    expect(JSON.stringify(r)).not.toContain("NaN");
  });
});

describe("who reads the dashboard (R27: the heads' control)", () => {
  it("a head reads only their departments and services: another department or its service is not found", async () => {
    const caller = callerAs(t.db, head);
    expect((await failure(caller.quality.report({ ...PERIOD, department: ids.mfc }))).code).toBe("NOT_FOUND");
    const mfcService = await t.db.service.create({
      data: { code: `mfc-${randomUUID().slice(0, 6)}`, title: "Услуга МФЦ", departmentId: ids.mfc! },
    });
    expect((await failure(caller.quality.report({ ...PERIOD, service: mfcService.id }))).code).toBe("NOT_FOUND");
    expect((await failure(caller.quality.report({ ...PERIOD, service: randomUUID() }))).code).toBe("NOT_FOUND");
    const options = await caller.quality.options();
    expect(options.departments.map((d) => d.id).sort()).toEqual([ids.archive, ids.roads].sort());
    expect(options.services.map((s) => s.id)).not.toContain(mfcService.id);
    // The administrator reads it.
    expect((await callerAs(t.db, admin).quality.report({ ...PERIOD, service: mfcService.id })).services).toHaveLength(
      1,
    );
  });

  it("staff who are not heads, and applicants, are refused", async () => {
    for (const who of ["executor", "registrar", "applicant"] as const)
      expect((await failure(callerAs(t.db, (await demoUser(t.db, who)).id).quality.options())).code).toBe("FORBIDDEN");
  });

  it("a wrong period is refused field by field, in Russian", async () => {
    const e = await failure(callerAs(t.db, head).quality.report({ from: "2026-03-31", to: "2026-03-01" }));
    expect(e.code).toBe("BAD_REQUEST");
    const e2 = await failure(callerAs(t.db, head).quality.report({ from: "2026-02-30", to: "" }));
    expect(e2.code).toBe("BAD_REQUEST");
  });
});

describe("the CSV export", () => {
  const get = (userId: string | null, query: string) =>
    qualityExportRoute.run(
      new Request(`http://localhost/api/quality/export${query}`),
      {},
      {
        db: t.db,
        storage: undefined as never,
        sessionUserId: userId,
      },
    );

  it("UTF-8 with a BOM, `;`, the same figures as the report, a formula-like title escaped", async () => {
    await t.db.service.create({
      data: { code: `formula-${randomUUID().slice(0, 6)}`, title: '=HYPERLINK("x")', departmentId: ids.archive! },
    });
    const res = await get(head, `?from=${PERIOD.from}&to=${PERIOD.to}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.split("\r\n");
    const header = lines[1]!.split(";");
    expect(header.slice(0, 4)).toEqual(["Уровень", "Подразделение", "Услуга", "Принято заявлений"]);
    // The total: received, decided, on time... as the expected figures say (decimal comma).
    const total = lines.find((l) => l.startsWith("Всего;"))!.split(";");
    // The route counts "overdue now" at the app's clock.
    const e = expected({ departments: ["archive", "roads"] }, new Date());
    expect(total.slice(3, 9)).toEqual([
      String(e.received),
      String(e.decided),
      String(e.decidedOnTime),
      String(e.decidedWithDue),
      (e.onTimeShare! * 100).toFixed(1).replace(".", ","),
      String(e.overdueNow),
    ]);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text).not.toMatch(/;=HYPERLINK/);
  });

  it("refuses what the procedure refuses: anonymous 401, an executor 403, another department 404, a bad period 400", async () => {
    expect((await get(null, `?from=${PERIOD.from}&to=${PERIOD.to}`)).status).toBe(401);
    const executor = (await demoUser(t.db, "executor")).id;
    expect((await get(executor, `?from=${PERIOD.from}&to=${PERIOD.to}`)).status).toBe(403);
    expect((await get(head, `?from=${PERIOD.from}&to=${PERIOD.to}&department=${ids.mfc}`)).status).toBe(404);
    const bad = await get(head, `?from=2026-03-31&to=2026-03-01`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors).toEqual({ to: "Конец периода раньше его начала" });
    const other = await staffAccount(t.db, [["mfc", "HEAD"]]);
    expect((await get(other.id, `?from=${PERIOD.from}&to=${PERIOD.to}`)).status).toBe(200);
  });
});
