// The type of a file by its content, not its name (a renamed .exe is not a PDF). Only the formats
// regulations accept for scans and documents are recognised; anything else is "unknown".
const SIGNATURES: { mime: string; test: (b: Uint8Array) => boolean }[] = [
  { mime: "application/pdf", test: (b) => ascii(b, 0, 5) === "%PDF-" },
  { mime: "image/jpeg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: "image/png", test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x) },
  { mime: "image/tiff", test: (b) => (ascii(b, 0, 4) === "II*\u0000") || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a) },
  { mime: "image/webp", test: (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "WEBP" },
];

function ascii(b: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...b.subarray(from, from + length));
}

export function sniffMimeType(content: Uint8Array): string | null {
  return SIGNATURES.find((s) => content.length >= 12 && s.test(content))?.mime ?? null;
}

export const MIME_LABEL: Record<string, string> = {
  "application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG", "image/tiff": "TIFF", "image/webp": "WebP",
};
