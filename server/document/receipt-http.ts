// GET /api/applications/:id/receipt — the two-copy receipt of an application accepted by staff.
import { z } from "zod";
import { recordDownload } from "../audit/mutations";
import { errorResponse, fileResponse, restRoute } from "../api/rest";
import { zId } from "../ids";
import { renderReceipt, type ReceiptDocument } from "./receipt";
import { zReceivedDocument } from "../intake/schema";
import { formatDate, formatDateTime } from "../format/dates";
import { withProvisional } from "../calendar/provisional";
import { receiptForStaff } from "./data";
import { pinnedDocument } from "../regulation/document-cache";
import { CHANNEL_LABEL } from "../regulation/document";
import { applicantOf } from "../application/applicant";
import { personName, type PersonNameParts } from "../people";

/** The received documents recorded at intake; none for an application entered before they were. */
function receivedOf(payload: unknown): ReceiptDocument[] {
  const parsed = z.object({ documents: z.array(zReceivedDocument) }).safeParse(payload);
  return parsed.success ? parsed.data.documents : [];
}

export const receiptRoute = restRoute({
  name: "paper receipt",
  auth: "staff",
  params: z.object({ id: zId() }),
  notFound: "Заявление не найдено",
  async handler({ params, db, scope }) {
    const app = await receiptForStaff(db, scope, params.id);
    if (!app) return errorResponse(404, "Заявление не найдено");
    const doc = pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode);
    const name = (u: PersonNameParts | null | undefined) => (u ? personName(u) : "—");
    const pdf = await renderReceipt({
      authority: doc.passport.authority.name,
      serviceTitle: app.service.title,
      registrationNumber: app.registrationNumber!,
      registeredAt: formatDateTime(app.registeredAt!),
      dueAt: withProvisional(formatDate(app.dueAt!), app.dueProvisional),
      applicant: applicantOf(doc, app.data, app.owner).name,
      channel: CHANNEL_LABEL[app.channel],
      // Issue 16 p.12: the documents the registrar marked as received, never the regulation's whole list.
      documents: receivedOf(app.events[0]?.payload),
      registrar: name(app.events[0]?.actor ?? null),
    });
    await recordDownload(db, { application: app, actorId: scope.userId, kind: "receipt", objectId: app.id });
    return fileResponse(pdf, { contentType: "application/pdf", fileName: `receipt-${app.registrationNumber!}.pdf` });
  },
});
