import { describe, expect, it } from "vitest";
import { sniffMimeType } from "./sniff";

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)).concat(new Array(16).fill(0)));

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
