// Signatures applicants attach beside their documents (issue 15 p.4; R17; S1 p.28, p.34; S2 p.46.2)
// against real PostgreSQL and the file storage: a `.sig` is a file type of its own that every field
// takes and that never stands for the document; the clerk gets a verdict for each pair (valid with the
// owner, another document, an untrusted CA named, revoked by a loaded CRL, malformed, no document);
// the public check POST /api/verify refuses bad input with specific Russian 4xx and is throttled.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { callerAs, failure } from "../test/callers";
import { demoUser, registeredApplication, staffAccount } from "../test/factories";
import { PAPER_ARCHIVE_REQUEST } from "../test/fixtures";
import { ARCHIVE_REQUEST } from "../test/fixtures";
import { pdfBytes } from "../test/files";
import { fileStorage } from "../storage/storage";
import { saveDraft, startDraft, submitApplication } from "../application/mutations";
import { loadWorkingCalendar } from "../calendar/data";
import { uploadAttachment } from "../attachment/mutations";
import { SIGNATURE_MIME } from "../attachment/sniff";
import { validateApplication } from "../regulation/form-schema";
import type { StepDef } from "../regulation/document";
import { THROTTLES } from "../throttle/policy";
import { issuePersonCertificate, type KeyHolder, makeCrl, makeRootCa } from "./ca";
import { signDetached } from "./cms";
import { addRevocationList, addTrustedCertificate } from "./mutations";
import { NO_DOCUMENT_MESSAGE, pairSignatures } from "./attachments";
import { verifyRoute } from "./verify-http";
import type { FileRef } from "../regulation/form-schema";

let t: TestDatabase;
let ownerId: string;
let registrarId: string;
let ca: KeyHolder;
let signer: KeyHolder;
let revoked: KeyHolder;
let stranger: KeyHolder;
const storage = fileStorage();

const sign = (holder: KeyHolder, content: Uint8Array) =>
  signDetached({ content, privateKey: holder.privateKey, cert: holder.cert, signingTime: new Date() });
/** A distinct PDF each time: a signature of one never fits another. */
const pdf = (text: string) => {
  const b = pdfBytes(4096);
  b.set(Buffer.from(text), 32);
  return b;
};

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  ownerId = (await demoUser(t.db, "applicant")).id;
  registrarId = (await demoUser(t.db, "registrar")).id;
  ca = makeRootCa("УЦ проверки вложений");
  await addTrustedCertificate(t.db, null, ca.cert.der);
  signer = issuePersonCertificate(ca, {
    lastName: "Заявителев",
    givenNames: "Иван Петрович",
    organisation: "ООО «Ромашка»",
  });
  revoked = issuePersonCertificate(ca, { lastName: "Отозванный", givenNames: "Олег" });
  await addRevocationList(
    t.db,
    null,
    makeCrl(ca, [{ serial: revoked.cert.serial, date: new Date(Date.now() - 3_600_000) }]),
  );
  stranger = issuePersonCertificate(makeRootCa("Неизвестный УЦ «Подвал»"), { lastName: "Чужой", givenNames: "Семён" });
});
afterAll(() => t.drop());

async function draftWith(files: { name: string; content: Uint8Array }[], fieldKey = "attachments") {
  const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
  const refs: FileRef[] = [];
  for (const f of files)
    refs.push(
      await uploadAttachment(t.db, storage, {
        userId: ownerId,
        applicationId: id,
        fieldKey,
        fileName: f.name,
        content: f.content,
      }),
    );
  return { id, refs };
}

describe("a .sig beside a document (R17)", () => {
  it("verdicts for each pair on the staff card: valid with the owner, another document, untrusted CA, revoked, malformed", async () => {
    const contract = pdf("договор");
    const certificate = pdf("справка");
    const extract = pdf("выписка");
    const decision = pdf("решение");
    const broken = pdf("повреждена");
    // DER naming signedData (the upload takes it for a signature) with nothing readable after it.
    const garbage = Uint8Array.from([
      0x30,
      0x80,
      0x06,
      0x09,
      0x2a,
      0x86,
      0x48,
      0x86,
      0xf7,
      0x0d,
      0x01,
      0x07,
      0x02,
      ...new Array(40).fill(7),
    ]);
    const { id, refs } = await draftWith([
      { name: "договор.pdf", content: contract },
      { name: "договор.pdf.sig", content: sign(signer, contract) },
      { name: "справка.pdf", content: certificate },
      { name: "справка.sig", content: sign(signer, pdf("другой документ")) },
      { name: "выписка.pdf", content: extract },
      { name: "выписка.p7s", content: sign(stranger, extract) },
      { name: "решение.pdf", content: decision },
      { name: "решение.pdf.sig", content: sign(revoked, decision) },
      { name: "повреждена.pdf", content: broken },
      { name: "повреждена.pdf.sig", content: garbage },
    ]);
    expect(refs.filter((r) => r.mimeType === SIGNATURE_MIME)).toHaveLength(5);
    // Five documents and five signatures in a field of five: counted apart; a sixth of either is refused.
    await saveDraft(t.db, ownerId, {
      id,
      values: { ...ARCHIVE_REQUEST, attachments: refs },
      currentStep: null,
      expectedRowVersion: 0,
    });
    for (const extra of [
      { name: "ещё.pdf", content: pdf("ещё") },
      { name: "ещё.pdf.sig", content: sign(signer, contract) },
    ])
      await expect(
        uploadAttachment(t.db, storage, {
          userId: ownerId,
          applicationId: id,
          fieldKey: "attachments",
          fileName: extra.name,
          content: extra.content,
        }),
      ).rejects.toThrow(/не больше 5 файл/);
    await submitApplication(t.db, {
      ownerId,
      id,
      submissionKey: randomUUID(),
      expectedRowVersion: 1,
      calendar: await loadWorkingCalendar(t.db),
      signedWith: "password",
      storage,
    });

    const checks = await callerAs(t.db, registrarId).verification.attachments({ id });
    const byName = Object.fromEntries(checks.map((c) => [c.signatureName, c]));
    expect(byName["договор.pdf.sig"]).toMatchObject({
      documentName: "договор.pdf",
      verdict: {
        valid: true,
        code: "valid",
        message: "Подпись действительна: Заявителев Иван Петрович",
        signer: { owner: "Заявителев Иван Петрович", organisation: "ООО «Ромашка»", serial: signer.cert.serial },
      },
    });
    expect(byName["справка.sig"]).toMatchObject({
      documentName: "справка.pdf",
      verdict: {
        valid: false,
        code: "other_document",
        message: expect.stringMatching(/^Подпись не соответствует документу/),
      },
    });
    expect(byName["выписка.p7s"]!.verdict).toMatchObject({
      valid: false,
      code: "untrusted",
      message: "Сертификат выдан удостоверяющим центром, которому система не доверяет: «Неизвестный УЦ «Подвал»»",
    });
    expect(byName["решение.pdf.sig"]!.verdict).toMatchObject({
      valid: false,
      code: "revoked",
      message: expect.stringMatching(/отозван/),
    });
    expect(byName["повреждена.pdf.sig"]!.verdict).toMatchObject({ valid: false, code: "malformed" });

    // Another department's registrar: the application does not exist for them; an applicant is not staff.
    const mfc = await staffAccount(t.db, [["mfc", "REGISTRAR"]]);
    expect((await failure(callerAs(t.db, mfc.id).verification.attachments({ id }))).code).toBe("NOT_FOUND");
    expect((await failure(callerAs(t.db, ownerId).verification.attachments({ id }))).code).toBe("FORBIDDEN");
  });

  it("pairs by name, else with the field's only document; a signature with no document says so", async () => {
    const row = (id: string, fieldKey: string, fileName: string, mimeType = "application/pdf") => ({
      id,
      fieldKey,
      fileName,
      mimeType,
    });
    const files = [
      row("a", "f1", "скан.pdf"),
      row("b", "f1", "другой.pdf"),
      row("s1", "f1", "СКАН.sig", SIGNATURE_MIME),
      row("s2", "f1", "без пары.sig", SIGNATURE_MIME),
      row("c", "f2", "паспорт.jpg", "image/jpeg"),
      row("s3", "f2", "подпись.p7s", SIGNATURE_MIME),
      row("s4", "f3", "одинокая.sig", SIGNATURE_MIME),
    ];
    expect(pairSignatures(files).map((p) => [p.signature.id, p.document?.id ?? null])).toEqual([
      ["s1", "a"],
      ["s2", null],
      ["s3", "c"],
      ["s4", null],
    ]);
    // Through the card: an unpaired signature is told in words.
    const doc1 = pdf("первый");
    const { id, refs } = await draftWith([
      { name: "первый.pdf", content: doc1 },
      { name: "второй.pdf", content: pdf("второй") },
      { name: "непонятно чья.sig", content: sign(signer, doc1) },
    ]);
    await saveDraft(t.db, ownerId, {
      id,
      values: { ...ARCHIVE_REQUEST, attachments: refs },
      currentStep: null,
      expectedRowVersion: 0,
    });
    await submitApplication(t.db, {
      ownerId,
      id,
      submissionKey: randomUUID(),
      expectedRowVersion: 1,
      calendar: await loadWorkingCalendar(t.db),
      signedWith: "password",
      storage,
    });
    const [check] = await callerAs(t.db, registrarId).verification.attachments({ id });
    expect(check).toMatchObject({ documentId: null, verdict: { valid: false, message: NO_DOCUMENT_MESSAGE } });
  });

  it("a .sig alone does not satisfy a required file field, on the server and in the form (one check)", async () => {
    const steps: StepDef[] = [
      {
        key: "docs",
        title: "Документы",
        fields: [
          { key: "poa", type: "file", label: "Доверенность", required: true, accept: ["application/pdf"], maxFiles: 1 },
        ],
      },
    ];
    const sigOnly = [{ id: randomUUID(), name: "доверенность.pdf.sig", size: 2000, mimeType: SIGNATURE_MIME }];
    const r = validateApplication(steps, { poa: sigOnly }, { mode: "submit" });
    expect(r.ok).toBe(false);
    expect(r.issues[0]!.message).toMatch(/приложен только файл подписи: приложите и сам документ/);
    const both = [{ id: randomUUID(), name: "доверенность.pdf", size: 2000, mimeType: "application/pdf" }, ...sigOnly];
    expect(validateApplication(steps, { poa: both }, { mode: "submit" }).ok).toBe(true);
    // The archive's own required power of attorney (S2), submitted with only its .sig: refused.
    const { id, refs } = await draftWith(
      [{ name: "доверенность.sig", content: sign(signer, pdf("доверенность")) }],
      "power_of_attorney",
    );
    await saveDraft(t.db, ownerId, {
      id,
      values: { ...ARCHIVE_REQUEST, is_representative: true, power_of_attorney: refs },
      currentStep: null,
      expectedRowVersion: 0,
    });
    await expect(
      submitApplication(t.db, {
        ownerId,
        id,
        submissionKey: randomUUID(),
        expectedRowVersion: 1,
        calendar: await loadWorkingCalendar(t.db),
        signedWith: "password",
        storage,
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
  });

  it("refuses a signature file larger than a signature can be", async () => {
    const big = new Uint8Array(300 * 1024);
    big.set([0x30, 0x83, 0x04, 0xb0, 0x00, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);
    await expect(draftWith([{ name: "огромная.sig", content: big }])).rejects.toThrow(/не бывает больше 256 КБ/);
  });
});

describe("a result document's own signature (R20)", () => {
  it("is checked against the signed original: valid for the applicant once issued and for staff, null unsigned", async () => {
    const app = await registeredApplication(t.db, {
      serviceCode: "archive-info",
      ownerId,
      data: PAPER_ARCHIVE_REQUEST,
      calendar: await loadWorkingCalendar(t.db),
    });
    const original = pdf("архивная справка");
    const signedStorageKey = `verify-test/${randomUUID()}`;
    await storage.put(signedStorageKey, original);
    const base = {
      applicationId: app.id,
      resultType: "info",
      kind: "grant" as const,
      title: "Архивная справка",
      sha256: "x",
    };
    const signed = await t.db.resultDocument.create({
      data: {
        ...base,
        storageKey: `${signedStorageKey}-issued`,
        signedStorageKey,
        signature: new Uint8Array(sign(signer, original)),
        issuedAt: new Date(),
      },
    });
    const unsigned = await t.db.resultDocument.create({ data: { ...base, storageKey: `verify-test/${randomUUID()}` } });
    const asOwner = callerAs(t.db, ownerId).verification;
    expect(await asOwner.result({ id: signed.id })).toMatchObject({
      valid: true,
      signer: { owner: "Заявителев Иван Петрович" },
    });
    expect((await callerAs(t.db, registrarId).verification.result({ id: signed.id }))?.valid).toBe(true);
    // Not issued yet: the applicant does not see it; staff do, and it is not signed.
    expect((await failure(asOwner.result({ id: unsigned.id }))).code).toBe("NOT_FOUND");
    expect(await callerAs(t.db, registrarId).verification.result({ id: unsigned.id })).toBeNull();
    // The stored original changed behind the signature's back: the verdict says so.
    await storage.put(signedStorageKey, pdf("подменённая справка"));
    expect(await asOwner.result({ id: signed.id })).toMatchObject({ valid: false, code: "other_document" });
  });
});

describe("POST /api/verify: anyone checks a document and its .sig (R17)", () => {
  let n = 0;
  const call = (form: FormData | null, address = `10.0.0.${++n}`, headers: Record<string, string> = {}) =>
    verifyRoute.run(
      new Request("http://localhost/api/verify", {
        method: "POST",
        body: form ?? new FormData(),
        headers: { origin: "http://localhost", "x-forwarded-for": address, ...headers },
      }),
      {},
      { db: t.db, storage, sessionUserId: null },
    );
  const form = (parts: { document?: [Uint8Array, string]; signature?: [Uint8Array, string] }) => {
    const f = new FormData();
    if (parts.document) f.append("document", new File([new Uint8Array(parts.document[0])], parts.document[1]));
    if (parts.signature) f.append("signature", new File([new Uint8Array(parts.signature[0])], parts.signature[1]));
    return f;
  };

  it("answers the verdict of a valid pair and of a tampered one, without signing in", async () => {
    const doc = pdf("публичная проверка");
    const sig = sign(signer, doc);
    const ok = await call(form({ document: [doc, "решение.pdf"], signature: [sig, "решение.pdf.sig"] }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      verdict: { valid: true, signer: { owner: "Заявителев Иван Петрович", issuer: "УЦ проверки вложений" } },
    });
    const tampered = Uint8Array.from(doc);
    tampered[100] = tampered[100]! ^ 1;
    const bad = await call(form({ document: [tampered, "решение.pdf"], signature: [sig, "решение.pdf.sig"] }));
    expect(bad.status).toBe(200);
    expect(await bad.json()).toMatchObject({ verdict: { valid: false, code: "other_document" } });
  });

  it("refuses a missing part, an empty one, a file that is no signature and a too-big one, each in Russian", async () => {
    const doc = pdf("отказы");
    const sig = sign(signer, doc);
    const expectRefusal = async (res: Response, status: number, message: RegExp) => {
      expect(res.status).toBe(status);
      expect((await res.json()).error).toMatch(message);
    };
    await expectRefusal(await call(form({ signature: [sig, "a.sig"] })), 400, /Выберите документ/);
    await expectRefusal(await call(form({ document: [doc, "a.pdf"] })), 400, /Выберите файл электронной подписи/);
    await expectRefusal(
      await call(form({ document: [doc, "a.pdf"], signature: [new Uint8Array(0), "a.sig"] })),
      400,
      /пустой/,
    );
    await expectRefusal(
      await call(form({ document: [doc, "a.pdf"], signature: [doc, "a.pdf.sig"] })),
      400,
      /не является файлом электронной подписи/,
    );
    await expectRefusal(
      await call(form({ document: [doc, "a.pdf"], signature: [new Uint8Array(300 * 1024).fill(0x30), "a.sig"] })),
      413,
      /не бывает таким большим/,
    );
    await expectRefusal(
      await call(form({ document: [new Uint8Array(21 * 1024 * 1024), "big.pdf"], signature: [sig, "a.sig"] })),
      413,
      /Запрос слишком большой: допускается не больше 20,8 МБ/,
    );
    await expectRefusal(await call(null, undefined, { "content-type": "text/plain" }), 400, /multipart/);
  });

  it("is throttled per client address: past the free checks the next waits (429), another address does not", async () => {
    const address = "192.0.2.77";
    for (let i = 0; i < THROTTLES.verifyAddress.free; i++) expect((await call(form({}), address)).status).toBe(400);
    const refused = await call(form({}), address);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await refused.json()).error).toMatch(/Слишком много проверок подряд.*повторите через/);
    expect((await call(form({}), "192.0.2.78")).status).toBe(400);
  });
});
