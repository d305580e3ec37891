import { describe, expect, it } from "vitest";
import {
  acceptEntryProblem,
  acceptedMimeTypes,
  fileInputAccept,
  mimeTypesLabel,
  RECOGNISED_MIME_TYPES,
  sniffMimeType,
} from "./sniff";

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
