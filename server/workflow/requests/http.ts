// POST /api/staff/requests/:requestId/answer — the answer to an inter-agency request (R5): its text
// and, optionally, the file the agency sent (multipart does not fit tRPC's JSON). Staff only, through
// the REST wrapper (server/api/rest.ts) like the applicant's upload: the size guard before reading
// the body, and every byte counted while it is read. A request of another department is "not found", never "forbidden".
import { z } from "zod";
import { errorResponse, jsonResponse, restRoute } from "../../api/rest";
import { zId } from "../../ids";
import { BODY_LIMITS } from "../../http/body";
import { MultipartReader } from "../../http/multipart";
import { recordRequestAnswer } from "./mutations";
import { ANSWER_FILE_RULE, zAnswerText } from "../schema";

const FILE_BYTES = ANSWER_FILE_RULE.maxSizeMb * 1024 * 1024;
const tooBigText = `Файл слишком большой: допускается не больше ${ANSWER_FILE_RULE.maxSizeMb} МБ`;
const tooBig = () => errorResponse(413, tooBigText, { file: tooBigText });

export const requestAnswerRoute = restRoute({
  name: "inter-agency answer",
  auth: "staff",
  params: z.object({ requestId: zId() }),
  notFound: "Запрос не найден",
  maxBodyBytes: FILE_BYTES + BODY_LIMITS.multipartOverhead,
  async handler({ req, params, db, storage, scope }) {
    // Read part by part with every byte counted: the file is held only up to its limit (10 MB), a
    // chunked body is cut off there; a broken body is 400 (server/http/multipart.ts).
    const form = new MultipartReader(req, FILE_BYTES + BODY_LIMITS.multipartOverhead, tooBigText);
    let answerText: string | null = null;
    let chosen: { fileName: string; content: Uint8Array } | null = null;
    try {
      for (let part = await form.next(); part; part = await form.next()) {
        if (part.name === "answerText" && part.fileName === null) answerText = await form.text();
        else if (part.name === "file" && part.fileName !== null) {
          const chunks: Uint8Array[] = [];
          let size = 0;
          for await (const chunk of form.chunks()) {
            size += chunk.byteLength;
            if (size > FILE_BYTES) return tooBig();
            chunks.push(chunk);
          }
          // A form with no file chosen still sends an empty, nameless part.
          if (size > 0 || part.fileName !== "") chosen = { fileName: part.fileName, content: Buffer.concat(chunks) };
        }
      }
    } finally {
      await form.close();
    }
    const text = zAnswerText.safeParse(answerText ?? "");
    if (!text.success) {
      const message = text.error.issues[0]?.message ?? "Внесите содержание ответа";
      return errorResponse(400, "Проверьте правильность заполнения полей", { answerText: message });
    }
    const result = await recordRequestAnswer(
      db,
      scope,
      { requestId: params.requestId, answerText: text.data, ...(chosen ? { file: chosen } : {}) },
      storage,
    );
    return jsonResponse(201, result);
  },
});
