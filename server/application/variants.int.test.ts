// Variants of a service and the applicant's profiling (issue 10 p.8), against real PostgreSQL: a
// published copy of S2 with the question «Кто обращается?». Each kind of applicant answers, gets the
// form of their variant, submits; the application is pinned to its variant with its edition, and
// staff (card, board, state machine) work on the variant's stages and transitions only.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARCHIVE_REQUEST } from "../test/fixtures";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { LocalFileStorage } from "../storage/storage";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { archiveInfoRegulation, roadInfoRegulation } from "../../prisma/seed/regulations";
import { validateDocument, type RegulationDocument } from "../regulation/document";
import { versionInForce } from "../regulation/data";
import { uploadAttachment } from "../attachment/mutations";
import { staffCard } from "../workflow/card/data";
import { boardColumnPage } from "../workflow/board/data";
import { moveApplication } from "../workflow/mutations";
import { demoScope, publishRegulation } from "../test/factories";
import { pdfBytes } from "../test/files";
import { TWO_VARIANTS_SERVICE, twoVariantRegulation } from "../test/two-variants";
import { publishTwoVariants } from "../test/two-variants-db";
import { applicationForOwner, draftForOwner } from "./data";
import { chooseVariant, openDraft, saveDraft, startDraft, submitApplication } from "./mutations";

let t: TestDatabase;
let calendar: WorkingCalendar;
let ownerId: string;
let serviceId: string;
const storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-files-")));
const ctx = () => ({ now: new Date(), calendar, dueSoonWorkingDays: 2 });
const { is_representative: _ignored, ...PERSONAL } = { ...ARCHIVE_REQUEST, is_representative: false };
const REPRESENTATIVE_NAME = { lastName: "Петров", firstName: "Пётр", middleName: "Петрович" };

const fieldKeys = (steps: { fields: { key: string }[] }[]) => steps.flatMap((s) => s.fields.map((f) => f.key));

/**
 * Submitted on a fixed Monday whose terms end on working days (30 calendar days: Wednesday 31 March,
 * 32: Friday 2 April), so the two variants' due dates differ whatever day the tests run: on 30
 * November 2026 both terms ran into the New Year holidays and ended on the same working day.
 */
const SUBMITTED_AT = new Date("2027-03-01T05:00:00Z");
const submit = (id: string, expectedRowVersion: number) =>
  submitApplication(t.db, {
    ownerId,
    id,
    submissionKey: randomUUID(),
    expectedRowVersion,
    calendar,
    signedWith: "password",
    storage,
    now: SUBMITTED_AT,
  });

/** A draft of the applicant answered as `who`, filled completely for that variant, submitted. */
async function submitted(who: "own" | "representative") {
  const { id } = await startDraft(t.db, { ownerId, serviceCode: TWO_VARIANTS_SERVICE.code });
  const chosen = await chooseVariant(t.db, ownerId, { id, answers: { who } });
  let values: Record<string, unknown> = PERSONAL;
  if (who === "representative") {
    const file = await uploadAttachment(t.db, storage, {
      userId: ownerId,
      applicationId: id,
      fieldKey: "power_of_attorney",
      fileName: "доверенность.pdf",
      content: pdfBytes(),
    });
    values = { ...PERSONAL, representative_name: REPRESENTATIVE_NAME, power_of_attorney: [file] };
  }
  const saved = await saveDraft(t.db, ownerId, {
    id,
    values,
    currentStep: "delivery",
    expectedRowVersion: chosen.rowVersion,
  });
  await submit(id, saved.rowVersion);
  return id;
}

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  ownerId = (await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } })).id;
  serviceId = (await publishTwoVariants(t.db)).serviceId;
});
afterAll(() => t.drop());

describe("the seeds stay one implicit variant", () => {
  it("validate as before and their drafts have no profiling", async () => {
    for (const doc of [roadInfoRegulation, archiveInfoRegulation]) expect(validateDocument(doc).ok).toBe(true);
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const draft = await draftForOwner(t.db, ownerId, id);
    expect(draft!.profiling).toBeNull();
    await expect(chooseVariant(t.db, ownerId, { id, answers: { who: "own" } })).rejects.toMatchObject({
      code: "PRECONDITION",
    });
  });
});

describe("profiling the applicant", () => {
  it("a new draft asks the questions first: no variant yet, and nothing can be saved or submitted", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: TWO_VARIANTS_SERVICE.code });
    const draft = (await draftForOwner(t.db, ownerId, id))!;
    expect(draft.profiling?.variant).toBeNull();
    expect(draft.profiling?.questions.map((q) => q.label)).toEqual(["Кто обращается?"]);
    const representative = draft.profiling!.variants.find((v) => v.code === "representative")!;
    expect(representative.documents.map((d) => d.title).join()).toMatch(/^.*Доверенность/);
    expect(
      draft
        .profiling!.variants.find((v) => v.code === "personal")!
        .documents.map((d) => d.title)
        .join(),
    ).not.toMatch(/Доверенность/);
    await expect(
      saveDraft(t.db, ownerId, { id, values: PERSONAL, currentStep: "request", expectedRowVersion: 0 }),
    ).rejects.toMatchObject({ code: "PRECONDITION", reason: "form_updated" });
    await expect(submit(id, 0)).rejects.toMatchObject({ code: "PRECONDITION" });
  });

  it("refuses missing or unknown answers, with the question named", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: TWO_VARIANTS_SERVICE.code });
    await expect(chooseVariant(t.db, ownerId, { id, answers: {} })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { who: "Выберите один из ответов" },
    });
    await expect(chooseVariant(t.db, ownerId, { id, answers: { who: "robot" } })).rejects.toMatchObject({
      code: "INVALID",
    });
    // Another applicant's draft is not found.
    const other = await t.db.user.findFirstOrThrow({ where: { email: { not: "applicant@demo.reglament.ru" } } });
    await expect(chooseVariant(t.db, other.id, { id, answers: { who: "own" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("each kind of applicant gets the form of their variant; changing the answers drops the other variant's values", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: TWO_VARIANTS_SERVICE.code });
    const asRepresentative = await chooseVariant(t.db, ownerId, { id, answers: { who: "representative" } });
    expect(asRepresentative.title).toBe("Обращение через представителя");
    let draft = (await draftForOwner(t.db, ownerId, id))!;
    expect(draft.profiling?.variant?.code).toBe("representative");
    expect(fieldKeys(draft.steps)).toEqual(expect.arrayContaining(["representative_name", "power_of_attorney"]));
    const saved = await saveDraft(t.db, ownerId, {
      id,
      values: { ...PERSONAL, representative_name: REPRESENTATIVE_NAME },
      currentStep: "applicant",
      expectedRowVersion: asRepresentative.rowVersion,
    });
    expect(saved.rowVersion).toBe(asRepresentative.rowVersion + 1);

    await chooseVariant(t.db, ownerId, { id, answers: { who: "own" } });
    draft = (await draftForOwner(t.db, ownerId, id))!;
    expect(draft.profiling?.variant?.code).toBe("personal");
    expect(fieldKeys(draft.steps)).not.toContain("representative_name");
    expect(draft.values).not.toHaveProperty("representative_name");
    expect(draft.values).toMatchObject({ request_subject: PERSONAL.request_subject });
    // The personal form has no representative's fields: a save naming one is refused.
    await expect(
      saveDraft(t.db, ownerId, {
        id,
        values: { ...PERSONAL, representative_name: REPRESENTATIVE_NAME },
        currentStep: "applicant",
        expectedRowVersion: draft.rowVersion,
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
  });

  it("a representative's submission is judged by their variant's form: the power of attorney is required", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: TWO_VARIANTS_SERVICE.code });
    const chosen = await chooseVariant(t.db, ownerId, { id, answers: { who: "representative" } });
    const saved = await saveDraft(t.db, ownerId, {
      id,
      values: { ...PERSONAL, representative_name: REPRESENTATIVE_NAME },
      currentStep: "delivery",
      expectedRowVersion: chosen.rowVersion,
    });
    const error = await submit(id, saved.rowVersion).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID" });
    expect(JSON.stringify((error as { fieldErrors?: unknown }).fieldErrors)).toContain("power_of_attorney");
  });
});

describe("an application pinned to its variant", () => {
  it("submits, pins variant and edition; staff see the variant and its stages only", async () => {
    const personal = await submitted("own");
    const representative = await submitted("representative");
    const version = (await versionInForce(t.db, serviceId))!;
    for (const [id, code] of [
      [personal, "personal"],
      [representative, "representative"],
    ] as const) {
      const row = await t.db.application.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "SUBMITTED", variantCode: code, regulationVersionId: version.id });
    }

    // The applicant's cabinet names the variant too.
    expect((await applicationForOwner(t.db, ownerId, representative))?.variant).toBe("Обращение через представителя");

    const registrar = await demoScope(t.db, "registrar");
    const cardOf = async (id: string) => (await staffCard(t.db, registrar, id, ctx()))!;
    const personalCard = await cardOf(personal);
    const representativeCard = await cardOf(representative);
    expect(personalCard.variant).toEqual({ code: "personal", title: "Личное обращение заявителя" });
    expect(representativeCard.variant).toEqual({ code: "representative", title: "Обращение через представителя" });
    expect(personalCard.transitions.map((tr) => tr.key)).toEqual(["register"]);
    expect(representativeCard.transitions.map((tr) => tr.key)).toEqual(["register_representative"]);
    // The representative's own term (32 calendar days) against the personal one's 30.
    expect(representativeCard.dueAt!.getTime()).toBeGreaterThan(personalCard.dueAt!.getTime());

    const column = await boardColumnPage(
      t.db,
      registrar,
      { filters: { serviceCode: TWO_VARIANTS_SERVICE.code }, stage: "registration", limit: 20 },
      ctx(),
    );
    const onBoard = new Map(column.cards.map((c) => [c.id, c]));
    expect(onBoard.get(personal)).toMatchObject({ variant: "Личное обращение заявителя" });
    expect(onBoard.get(representative)!.transitions.map((tr) => tr.key)).toEqual(["register_representative"]);

    // The machine refuses a transition of the other variant and goes the variant's own way.
    await expect(
      moveApplication(t.db, {
        applicationId: representative,
        expectedRowVersion: representativeCard.rowVersion,
        actor: registrar,
        request: { transition: "register" },
        calendar,
        storage,
      }),
    ).rejects.toBeInstanceOf(Error);
    const moved = await moveApplication(t.db, {
      applicationId: representative,
      expectedRowVersion: representativeCard.rowVersion,
      actor: registrar,
      request: { transition: "register_representative" },
      calendar,
      storage,
    });
    expect(moved.rowVersion).toBeGreaterThan(representativeCard.rowVersion);
    const atCheck = await cardOf(representative);
    expect(atCheck.stage?.title).toBe("Проверка полномочий представителя");
    expect(atCheck.transitions.map((tr) => tr.key)).toEqual(["poa_confirmed"]);
  });
});

describe("a new edition under a draft", () => {
  it("keeps the variant where the edition has it, and asks the questions again where it does not", async () => {
    const kept = await startDraft(t.db, { ownerId, serviceCode: TWO_VARIANTS_SERVICE.code });
    await chooseVariant(t.db, ownerId, { id: kept.id, answers: { who: "own" } });
    const lost = await startDraft(t.db, { ownerId, serviceCode: TWO_VARIANTS_SERVICE.code });
    await chooseVariant(t.db, ownerId, { id: lost.id, answers: { who: "representative" } });

    // Edition 2: the representative's variant is renamed to another code.
    const doc: RegulationDocument = twoVariantRegulation();
    const rename = (tags?: string[]) => tags?.map((c) => (c === "representative" ? "by_proxy" : c));
    doc.profiling!.variants[1]!.code = "by_proxy";
    const retag = (x: { variants?: string[] }) => {
      if (x.variants) x.variants = rename(x.variants);
    };
    doc.form.steps.forEach((s) => s.fields.forEach(retag));
    [doc.passport.documents, doc.stages, doc.transitions].forEach((list) => list.forEach(retag));
    expect(validateDocument(doc)).toMatchObject({ ok: true });
    await publishRegulation(t.db, { serviceId, document: doc, effectiveFrom: new Date(Date.now() - 1000) });

    // Refused answers write nothing: the draft stays on its edition until it is opened or saved.
    const before = await t.db.application.findUniqueOrThrow({ where: { id: lost.id } });
    await expect(chooseVariant(t.db, ownerId, { id: lost.id, answers: {} })).rejects.toMatchObject({ code: "INVALID" });
    expect(await t.db.application.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({
      regulationVersionId: before.regulationVersionId,
      rowVersion: before.rowVersion,
    });

    const keptDraft = (await openDraft(t.db, ownerId, kept.id))!;
    expect(keptDraft.version).toBe(2);
    expect(keptDraft.profiling?.variant?.code).toBe("personal");
    const lostDraft = (await openDraft(t.db, ownerId, lost.id))!;
    expect(lostDraft.version).toBe(2);
    expect(lostDraft.profiling?.variant).toBeNull();
    const again = await chooseVariant(t.db, ownerId, { id: lost.id, answers: { who: "representative" } });
    expect(again.variantCode).toBe("by_proxy");
  });
});
