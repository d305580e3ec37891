// Publishing an edition of a regulation (issue 10 p.4, R11) and moving one between installations
// (p.6), through the tRPC procedures as an administrator calls them, on real PostgreSQL with the demo
// municipality: what the preview says (changes, impact, the R11 warning on the real working
// calendar), what publishing refuses (a past date, an act in the future, a stale row version, a
// document with problems), that a published edition never changes through any procedure, that a
// scheduled edition comes into force by itself (drafts move to it, submitted applications stay on
// theirs), and that an exported edition imports as an identical draft.
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { AppError } from "../../errors";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { createCaller } from "../../api/root";
import { createContext } from "../../api/trpc";
import { loadWorkingCalendar } from "../../calendar/data";
import type { WorkingCalendar } from "../../calendar/working-calendar";
import { isoDateOf, parseDate } from "../../calendar/civil-date";
import { applicationRow, demoUser, registeredApplication } from "../../test/factories";
import { routeCaller } from "../../test/rest";
import { openDraft } from "../../application/mutations";
import { versionInForce, versionsInForce } from "../data";
import { documentChecksum } from "../checksum";
import type { RegulationDocument } from "../document";
import { readTransferFile, transferText } from "../transfer";
import { editionStates, r11Warning } from "./data";
import { editionExportRoute } from "./http";

let t: TestDatabase;
let calendar: WorkingCalendar;
let admin: { id: string };
let registrar: { id: string };
let serviceId: string;
let v1: { id: string; version: number; document: RegulationDocument };
let draftApps: string[];
let openApps: string[];
let today: string;

const session = (userId: string) =>
  ({
    user: { id: userId, email: "", name: "", roles: [], departmentIds: [], authMethod: "password" },
    expires: "2099-01-01T00:00:00Z",
  }) as unknown as Session;
const callerAs = (userId: string) => createCaller(() => createContext({ db: t.db, session: session(userId) }));
const api = () => callerAs(admin.id).regulation;

const plusDays = (date: string, n: number) => isoDateOf(parseDate(date) + n);
const failure = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(TRPCError);
  const err = e as TRPCError;
  const fieldErrors =
    err.cause instanceof AppError
      ? (err.cause.fieldErrors ?? {})
      : err.cause instanceof ZodError
        ? Object.fromEntries(err.cause.issues.map((i) => [i.path.join("."), i.message]))
        : {};
  return { code: err.code, message: err.message, fieldErrors };
};
const act = {
  actNumber: "45",
  basis: "Постановление администрации сельского поселения Половинка о внесении изменений",
};
const reviewIndex = () => v1.document.stages.findIndex((s) => s.key === "review");

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  today = calendar.localDate(new Date());
  admin = await demoUser(t.db, "admin");
  registrar = await demoUser(t.db, "registrar");
  serviceId = (await t.db.service.findUniqueOrThrow({ where: { code: "road-info" } })).id;
  v1 = (await versionInForce(t.db, serviceId))!;
  draftApps = [];
  for (let i = 0; i < 3; i++) draftApps.push((await applicationRow(t.db, { serviceCode: "road-info" })).id);
  openApps = [];
  for (let i = 0; i < 2; i++)
    openApps.push(
      (await registeredApplication(t.db, { serviceCode: "road-info", calendar, actorId: registrar.id })).id,
    );
});
afterAll(() => t.drop());

describe("publishing an edition (issue 10 p.4, R11)", () => {
  let draft: { id: string; rowVersion: number };

  it("previews the changes against the edition in force, the impact and the R11 warning", async () => {
    const started = await api().startDraft({ serviceId });
    const doc = structuredClone(v1.document);
    doc.stages[reviewIndex()]!.deadline!.value = 10;
    const saved = await api().saveDraft({ id: started.id, expectedRowVersion: 0, document: doc });
    draft = { id: started.id, rowVersion: saved.rowVersion };

    const farAhead = plusDays(today, 60);
    const preview = await api().publishPreview({ id: draft.id, effectiveFrom: farAhead, actDate: today });
    expect(preview.problems).toEqual([]);
    expect(preview.base).toEqual({ id: v1.id, version: 1 });
    expect(preview.rowVersion).toBe(draft.rowVersion);
    expect(preview.changes).toEqual([
      {
        part: "Процесс",
        kind: "changed",
        text: `Срок этапа «${v1.document.stages[reviewIndex()]!.title}»: 11 рабочих дней → 10 рабочих дней`,
        path: `stages.${reviewIndex()}.deadline.value`,
      },
    ]);
    expect(preview.impact).toMatchObject({
      drafts: 3,
      open: [{ version: 1, count: 2 }],
      scheduledBefore: [],
      scheduledAfter: [],
    });
    expect(preview.impact.effectiveFrom).toEqual(calendar.startOfLocalDay(farAhead));
    expect(preview.warnings).toHaveLength(1);
    expect(preview.warnings[0]).toMatch(/позже 5 рабочих дней после даты акта/);

    // Within 5 working days of the act: no warning. Half-typed dates are ignored, not refused.
    const soon = calendar.dueDateAfterWorkingDays(calendar.startOfLocalDay(today), 5);
    expect((await api().publishPreview({ id: draft.id, effectiveFrom: soon, actDate: today })).warnings).toEqual([]);
    expect((await api().publishPreview({ id: draft.id, effectiveFrom: "2026-1", actDate: "" })).warnings).toEqual([]);
  });

  it("warns by the real working calendar: 5 working days after 30.04.2026 end on 11.05.2026 (holidays of May)", () => {
    // Counting weekdays only would end on 08.05 (1 May is a Friday); the decree makes 11.05 a day off.
    expect(r11Warning(calendar, "2026-04-30", "2026-05-08")).toBeNull();
    expect(r11Warning(calendar, "2026-04-30", "2026-05-11")).toBeNull();
    expect(r11Warning(calendar, "2026-04-30", "2026-05-12")).toBe(
      "Дата вступления в силу (12.05.2026) позже 5 рабочих дней после даты акта (30.04.2026): изменения регламента публикуются в течение 5 рабочих дней, не позднее 11.05.2026",
    );
  });

  it("refuses a past effective date, an act in the future and an edition taking effect before its act, on their fields", async () => {
    const base = { id: draft.id, expectedRowVersion: draft.rowVersion, ...act };
    const past = await failure(
      api().publish({ ...base, effectiveFrom: plusDays(today, -1), actDate: plusDays(today, -3) }),
    );
    expect(past.code).toBe("BAD_REQUEST");
    expect(past.fieldErrors.effectiveFrom).toMatch(/не может быть в прошлом/);
    const future = await failure(
      api().publish({ ...base, effectiveFrom: plusDays(today, 3), actDate: plusDays(today, 1) }),
    );
    expect(future.fieldErrors).toEqual({ actDate: "Дата акта не может быть в будущем: укажите дату принятого акта" });
    const malformed = await failure(api().publish({ ...base, effectiveFrom: "2027-02-30", actDate: today }));
    expect(malformed.fieldErrors.effectiveFrom).toBe("Такой даты нет");
    expect((await t.db.regulationVersion.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });

  it("refuses a document with problems, listing each with its path", async () => {
    const broken = structuredClone(v1.document);
    broken.stages[reviewIndex()]!.deadline!.value = 0;
    const saved = await api().saveDraft({ id: draft.id, expectedRowVersion: draft.rowVersion, document: broken });
    const refused = await failure(
      api().publish({
        id: draft.id,
        expectedRowVersion: saved.rowVersion,
        effectiveFrom: today,
        actDate: today,
        ...act,
      }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/^Редакция не может быть опубликована: 1 ошибка/);
    expect(refused.fieldErrors).toEqual({
      [`document.stages.${reviewIndex()}.deadline.value`]: "Срок должен быть положительным",
    });
    const fixed = structuredClone(broken);
    fixed.stages[reviewIndex()]!.deadline!.value = 10;
    draft.rowVersion = (
      await api().saveDraft({ id: draft.id, expectedRowVersion: saved.rowVersion, document: fixed })
    ).rowVersion;
  });

  it("refuses another service's number prefix as this service's (issue 16 p.8), and a malformed one", async () => {
    const publishWith = async (numberPrefix: string) => {
      const doc = structuredClone(v1.document);
      doc.passport.numberPrefix = numberPrefix;
      const saved = await api().saveDraft({ id: draft.id, expectedRowVersion: draft.rowVersion, document: doc });
      draft.rowVersion = saved.rowVersion;
      return failure(
        api().publish({
          id: draft.id,
          expectedRowVersion: saved.rowVersion,
          effectiveFrom: today,
          actDate: today,
          ...act,
        }),
      );
    };
    // S2 numbers its applications «АРХ-…».
    expect((await publishWith("АРХ")).fieldErrors).toEqual({
      "document.passport.numberPrefix":
        "Префикс «АРХ» уже у услуги «Предоставление архивной информации»: номера заявлений совпали бы. Выберите другой",
    });
    expect((await publishWith("арх")).fieldErrors).toEqual({
      "document.passport.numberPrefix": "Префикс номера: от 2 до 8 заглавных букв или цифр без пробелов, например АРХ",
    });
    draft.rowVersion = (
      await api().saveDraft({ id: draft.id, expectedRowVersion: draft.rowVersion, document: v1.document })
    ).rowVersion;
  });

  it("refuses with CONFLICT when the draft changed since the preview the administrator saw", async () => {
    const seen = draft.rowVersion;
    const doc = structuredClone(v1.document);
    doc.stages[reviewIndex()]!.deadline!.value = 10;
    doc.passport.summary = "Изменено другим администратором";
    draft.rowVersion = (await api().saveDraft({ id: draft.id, expectedRowVersion: seen, document: doc })).rowVersion;
    const conflict = await failure(
      api().publish({ id: draft.id, expectedRowVersion: seen, effectiveFrom: today, actDate: today, ...act }),
    );
    expect(conflict.code).toBe("CONFLICT");
    expect((await t.db.regulationVersion.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });

  let effectiveDate: string;
  it("publishes a scheduled edition with its act, and records the changes it makes", async () => {
    effectiveDate = plusDays(today, 14);
    const published = await api().publish({
      id: draft.id,
      expectedRowVersion: draft.rowVersion,
      effectiveFrom: effectiveDate,
      actDate: today,
      ...act,
    });
    expect(published).toMatchObject({ id: draft.id, version: 2, state: "scheduled", changes: 2 });
    expect(published.effectiveFrom).toEqual(calendar.startOfLocalDay(effectiveDate));
    expect(published.warnings).toEqual(r11Warning(calendar, today, effectiveDate) ? [expect.any(String)] : []);

    const row = await t.db.regulationVersion.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row).toMatchObject({
      status: "PUBLISHED",
      publishedById: admin.id,
      actNumber: "45",
      basis: act.basis,
      actDate: new Date(`${today}T00:00:00Z`),
      effectiveFrom: calendar.startOfLocalDay(effectiveDate),
    });
    expect(row.checksum).toBe(documentChecksum(row.document));
    const event = await t.db.adminEvent.findFirstOrThrow({ where: { type: "edition_published", subjectId: draft.id } });
    expect(event.actorId).toBe(admin.id);
    expect(event.after).toMatchObject({
      status: "PUBLISHED",
      version: 2,
      actNumber: "45",
      actDate: today,
      comparedWith: 1,
      changes: [
        "Паспорт: Изменено краткое описание услуги",
        `Процесс: Срок этапа «${v1.document.stages[reviewIndex()]!.title}»: 11 рабочих дней → 10 рабочих дней`,
      ],
    });
    const versions = await t.db.regulationVersion.findMany({ where: { serviceId } });
    expect(editionStates(versions).get(draft.id)).toBe("scheduled");
    expect(editionStates(versions).get(v1.id)).toBe("in_force");
  });

  it("never changes a published edition, whichever procedure is called", async () => {
    const before = await t.db.regulationVersion.findUniqueOrThrow({ where: { id: draft.id } });
    const doc = structuredClone(v1.document);
    const calls = [
      () => api().saveDraft({ id: draft.id, expectedRowVersion: before.rowVersion, document: doc }),
      () => api().discardDraft({ id: draft.id, expectedRowVersion: before.rowVersion }),
      () =>
        api().publish({
          id: draft.id,
          expectedRowVersion: before.rowVersion,
          effectiveFrom: plusDays(today, 1),
          actDate: today,
          ...act,
        }),
    ];
    for (const call of calls) {
      const refused = await failure(call());
      expect(refused.code).toBe("PRECONDITION_FAILED");
    }
    expect(await t.db.regulationVersion.findUniqueOrThrow({ where: { id: draft.id } })).toEqual(before);
  });

  it("comes into force by itself on its date: a draft opened then moves to it, a submitted application stays", async () => {
    const effectiveFrom = calendar.startOfLocalDay(effectiveDate);
    const dayBefore = new Date(effectiveFrom.getTime() - 3600_000);
    const onTheDay = new Date(effectiveFrom.getTime() + 3600_000);
    expect((await versionInForce(t.db, serviceId, dayBefore))!.version).toBe(1);
    expect((await versionInForce(t.db, serviceId, onTheDay))!.version).toBe(2);
    // The lists' one query (catalogue, board, appointments) picks the same edition per service.
    const services = await t.db.service.findMany({ select: { id: true } });
    for (const at of [dayBefore, onTheDay]) {
      const all = await versionsInForce(
        t.db,
        services.map((s) => s.id),
        at,
      );
      for (const { id } of services) expect(all.get(id)?.id).toBe((await versionInForce(t.db, id, at))?.id);
      expect(all.get(serviceId)!.version).toBe(at === dayBefore ? 1 : 2);
    }
    const owner = await demoUser(t.db, "applicant");
    const pinned = async (id: string) =>
      (await t.db.application.findUniqueOrThrow({ where: { id }, select: { regulationVersionId: true } }))
        .regulationVersionId;

    // Opened before the date: still edition 1.
    await openDraft(t.db, owner.id, draftApps[0]!, dayBefore);
    expect(await pinned(draftApps[0]!)).toBe(v1.id);
    // Opened on the date: moved to edition 2.
    const opened = (await openDraft(t.db, owner.id, draftApps[0]!, onTheDay))!;
    expect(opened.version).toBe(2);
    expect(await pinned(draftApps[0]!)).toBe(draft.id);
    // Submitted applications stay on the edition they were submitted under.
    for (const id of openApps) expect(await pinned(id)).toBe(v1.id);
    const statuses = await t.db.application.findMany({ where: { id: { in: openApps } }, select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(["SUBMITTED", "SUBMITTED"]);

    // The next publication sees this one as scheduled after its own date, or before.
    const next = await api().startDraft({ serviceId });
    const later = await api().publishPreview({ id: next.id, effectiveFrom: plusDays(effectiveDate, 1) });
    expect(later.impact.scheduledBefore).toEqual([{ version: 2, effectiveFrom }]);
    const earlier = await api().publishPreview({ id: next.id, effectiveFrom: today });
    expect(earlier.impact.scheduledAfter).toEqual([{ version: 2, effectiveFrom }]);
    await api().discardDraft({ id: next.id, expectedRowVersion: 0 });
  });

  it("describes a first edition as such", async () => {
    const departmentId = (await t.db.department.findFirstOrThrow({ where: { code: "roads" } })).id;
    const created = await api().createService({ code: "first-edition", title: "Новая услуга", departmentId });
    const preview = await api().publishPreview({ id: created.draftId });
    expect(preview.base).toBeNull();
    expect(preview.changes).toEqual([]);
    expect(preview.impact).toMatchObject({ drafts: 0, open: [] });
  });
});

describe("export and import of an edition (issue 10 p.6)", () => {
  it("exports S1 as a file that imports as an identical draft", async () => {
    const response = await routeCaller(t.db)(editionExportRoute, { as: admin.id, params: { id: v1.id } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="road-info-v1.reglament.json"');
    const content = await response.text();
    const read = readTransferFile(content);
    expect(read.ok).toBe(true);
    const file = JSON.parse(content);
    expect(file).toMatchObject({
      format: "reglament.regulation",
      formatVersion: 1,
      service: { code: "road-info" },
      edition: { version: 1, actNumber: "193", actDate: "2019-06-03", effectiveFrom: "2019-06-02T19:00:00.000Z" },
    });

    const imported = await api().importEdition({ serviceId, content });
    expect(imported.problems).toEqual([]);
    const row = await t.db.regulationVersion.findUniqueOrThrow({ where: { id: imported.id } });
    const original = await t.db.regulationVersion.findUniqueOrThrow({ where: { id: v1.id } });
    expect(row).toMatchObject({ status: "DRAFT", version: imported.version, actNumber: "193", createdById: admin.id });
    expect(row.document).toEqual(original.document);
    expect(row.checksum).toBe(original.checksum);
    const event = await t.db.adminEvent.findFirstOrThrow({ where: { type: "edition_created", subjectId: row.id } });
    expect(event.after).toMatchObject({ importedFrom: { service: "road-info", version: 1 } });

    // One draft per service: a second import is refused with startDraft's message.
    const again = await failure(api().importEdition({ serviceId, content }));
    expect(again.code).toBe("PRECONDITION_FAILED");
    expect(again.message).toMatch(new RegExp(`уже есть черновик редакции № ${imported.version}:`));
    await api().discardDraft({ id: row.id, expectedRowVersion: 0 });
  });

  it("refuses a hostile or mistaken file with a Russian message and writes nothing", async () => {
    const count = () => t.db.regulationVersion.count();
    const before = await count();
    const good = JSON.parse(transferText(readTransferFileOk(await exportText(v1.id))));
    const cases: [string, RegExp][] = [
      ["это не файл выгрузки", /не в формате JSON/],
      ["x".repeat(5_000_000), /^Файл больше/],
      [`${"[".repeat(1000)}${"]".repeat(1000)}`, /вложен глубже/],
      ["[]", /ожидается объект JSON/],
      [JSON.stringify({ ...good, format: "other" }), /поле format должно быть/],
      [
        JSON.stringify({ ...good, document: { ...good.document, hidden: 1 } }),
        /поля, которых нет в формате регламента: hidden/,
      ],
      [JSON.stringify({ ...good, document: { ...good.document, stages: "none" } }), /не является регламентом/],
    ];
    for (const [content, message] of cases) {
      const refused = await failure(api().importEdition({ serviceId, content }));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.message).toMatch(message);
      expect(refused.fieldErrors.content).toBe(refused.message);
    }
    const unknown = await failure(
      api().importEdition({
        serviceId,
        content: JSON.stringify({ ...good, document: { ...good.document, hidden: 1 } }),
      }),
    );
    expect(unknown.fieldErrors.hidden).toBe("Неизвестное поле");
    expect(await count()).toBe(before);
  });

  it("imports a document with semantic problems as a draft and lists them", async () => {
    const file = readTransferFileOk(await exportText(v1.id));
    file.document.stages[reviewIndex()]!.deadline!.value = 0;
    const imported = await api().importEdition({ serviceId, content: transferText(file) });
    expect(imported.problems).toEqual([
      { path: `stages.${reviewIndex()}.deadline.value`, message: "Срок должен быть положительным" },
    ]);
    expect((await api().edition({ id: imported.id })).problems).toEqual(imported.problems);
    await api().discardDraft({ id: imported.id, expectedRowVersion: 0 });
  });
});

async function exportText(id: string) {
  return (await routeCaller(t.db)(editionExportRoute, { as: admin.id, params: { id } })).text();
}
function readTransferFileOk(content: string) {
  const read = readTransferFile(content);
  if (!read.ok) throw new Error(read.message);
  return read.file;
}
