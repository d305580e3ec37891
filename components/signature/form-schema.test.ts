// The certificate form's own rules (issue 15 p.2): a key held by the system needs its file and a
// PIN of PIN_MIN..PIN_MAX typed twice alike; a key the official keeps needs neither, and then
// neither is sent. The procedure's schema (size, base64) is the base of the form's.
import { describe, expect, it } from "vitest";
import { PIN_MAX, PIN_MIN } from "@/server/signature/schema";
import { registerInput, zRegisterCertificateForm } from "./form-schema";

const CERT = Buffer.from("certificate").toString("base64");
const KEY = Buffer.from("key").toString("base64");
/** The first message per field, as zodResolver shows it. */
const issues = (v: Record<string, unknown>) => {
  const r = zRegisterCertificateForm.safeParse(v);
  const first: Record<string, string> = {};
  for (const i of r.success ? [] : r.error.issues) first[i.path.join(".")] ??= i.message;
  return first;
};

describe("zRegisterCertificateForm", () => {
  it("the key with the official: the certificate alone is enough, and only it is sent", () => {
    const v = { certificate: CERT, keyPlace: "own", key: KEY, pin: "", pinAgain: "" } as const;
    expect(issues(v)).toEqual({});
    expect(registerInput(zRegisterCertificateForm.parse(v))).toEqual({ certificate: CERT });
  });

  it("no certificate file: asked for in Russian", () => {
    expect(issues({ certificate: "", keyPlace: "own", pin: "", pinAgain: "" }).certificate).toBe(
      "Выберите файл сертификата (.cer, .crt)",
    );
  });

  it("the key in the system: the key file, a long enough PIN and the same PIN again are required", () => {
    expect(issues({ certificate: CERT, keyPlace: "system", pin: "", pinAgain: "" })).toEqual({
      key: "Выберите файл закрытого ключа (.key, .pem)",
      pin: `Придумайте PIN-код от ${PIN_MIN} до ${PIN_MAX} знаков`,
    });
    const short = "1".repeat(PIN_MIN - 1);
    expect(issues({ certificate: CERT, keyPlace: "system", key: KEY, pin: short, pinAgain: short }).pin).toMatch(
      /^Придумайте PIN-код/,
    );
    expect(
      issues({ certificate: CERT, keyPlace: "system", key: KEY, pin: "1234567", pinAgain: "1234576" }).pinAgain,
    ).toBe("PIN-коды не совпадают: введите тот же PIN-код ещё раз");
    expect(issues({ certificate: CERT, keyPlace: "system", key: KEY, pin: "x".repeat(PIN_MAX + 1) }).pin).toBe(
      `PIN-код не длиннее ${PIN_MAX} знаков`,
    );
    const ok = { certificate: CERT, keyPlace: "system", key: KEY, pin: "1234567", pinAgain: "1234567" } as const;
    expect(issues(ok)).toEqual({});
    expect(registerInput(zRegisterCertificateForm.parse(ok))).toEqual({ certificate: CERT, key: KEY, pin: "1234567" });
  });
});
