// GET /api/admin/editions/[id]/result-preview?type=<result type code> (issue 10 p.2): the result
// document of a result type as the saved edition would produce it, on sample data — the same renderer
// as the real documents (server/document/result.ts), the template rendered into the body (or a note
// where the type has none), the first service refusal ground on a refusal. The saved edition: the
// editor autosaves about a second after a change. Administrators only (the role re-read from the
// database, as every route does); shown inline, never cached.
import { z } from "zod";
import { restRoute } from "../../api/rest";
import { requireAdmin } from "../../api/access";
import { AppError } from "../../errors";
import { zId } from "../../ids";
import { renderResultDocument, type ResultDocumentInput } from "../../document/result";
import type { RegulationDocument } from "../document";
import { parseForSimulation } from "../simulator";
import { renderTemplate, sampleApplication } from "../template";
import { editionForAdmin, editionNotFound } from "./data";

export const PREVIEW_BODY_POSITIVE =
  "Здесь будет текст ответа заявителю. Шаблон для этого вида результата не задан: должностное лицо напишет текст при оформлении документа.";
export const PREVIEW_BODY_REFUSAL =
  "Здесь будут мотивы отказа. Шаблон для этого вида результата не задан: должностное лицо напишет их при оформлении уведомления.";

/** What the renderer is given for the preview: sample answers, a sample registration, the template's text. */
export function previewInput(
  doc: RegulationDocument,
  typeCode: string,
  serviceTitle: string,
  now: Date,
): ResultDocumentInput | null {
  const rt = doc.resultTypes.find((r) => r.code === typeCode);
  if (!rt) return null;
  const sample = sampleApplication(doc, now);
  const body = rt.template
    ? renderTemplate(rt.template, {
        doc,
        data: sample.data,
        applicantName: sample.applicant.name,
        registrationNumber: sample.registrationNumber,
        registeredAt: sample.registeredAt,
        serviceTitle,
        today: now,
      })
    : rt.kind === "refusal"
      ? PREVIEW_BODY_REFUSAL
      : PREVIEW_BODY_POSITIVE;
  const ground = doc.serviceRefusalGrounds[0];
  return {
    passport: doc.passport,
    resultTitle: rt.title,
    kind: rt.kind,
    registrationNumber: sample.registrationNumber,
    registeredAt: sample.registeredAt,
    applicant: { name: sample.applicant.name, address: sample.applicant.address, email: sample.applicant.email },
    serviceTitle,
    body,
    grounds: rt.kind === "refusal" && ground ? [{ text: ground.text, ref: ground.ref }] : [],
    createdAt: now,
  };
}

export const resultPreviewRoute = restRoute({
  name: "admin/editions/[id]/result-preview",
  auth: "user",
  params: z.object({ id: zId() }),
  notFound: editionNotFound().message,
  handler: async ({ req, params, db, identity }) => {
    requireAdmin(identity);
    const type = new URL(req.url).searchParams.get("type") ?? "";
    const edition = await editionForAdmin(db, params.id);
    const parsed = parseForSimulation(edition.document);
    if (!parsed.ok)
      throw new AppError(
        "PRECONDITION",
        "Образец документа нельзя построить: в регламенте есть ошибки, которые не дают его прочитать. Исправьте их по списку проблем редактора.",
      );
    const input = previewInput(parsed.document, type, edition.service.title, new Date());
    if (!input) throw new AppError("NOT_FOUND", `В регламенте нет вида результата с кодом «${type.slice(0, 60)}»`);
    const pdf = await renderResultDocument(input);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-length": String(pdf.length),
        "content-disposition": `inline; filename="preview-${input.kind}.pdf"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  },
});
