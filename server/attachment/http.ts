// HTTP handlers for attachments (multipart upload does not fit tRPC's JSON): upload to a draft's
// file field, remove, and download with the same authorization as the application itself.
import { getDb } from "../db/client";
import { loadIdentity } from "../auth/data";
import { staffScope } from "../auth/scope";
import { getSession } from "../auth/session";
import { STAFF_ROLES } from "../auth/session-roles";
import { AppError } from "../errors";
import { fileStorage } from "../storage/storage";
import { attachmentForDownload } from "./data";
import { MAX_UPLOAD_BYTES, removeAttachment, uploadAttachment } from "./mutations";

const STATUS = { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, INVALID: 400, UNAUTHORIZED: 401, PRECONDITION: 412 } as const;
const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

async function currentIdentity() {
  const session = await getSession();
  return session ? loadIdentity(getDb(), session.user.id) : null;
}

function failure(error: unknown): Response {
  if (error instanceof AppError) return json(STATUS[error.code], { error: error.message });
  console.error("attachment request failed", error);
  return json(500, { error: "Не удалось обработать файл. Попробуйте ещё раз." });
}

export async function handleUpload(req: Request, params: { id: string }): Promise<Response> {
  const identity = await currentIdentity();
  if (!identity) return json(401, { error: "Войдите в систему, чтобы прикрепить файл" });
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_BYTES) return json(413, { error: `Файл слишком большой: допускается не больше ${MAX_UPLOAD_BYTES / 1024 / 1024} МБ` });
  const field = new URL(req.url).searchParams.get("field") ?? "";
  try {
    const form = await req.formData();
    const file = form.get("file");
    if (!(file instanceof File)) return json(400, { error: "Выберите файл" });
    if (file.size > MAX_UPLOAD_BYTES) return json(413, { error: `Файл слишком большой: допускается не больше ${MAX_UPLOAD_BYTES / 1024 / 1024} МБ` });
    const ref = await uploadAttachment(getDb(), fileStorage(), {
      userId: identity.id, applicationId: params.id, fieldKey: field, fileName: file.name, content: new Uint8Array(await file.arrayBuffer()),
    });
    return json(201, ref);
  } catch (error) {
    return failure(error);
  }
}

export async function handleRemove(_req: Request, params: { id: string; fileId: string }): Promise<Response> {
  const identity = await currentIdentity();
  if (!identity) return json(401, { error: "Войдите в систему" });
  try {
    await removeAttachment(getDb(), fileStorage(), { userId: identity.id, applicationId: params.id, attachmentId: params.fileId });
    return new Response(null, { status: 204 });
  } catch (error) {
    return failure(error);
  }
}

export async function handleDownload(_req: Request, params: { id: string }): Promise<Response> {
  const identity = await currentIdentity();
  if (!identity) return json(401, { error: "Войдите в систему" });
  const db = getDb();
  const departmentIds = identity.roles.some((r) => STAFF_ROLES.includes(r)) ? (await staffScope(db, identity)).departmentIds : [];
  const row = await attachmentForDownload(db, { userId: identity.id, departmentIds }, params.id);
  if (!row) return json(404, { error: "Файл не найден" });
  const content = await fileStorage().get(row.storageKey);
  return new Response(new Uint8Array(content), {
    headers: {
      "content-type": row.mimeType,
      "content-length": String(content.length),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
