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

// Detached electronic signatures (issue 15; R17; S1 p.28, p.34; S2 p.46.2): an applicant may attach
// a `.sig` beside any document. It is a type of its own, recognised by content like the others, that
// every file field takes beside the types its regulation lists: a regulation's `accept` still names
// document types only (a signature is no document, and never counts as the one a field asks for).
export const SIGNATURE_MIME = "application/pkcs7-signature";

/** The DER of OID 1.2.840.113549.1.7.2 (CMS signedData), as a ContentInfo starts with it. */
const SIGNED_DATA_OID = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

/** A DER (or BER, as CryptoPro writes it) SEQUENCE naming signedData within its first bytes. */
function signedDataDer(b: Uint8Array): boolean {
  if (b[0] !== 0x30) return false;
  for (let at = 2; at <= Math.min(8, b.length - SIGNED_DATA_OID.length); at++)
    if (SIGNED_DATA_OID.every((x, i) => b[at + i] === x)) return true;
  return false;
}

/** The bytes the leading base64 characters of a text stand for (client-safe: atob, no Buffer). */
function leadingBase64(text: string): Uint8Array {
  const chars = (/^[A-Za-z0-9+/\s]*/.exec(text)?.[0] ?? "").replace(/\s+/g, "");
  const whole = chars.slice(0, chars.length - (chars.length % 4));
  try {
    return Uint8Array.from(atob(whole), (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array(0);
  }
}

/**
 * A detached CMS signature by its first bytes: DER naming signedData, PEM («-----BEGIN PKCS7-----»,
 * «-----BEGIN CMS-----») or bare base64 of such DER, as the CAs' programs write `.sig` and `.p7s`.
 */
export function isDetachedSignature(b: Uint8Array): boolean {
  if (signedDataDer(b)) return true;
  const text = ascii(b, 0, Math.min(b.length, 256)).replace(/^\uFEFF/, "");
  const pem = /^\s*-----BEGIN (?:PKCS7|CMS|PKCS #7 SIGNED DATA)-----\r?\n/.exec(text);
  return signedDataDer(leadingBase64(pem ? text.slice(pem[0].length) : text.trimStart()));
}

const SIGNATURE_TYPE: FileType = {
  mime: SIGNATURE_MIME,
  label: "Файл подписи (.sig)",
  extensions: [".sig", ".p7s"],
  test: isDetachedSignature,
};

export const isSignatureMime = (mime: string) => mime === SIGNATURE_MIME;

/** A name a file picker shows as a signature (the browser's guess before the upload; the server sniffs). */
export const hasSignatureExtension = (fileName: string) =>
  SIGNATURE_TYPE.extensions.some((e) => fileName.toLowerCase().endsWith(e));

/** The documents of a file field's list, without the signatures beside them. */
export function documentFiles<T extends { mimeType: string }>(files: readonly T[]): T[] {
  return files.filter((f) => !isSignatureMime(f.mimeType));
}

/** The signatures of a file field's list. */
export function signatureFiles<T extends { mimeType: string }>(files: readonly T[]): T[] {
  return files.filter((f) => isSignatureMime(f.mimeType));
}

/** Every MIME type a regulation may list in `accept`: the ones recognised by content. */
export const RECOGNISED_MIME_TYPES: readonly string[] = FILE_TYPES.map((t) => t.mime);

/** "PDF", "JPEG"… by MIME type. */
export const MIME_LABEL: Readonly<Record<string, string>> = Object.fromEntries(
  [...FILE_TYPES, SIGNATURE_TYPE].map((t) => [t.mime, t.label]),
);

export function isRecognisedMimeType(mime: string): boolean {
  return RECOGNISED_MIME_TYPES.includes(mime);
}

export function sniffMimeType(content: Uint8Array): string | null {
  return [...FILE_TYPES, SIGNATURE_TYPE].find((s) => content.length >= 12 && s.test(content))?.mime ?? null;
}

/**
 * The MIME types a file field takes: its `accept` (published documents hold recognised types only),
 * or every recognised type when the regulation sets none.
 */
export function acceptedMimeTypes(accept: readonly string[] | undefined): string[] {
  return accept ? accept.filter(isRecognisedMimeType) : [...RECOGNISED_MIME_TYPES];
}

/**
 * Every MIME type a file field takes on upload: its documents' types and, beside them, a detached
 * signature (issue 15). The form check, the upload and the browser's file input read this list.
 */
export function fieldMimeTypes(accept: readonly string[] | undefined): string[] {
  return [...acceptedMimeTypes(accept), SIGNATURE_MIME];
}

/** "PDF, JPEG, PNG": how the types are named to the applicant, in the form and in upload errors. */
export function mimeTypesLabel(types: readonly string[]): string {
  return [...new Set(types.map((t) => MIME_LABEL[t] ?? t))].join(", ");
}

/** The `accept` attribute of a file input: the MIME types and their usual extensions (file pickers use either). */
export function fileInputAccept(types: readonly string[]): string {
  return [...FILE_TYPES, SIGNATURE_TYPE]
    .filter((t) => types.includes(t.mime))
    .flatMap((t) => [t.mime, ...t.extensions])
    .join(",");
}

/** Why an `accept` entry cannot be published, or null when it is a recognised MIME type. */
export function acceptEntryProblem(entry: string): string | null {
  if (isRecognisedMimeType(entry)) return null;
  if (isSignatureMime(entry) || hasSignatureExtension(entry.trim()))
    return `Тип «${entry}» указывать не нужно: файл электронной подписи (.sig) любое поле для файлов принимает рядом с документом, а в accept перечисляются только типы документов`;
  const known = FILE_TYPES.map((t) => `${t.mime} (${t.label})`).join(", ");
  const byExtension = FILE_TYPES.find((t) => t.extensions.includes(entry.trim().toLowerCase()));
  const hint = byExtension ? ` Вместо «${entry}» укажите «${byExtension.mime}».` : "";
  return `Тип файла «${entry}» не поддерживается: укажите MIME-типы, которые система распознаёт по содержимому файла: ${known}.${hint}`;
}
