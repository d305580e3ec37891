// POST /api/staff/requests/:requestId/answer — the answer to an inter-agency request (R5): its text
// and, optionally, the file the agency sent (multipart does not fit tRPC's JSON). Mirrors the
// applicant's upload (server/attachment/http.ts): the same size guard before reading the body, the
// same AppError → status mapping. A request of another department is "not found", never "forbidden".
import { getDb } from "../../db/client";
import { loadIdentity } from "../../auth/data";
import { staffScope } from "../../auth/scope";
import { getSession } from "../../auth/session";
import { STAFF_ROLES } from "../../auth/session-roles";
import { MAX_UPLOAD_BYTES } from "../../attachment/mutations";
import { AppError } from "../../errors";
import { fileStorage } from "../../storage/storage";
import { recordRequestAnswer } from "./mutations";
import { ANSWER_FILE_RULE, zAnswerText } from "../schema";

const STATUS = { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, INVALID: 400, UNAUTHORIZED: 401, PRECONDITION: 412 } as const;
const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "cache-control": "no-store" } });
const tooBig = () => {
  const error = `Файл слишком большой: допускается не больше ${ANSWER_FILE_RULE.maxSizeMb} МБ`;
  return json(413, { error, fieldErrors: { file: error } });
};

function failure(error: unknown): Response {
  if (error instanceof AppError) return json(STATUS[error.code], { error: error.message, fieldErrors: error.fieldErrors ?? null });
  console.error("request answer failed", error);
  return json(500, { error: "Не удалось внести ответ. Попробуйте ещё раз." });
}

export async function handleRequestAnswer(req: Request, params: { requestId: string }): Promise<Response> {
  const session = await getSession();
  const db = getDb();
  const identity = session ? await loadIdentity(db, session.user.id) : null;
  if (!identity) return json(401, { error: "Войдите в систему, чтобы внести ответ" });
  if (!identity.roles.some((r) => STAFF_ROLES.includes(r))) return json(403, { error: "Недостаточно прав" });
  if (!/^[0-9a-f-]{36}$/i.test(params.requestId)) return json(404, { error: "Запрос не найден" });
  // Nothing bigger than any upload may be is even read into memory.
  if (Number(req.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES) return tooBig();
  try {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      return json(400, { error: "Не удалось прочитать форму: отправьте её ещё раз" });
    }
    const text = zAnswerText.safeParse(form.get("answerText") ?? "");
    if (!text.success) {
      const message = text.error.issues[0]?.message ?? "Внесите содержание ответа";
      return json(400, { error: "Проверьте правильность заполнения полей", fieldErrors: { answerText: message } });
    }
    const file = form.get("file");
    // A form with no file chosen still sends an empty, nameless part.
    const chosen = file instanceof File && (file.size > 0 || file.name !== "") ? file : null;
    if (chosen && chosen.size > ANSWER_FILE_RULE.maxSizeMb * 1024 * 1024) return tooBig();
    const scope = await staffScope(db, identity);
    const result = await recordRequestAnswer(
      db,
      scope,
      { requestId: params.requestId, answerText: text.data, ...(chosen ? { file: { fileName: chosen.name, content: new Uint8Array(await chosen.arrayBuffer()) } } : {}) },
      fileStorage(),
    );
    return json(201, result);
  } catch (error) {
    return failure(error);
  }
}
