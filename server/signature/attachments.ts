// Signatures applicants attach beside their documents (issue 15 p.4; R17; S1 p.28, p.34; S2
// p.46.2), checked for the clerk, and the result document's own signature, checked for the
// applicant and staff. A `.sig` goes with the document of its own field whose name it extends
// («скан.pdf.sig», «скан.sig», «скан.p7s» → «скан.pdf»), or else with the field's only document;
// each pair gets the verdict of verifyDetached against the administrator's trust store, now.
import "server-only";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { FileStorage } from "../storage/storage";
import { isSignatureMime } from "../attachment/sniff";
import { resultForDownload } from "../document/data";
import { type TrustStore, type Verdict, verifyDetached } from "./cms";
import { applicationFilesForStaff, loadTrustStore, resultSignatureVerdict } from "./data";

export type FileRow = { id: string; fieldKey: string; fileName: string; mimeType: string };

/** What the card shows beside a file: a verdict, or why none could be given. */
export type SignatureCheck = {
  signatureId: string;
  signatureName: string;
  /** The document the signature was checked against; null when none was found for it. */
  documentId: string | null;
  documentName: string | null;
  verdict: Verdict;
};

export const NO_DOCUMENT_MESSAGE = "Не найден документ, к которому относится подпись";

const SIGNATURE_EXTENSION = /\.(sig|p7s)$/i;
const EXTENSION = /\.[^.]+$/;

/** Which document of its field each signature goes with (null: none found). */
export function pairSignatures<T extends FileRow>(files: readonly T[]): { signature: T; document: T | null }[] {
  const signatures = files.filter((f) => isSignatureMime(f.mimeType));
  return signatures.map((signature) => {
    const documents = files.filter((f) => f.fieldKey === signature.fieldKey && !isSignatureMime(f.mimeType));
    const base = signature.fileName.replace(SIGNATURE_EXTENSION, "").toLowerCase();
    const named =
      documents.find((d) => d.fileName.toLowerCase() === base) ??
      documents.find((d) => d.fileName.replace(EXTENSION, "").toLowerCase() === base);
    return { signature, document: named ?? (documents.length === 1 ? documents[0]! : null) };
  });
}

const unpaired = (): Verdict => ({
  valid: false,
  code: "malformed",
  message: NO_DOCUMENT_MESSAGE,
  notes: [
    "Подпись проверяется вместе с документом того же поля: назовите файл подписи по документу (например, «скан.pdf.sig»)",
  ],
  signer: null,
  signingTime: null,
});

const unreadable = (): Verdict => ({
  valid: false,
  code: "malformed",
  message: "Файл не прочитан из хранилища: проверить подпись нельзя. Сообщите администратору",
  notes: [],
  signer: null,
  signingTime: null,
});

/** The verdicts of the signatures among `files` (documents without a signature get none). */
export async function checkSignatures(
  storage: FileStorage,
  files: readonly (FileRow & { storageKey: string })[],
  trust: TrustStore,
  now: Date,
): Promise<SignatureCheck[]> {
  const checks: SignatureCheck[] = [];
  // One at a time: GOST verification is CPU work, and an application holds a handful of files.
  for (const { signature, document } of pairSignatures(files)) {
    let verdict: Verdict;
    if (!document) verdict = unpaired();
    else {
      const bytes = await Promise.all([storage.get(document.storageKey), storage.get(signature.storageKey)]).catch(
        () => null,
      );
      verdict = bytes ? verifyDetached(bytes[0], bytes[1], trust, now) : unreadable();
    }
    checks.push({
      signatureId: signature.id,
      signatureName: signature.fileName,
      documentId: document?.id ?? null,
      documentName: document?.fileName ?? null,
      verdict,
    });
  }
  return checks;
}

/** The signatures of an application's files, for staff of its department (another's: not found). */
export async function attachmentVerdicts(
  db: Db,
  storage: FileStorage,
  scope: { readonly departmentIds: readonly string[] },
  applicationId: string,
  now: Date,
): Promise<SignatureCheck[]> {
  const app = await applicationFilesForStaff(db, scope, applicationId);
  if (!app) throw new AppError("NOT_FOUND", "Заявление не найдено");
  if (!app.attachments.some((a) => isSignatureMime(a.mimeType))) return [];
  return checkSignatures(storage, app.attachments, await loadTrustStore(db), now);
}

/**
 * A result document's signature, checked against the signed original (not the issued copy with the
 * stamp): for its applicant once issued, for staff of its department. Null when it is not signed.
 */
export async function resultVerdict(
  db: Db,
  storage: FileStorage,
  viewer: { userId: string; departmentIds: readonly string[] },
  id: string,
  now: Date,
): Promise<Verdict | null> {
  const doc = await resultForDownload(db, viewer, id);
  if (!doc) throw new AppError("NOT_FOUND", "Документ не найден");
  const signedKey = doc.signedStorageKey;
  if (!signedKey || !doc.signature) return null;
  try {
    return await resultSignatureVerdict(db, doc, () => storage.get(signedKey), now);
  } catch {
    return unreadable();
  }
}
