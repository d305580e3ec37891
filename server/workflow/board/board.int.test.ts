// The staff board and card against real PostgreSQL: scoped to departments, nearest due first,
// filtered, paginated per column, offering only the transitions of the user's role (R1, R2, R4).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { loadIdentity } from "../../auth/data";
import { staffScope, type StaffScope } from "../../auth/scope";
import { loadWorkingCalendar } from "../../calendar/data";
import type { WorkingCalendar } from "../../calendar/working-calendar";
import { versionInForce } from "../../regulation/data";
import { board, boardColumnPage, COLUMN_COUNT_CAP } from "./data";
import { staffCard } from "../card/data";
import { applicationRow, publishRegulation, registeredApplication, staffAccount } from "../../test/factories";

let t: TestDatabase;
let calendar: WorkingCalendar;
const ids: string[] = [];
const scopeOf = async (email: string): Promise<StaffScope> => {
  const u = await t.db.user.findUniqueOrThrow({ where: { email } });
  return staffScope(t.db, (await loadIdentity(t.db, u.id))!);
};
const ctx = () => ({ now: new Date("2026-03-02T04:00:00Z"), calendar, dueSoonWorkingDays: 2 });

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  // Received on three different days: the latest first, so the board must reorder them.
  for (const day of ["2026-03-05", "2026-03-03", "2026-03-04"]) {
    ids.push(
      (
        await registeredApplication(t.db, {
          serviceCode: "road-info",
          calendar,
          receivedAt: new Date(`${day}T05:00:00Z`),
        })
      ).id,
    );
  }
});
afterAll(() => t.drop());

describe("staff board", () => {
  it("shows the registrar the stages of the service with the nearest due date first", async () => {
    const registrar = await scopeOf("registrar@demo.reglament.ru");
    const b = await board(t.db, registrar, { filters: { serviceCode: "road-info" }, perColumn: 20 }, ctx());
    expect(b.columns.map((c) => c.key)).toContain("review");
    const registration = b.columns.find((c) => c.key === "registration")!;
    expect(registration.total).toBe(3);
    const due = registration.cards.map((c) => c.stageDueAt!.getTime());
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(registration.cards[0]!.transitions.map((tr) => tr.key)).toEqual(["pass_to_review"]);
    expect(registration.cards[0]!.deadline.label).toBeTruthy();
  });

  it("paginates a column on the server", async () => {
    const registrar = await scopeOf("registrar@demo.reglament.ru");
    const first = await boardColumnPage(
      t.db,
      registrar,
      { filters: { serviceCode: "road-info" }, stage: "registration", limit: 2 },
      ctx(),
    );
    expect(first.cards).toHaveLength(2);
    expect(first.total).toBe(3);
    const second = await boardColumnPage(
      t.db,
      registrar,
      { filters: { serviceCode: "road-info" }, stage: "registration", limit: 2, cursor: first.nextCursor! },
      ctx(),
    );
    expect(second.cards).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.cards, ...second.cards].map((c) => c.id))).toEqual(new Set(ids));
  });

  it("pages a column by its order's values: ties of due and closing dates, no due date, no closing date (issue 13 p.2)", async () => {
    const registrar = await scopeOf("registrar@demo.reglament.ru");
    const due = (d: string | null) => (d ? new Date(`${d}T04:00:00Z`) : null);
    // One stage holding every case the order meets: equal due dates, no due date, closing dates
    // equal, different or absent (the final columns), so that each page boundary falls on a tie.
    const rows: [string | null, string | null][] = [
      ["2026-03-10", null],
      ["2026-03-10", null],
      ["2026-03-10", null],
      ["2026-03-12", null],
      [null, null],
      [null, null],
      [null, "2026-02-01"],
      [null, "2026-02-01"],
      [null, "2026-02-03"],
      [null, "2026-01-15"],
      ["2026-03-09", null],
    ];
    const made = [];
    for (const [i, [d, c]] of rows.entries())
      made.push(
        await applicationRow(t.db, {
          serviceCode: "road-info",
          state: {
            status: c ? "CLOSED" : "SUBMITTED",
            registrationNumber: `KEYSET-${i}`,
            currentStage: "result_registration",
            stageDueAt: due(d) ?? undefined,
            closedAt: due(c) ?? undefined,
          },
        }),
      );
    const page = (limit: number, cursor?: string) =>
      boardColumnPage(
        t.db,
        registrar,
        { filters: { serviceCode: "road-info" }, stage: "result_registration", limit, cursor },
        ctx(),
      );
    const whole = (await page(100)).cards.map((c) => c.registrationNumber);
    expect(whole).toHaveLength(rows.length);
    for (const limit of [1, 2, 3, 4]) {
      const walked: (string | null)[] = [];
      let cursor: string | undefined;
      for (;;) {
        const p = await page(limit, cursor);
        walked.push(...p.cards.map((c) => c.registrationNumber));
        if (!p.nextCursor) break;
        cursor = p.nextCursor;
      }
      expect(walked).toEqual(whole);
    }
    // The order itself: nearest due first, no due date last; among those the latest closed first,
    // the open (no closing date) before them.
    // (Ties go by id, which is random: compared as sets.)
    const groups = [["10"], ["0", "1", "2"], ["3"], ["4", "5"], ["8"], ["6", "7"], ["9"]];
    let at = 0;
    for (const group of groups) {
      expect(new Set(whole.slice(at, at + group.length))).toEqual(new Set(group.map((n) => `KEYSET-${n}`)));
      at += group.length;
    }
    await t.db.application.deleteMany({ where: { id: { in: made.map((m) => m.id) } } });
  });

  it("finds by several words, each in a name or the number (issue 16 p.10: «Кузнецова Галина»)", async () => {
    const registrar = await scopeOf("registrar@demo.reglament.ru");
    await t.db.application.update({ where: { id: ids[2]! }, data: { applicantName: "Кузнецова Галина Петровна" } });
    await t.db.application.update({ where: { id: ids[0]! }, data: { applicantName: "Кузнецова Мария Ивановна" } });
    const search = async (q: string) =>
      (await boardColumnPage(t.db, registrar, { filters: { q }, stage: "registration", limit: 20 }, ctx())).cards
        .map((c) => c.id)
        .sort();
    expect(await search("Кузнецова Галина")).toEqual([ids[2]]);
    expect(await search("  галина   кузнецова ")).toEqual([ids[2]]);
    expect(await search("Кузнецова")).toEqual([ids[0], ids[2]].sort());
    // A word found nowhere finds nothing, whatever the other words match.
    expect(await search("Кузнецова Ольга")).toEqual([]);
    const number = (await t.db.application.findUniqueOrThrow({ where: { id: ids[2]! } })).registrationNumber!;
    expect(await search(`${number.slice(-5)} Галина`)).toEqual([ids[2]]);
    // The owner's names count too: whoever applied for an organisation is found by their own name.
    await t.db.application.update({ where: { id: ids[1]! }, data: { applicantName: "ООО «Ромашка»" } });
    const { owner } = await t.db.application.findUniqueOrThrow({ where: { id: ids[1]! }, select: { owner: true } });
    expect(await search(`ромашка ${owner.lastName}`)).toEqual([ids[1]]);
    expect(await search(`ромашка ${owner.middleName ?? owner.firstName}`)).toEqual([ids[1]]);
    expect(await search(owner.lastName)).toEqual([...ids].sort());
  });

  it("filters by number, by 'mine' and by deadline status", async () => {
    const registrar = await scopeOf("registrar@demo.reglament.ru");
    const number = (await t.db.application.findUniqueOrThrow({ where: { id: ids[1]! } })).registrationNumber!;
    const found = await boardColumnPage(
      t.db,
      registrar,
      { filters: { q: number.slice(-5) }, stage: "registration", limit: 20 },
      ctx(),
    );
    expect(found.cards.map((c) => c.id)).toEqual([ids[1]]);
    const mine = await boardColumnPage(
      t.db,
      registrar,
      { filters: { mine: true }, stage: "registration", limit: 20 },
      ctx(),
    );
    expect(mine.total).toBe(0);
    const late = await boardColumnPage(
      t.db,
      registrar,
      { filters: { deadline: "overdue" }, stage: "registration", limit: 20 },
      { ...ctx(), now: new Date("2026-04-01T04:00:00Z") },
    );
    expect(late.total).toBe(3);
  });

  it("lists the closed applications of a final column most recently closed first", async () => {
    const registrar = await scopeOf("registrar@demo.reglament.ru");
    // Closed rows without their history: only the closing order matters to this column.
    const closed = [];
    for (const [n, day] of [
      [1, "2026-02-10"],
      [2, "2026-02-20"],
      [3, "2026-02-15"],
    ] as const) {
      closed.push(
        await applicationRow(t.db, {
          serviceCode: "road-info",
          state: {
            status: "CLOSED",
            registrationNumber: `CLOSED-${n}`,
            currentStage: "granted",
            outcome: "granted",
            closedAt: new Date(`${day}T08:00:00Z`),
          },
        }),
      );
    }
    const page = await boardColumnPage(
      t.db,
      registrar,
      { filters: { serviceCode: "road-info" }, stage: "granted", limit: 20 },
      ctx(),
    );
    expect(page.cards.map((c) => c.registrationNumber)).toEqual(["CLOSED-2", "CLOSED-3", "CLOSED-1"]);
    await t.db.application.deleteMany({ where: { id: { in: closed.map((c) => c.id) } } });
  });

  it("counts a column up to 10,000 and says «более» past it; the page still comes in order (issue 13 p.2)", async () => {
    const registrar = await scopeOf("registrar@demo.reglament.ru");
    const template = await applicationRow(t.db, {
      serviceCode: "road-info",
      state: {
        status: "CLOSED",
        registrationNumber: "ARCHIVE-LAST",
        currentStage: "refused",
        outcome: "refused",
        closedAt: new Date("2026-02-27T08:00:00Z"),
      },
    });
    // An archive of closed applications, older than the one above, in one statement.
    await t.db.$executeRaw`
      INSERT INTO "Application" (id, "serviceId", "regulationVersionId", "departmentId", "ownerId", status, channel,
        data, "currentStage", outcome, "closedAt", "registrationNumber", "rowVersion", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), "serviceId", "regulationVersionId", "departmentId", "ownerId", status, channel,
        data, "currentStage", outcome, timestamp '2025-01-01' + g * interval '1 minute', 'ARCHIVE-' || g,
        "rowVersion", now(), now()
      FROM "Application", generate_series(0, ${COLUMN_COUNT_CAP - 1}::int) g WHERE id = ${template.id}::uuid`;
    const page = await boardColumnPage(
      t.db,
      registrar,
      { filters: { serviceCode: "road-info" }, stage: "refused", limit: 3 },
      ctx(),
    );
    expect(page).toMatchObject({ total: COLUMN_COUNT_CAP, totalCapped: true });
    expect(page.cards.map((c) => c.registrationNumber)).toEqual([
      "ARCHIVE-LAST",
      `ARCHIVE-${COLUMN_COUNT_CAP - 1}`,
      `ARCHIVE-${COLUMN_COUNT_CAP - 2}`,
    ]);
    await t.db.application.deleteMany({ where: { serviceId: template.serviceId, currentStage: "refused" } });
    const empty = await boardColumnPage(
      t.db,
      registrar,
      { filters: { serviceCode: "road-info" }, stage: "refused", limit: 3 },
      ctx(),
    );
    expect(empty).toMatchObject({ total: 0, totalCapped: false });
  });

  it("shows staff of another department nothing, not even the card", async () => {
    const mfcOnly = await staffAccount(t.db, [["mfc", "REGISTRAR"]], {
      email: "mfc@example.ru",
      lastName: "Оператор",
      firstName: "МФЦ",
    });
    const scope = await staffScope(t.db, (await loadIdentity(t.db, mfcOnly.id))!);
    const b = await board(t.db, scope, { filters: {}, perColumn: 20 }, ctx());
    expect(b.columns.every((c) => c.total === 0)).toBe(true);
    expect(await staffCard(t.db, scope, ids[0]!, ctx())).toBeNull();
    const registrar = await scopeOf("registrar@demo.reglament.ru");
    const card = (await staffCard(t.db, registrar, ids[0]!, ctx()))!;
    expect(card.transitions.map((tr) => tr.key)).toEqual(["pass_to_review"]);
    expect(card.events.map((e) => e.type)).toEqual(["registered"]);
  });

  it("on the all-services board, a card carries its own service's stage titles (issue 12 p.9)", async () => {
    const archive = await registeredApplication(t.db, {
      serviceCode: "archive-info",
      calendar,
      receivedAt: new Date("2026-03-03T05:00:00Z"),
    });
    try {
      const registrar = await scopeOf("registrar@demo.reglament.ru");
      const b = await board(t.db, registrar, { filters: {}, perColumn: 20 }, ctx());
      const registration = b.columns.find((c) => c.key === "registration")!;
      // Both services have a «registration» stage, titled differently: the column names both.
      expect(registration.titles).toEqual([
        "Прием и регистрация запросов и документов, необходимых для предоставления муниципальной услуги",
        "Прием и регистрация заявления",
      ]);
      const road = registration.cards.find((c) => c.service.code === "road-info")!;
      const arch = registration.cards.find((c) => c.id === archive.id)!;
      expect(road.stageTitle).toBe("Прием и регистрация заявления");
      expect(arch.stageTitle).toBe(registration.titles[0]);
      const roadDoc = (await versionInForce(
        t.db,
        (await t.db.service.findUniqueOrThrow({ where: { code: "road-info" } })).id,
      ))!.document;
      for (const tr of road.transitions) expect(tr.toTitle).toBe(roadDoc.stages.find((st) => st.key === tr.to)!.title);
    } finally {
      await t.db.application.delete({ where: { id: archive.id } }).catch(() => undefined);
    }
  });

  it("keeps a column for a stage that a later regulation version renamed, while applications are in it (R11)", async () => {
    const registrar = await scopeOf("registrar@demo.reglament.ru");
    const service = await t.db.service.findUniqueOrThrow({ where: { code: "road-info" } });
    const v1 = (await versionInForce(t.db, service.id))!;
    const doc = structuredClone(v1.document) as unknown as {
      initialStage: string;
      stages: { key: string }[];
      transitions: { from: string; to: string }[];
    };
    const rename = (k: string) => (k === "registration" ? "reception" : k);
    doc.initialStage = rename(doc.initialStage);
    for (const st of doc.stages) st.key = rename(st.key);
    for (const tr of doc.transitions) Object.assign(tr, { from: rename(tr.from), to: rename(tr.to) });
    await publishRegulation(t.db, {
      serviceId: service.id,
      document: doc,
      basis: "Постановление (тест)",
      effectiveFrom: new Date("2026-01-01T00:00:00Z"),
    });
    expect((await versionInForce(t.db, service.id))!.document.stages.map((st) => st.key)).not.toContain("registration");

    const b = await board(t.db, registrar, { filters: { serviceCode: "road-info" }, perColumn: 20 }, ctx());
    expect(b.columns.map((c) => c.key)).toContain("reception");
    expect(b.columns.find((c) => c.key === "registration")?.total).toBe(3);
  });
});
