// The signature router and its writes against real PostgreSQL (issue 15 p.2, p.4): an official adds a
// certificate (alone, or with a key the server holds under a PIN) only when it is in force, issued by
// a trusted CA and matches the key; a PIN is checked and throttled when signing; a withdrawn
// certificate signs nothing and its key copy is gone; the administrator's trust store takes CA
// certificates and their CRLs only, and every change of it is in the administrators' log (R17, R20,
// R26: results signed by an authorised official, signatures checked against the accredited CAs).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { callerAs, failure } from "../test/callers";
import { demoUser } from "../test/factories";
import { issuePersonCertificate, makeCrl, makeRootCa, privateKeyPem, type KeyHolder } from "./ca";
import { AppError } from "../errors";
import { formatDate } from "../format/dates";
import { NO_KEY, prepareSigning } from "./mutations";
import { pem } from "./x509";

let t: TestDatabase;
let adminId: string;
let executorId: string;
let executor2Id: string;
const admin = () => callerAs(t.db, adminId);
const executor = () => callerAs(t.db, executorId);
const executor2 = () => callerAs(t.db, executor2Id);

const b64 = (bytes: Uint8Array | string) =>
  (typeof bytes === "string" ? Buffer.from(bytes, "utf8") : Buffer.from(bytes)).toString("base64");
const PIN = "correct horse 42";

/** The AppError a direct call (not through tRPC) fails with. */
async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

const ca = makeRootCa("Тестовый УЦ интеграционных проверок");
const person = (lastName: string, o: { notBefore?: Date; days?: number } = {}, issuer: KeyHolder = ca) =>
  issuePersonCertificate(issuer, { lastName, givenNames: "Иван Петрович", title: "Главный специалист" }, o);

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  adminId = (await demoUser(t.db, "admin")).id;
  executorId = (await demoUser(t.db, "executor")).id;
  executor2Id = (await demoUser(t.db, "executor2")).id;
  await admin().signature.addTrusted({ certificate: b64(pem("CERTIFICATE", ca.cert.der)) });
});
afterAll(() => t.drop());

describe("an official's certificates («Моя электронная подпись», issue 15 p.2)", () => {
  it("a certificate alone: listed with the key left to the official; signing with a PIN is refused, asking for a .sig", async () => {
    const holder = person("Безключев");
    const added = await executor().signature.register({ certificate: b64(holder.cert.der) });
    expect(added).toMatchObject({ owner: "Безключев Иван Петрович", serial: holder.cert.serial, serverKey: false });
    // No CRL of the CA yet: the official is told revocation was not checked.
    expect(added.notes.join()).toContain("не проверен");
    const mine = await executor().signature.mine();
    expect(mine.find((c) => c.id === added.id)).toMatchObject({
      serverKey: false,
      withdrawnAt: null,
      issuer: expect.stringContaining("Тестовый УЦ интеграционных проверок"),
    });
    expect(mine[0]).not.toHaveProperty("sealedKey");
    const e = await refusal(prepareSigning(t.db, executorId, { pin: PIN }, new Date()));
    expect(e.message).toBe(NO_KEY);
    expect(e.fieldErrors?.pin).toBe("В системе нет действующего ключа на ваше имя");
    await executor().signature.withdraw({ id: added.id });
  });

  it("with key and PIN: the right PIN gives the key back, a wrong one is refused on the PIN field, and guessing is throttled", async () => {
    const holder = person("Ключников");
    const added = await executor2().signature.register({
      certificate: b64(pem("CERTIFICATE", holder.cert.der)),
      key: b64(privateKeyPem(holder)),
      pin: PIN,
    });
    expect(added.serverKey).toBe(true);
    const row = await t.db.signingCertificate.findUniqueOrThrow({ where: { id: added.id } });
    // The database holds the key sealed, not the key.
    expect(Buffer.from(row.sealedKey!).includes(Buffer.from(holder.privateKey))).toBe(false);
    expect((await executor2().signature.mine())[0]).toMatchObject({ id: added.id, serverKey: true });

    const now = new Date();
    const ok = await prepareSigning(t.db, executor2Id, { pin: PIN }, now);
    expect(ok.kind).toBe("key");
    if (ok.kind !== "key") return;
    expect(Buffer.from(ok.privateKey).equals(Buffer.from(holder.privateKey))).toBe(true);
    expect(ok.cert.serial).toBe(holder.cert.serial);

    for (let i = 0; i < 3; i++) {
      const wrong = await refusal(prepareSigning(t.db, executor2Id, { pin: `${PIN}!` }, now));
      expect(wrong.code).toBe("INVALID");
      expect(wrong.message).toMatch(/^Неверный PIN-код/);
      expect(wrong.fieldErrors?.pin).toBe("Неверный PIN-код");
    }
    // Three wrong PINs pass at once; the next attempt at the same moment must wait, even with the right PIN.
    const throttled = await refusal(prepareSigning(t.db, executor2Id, { pin: PIN }, now));
    expect(throttled.code).toBe("TOO_MANY");
    expect(throttled.message).toMatch(/^Слишком много неверных PIN-кодов/);
    await executor2().signature.withdraw({ id: added.id });
  });

  it("a certificate of a CA the system does not trust is refused, naming the CA", async () => {
    const stranger = makeRootCa("Посторонний удостоверяющий центр");
    const e = await failure(
      executor().signature.register({ certificate: b64(person("Чужаков", {}, stranger).cert.der) }),
    );
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toContain("«Посторонний удостоверяющий центр»");
    expect(e.fieldErrors?.certificate).toContain("не доверяет");
  });

  it("an expired certificate is refused with the date it expired", async () => {
    const old = person("Просроченко", { notBefore: new Date(Date.now() - 400 * 86_400_000), days: 30 });
    const e = await failure(executor().signature.register({ certificate: b64(old.cert.der) }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.fieldErrors?.certificate).toBe(`Срок действия сертификата истек ${formatDate(old.cert.notAfter)}`);
  });

  it("a key that is not the certificate's is refused on the key field; a short PIN on the PIN field; nothing is written", async () => {
    const holder = person("Несовпадаев");
    const other = person("Другой");
    const before = await t.db.signingCertificate.count();
    const wrongKey = await failure(
      executor().signature.register({ certificate: b64(holder.cert.der), key: b64(privateKeyPem(other)), pin: PIN }),
    );
    expect(wrongKey.code).toBe("BAD_REQUEST");
    expect(wrongKey.fieldErrors?.key).toBe("Ключ от другого сертификата");
    const shortPin = await failure(
      executor().signature.register({
        certificate: b64(holder.cert.der),
        key: b64(privateKeyPem(holder)),
        pin: "12345",
      }),
    );
    expect(shortPin.code).toBe("BAD_REQUEST");
    expect(shortPin.fieldErrors?.pin).toMatch(/^Придумайте PIN-код от 6/);
    const notAKey = await failure(
      executor().signature.register({ certificate: b64(holder.cert.der), key: b64("not a key"), pin: PIN }),
    );
    expect(notAKey.fieldErrors?.key).toBeTruthy();
    expect(await t.db.signingCertificate.count()).toBe(before);
  });

  it("withdrawing erases the key copy and the certificate signs no more; another official's is NOT_FOUND", async () => {
    const holder = person("Отзывов");
    const added = await executor().signature.register({
      certificate: b64(holder.cert.der),
      key: b64(privateKeyPem(holder)),
      pin: PIN,
    });
    expect((await prepareSigning(t.db, executorId, { pin: PIN }, new Date())).kind).toBe("key");

    const stranger = await failure(executor2().signature.withdraw({ id: added.id }));
    expect(stranger.code).toBe("NOT_FOUND");
    expect((await t.db.signingCertificate.findUniqueOrThrow({ where: { id: added.id } })).withdrawnAt).toBeNull();

    await executor().signature.withdraw({ id: added.id });
    const row = await t.db.signingCertificate.findUniqueOrThrow({ where: { id: added.id } });
    expect(row.sealedKey).toBeNull();
    expect(row.withdrawnAt).not.toBeNull();
    expect((await executor().signature.mine()).find((c) => c.id === added.id)).toMatchObject({ serverKey: false });
    const e = await refusal(prepareSigning(t.db, executorId, { pin: PIN }, new Date()));
    expect(e.message).toBe(NO_KEY);
    expect(e.fieldErrors?.pin).toBe("В системе нет действующего ключа на ваше имя");
  });

  it("the administrator sees every official's certificate and withdraws one", async () => {
    const holder = person("Администрируемый");
    const added = await executor2().signature.register({
      certificate: b64(holder.cert.der),
      key: b64(privateKeyPem(holder)),
      pin: PIN,
    });
    const all = await admin().signature.certificates();
    const listed = all.find((c) => c.id === added.id);
    expect(listed).toMatchObject({ serverKey: true, withdrawnAt: null, user: { id: executor2Id } });
    expect(listed).not.toHaveProperty("sealedKey");
    await admin().signature.withdrawAny({ id: added.id });
    const row = await t.db.signingCertificate.findUniqueOrThrow({ where: { id: added.id } });
    expect(row.sealedKey).toBeNull();
    expect(row.withdrawnAt).not.toBeNull();
    // The administrator's withdrawal is on record, with whose certificate it was.
    expect(
      await t.db.adminEvent.findFirst({ where: { type: "signing_certificate_withdrawn", subjectId: added.id } }),
    ).toMatchObject({ actorId: adminId, before: { serial: row.serial, holderId: executor2Id } });
  });
});

describe("the trust store (issue 15 p.4)", () => {
  const events = (type: string) => t.db.adminEvent.findMany({ where: { type, actorId: adminId } });

  it("a certificate that is not a CA's is refused as a trust anchor", async () => {
    const e = await failure(admin().signature.addTrusted({ certificate: b64(person("Некорневой").cert.der) }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.fieldErrors?.certificate).toBe("Нужен сертификат удостоверяющего центра");
  });

  it("the same CA twice is a CONFLICT", async () => {
    const e = await failure(admin().signature.addTrusted({ certificate: b64(ca.cert.der) }));
    expect(e.code).toBe("CONFLICT");
  });

  it("a CRL of a CA that is not trusted is refused, naming it", async () => {
    const stranger = makeRootCa("Недоверенный УЦ со списком");
    const e = await failure(admin().signature.addCrl({ crl: b64(makeCrl(stranger, [])) }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toContain("«CN=Недоверенный УЦ со списком");
    expect(e.fieldErrors?.crl).toBe("Список отзыва не доверенного УЦ");
  });

  it("a CRL of a trusted CA revokes: a revoked certificate cannot be added; a stale CRL is listed with its next update", async () => {
    const revoked = person("Отозванный");
    const crl = makeCrl(ca, [{ serial: revoked.cert.serial, date: new Date(Date.now() - 3600_000) }]);
    const loaded = await admin().signature.addCrl({ crl: b64(crl) });
    expect(loaded).toMatchObject({ issuer: ca.cert.owner, revoked: 1 });
    const e = await failure(executor().signature.register({ certificate: b64(revoked.cert.der) }));
    expect(e.fieldErrors?.certificate).toContain("отозван");
    // With the CA's CRL loaded, a good certificate is added without the "not checked" note.
    const good = await executor().signature.register({ certificate: b64(person("Проверенный").cert.der) });
    expect(good.notes).toEqual([]);
    const { crls } = await admin().signature.trust();
    expect(crls.find((c) => c.id === loaded.id)).toMatchObject({ issuer: ca.cert.owner, revokedCount: 1 });
  });

  it("every change of the trust store writes an AdminEvent", async () => {
    const second = makeRootCa("Второй доверенный УЦ");
    const added = await admin().signature.addTrusted({ certificate: b64(second.cert.der) });
    expect(await events("trusted_certificate_added")).toContainEqual(
      expect.objectContaining({ subjectType: "trusted_certificate", subjectId: added.id }),
    );
    const list = await admin().signature.addCrl({ crl: b64(makeCrl(second, [])) });
    expect(await events("revocation_list_loaded")).toContainEqual(
      expect.objectContaining({ subjectType: "revocation_list", subjectId: list.id }),
    );
    await admin().signature.removeCrl({ id: list.id });
    expect(await events("revocation_list_removed")).toContainEqual(expect.objectContaining({ subjectId: list.id }));
    await admin().signature.removeTrusted({ id: added.id });
    expect(await events("trusted_certificate_removed")).toContainEqual(
      expect.objectContaining({ subjectId: added.id }),
    );
    const { certificates, crls } = await admin().signature.trust();
    expect(certificates.map((c) => c.id)).not.toContain(added.id);
    expect(crls.map((c) => c.id)).not.toContain(list.id);
    // Removing again: nothing to remove, and nothing more is logged.
    const count = await t.db.adminEvent.count();
    expect((await failure(admin().signature.removeTrusted({ id: added.id }))).code).toBe("NOT_FOUND");
    expect(await t.db.adminEvent.count()).toBe(count);
  });
});
