// The attachment routes (multipart upload does not fit tRPC's JSON): upload to a draft's file field,
// remove, and download with the same visibility as the application itself. Sign-in, ids, statuses
// and download headers are the wrapper's (server/api/rest.ts); the data functions scope every query.
import { z } from "zod";
import { viewerOf } from "../api/access";
import { errorResponse, fileResponse, jsonResponse, restRoute } from "../api/rest";
import { zId } from "../ids";
import { attachmentForDownload } from "./data";
import { MAX_UPLOAD_BYTES, prepareUpload, removeAttachment, storeUpload } from "./mutations";
import { BODY_LIMITS, BodyTooLargeError } from "../http/body";
import { MultipartReader } from "../http/multipart";
import { recordDownload } from "../audit/mutations";

/**
 * POST /api/applications/:id/files?field=<key> — a file for one field of the caller's draft. The body
 * is never held: the draft, the field, its file count and the quotas are checked first, then the file
 * part streams to storage with the size limit counted as it comes (a chunked 400 MB body is cut off at
 * the limit and its partial file removed), and a broken multipart body is 400, never 500.
 */
export const uploadRoute = restRoute({
  name: "attachment upload",
  auth: "user",
  params: z.object({ id: zId() }),
  notFound: "Заявление не найдено",
  maxBodyBytes: MAX_UPLOAD_BYTES + BODY_LIMITS.multipartOverhead,
  async handler({ req, params, db, storage, identity }) {
    const field = new URL(req.url).searchParams.get("field") ?? "";
    const target = await prepareUpload(db, { userId: identity.id, applicationId: params.id, fieldKey: field });
    // The whole body may carry the file and its framing; the file alone is held to target.maxBytes.
    const bodyLimit = target.maxBytes + BODY_LIMITS.multipartOverhead;
    const form = new MultipartReader(req, bodyLimit);
    try {
      for (let part = await form.next(); part; part = await form.next()) {
        if (part.name !== "file" || part.fileName === null) continue;
        if (part.fileName === "") return errorResponse(400, "Выберите файл");
        try {
          const ref = await storeUpload(db, storage, target, { fileName: part.fileName, content: form.chunks() });
          return jsonResponse(201, ref);
        } catch (error) {
          // The body's own count (it reads a chunk ahead) may pass first: the file's message all the same.
          if (error instanceof BodyTooLargeError && error.limitBytes === bodyLimit)
            throw new BodyTooLargeError(target.maxBytes, target.tooLargeMessage(part.fileName));
          throw error;
        }
      }
      return errorResponse(400, "Выберите файл");
    } finally {
      await form.close();
    }
  },
});

/** DELETE /api/applications/:id/files/:fileId — while the application is the caller's draft. */
export const removeRoute = restRoute({
  name: "attachment removal",
  auth: "user",
  params: z.object({ id: zId(), fileId: zId() }),
  notFound: "Файл не найден",
  async handler({ params, db, storage, identity }) {
    await removeAttachment(db, storage, { userId: identity.id, applicationId: params.id, attachmentId: params.fileId });
    return new Response(null, { status: 204 });
  },
});

/** GET /api/files/:id — to the applicant and co-applicants, and staff of the application's department. */
export const downloadRoute = restRoute({
  name: "attachment download",
  auth: "user",
  params: z.object({ id: zId() }),
  notFound: "Файл не найден",
  async handler({ params, db, storage, identity }) {
    const row = await attachmentForDownload(db, await viewerOf(db, identity), params.id);
    if (!row) return errorResponse(404, "Файл не найден");
    const content = await storage.get(row.storageKey);
    // 152-FZ: access to personal data is recorded (one insert; a draft's files are its owner's own).
    await recordDownload(db, {
      application: row.application,
      actorId: identity.id,
      kind: "attachment",
      objectId: row.id,
    });
    return fileResponse(content, { contentType: row.mimeType, fileName: row.fileName });
  },
});
