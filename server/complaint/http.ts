// The complaint's file routes (multipart and downloads do not fit tRPC's JSON), through the REST
// wrapper (server/api/rest.ts):
// - POST /api/applications/:id/complaint — the applicant's complaint with its attachments (R21);
// - GET /api/complaints/:id/letter — the decision letter (PDF);
// - GET /api/complaints/:id/files/:n — an attachment.
// A complaint or an application the caller may not see is "not found", never "forbidden".
import { z } from "zod";
import { errorResponse, fileResponse, jsonResponse, restRoute } from "../api/rest";
import { viewerOf } from "../api/access";
import { staffScope } from "../auth/scope";
import { isStaff } from "../api/access";
import { zId } from "../ids";
import { BODY_LIMITS } from "../http/body";
import { MultipartReader } from "../http/multipart";
import { deadlineContext } from "../calendar/data";
import { now } from "../clock";
import { fileComplaint, type ComplaintFile } from "./mutations";
import { complaintDepartments, complaintFileFor } from "./data";
import { COMPLAINT_FILE_RULE, COMPLAINT_FILES_MAX, zComplaintForm } from "./schema";

const FILE_BYTES = COMPLAINT_FILE_RULE.maxSizeMb * 1024 * 1024;
const BODY_BYTES = COMPLAINT_FILES_MAX * FILE_BYTES + BODY_LIMITS.multipartOverhead;
const tooBigText = `Файл слишком большой: допускается не больше ${COMPLAINT_FILE_RULE.maxSizeMb} МБ`;

export const complaintFileRoute = restRoute({
  name: "complaint",
  auth: "applicant",
  params: z.object({ id: zId() }),
  notFound: "Заявление не найдено",
  maxBodyBytes: BODY_BYTES,
  async handler({ req, params, db, storage, identity }) {
    const form = new MultipartReader(req, BODY_BYTES, tooBigText);
    const fields: Record<string, string> = {};
    const files: { fileName: string; content: Uint8Array }[] = [];
    try {
      for (let part = await form.next(); part; part = await form.next()) {
        if (part.fileName === null) {
          if (part.name === "subject" || part.name === "text") fields[part.name] = await form.text();
        } else if (part.name === "files") {
          const chunks: Uint8Array[] = [];
          let size = 0;
          for await (const chunk of form.chunks()) {
            size += chunk.byteLength;
            if (size > FILE_BYTES) return errorResponse(413, tooBigText, { files: tooBigText });
            chunks.push(chunk);
          }
          // A form with no file chosen still sends an empty, nameless part.
          if (size > 0 || part.fileName !== "") files.push({ fileName: part.fileName, content: Buffer.concat(chunks) });
        }
      }
    } finally {
      await form.close();
    }
    const parsed = zComplaintForm.safeParse(fields);
    if (!parsed.success)
      return errorResponse(
        400,
        "Проверьте правильность заполнения полей",
        Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])),
      );
    const context = await deadlineContext(db, now());
    const complaint = await fileComplaint(db, storage, {
      userId: identity.id,
      applicationId: params.id,
      ...parsed.data,
      files,
      calendar: context.calendar,
      now: context.now,
    });
    return jsonResponse(201, complaint);
  },
});

async function viewer(db: Parameters<typeof viewerOf>[0], identity: Parameters<typeof viewerOf>[1]) {
  return {
    userId: identity.id,
    staffDepartmentIds: isStaff(identity) ? complaintDepartments(await staffScope(db, identity)) : [],
  };
}

export const complaintLetterRoute = restRoute({
  name: "complaint letter",
  auth: "user",
  params: z.object({ id: zId() }),
  notFound: "Жалоба не найдена",
  async handler({ db, storage, identity, params }) {
    const c = await complaintFileFor(db, await viewer(db, identity), params.id);
    if (!c) return errorResponse(404, "Жалоба не найдена");
    if (!c.decisionStorageKey) return errorResponse(404, "Решение по жалобе ещё не принято");
    return fileResponse(await storage.get(c.decisionStorageKey), {
      contentType: "application/pdf",
      fileName: `Решение-по-жалобе-${c.number}.pdf`,
    });
  },
});

export const complaintAttachmentRoute = restRoute({
  name: "complaint attachment",
  auth: "user",
  params: z.object({
    id: zId(),
    n: z
      .string()
      .regex(/^[0-9]$/)
      .transform(Number),
  }),
  notFound: "Файл не найден",
  async handler({ db, storage, identity, params }) {
    const c = await complaintFileFor(db, await viewer(db, identity), params.id);
    const file = c && Array.isArray(c.files) ? (c.files as unknown as ComplaintFile[])[params.n] : undefined;
    if (!file) return errorResponse(404, "Файл не найден");
    return fileResponse(await storage.get(file.key), { contentType: file.mimeType, fileName: file.fileName });
  },
});
