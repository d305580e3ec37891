// The attachment routes (multipart upload does not fit tRPC's JSON): upload to a draft's file field,
// remove, and download with the same visibility as the application itself. Sign-in, ids, statuses
// and download headers are the wrapper's (server/api/rest.ts); the data functions scope every query.
import { z } from "zod";
import { viewerOf } from "../api/access";
import { errorResponse, fileResponse, jsonResponse, restRoute } from "../api/rest";
import { zId } from "../ids";
import { attachmentForDownload } from "./data";
import { recordDownload } from "../audit/mutations";
import { MAX_UPLOAD_BYTES, removeAttachment, uploadAttachment } from "./mutations";

const tooBig = () =>
  errorResponse(413, `Файл слишком большой: допускается не больше ${MAX_UPLOAD_BYTES / 1024 / 1024} МБ`);

/** POST /api/applications/:id/files?field=<key> — a file for one field of the caller's draft. */
export const uploadRoute = restRoute({
  name: "attachment upload",
  auth: "user",
  params: z.object({ id: zId() }),
  notFound: "Заявление не найдено",
  async handler({ req, params, db, storage, identity }) {
    // Nothing bigger than any upload may be is even read into memory.
    if (Number(req.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES) return tooBig();
    const field = new URL(req.url).searchParams.get("field") ?? "";
    const form = await req.formData().catch(() => null);
    if (!form) return errorResponse(400, "Не удалось прочитать файл: выберите его ещё раз");
    const file = form.get("file");
    if (!(file instanceof File)) return errorResponse(400, "Выберите файл");
    if (file.size > MAX_UPLOAD_BYTES) return tooBig();
    const ref = await uploadAttachment(db, storage, {
      userId: identity.id,
      applicationId: params.id,
      fieldKey: field,
      fileName: file.name,
      content: new Uint8Array(await file.arrayBuffer()),
    });
    return jsonResponse(201, ref);
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
