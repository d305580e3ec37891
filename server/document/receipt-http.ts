// GET /api/applications/:id/receipt — the two-copy receipt of an application accepted by staff.
import { getDb } from "../db/client";
import { loadIdentity } from "../auth/data";
import { staffScope } from "../auth/scope";
import { getSession } from "../auth/session";
import { STAFF_ROLES } from "../auth/session-roles";
import { renderReceipt } from "./receipt";
import { formatDate, formatDateTime } from "../format/dates";
import { pinnedDocument } from "../regulation/document-cache";
import { CHANNEL_LABEL } from "../regulation/document";
import { visibleToStaff } from "../application/visibility";
import { applicantOf } from "../application/applicant";
import { isUuid } from "../ids";
import { personName, type PersonNameParts } from "../people";

export async function handleReceipt(_req: Request, params: { id: string }): Promise<Response> {
  const session = await getSession();
  const db = getDb();
  const identity = session ? await loadIdentity(db, session.user.id) : null;
  if (!identity || !identity.roles.some((r) => STAFF_ROLES.includes(r))) return Response.json({ error: "Недостаточно прав" }, { status: 403 });
  const scope = await staffScope(db, identity);
  if (!isUuid(params.id)) return Response.json({ error: "Заявление не найдено" }, { status: 404 });
  const app = await db.application.findFirst({
    where: visibleToStaff(scope, { id: params.id, registrationNumber: { not: null } }),
    select: {
      registrationNumber: true, registeredAt: true, dueAt: true, channel: true, data: true, regulationVersionId: true, regulationVersion: { select: { document: true } },
      service: { select: { title: true } }, owner: { select: { lastName: true, firstName: true, middleName: true } },
      events: { where: { type: "submitted" }, take: 1, select: { actor: { select: { lastName: true, firstName: true, middleName: true } } } },
    },
  });
  if (!app) return Response.json({ error: "Заявление не найдено" }, { status: 404 });
  const doc = pinnedDocument(app.regulationVersionId, app.regulationVersion.document);
  const name = (u: PersonNameParts | null | undefined) => (u ? personName(u) : "—");
  const pdf = await renderReceipt({
    authority: doc.passport.authority.name,
    serviceTitle: app.service.title,
    registrationNumber: app.registrationNumber!,
    registeredAt: formatDateTime(app.registeredAt!),
    dueAt: formatDate(app.dueAt!),
    applicant: applicantOf(doc, app.data, app.owner).name,
    channel: CHANNEL_LABEL[app.channel],
    documents: doc.passport.documents.filter((d) => d.providedBy === "applicant").map((d) => d.title),
    registrar: name(app.events[0]?.actor ?? null),
  });
  return new Response(new Uint8Array(pdf), { headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="receipt-${encodeURIComponent(app.registrationNumber!)}.pdf"`, "cache-control": "private, no-store" } });
}
