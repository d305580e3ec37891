// A service an administrator defined with field keys of its own (server/test/custom-regulation.ts)
// runs through the whole process like the seed services (R16): the board and its search, the staff
// card, the result letter and issuing all find the applicant's name, address, e-mail and channel
// through the field roles of the pinned regulation, for a citizen and for an organisation.
import { withDemoSigning } from "../test/fixtures";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { CUSTOM_REGULATION, CUSTOM_REQUEST } from "../test/custom-regulation";
import { loadIdentity } from "../auth/data";
import { staffScope, type StaffScope } from "../auth/scope";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { createDraftVersion, publishVersion } from "../regulation/mutations";
import { LocalFileStorage } from "../storage/storage";
import { moveApplication } from "../workflow/mutations";
import type { TransitionRequest } from "../workflow/machine";
import { boardColumnPage } from "../workflow/board/data";
import { staffCard } from "../workflow/card/data";
import { registerPaperApplication } from "../intake/mutations";
import { draftForOwner } from "./data";
import { saveDraft, startDraft, submitApplication } from "./mutations";

let t: TestDatabase;
let calendar: WorkingCalendar;
let storage: LocalFileStorage;
let ownerId: string;
const staff: Record<string, StaffScope> = {};
const ctx = () => ({ now: new Date(), calendar, dueSoonWorkingDays: 2 });

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-roles-")));
  ownerId = (await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } })).id;
  for (const r of ["registrar", "executor", "signer"]) {
    const u = await t.db.user.findUniqueOrThrow({ where: { email: `${r}@demo.reglament.ru` } });
    staff[r] = await staffScope(t.db, (await loadIdentity(t.db, u.id))!);
  }
  const roads = await t.db.department.findUniqueOrThrow({ where: { code: "roads" } });
  const service = await t.db.service.create({
    data: { code: "custom-info", title: CUSTOM_REGULATION.passport.name, departmentId: roads.id },
  });
  const draft = await createDraftVersion(t.db, {
    serviceId: service.id,
    document: CUSTOM_REGULATION,
    basis: "Постановление (тест)",
    actorId: null,
  });
  await publishVersion(t.db, { versionId: draft.id, effectiveFrom: new Date(Date.now() - 60_000), actorId: null });
});
afterAll(() => t.drop());

async function run(id: string, steps: [string, TransitionRequest][]) {
  let rowVersion = (await t.db.application.findUniqueOrThrow({ where: { id } })).rowVersion;
  for (const [who, request] of steps) {
    rowVersion = (
      await moveApplication(t.db, {
        applicationId: id,
        expectedRowVersion: rowVersion,
        actor: staff[who]!,
        request,
        ...withDemoSigning(request),
        calendar,
        storage,
      })
    ).rowVersion;
  }
}

const pdfText = async (id: string) => {
  const doc = await t.db.resultDocument.findFirstOrThrow({ where: { applicationId: id } });
  return (await new PDFParse({ data: new Uint8Array(await storage.get(doc.storageKey)) }).getText()).text;
};

const search = async (q: string) =>
  (
    await boardColumnPage(
      t.db,
      staff.registrar!,
      { filters: { serviceCode: "custom-info", q }, stage: "registration", limit: 20 },
      ctx(),
    )
  ).cards;

const grant = (): [string, TransitionRequest][] => [
  ["registrar", { transition: "pass_to_review", executorId: staff.executor!.userId }],
  [
    "executor",
    { transition: "prepare_information", resultType: "road_info_letter", comment: "Движение по мосту откроют 1 июня." },
  ],
];

describe("a service with field keys of its own", () => {
  it("submitted by a citizen: board, search, card, letter and issue by e-mail name her and use her address", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "custom-info" });
    const draft = (await draftForOwner(t.db, ownerId, id))!;
    const saved = await saveDraft(t.db, ownerId, {
      id,
      values: CUSTOM_REQUEST,
      currentStep: "otvet",
      expectedRowVersion: draft.rowVersion,
    });
    const submitted = await submitApplication(t.db, {
      ownerId,
      id,
      submissionKey: randomUUID(),
      expectedRowVersion: saved.rowVersion,
      calendar,
      signedWith: "password",
      storage,
    });

    // The board shows the name given in the form, not the account's (Иванов), and finds it in any case.
    const found = await search("сидорова");
    expect(found.map((c) => [c.registrationNumber, c.applicant])).toEqual([
      [submitted.registrationNumber, "Сидорова Мария Ильинична"],
    ]);
    expect(await search("Ильинична")).toHaveLength(1);
    expect(await search("Северные")).toHaveLength(0);

    const card = (await staffCard(t.db, staff.registrar!, id, ctx()))!;
    expect(card.applicant).toEqual({
      name: "Сидорова Мария Ильинична",
      account: "Иванов Иван Петрович",
      email: "sidorova.reply@example.ru",
      phone: "+79825550177",
      address: "628212, п. Половинка, ул. Школьная, д. 3",
    });

    await run(id, grant());
    const letter = await pdfText(id);
    expect(letter).toContain("Сидорова Мария Ильинична");
    expect(letter).toContain("628212, п. Половинка, ул. Школьная, д. 3");
    expect(letter).toContain("sidorova.reply@example.ru");
    expect(letter).not.toContain("Иванов");

    await run(id, [
      ["signer", { transition: "sign_result" }],
      ["registrar", { transition: "register_result" }],
      ["registrar", { transition: "issue_result" }],
    ]);
    // «elpochta» means e-mail: the document goes, attached, to the address given in the form.
    const doc = await t.db.resultDocument.findFirstOrThrow({ where: { applicationId: id } });
    expect(doc).toMatchObject({ issuedVia: "email" });
    const notice = await t.db.notification.findFirstOrThrow({ where: { applicationId: id, kind: "result_ready" } });
    const email = await t.db.outgoingEmail.findFirstOrThrow({ where: { notificationId: notice.id } });
    expect(email.to).toBe("sidorova.reply@example.ru");
    expect(email.attachments).toEqual([expect.objectContaining({ storageKey: doc.storageKey })]);
    expect(await t.db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "CLOSED",
      outcome: "granted",
    });
  });

  it("registered on paper for an organisation: the organisation's name everywhere, the result by post", async () => {
    const values = {
      ...CUSTOM_REQUEST,
      kind: "ul",
      company: "ООО «Северные дороги»",
      how_to_receive: "pochta",
      mail: undefined,
      zayavitel_fio: undefined,
    };
    const reg = await registerPaperApplication(t.db, staff.registrar!, {
      serviceCode: "custom-info",
      values,
      channel: "IN_PERSON",
      receivedAt: new Date(Date.now() - 60_000),
      calendar,
      submissionKey: randomUUID(),
      applicant: { lastName: "Кузнецов", firstName: "Олег", email: "kuznetsov.paper@example.ru" },
    });
    const found = await search("северные дороги");
    expect(found.map((c) => [c.registrationNumber, c.applicant])).toEqual([
      [reg.registrationNumber, "ООО «Северные дороги»"],
    ]);
    // The person who brought it is the account, not the applicant.
    expect(await search("Сидорова")).toHaveLength(0);
    const card = (await staffCard(t.db, staff.registrar!, reg.id, ctx()))!;
    expect(card.applicant).toMatchObject({
      name: "ООО «Северные дороги»",
      account: "Кузнецов Олег",
      email: "kuznetsov.paper@example.ru",
      address: "628212, п. Половинка, ул. Школьная, д. 3",
    });

    await run(reg.id, grant());
    const letter = await pdfText(reg.id);
    expect(letter).toContain("ООО «Северные дороги»");
    expect(letter).toContain("628212, п. Половинка, ул. Школьная, д. 3");
    expect(letter).not.toContain("Кузнецов");

    await run(reg.id, [
      ["signer", { transition: "sign_result" }],
      ["registrar", { transition: "register_result" }],
    ]);
    // «pochta» means post: a paper channel, so the official must note the postal item.
    await expect(run(reg.id, [["registrar", { transition: "issue_result" }]])).rejects.toMatchObject({
      code: "INVALID",
    });
    await run(reg.id, [["registrar", { transition: "issue_result", comment: "Заказное письмо № 62821200000001" }]]);
    expect(await t.db.resultDocument.findFirstOrThrow({ where: { applicationId: reg.id } })).toMatchObject({
      issuedVia: "post",
      issueProof: expect.objectContaining({ via: "post", note: "Заказное письмо № 62821200000001" }),
    });
  });
});
