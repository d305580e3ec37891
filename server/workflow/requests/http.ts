// POST /api/staff/requests/:requestId/answer — the answer to an inter-agency request (R5): its text
// and, optionally, the file the agency sent (multipart does not fit tRPC's JSON). Staff only, through
// the REST wrapper (server/api/rest.ts) like the applicant's upload: the same size guard before
// reading the body. A request of another department is "not found", never "forbidden".
import { z } from "zod";
import { errorResponse, jsonResponse, restRoute } from "../../api/rest";
import { zId } from "../../ids";
import { MAX_UPLOAD_BYTES } from "../../attachment/mutations";
import { recordRequestAnswer } from "./mutations";
import { ANSWER_FILE_RULE, zAnswerText } from "../schema";

const tooBig = () => {
  const error = `Файл слишком большой: допускается не больше ${ANSWER_FILE_RULE.maxSizeMb} МБ`;
  return errorResponse(413, error, { file: error });
};

export const requestAnswerRoute = restRoute({
  name: "inter-agency answer",
  auth: "staff",
  params: z.object({ requestId: zId() }),
  notFound: "Запрос не найден",
  async handler({ req, params, db, storage, scope }) {
    // Nothing bigger than any upload may be is even read into memory.
    if (Number(req.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES) return tooBig();
    const form = await req.formData().catch(() => null);
    if (!form) return errorResponse(400, "Не удалось прочитать форму: отправьте её ещё раз");
    const text = zAnswerText.safeParse(form.get("answerText") ?? "");
    if (!text.success) {
      const message = text.error.issues[0]?.message ?? "Внесите содержание ответа";
      return errorResponse(400, "Проверьте правильность заполнения полей", { answerText: message });
    }
    const file = form.get("file");
    // A form with no file chosen still sends an empty, nameless part.
    const chosen = file instanceof File && (file.size > 0 || file.name !== "") ? file : null;
    if (chosen && chosen.size > ANSWER_FILE_RULE.maxSizeMb * 1024 * 1024) return tooBig();
    const result = await recordRequestAnswer(
      db,
      scope,
      {
        requestId: params.requestId,
        answerText: text.data,
        ...(chosen ? { file: { fileName: chosen.name, content: new Uint8Array(await chosen.arrayBuffer()) } } : {}),
      },
      storage,
    );
    return jsonResponse(201, result);
  },
});
