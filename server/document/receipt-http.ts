// GET /api/applications/:id/receipt — the two-copy receipt of an application accepted by staff.
import { z } from "zod";
import { errorResponse, fileResponse, restRoute, zId } from "../api/rest";
import { renderReceipt } from "./receipt";
import { receiptForStaff } from "./data";
import { formatDateRu, formatDateTimeRu } from "../notification/templates";
import { pinnedDocument } from "../regulation/document-cache";
import { CHANNEL_LABEL } from "../regulation/document";

export const receiptRoute = restRoute({
  name: "paper receipt",
  auth: "staff",
  params: z.object({ id: zId }),
  notFound: "Заявление не найдено",
  async handler({ params, db, scope }) {
    const app = await receiptForStaff(db, scope, params.id);
    if (!app) return errorResponse(404, "Заявление не найдено");
    const doc = pinnedDocument(app.regulationVersionId, app.regulationVersion.document);
    const name = (u: { lastName: string; firstName: string; middleName: string | null } | null | undefined) => (u ? [u.lastName, u.firstName, u.middleName].filter(Boolean).join(" ") : "—");
    const data = app.data as Record<string, unknown>;
    const pdf = await renderReceipt({
      authority: doc.passport.authority.name,
      serviceTitle: app.service.title,
      registrationNumber: app.registrationNumber!,
      registeredAt: formatDateTimeRu(app.registeredAt!),
      dueAt: formatDateRu(app.dueAt!),
      applicant: data.applicant_type === "legal" && typeof data.org_name === "string" ? data.org_name : name(app.owner),
      channel: CHANNEL_LABEL[app.channel],
      documents: doc.passport.documents.filter((d) => d.providedBy === "applicant").map((d) => d.title),
      registrar: name(app.events[0]?.actor ?? null),
    });
    return fileResponse(pdf, { contentType: "application/pdf", fileName: `receipt-${app.registrationNumber!}.pdf` });
  },
});
