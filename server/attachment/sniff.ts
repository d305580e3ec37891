// File types, defined once (R13, R16). A regulation's `accept` on a file field lists MIME types, and
// only the ones below: the types this module recognises by their content (not their name: a renamed
// .exe is not a PDF). Publishing refuses any other entry (validateDocument), the upload checks the
// sniffed type against the field's list, and the form check and the file field's label read the very
// same list. Client-safe: no imports.
export type FileType = { mime: string; label: string; extensions: readonly string[]; test: (b: Uint8Array) => boolean };

const FILE_TYPES: readonly FileType[] = [
  { mime: "application/pdf", label: "PDF", extensions: [".pdf"], test: (b) => ascii(b, 0, 5) === "%PDF-" },
  {
    mime: "image/jpeg",
    label: "JPEG",
    extensions: [".jpg", ".jpeg"],
    test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  {
    mime: "image/png",
    label: "PNG",
    extensions: [".png"],
    test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  },
  {
    mime: "image/tiff",
    label: "TIFF",
    extensions: [".tif", ".tiff"],
    test: (b) => ascii(b, 0, 4) === "II*\u0000" || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a),
  },
  {
    mime: "image/webp",
    label: "WebP",
    extensions: [".webp"],
    test: (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "WEBP",
  },
];

function ascii(b: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...b.subarray(from, from + length));
}

/** Every MIME type a regulation may list in `accept`: the ones recognised by content. */
export const RECOGNISED_MIME_TYPES: readonly string[] = FILE_TYPES.map((t) => t.mime);

/** "PDF", "JPEG"… by MIME type. */
export const MIME_LABEL: Readonly<Record<string, string>> = Object.fromEntries(
  FILE_TYPES.map((t) => [t.mime, t.label]),
);

export function isRecognisedMimeType(mime: string): boolean {
  return RECOGNISED_MIME_TYPES.includes(mime);
}

export function sniffMimeType(content: Uint8Array): string | null {
  return FILE_TYPES.find((s) => content.length >= 12 && s.test(content))?.mime ?? null;
}

/**
 * The MIME types a file field takes: its `accept` (published documents hold recognised types only),
 * or every recognised type when the regulation sets none.
 */
export function acceptedMimeTypes(accept: readonly string[] | undefined): string[] {
  return accept ? accept.filter(isRecognisedMimeType) : [...RECOGNISED_MIME_TYPES];
}

/** "PDF, JPEG, PNG": how the types are named to the applicant, in the form and in upload errors. */
export function mimeTypesLabel(types: readonly string[]): string {
  return [...new Set(types.map((t) => MIME_LABEL[t] ?? t))].join(", ");
}

/** The `accept` attribute of a file input: the MIME types and their usual extensions (file pickers use either). */
export function fileInputAccept(types: readonly string[]): string {
  return FILE_TYPES.filter((t) => types.includes(t.mime))
    .flatMap((t) => [t.mime, ...t.extensions])
    .join(",");
}

/** Why an `accept` entry cannot be published, or null when it is a recognised MIME type. */
export function acceptEntryProblem(entry: string): string | null {
  if (isRecognisedMimeType(entry)) return null;
  const known = FILE_TYPES.map((t) => `${t.mime} (${t.label})`).join(", ");
  const byExtension = FILE_TYPES.find((t) => t.extensions.includes(entry.trim().toLowerCase()));
  const hint = byExtension ? ` Вместо «${entry}» укажите «${byExtension.mime}».` : "";
  return `Тип файла «${entry}» не поддерживается: укажите MIME-типы, которые система распознаёт по содержимому файла: ${known}.${hint}`;
}
