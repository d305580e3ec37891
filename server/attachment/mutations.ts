// Attachments of an application (R13, R16): per-field types (by content), size and count limits,
// contents in the file storage, metadata in the database. Only the owner of a draft adds or removes.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { plural } from "../format/plural";
import type { FieldDef, StepDef } from "../regulation/document";
import { pinnedDocument } from "../regulation/document-cache";
import type { FileRef } from "../regulation/form-schema";
import type { FileStorage } from "../storage/storage";
import { DRAFT_LIMITS } from "../regulation/form-schema";
import { fieldMimeTypes, isSignatureMime, mimeTypesLabel, sniffMimeType, SIGNATURE_MIME } from "./sniff";
import { SIGNATURE_MAX_BYTES } from "../signature/schema";
import { ownedBy } from "../application/visibility";
import { isUuid } from "../ids";
import { BodyTooLargeError, formatBytes } from "../http/body";
import { replaceUnsafeText } from "../text";

/** Above any field's own limit: the most an upload request may carry (its framing included). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/**
 * Storage quotas (issue 9, item 4): what one draft's files may weigh together, and what the files of
 * all of one account's drafts may. Files of submitted applications are the record (R3) and do not
 * count; a draft's files go with it when it is deleted or purged.
 */
export const DRAFT_QUOTA_BYTES = 100 * 1024 * 1024;
export const ACCOUNT_QUOTA_BYTES = 300 * 1024 * 1024;

/**
 * The bytes a sniffer needs to recognise a type (server/attachment/sniff.ts: 12 for documents; a
 * PEM or base64 signature needs its header and the first few dozen characters).
 */
const HEAD_BYTES = 128;

function findFileField(steps: StepDef[], key: string): { field: FieldDef; inGroup: boolean } | undefined {
  const walk = (fields: FieldDef[], inGroup: boolean): { field: FieldDef; inGroup: boolean } | undefined => {
    for (const f of fields) {
      if (f.key === key && f.type === "file") return { field: f, inGroup };
      const inner = f.fields ? walk(f.fields, true) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  for (const s of steps) {
    const found = walk(s.fields, false);
    if (found) return found;
  }
  return undefined;
}

async function ownedDraft(db: Db, userId: string, applicationId: string) {
  const app = await db.application.findFirst({
    where: ownedBy(userId, { id: applicationId }),
    select: {
      id: true,
      status: true,
      data: true,
      updatedAt: true,
      regulationVersionId: true,
      variantCode: true,
      regulationVersion: { select: { document: true } },
    },
  });
  if (!app) throw new AppError("NOT_FOUND", "Заявление не найдено");
  if (app.status !== "DRAFT")
    throw new AppError("PRECONDITION", "Заявление уже подано: прикреплять файлы больше нельзя");
  return app;
}

const formatMb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} МБ`;

/** A file name safe to store and show: no control characters or path separators, 200 characters. */
export function safeFileName(fileName: string): string {
  // Cut by characters, not UTF-16 units: a cut through an emoji would leave half a character.
  return [...replaceUnsafeText(fileName).replace(/[\u0000-\u001f/\\]/g, "_")].slice(0, 200).join("") || "file";
}

const tooBigMessage = (name: string, maxSizeMb: number, size?: number) =>
  size === undefined
    ? `Файл «${name}» больше ${maxSizeMb} МБ, а допускается не больше ${maxSizeMb} МБ: уменьшите разрешение скана или разделите документ`
    : `Файл «${name}» весит ${formatMb(size)}, а допускается не больше ${maxSizeMb} МБ: уменьшите разрешение скана или разделите документ`;

/**
 * The checks every stored file passes, whoever uploads it, from what a stream leaves of it (its size
 * and first bytes): some content, the size limit and an accepted type recognised by the content
 * itself (not the name).
 */
export function vetFileHead(
  name: string,
  file: { size: number; head: Uint8Array },
  rule: { maxSizeMb: number; accept: readonly string[] },
): { mimeType: string } {
  if (file.size === 0) throw new AppError("INVALID", `Файл «${name}» пустой: выберите файл с содержимым`);
  if (file.size > rule.maxSizeMb * 1024 * 1024)
    throw new AppError("INVALID", tooBigMessage(name, rule.maxSizeMb, file.size));
  const mime = sniffMimeType(file.head);
  if (!mime || !rule.accept.includes(mime)) {
    const allowed = mimeTypesLabel(rule.accept.filter((t) => !isSignatureMime(t)));
    const signature = rule.accept.includes(SIGNATURE_MIME) ? " или файл электронной подписи (.sig) к нему" : "";
    throw new AppError(
      "INVALID",
      `Файл «${name}» не похож на документ в формате ${allowed} по своему содержимому: приложите скан или документ в одном из этих форматов${signature}`,
    );
  }
  // Issue 15: a detached signature is a few kilobytes; a larger "signature" is something else.
  if (isSignatureMime(mime) && file.size > SIGNATURE_MAX_BYTES)
    throw new AppError(
      "INVALID",
      `Файл подписи «${name}» весит ${formatMb(file.size)}, а файл открепленной подписи не бывает больше ${SIGNATURE_MAX_BYTES / 1024} КБ: приложите файл .sig, выданный программой подписи`,
    );
  return { mimeType: mime };
}

/** vetFileHead for a file held in memory (the inter-agency answer, tests). */
export function vetFile(
  fileName: string,
  content: Uint8Array,
  rule: { maxSizeMb: number; accept: readonly string[] },
): { name: string; mimeType: string } {
  const name = safeFileName(fileName);
  return { name, ...vetFileHead(name, { size: content.length, head: content.subarray(0, HEAD_BYTES) }, rule) };
}

/** A fresh attachment id and the storage key its content goes under. */
export function newAttachmentKey(): { id: string; storageKey: string } {
  const id = randomUUID();
  return { id, storageKey: `${id.slice(0, 2)}/${id}` };
}

/** Where an upload goes and how much of it may come: checked before its body is read. */
export type UploadTarget = {
  userId: string;
  applicationId: string;
  fieldKey: string;
  field: FieldDef;
  inGroup: boolean;
  rule: { maxSizeMb: number; accept: readonly string[] };
  /** The most the file may weigh: the field's limit or what is left of a quota, whichever is less. */
  maxBytes: number;
  /** The 413 text when the file passes maxBytes while it streams. */
  tooLargeMessage: (fileName: string) => string;
};

type Usage = { draftBytes: number; accountBytes: number };

async function storageUsage(db: Db | Tx, userId: string, applicationId: string): Promise<Usage> {
  const [draft, account] = await Promise.all([
    db.attachment.aggregate({ where: { applicationId }, _sum: { size: true } }),
    db.attachment.aggregate({
      where: { uploadedById: userId, application: { status: "DRAFT" } },
      _sum: { size: true },
    }),
  ]);
  return { draftBytes: draft._sum.size ?? 0, accountBytes: account._sum.size ?? 0 };
}

/** The quota a file of `size` bytes would pass, with a Russian message saying how much is left. */
function quotaMessage(usage: Usage, size: number): string | null {
  const draftLeft = Math.max(0, DRAFT_QUOTA_BYTES - usage.draftBytes);
  const accountLeft = Math.max(0, ACCOUNT_QUOTA_BYTES - usage.accountBytes);
  if (size > draftLeft)
    return `Файл не помещается: у черновика осталось ${formatBytes(draftLeft)} места для файлов из ${formatBytes(DRAFT_QUOTA_BYTES)}. Удалите ненужные файлы этого заявления.`;
  if (size > accountLeft)
    return `Файл не помещается: у ваших черновиков осталось ${formatBytes(accountLeft)} места для файлов из ${formatBytes(ACCOUNT_QUOTA_BYTES)}. Удалите ненужные файлы или черновики.`;
  return null;
}

/**
 * How many files a field holds for the count limit, checked on upload (issue 9): the files the saved
 * draft references, and those uploaded since the draft was last saved (the browser's form holds them
 * and saves them next). A file the draft left out of a later save — a failed save, "load the saved
 * version", a hidden field — is not counted: it is not in the applicant's form to delete, and it goes
 * with the submission. For a field inside a group the limit is per item: the saved items count.
 */
async function heldFiles(
  db: Db | Tx,
  app: { id: string; data: unknown; updatedAt: Date },
  fieldKey: string,
  inGroup: boolean,
  kind: FileKind,
): Promise<number> {
  const saved = heldInField(app.data, fieldKey, kind);
  if (inGroup) return saved;
  const savedIds = new Set(fileRefIds((app.data as Record<string, unknown> | null)?.[fieldKey]));
  const pending = await db.attachment.count({
    where: {
      applicationId: app.id,
      fieldKey,
      createdAt: { gte: app.updatedAt },
      id: { notIn: [...savedIds] },
      mimeType: kind === "signature" ? SIGNATURE_MIME : { not: SIGNATURE_MIME },
    },
  });
  return saved + pending;
}

/**
 * Documents and the signatures beside them are counted apart (issue 15): a field of `maxFiles`
 * documents holds as many `.sig` files too, one for each document.
 */
type FileKind = "document" | "signature";
const kindOf = (mimeType: string): FileKind => (isSignatureMime(mimeType) ? "signature" : "document");

function countMessage(field: FieldDef, maxFiles: number, kind: FileKind): string {
  // «не больше 1 файла», «не больше 3 файлов» (issue 16 p.9: no «файл(ов)»).
  const files = `${maxFiles} ${plural(maxFiles, ["файла", "файлов", "файлов"])}`;
  return kind === "signature"
    ? `К полю «${field.label}» можно приложить не больше ${files} подписи, по одному к каждому документу: удалите лишний, чтобы добавить новый`
    : `К полю «${field.label}» можно приложить не больше ${files}: удалите лишний, чтобы добавить новый`;
}

/**
 * The field's count limits. Before the body is read the kind of the file is not known yet (`kind`
 * null): refused only when neither a document nor a signature fits; once sniffed, by its kind.
 */
async function checkCounts(
  db: Db | Tx,
  app: { id: string; data: unknown; updatedAt: Date },
  target: UploadTarget,
  kind: FileKind | null,
) {
  const maxFiles = target.field.maxFiles ?? 1;
  const full = async (k: FileKind) => (await heldFiles(db, app, target.fieldKey, target.inGroup, k)) >= maxFiles;
  if (kind ? await full(kind) : (await full("document")) && (await full("signature")))
    throw new AppError("INVALID", countMessage(target.field, maxFiles, kind ?? "document"));
  const rows = await db.attachment.count({ where: { applicationId: app.id, fieldKey: target.fieldKey } });
  if (rows >= Math.max(DRAFT_LIMITS.files, maxFiles)) {
    throw new AppError(
      "INVALID",
      `К полю «${target.field.label}» загружено слишком много файлов: удалите ненужные и сохраните черновик, затем добавьте новый`,
    );
  }
}

/**
 * Everything an upload is checked against before its body is read: the caller's draft, the field,
 * its file count, and the quotas. Says how much the file may weigh.
 */
export async function prepareUpload(
  db: Db,
  input: { userId: string; applicationId: string; fieldKey: string },
): Promise<UploadTarget> {
  const app = await ownedDraft(db, input.userId, input.applicationId);
  const found = findFileField(
    pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode).form.steps,
    input.fieldKey,
  );
  if (!found) throw new AppError("INVALID", "В форме услуги нет такого поля для файлов");
  // Every field takes a detached signature beside its documents (issue 15; R17).
  const rule = { maxSizeMb: found.field.maxSizeMb ?? 10, accept: fieldMimeTypes(found.field.accept) };
  const target: UploadTarget = {
    ...input,
    field: found.field,
    inGroup: found.inGroup,
    rule,
    maxBytes: 0,
    tooLargeMessage: () => "",
  };
  await checkCounts(db, app, target, null);
  const usage = await storageUsage(db, input.userId, app.id);
  const fieldBytes = rule.maxSizeMb * 1024 * 1024;
  const left = Math.min(DRAFT_QUOTA_BYTES - usage.draftBytes, ACCOUNT_QUOTA_BYTES - usage.accountBytes);
  if (left <= 0) throw new BodyTooLargeError(0, quotaMessage(usage, 1)!);
  if (left < fieldBytes) {
    target.maxBytes = left;
    target.tooLargeMessage = () => quotaMessage(usage, left + 1)!;
  } else {
    target.maxBytes = fieldBytes;
    target.tooLargeMessage = (fileName) => tooBigMessage(safeFileName(fileName), rule.maxSizeMb);
  }
  return target;
}

/**
 * Stores an upload as it streams in (the route never holds it: server/attachment/http.ts) and
 * records it. The size limit is enforced while streaming: past `target.maxBytes` the stream fails, the
 * partial file is removed and the answer is 413. The type is sniffed from the first bytes, the hash
 * computed on the way. The row is written under a lock of the draft and of the account's uploads,
 * with the count and the quotas checked again: parallel uploads cannot pass them together. Whatever
 * fails after the content is stored removes it again: nothing half-written.
 */
export async function storeUpload(
  db: Db,
  storage: FileStorage,
  target: UploadTarget,
  file: { fileName: string; content: AsyncIterable<Uint8Array> },
): Promise<FileRef> {
  const name = safeFileName(file.fileName);
  const hash = createHash("sha256");
  let size = 0;
  const head: Uint8Array[] = [];
  let headBytes = 0;
  async function* inspected(): AsyncGenerator<Uint8Array> {
    for await (const chunk of file.content) {
      size += chunk.byteLength;
      if (size > target.maxBytes) throw new BodyTooLargeError(target.maxBytes, target.tooLargeMessage(file.fileName));
      hash.update(chunk);
      if (headBytes < HEAD_BYTES) {
        head.push(chunk.subarray(0, HEAD_BYTES - headBytes));
        headBytes += Math.min(chunk.byteLength, HEAD_BYTES - headBytes);
      }
      yield chunk;
    }
  }
  const { id, storageKey } = newAttachmentKey();
  await storage.putStream(storageKey, inspected());
  try {
    const { mimeType } = vetFileHead(name, { size, head: Buffer.concat(head) }, target.rule);
    await db.$transaction(async (tx) => {
      // One upload at a time per draft and per account: the checks below see every earlier row.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`upload:${target.userId}`}, 0))`;
      const app = await tx.application.findFirst({
        where: ownedBy(target.userId, { id: target.applicationId }),
        select: { id: true, status: true, data: true, updatedAt: true },
      });
      if (!app) throw new AppError("NOT_FOUND", "Заявление не найдено");
      if (app.status !== "DRAFT")
        throw new AppError("PRECONDITION", "Заявление уже подано: прикреплять файлы больше нельзя");
      await checkCounts(tx, app, target, kindOf(mimeType));
      const over = quotaMessage(await storageUsage(tx, target.userId, app.id), size);
      if (over) throw new BodyTooLargeError(0, over);
      await tx.attachment.create({
        data: {
          id,
          applicationId: app.id,
          fieldKey: target.fieldKey,
          fileName: name,
          mimeType,
          size,
          sha256: hash.digest("hex"),
          storageKey,
          uploadedById: target.userId,
        },
      });
    });
    return { id, name, size, mimeType };
  } catch (error) {
    await storage.delete(storageKey); // nothing half-written: no orphan file without its row
    throw error;
  }
}

/** An upload of content held in memory (tests, scripts): the same checks and storage as the route. */
export async function uploadAttachment(
  db: Db,
  storage: FileStorage,
  input: { userId: string; applicationId: string; fieldKey: string; fileName: string; content: Uint8Array },
): Promise<FileRef> {
  const target = await prepareUpload(db, input);
  try {
    return await storeUpload(db, storage, target, {
      fileName: input.fileName,
      content: (async function* () {
        yield input.content;
      })(),
    });
  } catch (error) {
    // In memory the whole size is known: say it, as the form's own check does.
    if (error instanceof BodyTooLargeError && input.content.length > target.rule.maxSizeMb * 1024 * 1024)
      throw new AppError(
        "INVALID",
        tooBigMessage(safeFileName(input.fileName), target.rule.maxSizeMb, input.content.length),
      );
    throw error;
  }
}

export async function removeAttachment(
  db: Db,
  storage: FileStorage,
  input: { userId: string; applicationId: string; attachmentId: string },
) {
  const app = await ownedDraft(db, input.userId, input.applicationId);
  const row = await db.attachment.findFirst({ where: { id: input.attachmentId, applicationId: app.id } });
  if (!row) throw new AppError("NOT_FOUND", "Файл не найден");
  await db.attachment.delete({ where: { id: row.id } });
  await storage.delete(row.storageKey);
}

/** Every file reference anywhere in the values (file fields, file fields of group items). */
function fileRefsIn(values: unknown): FileRef[] {
  const refs: FileRef[] = [];
  const collect = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.id === "string" && typeof o.mimeType === "string" && typeof o.size === "number")
        refs.push(o as FileRef);
      else Object.values(o).forEach(collect);
    }
  };
  collect(values);
  return refs;
}

/** Ids of the attachments the values reference (well-formed ids only: they go into a query). */
export function fileRefIds(values: unknown): string[] {
  return [
    ...new Set(
      fileRefsIn(values)
        .map((r) => r.id)
        .filter(isUuid),
    ),
  ];
}

/**
 * How many files the saved draft holds in a file field: the field's list, or for a field inside a
 * group the longest list of one item (the limit is per item).
 */
function heldInField(data: unknown, fieldKey: string, kind: FileKind): number {
  let most = 0;
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      for (const [key, inner] of Object.entries(v as Record<string, unknown>)) {
        if (key === fieldKey && Array.isArray(inner))
          most = Math.max(most, fileRefsIn(inner).filter((r) => kindOf(r.mimeType) === kind).length);
        else walk(inner);
      }
    }
  };
  walk(data);
  return most;
}

/**
 * Every file reference in the values must be an attachment of this very application with the same
 * type and size: a crafted request cannot point at another applicant's file.
 */
export async function checkFileRefs(
  db: Db | Tx,
  applicationId: string,
  values: Record<string, unknown>,
): Promise<string[]> {
  const refs = fileRefsIn(values);
  if (!refs.length) return [];
  const ids = refs.map((r) => r.id).filter(isUuid);
  const rows = await db.attachment.findMany({
    where: { applicationId, id: { in: ids } },
    select: { id: true, mimeType: true, size: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return refs
    .filter((r) => {
      const row = byId.get(r.id);
      return !row || row.mimeType !== r.mimeType || row.size !== r.size;
    })
    .map((r) => r.name);
}
