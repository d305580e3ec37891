// Issue 15, done when: a `.sig` Reglament writes is accepted by the OpenSSL GOST engine
// (`openssl cms -verify` with Debian's libengine-gost-openssl) against the test CA, independently of
// Reglament's own code, and one changed byte of the PDF makes both reject it; a signature OpenSSL
// makes with a key and certificate Reglament issued is valid for Reglament (R17: signatures made by
// other tools). `.ci/run` installs the engine and sets REQUIRE_GOST_ENGINE=1, so there the test
// cannot be skipped; a machine without the engine skips it and says why.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { issuePersonCertificate, makeCrl, makeRootCa, privateKeyPem } from "./ca";
import { signDetached, verifyDetached } from "./cms";
import { parseCrl, pem } from "./x509";

const dir = mkdtempSync(path.join(tmpdir(), "reglament-gost-"));
const conf = path.join(dir, "openssl.cnf");
writeFileSync(
  conf,
  `openssl_conf = openssl_def
[openssl_def]
engines = engine_section
[engine_section]
gost = gost_section
[gost_section]
engine_id = gost
default_algorithms = ALL
`,
);
const env = { ...process.env, OPENSSL_CONF: conf };
const engine = spawnSync("openssl", ["engine", "gost"], { env, encoding: "utf8" });
const available = engine.status === 0 && engine.stdout.includes("gost");
if (!available && process.env.REQUIRE_GOST_ENGINE === "1")
  throw new Error(`the OpenSSL GOST engine is required here and missing: ${engine.stderr || engine.error}`);
if (!available)
  console.warn("OpenSSL GOST engine not installed (apt-get install libengine-gost-openssl): interop test skipped");

const file = (name: string, data: string | Uint8Array) => {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
};
const openssl = (args: string[]) => spawnSync("openssl", args, { env, encoding: "utf8" });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!available)("OpenSSL GOST engine interop (issue 15)", () => {
  const ca = makeRootCa("Тестовый удостоверяющий центр «Регламент»");
  const signer = issuePersonCertificate(ca, {
    lastName: "Соколов",
    givenNames: "Андрей Викторович",
    title: "Глава администрации",
    organisation: "Администрация муниципального образования",
  });
  const caFile = file("ca.pem", pem("CERTIFICATE", ca.cert.der));
  const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

  it("openssl cms -verify accepts Reglament's detached signature and rejects a changed PDF", () => {
    const sig = file(
      "result.sig",
      signDetached({ content: pdf, privateKey: signer.privateKey, cert: signer.cert, signingTime: new Date() }),
    );
    const good = openssl([
      "cms",
      "-verify",
      "-binary",
      "-inform",
      "DER",
      "-in",
      sig,
      "-content",
      file("result.pdf", pdf),
      "-CAfile",
      caFile,
      "-out",
      "/dev/null",
    ]);
    expect(good.stderr).toContain("Verification successful");
    expect(good.status).toBe(0);

    const changed = pdf.slice();
    changed[20]! ^= 1;
    const bad = openssl([
      "cms",
      "-verify",
      "-binary",
      "-inform",
      "DER",
      "-in",
      sig,
      "-content",
      file("changed.pdf", changed),
      "-CAfile",
      caFile,
      "-out",
      "/dev/null",
    ]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("Verification failure");
    expect(verifyDetached(changed, readFileSync(sig), { anchors: [ca.cert], crls: [] }, new Date()).code).toBe(
      "other_document",
    );
  });

  it("openssl reads the certificate and CRL Reglament's CA issues", () => {
    const certFile = file("signer.pem", pem("CERTIFICATE", signer.cert.der));
    const shown = openssl([
      "x509",
      "-in",
      certFile,
      "-noout",
      "-serial",
      "-subject",
      "-nameopt",
      "utf8,sep_comma_plus",
    ]);
    expect(shown.stdout).toContain(`serial=${signer.cert.serial}`);
    expect(shown.stdout).toContain("SN=Соколов");
    expect(openssl(["verify", "-CAfile", caFile, certFile]).stdout).toContain("OK");
    const crl = file("ca.crl", makeCrl(ca, [{ serial: signer.cert.serial, date: new Date() }]));
    const crlShown = openssl(["crl", "-inform", "DER", "-in", crl, "-CAfile", caFile, "-noout", "-text"]);
    expect(crlShown.stderr + crlShown.stdout).toContain("verify OK");
    expect(crlShown.stdout).toContain(signer.cert.serial);
  });

  it("a signature OpenSSL makes with a Reglament-issued key is valid for Reglament, and revoked by its CRL", () => {
    const keyFile = file("signer.key", privateKeyPem(signer));
    const certFile = file("signer2.pem", pem("CERTIFICATE", signer.cert.der));
    const doc = file("doc.pdf", pdf);
    const out = path.join(dir, "doc.sig");
    execFileSync(
      "openssl",
      [
        "cms",
        "-sign",
        "-binary",
        "-in",
        doc,
        "-signer",
        certFile,
        "-inkey",
        keyFile,
        "-md",
        "md_gost12_256",
        "-outform",
        "DER",
        "-out",
        out,
      ],
      { env },
    );
    const sig = readFileSync(out);
    expect(verifyDetached(pdf, sig, { anchors: [ca.cert], crls: [] }, new Date())).toMatchObject({
      valid: true,
      message: "Подпись действительна: Соколов Андрей Викторович",
    });
    const crl = parseCrl(makeCrl(ca, [{ serial: signer.cert.serial, date: new Date() }]));
    expect(verifyDetached(pdf, sig, { anchors: [ca.cert], crls: [crl] }, new Date()).code).toBe("revoked");
  });
});
