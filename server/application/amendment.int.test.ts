// A draft outliving its edition of the regulation (R11, R15), against real PostgreSQL: an amendment
// removes a field and adds a required one while drafts are open on the old edition. Opening, saving
// or submitting such a draft moves it to the edition in force, with its values carried over, so the
// applicant always fills (and is judged by) the form in force, and every error lands on its field.
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
import { AppError } from "../errors";
import { versionInForce } from "../regulation/data";
import type { RegulationDocument } from "../regulation/document";
import { openDraft, saveDraft, startDraft, submitApplication } from "./mutations";
import { contentHash } from "../intake/mutations";
import { publishRegulation } from "../test/factories";

let t: TestDatabase;
let calendar: WorkingCalendar;
let ownerId: string;
let serviceId: string;
let v2: { id: string; version: number };
const storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-files-")));
const drafts: Record<"opened" | "submitted" | "oldTab" | "raced", string> = {
  opened: "",
  submitted: "",
  oldTab: "",
  raced: "",
};

const onV1 = { ...ARCHIVE_REQUEST, postal_address: "628212, п. Половинка, ул. Комсомольская, д. 5" };

const submit = (id: string, expectedRowVersion: number) =>
  submitApplication(t.db, {
    ownerId,
    id,
    submissionKey: randomUUID(),
    expectedRowVersion,
    calendar,
    signedWith: "password",
    storage,
  });

const rowOf = (id: string) =>
  t.db.application.findUniqueOrThrow({
    where: { id },
    select: { regulationVersionId: true, rowVersion: true, data: true, status: true, currentStep: true },
  });

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  ownerId = (await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } })).id;
  serviceId = (await t.db.service.findUniqueOrThrow({ where: { code: "archive-info" } })).id;

  // Drafts filled on edition 1, the applicant on the «request» step.
  for (const key of Object.keys(drafts) as (keyof typeof drafts)[]) {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    await saveDraft(t.db, ownerId, { id, values: onV1, currentStep: "request", expectedRowVersion: 0 });
    drafts[key] = id;
  }

  // Edition 2: «purpose» is gone, a required «archive_fund» is new.
  const v1 = (await versionInForce(t.db, serviceId))!;
  const doc = structuredClone(v1.document) as RegulationDocument;
  const request = doc.form.steps.find((s) => s.key === "request")!;
  request.fields = request.fields.filter((f) => f.key !== "purpose");
  request.fields.push({ key: "archive_fund", type: "text", label: "Номер архивного фонда", required: true });
  v2 = await publishRegulation(t.db, {
    serviceId,
    document: doc,
    basis: "Постановление (тест)",
    effectiveFrom: new Date(Date.now() - 60_000),
  });
});
afterAll(() => t.drop());

describe("a draft and an amendment of the regulation (R11, R15)", () => {
  it("opening moves the draft to the edition in force: values carried over, the removed key gone, the change told", async () => {
    const id = drafts.opened;
    const before = await rowOf(id);
    const draft = (await openDraft(t.db, ownerId, id))!;
    expect(draft.version).toBe(2);
    expect((await rowOf(id)).regulationVersionId).toBe(v2.id);
    expect(draft.rowVersion).toBe(before.rowVersion + 1);
    const { purpose: _removed, ...carried } = onV1;
    expect(draft.values).toEqual(carried);
    expect(draft.currentStep).toBe("request");
    expect(draft.steps.flatMap((s) => s.fields.map((f) => f.key))).toContain("archive_fund");
    expect(draft.formUpdate).toMatchObject({
      version: 2,
      removed: ["Цель запроса (для чего нужны сведения)"],
      added: ["Номер архивного фонда"],
      changed: [],
    });
    expect(draft.formUpdate!.effectiveFrom.getTime()).toBeLessThanOrEqual(Date.now());

    // Opening again changes nothing, and the notice stays until submission.
    const again = (await openDraft(t.db, ownerId, id))!;
    expect(again.rowVersion).toBe(draft.rowVersion);
    expect(again.formUpdate).toMatchObject({ version: 2 });
  });

  it("submission then says precisely which field is missing; filled, the application is submitted under edition 2", async () => {
    const id = drafts.opened;
    const draft = (await openDraft(t.db, ownerId, id))!;
    const error = await submit(id, draft.rowVersion).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("INVALID");
    expect((error as AppError).fieldErrors).toEqual({ archive_fund: "Заполните поле «Номер архивного фонда»" });

    const saved = await saveDraft(t.db, ownerId, {
      id,
      values: { ...draft.values, archive_fund: "Ф. 12, оп. 1" },
      currentStep: "delivery",
      expectedRowVersion: draft.rowVersion,
      formVersion: 2,
    });
    expect(saved.version).toBe(2);
    const result = await submit(id, saved.rowVersion);
    expect(result.registrationNumber).toMatch(/^АРХ-/);
    const row = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SUBMITTED", regulationVersionId: v2.id });
    expect(row.data).toMatchObject({ archive_fund: "Ф. 12, оп. 1" });
    expect(row.data).not.toHaveProperty("purpose");
    expect(row.contentHash).toBe(contentHash({ serviceCode: "archive-info", version: 2, values: row.data }));
  });

  it("a submission from a form opened before the amendment moves the draft and asks to review the updated form", async () => {
    const id = drafts.submitted;
    const { rowVersion } = await rowOf(id);
    const error = await submit(id, rowVersion).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PRECONDITION", reason: "form_updated" });
    expect((error as AppError).message).toMatch(/новая редакция регламента услуги \(№ 2\): форма заявления обновлена/);
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: "DRAFT", regulationVersionId: v2.id, rowVersion: rowVersion + 1 });
    expect(row.data).not.toHaveProperty("purpose");
    // Submitted again from the updated form: the new required field, on its field.
    await expect(submit(id, row.rowVersion)).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { archive_fund: "Заполните поле «Номер архивного фонда»" },
    });
  });

  it("a save from a tab still showing edition 1 moves the draft and carries its values; a stale tab never gets «no such field»", async () => {
    const id = drafts.oldTab;
    const { rowVersion } = await rowOf(id);
    const typed = { ...onV1, request_subject: "Решение о выделении участка (уточнено)" };
    const saved = await saveDraft(t.db, ownerId, {
      id,
      values: typed,
      currentStep: "request",
      expectedRowVersion: rowVersion,
      formVersion: 1,
    });
    expect(saved).toMatchObject({ version: 2, rowVersion: rowVersion + 1 });
    let row = await rowOf(id);
    expect(row.regulationVersionId).toBe(v2.id);
    expect(row.data).toMatchObject({ request_subject: "Решение о выделении участка (уточнено)" });
    expect(row.data).not.toHaveProperty("purpose");

    // A second tab of edition 1, based on the version before: a conflict, never a silent overwrite…
    await expect(
      saveDraft(t.db, ownerId, {
        id,
        values: onV1,
        currentStep: "request",
        expectedRowVersion: rowVersion,
        formVersion: 1,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // …and «keep mine» is carried over to the new form rather than refused for its removed field.
    const kept = await saveDraft(t.db, ownerId, {
      id,
      values: onV1,
      currentStep: "request",
      expectedRowVersion: rowVersion,
      formVersion: 1,
      overwrite: true,
    });
    expect(kept.version).toBe(2);
    row = await rowOf(id);
    expect(row.data).toMatchObject({ request_subject: onV1.request_subject });
    expect(row.data).not.toHaveProperty("purpose");
    // A form of the draft's own edition is still held to its fields.
    await expect(
      saveDraft(t.db, ownerId, {
        id,
        values: { purpose: "x" },
        currentStep: null,
        expectedRowVersion: row.rowVersion,
        formVersion: 2,
      }),
    ).rejects.toThrow(/нет полей: purpose/);
  });

  it("is safe under concurrency: simultaneous opens move the draft once; a save based on the old row version is a conflict", async () => {
    const id = drafts.raced;
    const { rowVersion } = await rowOf(id);
    const opened = await Promise.all([
      openDraft(t.db, ownerId, id),
      openDraft(t.db, ownerId, id),
      openDraft(t.db, ownerId, id),
    ]);
    expect(opened.every((d) => d!.version === 2)).toBe(true);
    expect((await rowOf(id)).rowVersion).toBe(rowVersion + 1);
    await expect(
      saveDraft(t.db, ownerId, {
        id,
        values: { request_subject: "из старой вкладки" },
        currentStep: null,
        expectedRowVersion: rowVersion,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await rowOf(id)).data).toMatchObject({ request_subject: onV1.request_subject });
  });

  it("a draft started on the edition in force has no notice", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const draft = (await openDraft(t.db, ownerId, id))!;
    expect(draft.version).toBe(2);
    expect(draft.formUpdate).toBeNull();
  });
});
