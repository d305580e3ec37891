// GET /api/applications/:id/pdf — the applicant's copy of the filled form as a PDF (R15), with the
// registration and the signature hash once submitted.
import { contentHashLine } from "./content-hash";
import { z } from "zod";
import { recordDownload } from "../audit/mutations";
import { errorResponse, fileResponse, restRoute } from "../api/rest";
import { zId } from "../ids";
import { renderPdf, type PdfBlock } from "../document/pdf";
import { formatDate } from "../format/dates";
import { answerSections } from "./answers";
import { applicationForOwner } from "./data";

/** To its owner and co-applicants (applicationForOwner); to anyone else it does not exist. */
export const applicationPdfRoute = restRoute({
  name: "application PDF",
  auth: "user",
  params: z.object({ id: zId() }),
  notFound: "Заявление не найдено",
  async handler({ params, db, identity }) {
    const app = await applicationForOwner(db, identity.id, params.id);
    if (!app) return errorResponse(404, "Заявление не найдено");
    const pdf = await applicationCopyPdf(app);
    await recordDownload(db, { application: app, actorId: identity.id, kind: "application_pdf", objectId: app.id });
    return fileResponse(pdf, {
      contentType: "application/pdf",
      fileName: `zayavlenie-${app.registrationNumber ?? "chernovik"}.pdf`,
    });
  },
});

/** What the copy prints: the applicant's view of the application (data.ts applicationForOwner). */
export type ApplicationCopy = Pick<
  NonNullable<Awaited<ReturnType<typeof applicationForOwner>>>,
  | "steps"
  | "values"
  | "service"
  | "registrationNumber"
  | "registeredAt"
  | "dueAt"
  | "coApplicants"
  | "contentHash"
  | "signedOnPortal"
>;

export function applicationCopyPdf(app: ApplicationCopy): Promise<Buffer> {
  const steps = app.steps.filter((s) => (s.section ?? "applicant") === "applicant");
  const coSteps = app.steps.filter((s) => s.section === "co_applicant");
  const blocks: PdfBlock[] = [
    { kind: "title", text: "Заявление о предоставлении муниципальной услуги" },
    { kind: "paragraph", text: `«${app.service.title}»`, align: "center" },
    {
      kind: "paragraph",
      text: app.registrationNumber
        ? `Регистрационный номер ${app.registrationNumber} от ${app.registeredAt ? formatDate(app.registeredAt) : "—"}${app.dueAt ? `. Ожидаемый срок результата: ${formatDate(app.dueAt)}` : ""}`
        : "Черновик: заявление ещё не подано.",
      align: "center",
      size: 10,
    },
    { kind: "rule" },
    { kind: "sections", sections: answerSections(steps, app.values) },
    // The co-applicants' sections belong to the signed content: without them the hash below could
    // not be checked against this copy.
    ...app.coApplicants.flatMap((c, i): PdfBlock[] => [
      { kind: "paragraph", text: `Созаявитель ${i + 1}: ${c.email}`, bold: true },
      { kind: "sections", sections: answerSections(coSteps, c.values) },
    ]),
    { kind: "space" },
    ...(app.contentHash
      ? [
          {
            kind: "paragraph" as const,
            // Issue 15 p.1: a paper or e-mail application carries no electronic signature of the applicant.
            text: contentHashLine(app.signedOnPortal, app.contentHash),
            size: 8,
          },
        ]
      : []),
  ];
  return renderPdf({ title: `Заявление ${app.registrationNumber ?? ""}`.trim() }, blocks);
}
