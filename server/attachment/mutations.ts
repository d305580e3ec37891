// Attachments of an application (R13, R16): per-field types (by content), size and count limits,
// contents in the file storage, metadata in the database. Only the owner of a draft adds or removes.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import type { FieldDef, StepDef } from "../regulation/document";
import { pinnedDocument } from "../regulation/document-cache";
import type { FileRef } from "../regulation/form-schema";
import { sha256, type FileStorage } from "../storage/storage";
import { DRAFT_LIMITS } from "../regulation/form-schema";
import { acceptedMimeTypes, mimeTypesLabel, sniffMimeType } from "./sniff";
import { ownedBy } from "../application/visibility";
import { isUuid } from "../ids";
import { replaceUnsafeText } from "../text";

/** Above any field's own limit: nothing bigger is even read into memory by the route. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

function findFileField(steps: StepDef[], key: string): FieldDef | undefined {
  const walk = (fields: FieldDef[]): FieldDef | undefined => {
    for (const f of fields) {
      if (f.key === key && f.type === "file") return f;
      const inner = f.fields ? walk(f.fields) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  for (const s of steps) {
    const found = walk(s.fields);
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
      regulationVersionId: true,
      regulationVersion: { select: { document: true } },
    },
  });
  if (!app) throw new AppError("NOT_FOUND", "Заявление не найдено");
  if (app.status !== "DRAFT")
    throw new AppError("PRECONDITION", "Заявление уже подано: прикреплять файлы больше нельзя");
  return app;
}

const formatMb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} МБ`;

/**
 * The checks every stored file passes, whoever uploads it: a safe name, some content, the size limit
 * and an accepted type recognised by the content itself (not the name).
 */
export function vetFile(
  fileName: string,
  content: Uint8Array,
  rule: { maxSizeMb: number; accept: readonly string[] },
): { name: string; mimeType: string } {
  // Cut by characters, not UTF-16 units: a cut through an emoji would leave half a character.
  const name = [...replaceUnsafeText(fileName).replace(/[\u0000-\u001f/\\]/g, "_")].slice(0, 200).join("") || "file";
  if (content.length === 0) throw new AppError("INVALID", `Файл «${name}» пустой: выберите файл с содержимым`);
  if (content.length > rule.maxSizeMb * 1024 * 1024) {
    throw new AppError(
      "INVALID",
      `Файл «${name}» весит ${formatMb(content.length)}, а допускается не больше ${rule.maxSizeMb} МБ: уменьшите разрешение скана или разделите документ`,
    );
  }
  const mime = sniffMimeType(content);
  if (!mime || !rule.accept.includes(mime)) {
    const allowed = mimeTypesLabel(rule.accept);
    throw new AppError(
      "INVALID",
      `Файл «${name}» не похож на документ в формате ${allowed} по своему содержимому: приложите скан или документ в одном из этих форматов`,
    );
  }
  return { name, mimeType: mime };
}

/** A fresh attachment id and the storage key its content goes under. */
export function newAttachmentKey(): { id: string; storageKey: string } {
  const id = randomUUID();
  return { id, storageKey: `${id.slice(0, 2)}/${id}` };
}

export async function uploadAttachment(
  db: Db,
  storage: FileStorage,
  input: { userId: string; applicationId: string; fieldKey: string; fileName: string; content: Uint8Array },
): Promise<FileRef> {
  const app = await ownedDraft(db, input.userId, input.applicationId);
  const field = findFileField(
    pinnedDocument(app.regulationVersionId, app.regulationVersion.document).form.steps,
    input.fieldKey,
  );
  if (!field) throw new AppError("INVALID", "В форме услуги нет такого поля для файлов");
  const { name, mimeType: mime } = vetFile(input.fileName, input.content, {
    maxSizeMb: field.maxSizeMb ?? 10,
    accept: acceptedMimeTypes(field.accept),
  });
  // The limit counts the files the draft holds in this field, not every row: a file of a field the
  // applicant hid, or one a failed save left unreferenced, is not theirs to delete from the form (it
  // goes with the submission). Rows are bounded all the same, referenced or not.
  const maxFiles = field.maxFiles ?? 1;
  if (heldInField(app.data, input.fieldKey) >= maxFiles) {
    throw new AppError(
      "INVALID",
      `К полю «${field.label}» можно приложить не больше ${maxFiles} файл(ов): удалите лишний, чтобы добавить новый`,
    );
  }
  const rows = await db.attachment.count({ where: { applicationId: app.id, fieldKey: input.fieldKey } });
  if (rows >= Math.max(DRAFT_LIMITS.files, maxFiles)) {
    throw new AppError(
      "INVALID",
      `К полю «${field.label}» загружено слишком много файлов: удалите ненужные и сохраните черновик, затем добавьте новый`,
    );
  }

  const { id, storageKey } = newAttachmentKey();
  await storage.put(storageKey, input.content);
  try {
    await db.attachment.create({
      data: {
        id,
        applicationId: app.id,
        fieldKey: input.fieldKey,
        fileName: name,
        mimeType: mime,
        size: input.content.length,
        sha256: sha256(input.content),
        storageKey,
        uploadedById: input.userId,
      },
    });
  } catch (error) {
    await storage.delete(storageKey); // nothing half-written: no orphan file without its row
    throw error;
  }
  return { id, name, size: input.content.length, mimeType: mime };
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
function heldInField(data: unknown, fieldKey: string): number {
  let most = 0;
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      for (const [key, inner] of Object.entries(v as Record<string, unknown>)) {
        if (key === fieldKey && Array.isArray(inner)) most = Math.max(most, fileRefsIn(inner).length);
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
