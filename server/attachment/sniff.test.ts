import { describe, expect, it } from "vitest";
import {
  acceptEntryProblem,
  acceptedMimeTypes,
  documentFiles,
  fieldMimeTypes,
  fileInputAccept,
  mimeTypesLabel,
  RECOGNISED_MIME_TYPES,
  SIGNATURE_MIME,
  signatureFiles,
  sniffMimeType,
} from "./sniff";
import { issuePersonCertificate, makeRootCa } from "../signature/ca";
import { signDetached } from "../signature/cms";
import { pem } from "../signature/x509";

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)).concat(new Array(16).fill(0)),
  );

describe("content sniffing", () => {
  it("recognises PDF, JPEG, PNG, TIFF and WebP by their first bytes", () => {
    expect(sniffMimeType(bytes("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffMimeType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffMimeType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("image/png");
    expect(sniffMimeType(bytes("II*", [0]))).toBe("image/tiff");
    expect(sniffMimeType(bytes("RIFF", [0, 0, 0, 0], "WEBP"))).toBe("image/webp");
  });
  it("does not trust names: an executable or text is unknown", () => {
    expect(sniffMimeType(bytes("MZ\u0090\u0000"))).toBeNull();
    expect(sniffMimeType(bytes("Это не PDF, хотя файл называется scan.pdf"))).toBeNull();
    expect(sniffMimeType(new Uint8Array(3))).toBeNull();
  });
});

describe("the one definition of file types", () => {
  it("lists exactly the types the sniffer recognises", () => {
    expect([...RECOGNISED_MIME_TYPES].sort()).toEqual([
      "application/pdf",
      "image/jpeg",
      "image/png",
      "image/tiff",
      "image/webp",
    ]);
  });
  it("accepts only recognised MIME types in `accept`, naming the type to use instead of an extension", () => {
    expect(acceptEntryProblem("application/pdf")).toBeNull();
    expect(acceptEntryProblem(".pdf")).toMatch(/«\.pdf» не поддерживается.*укажите «application\/pdf»/);
    expect(acceptEntryProblem("image/*")).toMatch(/не поддерживается/);
    expect(acceptEntryProblem("application/msword")).toMatch(/application\/pdf \(PDF\), image\/jpeg \(JPEG\)/);
  });
  it("derives the field's types, its label and the input's accept attribute from the same list", () => {
    expect(acceptedMimeTypes(undefined)).toEqual([...RECOGNISED_MIME_TYPES]);
    expect(acceptedMimeTypes(["application/pdf", "application/msword"])).toEqual(["application/pdf"]);
    expect(mimeTypesLabel(["application/pdf", "image/jpeg", "image/png"])).toBe("PDF, JPEG, PNG");
    expect(fileInputAccept(["application/pdf", "image/jpeg"])).toBe("application/pdf,.pdf,image/jpeg,.jpg,.jpeg");
  });
});

// Issue 15 (R17; S1 p.28, p.34; S2 p.46.2): a detached signature beside a document.
describe("detached signatures", () => {
  const holder = issuePersonCertificate(makeRootCa("УЦ проверки типов"), { lastName: "Подписин", givenNames: "Пётр" });
  const der = signDetached({
    content: new TextEncoder().encode("%PDF-1.7 документ"),
    privateKey: holder.privateKey,
    cert: holder.cert,
    signingTime: new Date(),
  });
  const b64 = Buffer.from(der).toString("base64");

  it("recognises a CMS signedData by content: DER, PEM (PKCS7, CMS) and bare base64, from its first bytes", () => {
    for (const form of [
      der,
      new TextEncoder().encode(pem("PKCS7", der)),
      new TextEncoder().encode(pem("CMS", der).replace(/\n/g, "\r\n")),
      new TextEncoder().encode(b64.replace(/(.{76})/g, "$1\n")),
    ]) {
      expect(sniffMimeType(form)).toBe(SIGNATURE_MIME);
      expect(sniffMimeType(form.subarray(0, 128))).toBe(SIGNATURE_MIME); // what the upload's head holds
    }
  });
  it("does not take another DER file, a certificate's PEM or base64 of something else for a signature", () => {
    expect(sniffMimeType(holder.cert.der)).toBeNull();
    expect(sniffMimeType(new TextEncoder().encode(pem("CERTIFICATE", holder.cert.der)))).toBeNull();
    expect(
      sniffMimeType(new TextEncoder().encode(Buffer.from("просто текст, не подпись").toString("base64"))),
    ).toBeNull();
    expect(
      sniffMimeType(bytes([0x30, 0x82, 0x01, 0x00, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01])),
    ).toBeNull();
  });
  it("is taken by every file field beside its documents, yet a regulation's accept lists documents only", () => {
    expect(fieldMimeTypes(["application/pdf"])).toEqual(["application/pdf", SIGNATURE_MIME]);
    expect(RECOGNISED_MIME_TYPES).not.toContain(SIGNATURE_MIME);
    expect(acceptEntryProblem(SIGNATURE_MIME)).toMatch(/указывать не нужно/);
    expect(acceptEntryProblem(".sig")).toMatch(/указывать не нужно/);
    expect(fileInputAccept(fieldMimeTypes(["application/pdf"]))).toBe(
      "application/pdf,.pdf,application/pkcs7-signature,.sig,.p7s",
    );
    expect(mimeTypesLabel([SIGNATURE_MIME])).toBe("Файл подписи (.sig)");
  });
  it("is counted apart from the documents of a field", () => {
    const files = [
      { name: "скан.pdf", mimeType: "application/pdf" },
      { name: "скан.pdf.sig", mimeType: SIGNATURE_MIME },
    ];
    expect(documentFiles(files).map((f) => f.name)).toEqual(["скан.pdf"]);
    expect(signatureFiles(files).map((f) => f.name)).toEqual(["скан.pdf.sig"]);
  });
});
