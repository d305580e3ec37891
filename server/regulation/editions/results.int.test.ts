// The deadline simulator and the result document preview of the regulation editor (issue 10 p.2, p.5)
// against real PostgreSQL: regulation.simulate counts the editor's unsaved document over the loaded
// calendar and the reception hours of the service's department; the preview route renders the saved
// edition's result type on sample data with its template.
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { demoUser, registeredApplication } from "../../test/factories";
import { loadWorkingCalendar } from "../../calendar/data";
import { publishVersion } from "../mutations";
import { callerAs, failure } from "../../test/callers";
import { LocalFileStorage } from "../../storage/storage";
import { defaultHours } from "../../organisation/schedule";
import type { RegulationDocument } from "../document";
import { PREVIEW_BODY_POSITIVE, resultPreviewRoute } from "./preview-http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

let t: TestDatabase;
let adminId: string;
let executorId: string;
let draftId: string;
let departmentId: string;
let document: RegulationDocument;

const as = (userId: string) => callerAs(t.db, userId);
const local = (text: string) => new Date(`${text}+05:00`);

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  adminId = (await demoUser(t.db, "admin")).id;
  executorId = (await demoUser(t.db, "executor")).id;
  const service = await as(adminId).regulation.service({ code: "road-info" });
  departmentId = service.department.id;
  draftId = (await as(adminId).regulation.startDraft({ serviceId: service.id })).id;
  document = (await as(adminId).regulation.edition({ id: draftId })).document as RegulationDocument;
});
afterAll(() => t?.drop());

describe("regulation.simulate", () => {
  it("counts S1 by post on the Friday evening before Victory Day from the loaded calendar", async () => {
    const r = await as(adminId).regulation.simulate({
      editionId: draftId,
      document,
      channel: "POST",
      receivedAt: local("2026-05-08T19:00").toISOString(),
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.simulation.registration.dueAt).toEqual(local("2026-05-12T23:59:59.999"));
    const grant = r.simulation.paths.find((p) => p.outcome === "granted")!;
    expect(grant.stages.find((s) => s.key === "review")!.dueAt).toEqual(local("2026-05-27T23:59:59.999"));
    expect(r.simulation.service.dueAt).toEqual(local("2026-06-02T23:59:59.999"));
  });

  it("counts the unsaved document, and a minute term in the reception hours of the service's department", async () => {
    const changed = structuredClone(document);
    changed.stages.find((s) => s.key === "review")!.deadline = { value: 5, unit: "working_days", from: "registration" };
    const r = await as(adminId).regulation.simulate({
      editionId: draftId,
      document: changed,
      channel: "IN_PERSON",
      receivedAt: local("2026-05-08T16:50").toISOString(),
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    // No schedule: the calendar's day from 9:00 (7 h on the shortened 8 May).
    expect(r.simulation.registration.dueAt).toEqual(local("2026-05-12T09:15"));
    expect(r.simulation.paths[0]!.stages.find((s) => s.key === "review")!.term).toBe(
      "5 рабочих дней с даты регистрации заявления",
    );

    await as(adminId).schedule.save({ departmentId, hours: defaultHours() });
    const withHours = await as(adminId).regulation.simulate({
      editionId: draftId,
      document: changed,
      channel: "IN_PERSON",
      receivedAt: local("2026-05-08T16:50").toISOString(),
    });
    if (!withHours.ok) throw new Error(JSON.stringify(withHours.problems));
    // The office closes at 17:00 before the holiday: 10 minutes on Friday, 5 on Tuesday after the days off.
    expect(withHours.simulation.registration.dueAt).toEqual(local("2026-05-12T09:05"));
  });

  it("returns the problems of a document that does not parse instead of a table", async () => {
    const r = await as(adminId).regulation.simulate({
      editionId: draftId,
      document: { ...document, stages: [] },
      channel: "PORTAL",
      receivedAt: local("2026-05-08T19:00").toISOString(),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.path).toBe("stages");
  });

  it("refuses a non-administrator, a hostile document and a date out of range", async () => {
    const input = { editionId: draftId, document, channel: "POST" as const, receivedAt: "2026-05-08T14:00:00Z" };
    expect((await failure(as(executorId).regulation.simulate(input))).code).toBe("FORBIDDEN");
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 40; i += 1) deep = (deep.x = {}) as Record<string, unknown>;
    expect((await failure(as(adminId).regulation.simulate({ ...input, document: root }))).code).toBe("BAD_REQUEST");
    expect(
      (await failure(as(adminId).regulation.simulate({ ...input, receivedAt: "1812-09-07T10:00:00Z" }))).code,
    ).toBe("BAD_REQUEST");
  });
});

describe("GET /api/admin/editions/[id]/result-preview", () => {
  const storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-preview-")));
  const preview = (userId: string | null, id: string, type: string) =>
    resultPreviewRoute.run(
      new Request(`http://localhost/api/admin/editions/${id}/result-preview?type=${encodeURIComponent(type)}`),
      { id },
      { db: t.db, storage, sessionUserId: userId },
    );
  const textOf = async (res: Response) => {
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    return (await new PDFParse({ data: bytes }).getText()).text.replace(/\s+/g, " ");
  };

  it("renders the saved draft's template into the letter, on sample data", async () => {
    const edition = await as(adminId).regulation.edition({ id: draftId });
    const doc = structuredClone(edition.document) as RegulationDocument;
    doc.resultTypes[0]!.template =
      "Уважаемый {{заявитель}}! Сообщаем о дороге «{{road_name}}», вид сведений: {{info_kind}}.";
    await as(adminId).regulation.saveDraft({ id: draftId, expectedRowVersion: edition.rowVersion, document: doc });

    const res = await preview(adminId, draftId, "road_info_letter");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const text = await textOf(res);
    expect(text).toContain("Уважаемый Иванов Иван Иванович!");
    expect(text).toContain("«Образец: Автомобильная дорога (участок дороги)»");
    expect(text).toContain("вид сведений: О состоянии дорог.");
  });

  it("gives a refusal type without a template a note for its body and the first service refusal ground", async () => {
    const text = await textOf(await preview(adminId, draftId, "refusal_notice"));
    expect(text).toContain("Здесь будут мотивы отказа");
    expect(text).toContain(document.serviceRefusalGrounds[0]!.text.slice(0, 40).replace(/\s+/g, " "));
    expect(PREVIEW_BODY_POSITIVE).toContain("Шаблон для этого вида результата не задан");
  });

  it("answers 404 for an unknown type, 403 to staff and 401 to the anonymous", async () => {
    const unknown = await preview(adminId, draftId, "nope");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toContain("«nope»");
    expect((await preview(executorId, draftId, "road_info_letter")).status).toBe(403);
    expect((await preview(null, draftId, "road_info_letter")).status).toBe(401);
  });
});

describe("the staff's move dialog is pre-filled with the template (staff.card)", () => {
  it("renders the chosen type's template for the application; a type without one gives no text", async () => {
    // The template saved on the draft above, published: applications registered from now on are pinned to it.
    await publishVersion(t.db, { versionId: draftId, effectiveFrom: new Date(Date.now() - 60_000), actorId: adminId });
    const app = await registeredApplication(t.db, {
      serviceCode: "road-info",
      calendar: await loadWorkingCalendar(t.db),
      data: {
        applicant_type: "individual",
        full_name: { lastName: "Петрова", firstName: "Анна", middleName: "Сергеевна" },
        info_kind: "temporary_restriction",
        road_name: "ул. Школьная",
      },
    });
    const card = await as(executorId).staff.card({ id: app.id });
    const letter = card.resultTypes.find((r) => r.code === "road_info_letter")!;
    expect(letter.text).toBe(
      "Уважаемый Петрова Анна Сергеевна! Сообщаем о дороге «ул. Школьная», вид сведений: О временном ограничении движения.",
    );
    expect(card.resultTypes.find((r) => r.code === "refusal_notice")!.text).toBeNull();
  });
});
