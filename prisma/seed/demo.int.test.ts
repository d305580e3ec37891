// The demo municipality: loads into an empty database, is idempotent, and the records it enables
// behave as the order requires (application events cannot be edited or deleted, R3).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../server/test/db";
import { hashPassword, verifyPassword } from "../../server/auth/password";
import { DEMO_ACCOUNTS_SEEDED, DEMO_PASSWORD, DEMO_USERS, seedDemo, seedInstallation, withoutFieldRoles } from "./demo";
import { documentChecksum } from "../../server/regulation/checksum";
import { validateDocument } from "../../server/regulation/document";
import { SEED_SERVICES } from "./regulations";
import { PREVIOUS_SEED_DOCUMENTS } from "./regulations/previous";
import { createPrismaClient } from "../../server/db/client";
import { LOCKS, withAdvisoryLock } from "../../server/db/lock";
import { loadCalendarYears, loadWorkingCalendar, saveCalendarYear } from "../../server/calendar/data";
import { deriveYearFromLabourCode } from "../../server/calendar/russia";
import { applicationRow } from "../../server/test/factories";

describe("demo seed", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it("creates the municipality, one user per role, both services and the calendar", async () => {
    const report = await seedDemo(t.db);
    expect(report.created.departments).toBe(4);
    expect(report.created.users).toBe(DEMO_USERS.length);
    expect(report.created.services).toBe(2);
    expect(report.created.versions).toBe(2);
    expect(report.created.calendarYears).toBe(3);
    const roles = new Set<string>();
    for (const u of await t.db.user.findMany({ include: { memberships: true } })) {
      u.roles.forEach((r) => roles.add(r));
      u.memberships.forEach((m) => roles.add(m.role));
    }
    expect([...roles].sort()).toEqual(["ADMIN", "APPLICANT", "AUDITOR", "EXECUTOR", "HEAD", "REGISTRAR", "SIGNER"]);
    const applicant = await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } });
    expect(await verifyPassword(DEMO_PASSWORD, applicant.passwordHash!)).toBe(true);
    const services = await t.db.service.findMany({ include: { versions: true }, orderBy: { code: "asc" } });
    expect(services.map((s) => s.title).sort()).toEqual(SEED_SERVICES.map((s) => s.title).sort());
    expect(services.every((s) => s.versions.length === 1 && s.versions[0]!.status === "PUBLISHED")).toBe(true);
    // Published through the administrators' path (prisma/seed/factories.ts), each version is the seed document as written.
    for (const seed of SEED_SERVICES) {
      const version = services.find((s) => s.code === seed.code)!.versions[0]!;
      expect(version.document).toEqual(JSON.parse(JSON.stringify(seed.document)));
      expect(version).toMatchObject({
        version: 1,
        basis: seed.basis,
        checksum: documentChecksum(seed.document),
        createdById: null,
        publishedById: null,
        effectiveFrom: new Date(`${seed.effectiveFrom}T00:00:00+05:00`),
        actNumber: seed.actNumber ?? null,
        actDate: seed.actDate ? new Date(`${seed.actDate}T00:00:00Z`) : null,
      });
      // Loaded through the import and the publication (issue 10 p.7), each with its audit record.
      const events = await t.db.adminEvent.findMany({
        where: { subjectType: "regulation_version", subjectId: version.id },
        orderBy: { id: "asc" },
      });
      expect(events.map((e) => [e.type, e.actorId])).toEqual([
        ["edition_created", null],
        ["edition_published", null],
      ]);
      expect(events[0]!.after).toMatchObject({ importedFrom: { service: seed.code, version: 1 } });
      expect(events[1]!.after).toMatchObject({ status: "PUBLISHED", version: 1, changes: ["первая редакция"] });
    }
    // 2025 and 2026 come from the decrees: 247 working days each (R7).
    for (const year of [2025, 2026]) {
      const working = await t.db.calendarDay.count({
        where: { working: true, date: { gte: new Date(`${year}-01-01`), lt: new Date(`${year + 1}-01-01`) } },
      });
      expect(working).toBe(247);
    }
    expect((await t.db.calendarYear.findUniqueOrThrow({ where: { year: 2027 } })).provisional).toBe(true);
  });

  it("prints no «демо» marker in the municipality's contacts (issue 12)", async () => {
    const departments = await t.db.department.findMany({
      select: { name: true, address: true, phone: true, schedule: true },
    });
    expect(JSON.stringify(departments)).not.toMatch(/демо/i);
  });

  it("is idempotent: a second run creates nothing and changes nothing", async () => {
    const before = await Promise.all([
      t.db.department.count(),
      t.db.user.count(),
      t.db.service.count(),
      t.db.regulationVersion.count(),
      t.db.calendarDay.count(),
    ]);
    const report = await seedDemo(t.db);
    expect(Object.values(report.created).every((n) => n === 0)).toBe(true);
    const after = await Promise.all([
      t.db.department.count(),
      t.db.user.count(),
      t.db.service.count(),
      t.db.regulationVersion.count(),
      t.db.calendarDay.count(),
    ]);
    expect(after).toEqual(before);
    expect(report.upgraded.versions).toBe(0);
  });

  it("gives the seed regulations of a database made before field roles their roles, and nothing else", async () => {
    // A demo database of before: the seed documents as they were then, without roles.
    const versions = await t.db.regulationVersion.findMany({
      include: { service: true },
      orderBy: { createdAt: "asc" },
    });
    for (const v of versions) {
      const old = withoutFieldRoles(SEED_SERVICES.find((s) => s.code === v.service.code)!.document);
      await t.db.regulationVersion.update({
        where: { id: v.id },
        data: { document: old as object, checksum: documentChecksum(old) },
      });
    }
    // An administrator's own edition that merely lacks roles is not the seed's: left alone.
    const admins = withoutFieldRoles(SEED_SERVICES[0]!.document);
    admins.passport.summary = "Редакция администратора";
    const own = await t.db.regulationVersion.create({
      data: {
        serviceId: versions[0]!.serviceId,
        version: 2,
        status: "PUBLISHED",
        document: admins as object,
        checksum: documentChecksum(admins),
        publishedAt: new Date(),
      },
    });

    const report = await seedDemo(t.db);
    expect(report.upgraded.versions).toBe(2);
    expect(Object.values(report.created).every((n) => n === 0)).toBe(true);
    for (const v of versions) {
      const now = await t.db.regulationVersion.findUniqueOrThrow({ where: { id: v.id } });
      const seed = SEED_SERVICES.find((s) => s.code === v.service.code)!.document;
      expect(now.document).toEqual(JSON.parse(JSON.stringify(seed)));
      expect(now.checksum).toBe(documentChecksum(seed));
      expect(validateDocument(now.document).ok).toBe(true);
    }
    expect((await t.db.regulationVersion.findUniqueOrThrow({ where: { id: own.id } })).checksum).toBe(
      documentChecksum(admins),
    );
    expect((await seedDemo(t.db)).upgraded.versions).toBe(0);
    await t.db.regulationVersion.delete({ where: { id: own.id } });
  });

  it("issue 12 (S2 p.55): a database holding the previous S2 seed edition gets the corrected wording as a new edition", async () => {
    const previous = PREVIOUS_SEED_DOCUMENTS["archive-info"]![0]!;
    // Exactly the wording earlier versions published (its checksum as they recorded it).
    expect(documentChecksum(previous)).toBe("8705d25d76b82c10e1d21376668f3308c0bf4a6f5377ea4494bc409262e6735b");
    expect(validateDocument(previous).ok).toBe(true);
    const current = SEED_SERVICES.find((s) => s.code === "archive-info")!.document;
    const service = await t.db.service.findUniqueOrThrow({ where: { code: "archive-info" } });
    const first = await t.db.regulationVersion.findFirstOrThrow({ where: { serviceId: service.id, version: 1 } });
    // An older database still: the previous wording, and even from before field roles.
    const old = withoutFieldRoles(previous);
    await t.db.regulationVersion.update({
      where: { id: first.id },
      data: { document: old as object, checksum: documentChecksum(old) },
    });
    const pinned = await applicationRow(t.db, { serviceCode: "archive-info" });

    const before = new Date();
    const report = await seedDemo(t.db);
    expect(report.created.versions).toBe(1);
    expect(report.upgraded.versions).toBe(1);
    const versions = await t.db.regulationVersion.findMany({
      where: { serviceId: service.id },
      orderBy: { version: "asc" },
    });
    expect(versions.map((v) => [v.version, v.status, v.checksum])).toEqual([
      [1, "PUBLISHED", documentChecksum(previous)],
      [2, "PUBLISHED", documentChecksum(current)],
    ]);
    // The old edition keeps its wording (the «демо» ref it was published with); the new one has none.
    expect(JSON.stringify(versions[0]!.document)).toContain("п. 36 (демо, ср. п. 52.3)");
    expect(
      (versions[1]!.document as { serviceRefusalGrounds: { ref: string }[] }).serviceRefusalGrounds.map((g) => g.ref),
    ).toEqual(["п. 36, 52.3", "п. 36, 52.2", "п. 36, 52.2, 59.3"]);
    expect(versions[1]!.effectiveFrom!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(versions[1]!.basis).toBe(SEED_SERVICES.find((s) => s.code === "archive-info")!.basis);
    // R11: the application stays pinned to the edition it was submitted under.
    expect((await t.db.application.findUniqueOrThrow({ where: { id: pinned.id } })).regulationVersionId).toBe(first.id);

    // Running the seed again adds nothing.
    const again = await seedDemo(t.db);
    expect(again.created.versions).toBe(0);
    expect(again.upgraded.versions).toBe(0);
    expect(await t.db.regulationVersion.count({ where: { serviceId: service.id } })).toBe(2);

    await t.db.application.delete({ where: { id: pinned.id } });
    await t.db.regulationVersion.delete({ where: { id: versions[1]!.id } });
    await t.db.regulationVersion.update({
      where: { id: first.id },
      data: { document: current as object, checksum: documentChecksum(current) },
    });
  });

  // Each earlier wording of a seed service (exactly as the previous version published it: its
  // checksum) is upgraded to the current one as a new edition, and the change the issue asked for is in it.
  it.each([
    {
      issue: "issue 16 (p.8): S2's result cabinet named as this portal's",
      code: "archive-info",
      index: 2,
      checksum: "efaac7ae9e63ae035ca5784319f7222350362dfe93ab9d17e59d2471222202b7",
      check: (doc: unknown) => {
        const titles = (doc as { deliveryChannels: { title: string }[] }).deliveryChannels.map((c) => c.title);
        expect(titles).toContain("В личный кабинет на этом портале");
        expect(titles.join(" ")).not.toContain("ЕПГУ");
      },
    },
    {
      issue: "issue 16 (p.1, R14): S2's period and years of work may not end before they begin",
      code: "archive-info",
      index: 3,
      checksum: "2b8fc99b903e3d59d9ec5072aab2ab35bf224973f4cf91bdb641c8eb048298cd",
      check: (doc: unknown) => {
        expect(JSON.stringify(doc)).toContain('"notBefore":"period_from"');
        expect(JSON.stringify(doc)).toContain('"notBefore":"work_year_from"');
      },
    },
    {
      issue: "issue 16 (p.1, R14): S1's period may not end before it begins",
      code: "road-info",
      index: 2,
      checksum: "bafdee450e1ab79d430e763db25e5535ea24a338882766c8012e2ab1efc2bd64",
      check: (doc: unknown) => expect(JSON.stringify(doc)).toContain('"notBefore":"period_from"'),
    },
  ])(
    "$issue: a database holding the earlier wording gets it as a new edition",
    async ({ code, index, checksum, check }) => {
      const previous = PREVIOUS_SEED_DOCUMENTS[code]![index]!;
      expect(documentChecksum(previous)).toBe(checksum);
      const current = SEED_SERVICES.find((s) => s.code === code)!.document;
      const service = await t.db.service.findUniqueOrThrow({ where: { code } });
      const first = await t.db.regulationVersion.findFirstOrThrow({ where: { serviceId: service.id, version: 1 } });
      await t.db.regulationVersion.update({
        where: { id: first.id },
        data: { document: previous as object, checksum: documentChecksum(previous) },
      });
      expect((await seedDemo(t.db)).created.versions).toBe(1);
      const latest = await t.db.regulationVersion.findFirstOrThrow({
        where: { serviceId: service.id },
        orderBy: { version: "desc" },
      });
      expect(latest.version).toBe(2);
      check(latest.document);
      await t.db.regulationVersion.delete({ where: { id: latest.id } });
      await t.db.regulationVersion.update({
        where: { id: first.id },
        data: { document: current as object, checksum: documentChecksum(current) },
      });
    },
  );

  it("keeps application events append-only in the database itself (R3)", async () => {
    const app = await applicationRow(t.db, { serviceCode: "archive-info" });
    // The event is written raw: the trigger itself is under test, whatever code writes events.
    const event = await t.db.applicationEvent.create({
      data: { applicationId: app.id, type: "draft_created", actorId: app.ownerId },
    });
    await expect(t.db.applicationEvent.update({ where: { id: event.id }, data: { type: "forged" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.applicationEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    expect((await t.db.applicationEvent.findUniqueOrThrow({ where: { id: event.id } })).type).toBe("draft_created");
  });
});

// Issue 9, item 1: demo accounts only in demo mode, once; a production start opens no account.
describe("demo and production mode", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => t.drop());

  /** Accounts that open with the published demo password. */
  const openWithDemoPassword = async (db: TestDatabase["db"]) => {
    const users = await db.user.findMany({ where: { isActive: true, passwordHash: { not: null } } });
    const open = [];
    for (const u of users) if (await verifyPassword(DEMO_PASSWORD, u.passwordHash!)) open.push(u.email);
    return open;
  };

  it("a production seed loads the municipality, both services and the calendar, and no account", async () => {
    const report = await seedInstallation(t.db, { demo: false });
    expect(report.created).toEqual({ departments: 4, users: 0, services: 2, versions: 2, calendarYears: 3 });
    expect(await t.db.user.count()).toBe(0);
    expect(await t.db.service.count({ where: { versions: { some: { status: "PUBLISHED" } } } })).toBe(2);
    expect(await t.db.setting.findUnique({ where: { key: DEMO_ACCOUNTS_SEEDED } })).toBeNull();
    // Started again, still nothing.
    await seedInstallation(t.db, { demo: false });
    expect(await t.db.user.count()).toBe(0);
  });

  it("a demo account deleted by an administrator is not created again by the next start", async () => {
    expect((await seedDemo(t.db)).created.users).toBe(DEMO_USERS.length);
    const setting = await t.db.setting.findUniqueOrThrow({ where: { key: DEMO_ACCOUNTS_SEEDED } });
    expect(setting.value).toMatchObject({ accounts: DEMO_USERS.length });
    const gone = await t.db.user.findUniqueOrThrow({ where: { email: "executor2@demo.reglament.ru" } });
    await t.db.user.delete({ where: { id: gone.id } });

    const again = await seedDemo(t.db);
    expect(again.created.users).toBe(0);
    expect(await t.db.user.findUnique({ where: { email: gone.email } })).toBeNull();
    expect(await t.db.user.count()).toBe(DEMO_USERS.length - 1);
  });

  it("a production start closes the demo accounts an earlier version left with the published password", async () => {
    await seedDemo(t.db);
    // The municipality gave the administrator its own password: that account is theirs, left alone.
    await t.db.user.update({
      where: { email: "admin@demo.reglament.ru" },
      data: { passwordHash: await hashPassword("Своё-надёжное-2026") },
    });
    expect(await openWithDemoPassword(t.db)).toHaveLength(DEMO_USERS.length - 1);

    const report = await seedInstallation(t.db, { demo: false });
    expect(report.retired.sort()).toEqual(
      DEMO_USERS.map((u) => u.email)
        .filter((e) => e !== "admin@demo.reglament.ru")
        .sort(),
    );
    expect(await openWithDemoPassword(t.db)).toEqual([]);
    expect(report.created.users).toBe(0);
    const admin = await t.db.user.findUniqueOrThrow({ where: { email: "admin@demo.reglament.ru" } });
    expect(admin.isActive).toBe(true);
    expect(await verifyPassword("Своё-надёжное-2026", admin.passwordHash!)).toBe(true);
    // The closed accounts stay (their history with them), unable to sign in.
    const closed = await t.db.user.findUniqueOrThrow({ where: { email: "registrar@demo.reglament.ru" } });
    expect(closed).toMatchObject({ isActive: false, passwordHash: null });
    expect((await seedInstallation(t.db, { demo: false })).retired).toEqual([]);
  });
});

describe("seeding and the calendar with several instances", () => {
  it("two instances seeding a new database at once: both succeed, the data is there once", async () => {
    const t = await createTestDatabase();
    try {
      const other = createPrismaClient(t.url, { max: 2 });
      const reports = await Promise.all([
        withAdvisoryLock(t.url, LOCKS.seed, () => seedDemo(t.db)),
        withAdvisoryLock(t.url, LOCKS.seed, () => seedDemo(other)),
      ]);
      await other.$disconnect();
      expect(reports.map((r) => r.created.users).sort()).toEqual([0, DEMO_USERS.length]);
      expect(await t.db.user.count()).toBe(DEMO_USERS.length);
      expect(await t.db.department.count()).toBe(4);
    } finally {
      await t.drop();
    }
  });

  it("a year stored as provisional gives way to its decree once the build knows it", async () => {
    const t = await createTestDatabase();
    try {
      // 2025 as it would have been stored before its decree was known: Labour Code only.
      await saveCalendarYear(t.db, deriveYearFromLabourCode(2025));
      expect(await t.db.calendarYear.findUniqueOrThrow({ where: { year: 2025 } })).toMatchObject({ provisional: true });
      expect((await loadWorkingCalendar(t.db)).isWorkingDay("2025-05-08")).toBe(true);
      expect(await loadCalendarYears(t.db, [2025])).toBe(1);
      expect(await t.db.calendarYear.findUniqueOrThrow({ where: { year: 2025 } })).toMatchObject({
        provisional: false,
      });
      // Decree No. 1335: 8 May 2025 is a day off transferred from 4 January.
      expect((await loadWorkingCalendar(t.db)).isWorkingDay("2025-05-08")).toBe(false);
      // A year already stored from its decree is left alone; a provisional one with no decree too.
      expect(await loadCalendarYears(t.db, [2025])).toBe(0);
      await saveCalendarYear(t.db, deriveYearFromLabourCode(2031));
      expect(await loadCalendarYears(t.db, [2031])).toBe(0);
    } finally {
      await t.drop();
    }
  });
});
