// Signing a result through the move (R20, R26; issue 15 p.2): with the key the server holds under
// the official's PIN, or with the official's own `.sig` of the exact bytes; what is stored checks with
// the OpenSSL GOST engine against the CA the database trusts, independently of Reglament's code.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { loadIdentity } from "../auth/data";
import { staffScope } from "../auth/scope";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { LocalFileStorage } from "../storage/storage";
import { moveApplication } from "../workflow/mutations";
import type { Actor } from "../workflow/machine";
import { registeredApplication } from "../test/factories";
import { DEMO_SIGNING_PIN } from "../../prisma/seed/demo-constants";
import { issuePersonCertificate, makeRootCa } from "./ca";
import { signDetached } from "./cms";
import { addTrustedCertificate, registerSigningCertificate } from "./mutations";
import { pem } from "./x509";
import type { SigningInput } from "./schema";

let t: TestDatabase;
let calendar: WorkingCalendar;
let storage: LocalFileStorage;
let ownerId: string;
const actors: Record<string, Actor> = {};

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-signing-")));
  ownerId = (await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } })).id;
  for (const r of ["registrar", "executor", "signer"]) {
    const u = await t.db.user.findUniqueOrThrow({ where: { email: `${r}@demo.reglament.ru` } });
    actors[r] = await staffScope(t.db, (await loadIdentity(t.db, u.id))!);
  }
});
afterAll(() => t.drop());

/** An S1 letter prepared and waiting for the signer. */
async function awaitingSignature() {
  const app = await registeredApplication(t.db, {
    serviceCode: "road-info",
    ownerId,
    calendar,
    data: {
      applicant_type: "individual",
      full_name: { lastName: "Иванов", firstName: "Иван", middleName: "Петрович" },
      delivery_channel: "cabinet",
    },
  });
  let rowVersion = (await t.db.application.findUniqueOrThrow({ where: { id: app.id } })).rowVersion;
  for (const [who, request] of [
    ["registrar", { transition: "pass_to_review", executorId: actors.executor!.userId }],
    ["executor", { transition: "prepare_information", resultType: "road_info_letter", comment: "Дорога открыта." }],
  ] as const)
    ({ rowVersion } = await moveApplication(t.db, {
      applicationId: app.id,
      expectedRowVersion: rowVersion,
      actor: actors[who]!,
      request,
      calendar,
      storage,
    }));
  const doc = await t.db.resultDocument.findFirstOrThrow({ where: { applicationId: app.id } });
  return { id: app.id, rowVersion, doc };
}

const sign = (a: { id: string; rowVersion: number }, signing?: SigningInput) =>
  moveApplication(t.db, {
    applicationId: a.id,
    expectedRowVersion: a.rowVersion,
    actor: actors.signer!,
    request: { transition: "sign_result" },
    ...(signing ? { signing } : {}),
    calendar,
    storage,
  });

const gostConf = path.join(mkdtempSync(path.join(tmpdir(), "reglament-gost-")), "openssl.cnf");
writeFileSync(
  gostConf,
  "openssl_conf = d\n[d]\nengines = e\n[e]\ngost = g\n[g]\nengine_id = gost\ndefault_algorithms = ALL\n",
);
const engine = spawnSync("openssl", ["engine", "gost"], { env: { ...process.env, OPENSSL_CONF: gostConf } });
const haveEngine = engine.status === 0;
if (!haveEngine && process.env.REQUIRE_GOST_ENGINE === "1") throw new Error("the OpenSSL GOST engine is required here");

describe("signing a result (issue 15 p.2)", () => {
  it("without a PIN or a .sig nothing is signed; a wrong PIN is refused beside the field", async () => {
    const a = await awaitingSignature();
    await expect(sign(a)).rejects.toMatchObject({ code: "INVALID", fieldErrors: { pin: expect.any(String) } });
    await expect(sign(a, { pin: "000000" })).rejects.toMatchObject({
      code: "INVALID",
      message: "Неверный PIN-код ключа электронной подписи",
    });
    const doc = await t.db.resultDocument.findUniqueOrThrow({ where: { id: a.doc.id } });
    expect(doc.signedAt).toBeNull();
    expect(doc.signature).toBeNull();
    expect((await t.db.application.findUniqueOrThrow({ where: { id: a.id } })).rowVersion).toBe(a.rowVersion);
  });

  it.skipIf(!haveEngine)(
    "with the server-held key: the stored .sig of the signed file verifies with openssl cms against the trusted CA",
    async () => {
      const a = await awaitingSignature();
      await sign(a, { pin: DEMO_SIGNING_PIN });
      const doc = await t.db.resultDocument.findUniqueOrThrow({ where: { id: a.doc.id } });
      expect(doc.signedStorageKey).toBe(a.doc.storageKey);
      const dir = mkdtempSync(path.join(tmpdir(), "reglament-cms-"));
      const file = (name: string, data: Uint8Array | string) => {
        writeFileSync(path.join(dir, name), data);
        return path.join(dir, name);
      };
      const roots = await t.db.trustedCertificate.findMany({ select: { der: true } });
      const caFile = file("ca.pem", roots.map((r) => pem("CERTIFICATE", r.der)).join(""));
      const sigFile = file("result.sig", doc.signature!);
      const opensslVerify = (name: string, content: Uint8Array) =>
        spawnSync(
          "openssl",
          ["cms", "-verify", "-binary", "-inform", "DER", "-in", sigFile, "-content", file(name, content)].concat([
            "-CAfile",
            caFile,
            "-out",
            "/dev/null",
          ]),
          { env: { ...process.env, OPENSSL_CONF: gostConf }, encoding: "utf8" },
        );
      const signed = await storage.get(doc.signedStorageKey!);
      const ok = opensslVerify("signed.pdf", signed);
      expect(ok.stderr).toContain("Verification successful");
      expect(ok.status).toBe(0);
      const changed = Buffer.from(signed);
      changed[changed.length - 10]! ^= 1;
      const bad = opensslVerify("changed.pdf", changed);
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toContain("Verification failure");
    },
  );

  it("with the official's own .sig: accepted for their registered certificate only, over the exact bytes", async () => {
    const ca = makeRootCa("УЦ подписанта");
    await addTrustedCertificate(t.db, null, ca.cert.der);
    const own = issuePersonCertificate(ca, { lastName: "Старжинский", givenNames: "Андрей Александрович" });
    const stranger = issuePersonCertificate(ca, { lastName: "Посторонний", givenNames: "Петр" });
    const a = await awaitingSignature();
    const bytes = await storage.get(a.doc.storageKey);
    const sigBy = (who: typeof own, content: Uint8Array = bytes) =>
      Buffer.from(
        signDetached({ content, privateKey: who.privateKey, cert: who.cert, signingTime: new Date() }),
      ).toString("base64");

    // Not yet registered to the signer: refused, naming the certificate.
    await expect(sign(a, { signature: sigBy(own) })).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining(`сертификатом ${own.cert.serial}`),
    });
    await registerSigningCertificate(t.db, actors.signer!.userId, { certificate: own.cert.der }, new Date());
    // Another person's signature, and a signature of other bytes: refused, nothing signed.
    await expect(sign(a, { signature: sigBy(stranger) })).rejects.toMatchObject({ code: "INVALID" });
    await expect(sign(a, { signature: sigBy(own, bytes.subarray(1)) })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { signature: expect.stringContaining("Подпись не соответствует документу") },
    });
    await expect(sign(a, { signature: Buffer.from("не подпись").toString("base64") })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { signature: expect.any(String) },
    });
    expect((await t.db.resultDocument.findUniqueOrThrow({ where: { id: a.doc.id } })).signedAt).toBeNull();

    const sig = sigBy(own);
    await sign(a, { signature: sig });
    const doc = await t.db.resultDocument.findUniqueOrThrow({ where: { id: a.doc.id } });
    expect(Buffer.from(doc.signature!).toString("base64")).toBe(sig);
    expect(doc.signatureCert).toMatchObject({ serial: own.cert.serial, owner: "Старжинский Андрей Александрович" });
    const event = await t.db.applicationEvent.findFirstOrThrow({
      where: { applicationId: a.id, type: "document_signed" },
    });
    expect(event.payload).toMatchObject({ certificate: { serial: own.cert.serial } });
  });

  it("a withdrawn key signs nothing", async () => {
    const a = await awaitingSignature();
    const signer = actors.signer!.userId;
    const held = await t.db.signingCertificate.findMany({ where: { userId: signer, sealedKey: { not: null } } });
    await t.db.signingCertificate.updateMany({ where: { userId: signer }, data: { withdrawnAt: new Date() } });
    try {
      await expect(sign(a, { pin: DEMO_SIGNING_PIN })).rejects.toMatchObject({
        code: "INVALID",
        fieldErrors: { pin: "В системе нет действующего ключа на ваше имя" },
      });
    } finally {
      for (const h of held) await t.db.signingCertificate.update({ where: { id: h.id }, data: { withdrawnAt: null } });
    }
  });
});
