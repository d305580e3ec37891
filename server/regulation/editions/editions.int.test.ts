// Services and draft editions as administrators work with them (issue 10 p.1-3), against real
// PostgreSQL through the regulation router: a new service starts from a complete starter document;
// one draft per service; autosave under a row version, so a second administrator's stale save is a
// CONFLICT and nothing is lost; discarding keeps the draft in the history; taking a service out of the
// catalogue hides it there and leaves its applications alone; an AdminEvent with every change.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { demoUser, departmentIds } from "../../test/factories";
import { callerAs, failure } from "../../test/callers";
import { listServices } from "../../catalogue/data";
import { validateDocument, type RegulationDocument } from "../document";
import { editionStates } from "./data";

let t: TestDatabase;
let adminId: string;
let ids: Record<string, string>;

const admin = () => callerAs(t.db, adminId);

const newService = async (title = "Выдача выписки из похозяйственной книги") =>
  admin().regulation.createService({ code: `svc-${randomUUID().slice(0, 8)}`, title, departmentId: ids.archive! });

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  adminId = (await demoUser(t.db, "admin")).id;
  ids = await departmentIds(t.db);
});
afterAll(() => t.drop());

describe("a new service", () => {
  it("starts with a draft whose starter document is complete: its problem list is empty", async () => {
    const created = await newService();
    const edition = await admin().regulation.edition({ id: created.draftId });
    expect(edition.state).toBe("draft");
    expect(edition.version).toBe(1);
    expect(edition.problems).toEqual([]);
    const doc = edition.document as RegulationDocument;
    expect(doc.passport.name).toBe("Выдача выписки из похозяйственной книги");
    // The authority is the administration the archive department belongs to.
    expect(doc.passport.authority.name).not.toBe("");
    expect(validateDocument(doc).ok).toBe(true);
    const events = await t.db.adminEvent.findMany({ where: { subjectId: { in: [created.id, created.draftId] } } });
    expect(events.map((e) => e.type).sort()).toEqual(["edition_created", "service_created"]);
  });

  it("refuses a code already taken, on the code field, and writes nothing", async () => {
    const before = await t.db.service.count();
    const e = await failure(
      admin().regulation.createService({ code: "road-info", title: "Ещё одна услуга", departmentId: ids.archive! }),
    );
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.fieldErrors?.code).toMatch(/занят/);
    expect(await t.db.service.count()).toBe(before);
  });

  it("is not in the catalogue until an edition is published", async () => {
    const created = await newService("Услуга без опубликованной редакции");
    expect((await listServices(t.db)).some((s) => s.code === created.code)).toBe(false);
  });
});

describe("drafts", () => {
  it("autosave under a row version: a stale save is a CONFLICT and the first administrator's change stays", async () => {
    const created = await newService();
    const loaded = await admin().regulation.edition({ id: created.draftId });
    const mine = structuredClone(loaded.document) as RegulationDocument;
    mine.passport.term = { value: 5, unit: "working_days" };
    const saved = await admin().regulation.saveDraft({ id: created.draftId, expectedRowVersion: 0, document: mine });
    expect(saved.rowVersion).toBe(1);
    expect(saved.problems).toEqual([]);

    // The second administrator loaded row version 0 too.
    const theirs = structuredClone(loaded.document) as RegulationDocument;
    theirs.passport.term = { value: 30, unit: "calendar_days" };
    const e = await failure(
      admin().regulation.saveDraft({ id: created.draftId, expectedRowVersion: 0, document: theirs }),
    );
    expect(e.code).toBe("CONFLICT");
    const stored = await admin().regulation.edition({ id: created.draftId });
    expect((stored.document as RegulationDocument).passport.term).toEqual({ value: 5, unit: "working_days" });

    // The audit record names what changed.
    const updates = await t.db.adminEvent.findMany({ where: { subjectId: created.draftId, type: "edition_updated" } });
    expect(updates).toHaveLength(1);
    expect(updates[0]!.after).toMatchObject({ rowVersion: 1, changed: ["passport"] });
  });

  it("keeps an incomplete document and lists its problems with their paths", async () => {
    const created = await newService();
    const doc = (await admin().regulation.edition({ id: created.draftId })).document as RegulationDocument;
    doc.transitions[0]!.to = "nowhere";
    const saved = await admin().regulation.saveDraft({ id: created.draftId, expectedRowVersion: 0, document: doc });
    expect(saved.problems).toContainEqual({ path: "transitions.0.to", message: "Этап «nowhere» не существует" });
    expect(
      ((await admin().regulation.edition({ id: created.draftId })).document as RegulationDocument).transitions[0]!.to,
    ).toBe("nowhere");
  });

  it("refuses a document that is too deep or holds a NUL, before anything is written", async () => {
    const created = await newService();
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100; i++) deep = (deep.x = {}) as Record<string, unknown>;
    const e1 = await failure(
      admin().regulation.saveDraft({ id: created.draftId, expectedRowVersion: 0, document: root }),
    );
    expect(e1.code).toBe("BAD_REQUEST");
    const e2 = await failure(
      admin().regulation.saveDraft({ id: created.draftId, expectedRowVersion: 0, document: { passport: "a\u0000b" } }),
    );
    expect(e2.code).toBe("BAD_REQUEST");
    expect((await t.db.regulationVersion.findUniqueOrThrow({ where: { id: created.draftId } })).rowVersion).toBe(0);
  });

  it("one draft per service; discarding keeps it in the history and frees the place for a restore", async () => {
    const created = await newService();
    const e = await failure(admin().regulation.startDraft({ serviceId: created.id }));
    expect(e.message).toMatch(/уже есть черновик редакции № 1/);
    await admin().regulation.discardDraft({ id: created.draftId, expectedRowVersion: 0 });
    const service = await admin().regulation.service({ code: created.code });
    expect(service.editions.map((v) => [v.version, v.state])).toEqual([[1, "discarded"]]);
    expect(
      (await failure(admin().regulation.saveDraft({ id: created.draftId, expectedRowVersion: 1, document: {} })))
        .message,
    ).toMatch(/удалён/);
    const next = await admin().regulation.startDraft({ serviceId: created.id });
    expect(next.version).toBe(2);
  });

  it("a published edition is never changed by the editor's procedures", async () => {
    const roadInfo = await admin().regulation.service({ code: "road-info" });
    const inForce = roadInfo.editions.find((v) => v.state === "in_force")!;
    const before = await t.db.regulationVersion.findUniqueOrThrow({ where: { id: inForce.id } });
    const e1 = await failure(
      admin().regulation.saveDraft({ id: inForce.id, expectedRowVersion: before.rowVersion, document: {} }),
    );
    expect(e1.code).toBe("PRECONDITION_FAILED");
    expect(e1.message).toMatch(/Опубликованная редакция не изменяется/);
    const e2 = await failure(
      admin().regulation.discardDraft({ id: inForce.id, expectedRowVersion: before.rowVersion }),
    );
    expect(e2.code).toBe("PRECONDITION_FAILED");
    const after = await t.db.regulationVersion.findUniqueOrThrow({ where: { id: inForce.id } });
    expect(after.checksum).toBe(before.checksum);
    expect(after.status).toBe("PUBLISHED");
  });

  it("a restore starts the draft from the chosen earlier edition and names it", async () => {
    const roadInfo = await admin().regulation.service({ code: "road-info" });
    const oldest = roadInfo.editions.at(-1)!;
    const draft = await admin().regulation.startDraft({ serviceId: roadInfo.id, fromVersionId: oldest.id });
    const edition = await admin().regulation.edition({ id: draft.id });
    const source = await t.db.regulationVersion.findUniqueOrThrow({ where: { id: oldest.id } });
    expect(edition.document).toEqual(source.document);
    expect(edition.basedOn?.version).toBe(oldest.version);
    await admin().regulation.discardDraft({ id: draft.id, expectedRowVersion: 0 });
  });
});

describe("the service in the catalogue", () => {
  it("taken out, it leaves the catalogue; its editions and applications stay", async () => {
    const roadInfo = await admin().regulation.service({ code: "road-info" });
    await admin().regulation.setServiceActive({ serviceId: roadInfo.id, active: false });
    expect((await listServices(t.db)).some((s) => s.code === "road-info")).toBe(false);
    expect((await admin().regulation.service({ code: "road-info" })).editions.length).toBe(roadInfo.editions.length);
    await admin().regulation.setServiceActive({ serviceId: roadInfo.id, active: true });
    expect((await listServices(t.db)).some((s) => s.code === "road-info")).toBe(true);
    const events = await t.db.adminEvent.findMany({ where: { subjectId: roadInfo.id, type: "service_updated" } });
    expect(events.map((e) => e.after)).toEqual([{ isActive: false }, { isActive: true }]);
  });
});

describe("edition states", () => {
  const at = new Date("2027-03-01T00:00:00Z");
  const row = (version: number, status: "DRAFT" | "PUBLISHED" | "DISCARDED", effectiveFrom: string | null) => ({
    id: `v${version}`,
    version,
    status,
    effectiveFrom: effectiveFrom ? new Date(effectiveFrom) : null,
  });
  it("names the one in force, the scheduled, the superseded, the draft and the discarded", () => {
    const states = editionStates(
      [
        row(1, "PUBLISHED", "2024-01-01"),
        row(2, "PUBLISHED", "2027-01-10"),
        row(3, "PUBLISHED", "2027-04-01"),
        row(4, "DISCARDED", null),
        row(5, "DRAFT", null),
      ],
      at,
    );
    expect(Object.fromEntries(states)).toEqual({
      v1: "superseded",
      v2: "in_force",
      v3: "scheduled",
      v4: "discarded",
      v5: "draft",
    });
  });
});
