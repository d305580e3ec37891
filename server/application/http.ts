// GET /api/applications/:id/pdf — the applicant's copy of the filled form as a PDF (R15), with the
// registration and the signature hash once submitted.
import { getDb, type Db } from "../db/client";
import { loadIdentity } from "../auth/data";
import { getSession } from "../auth/session";
import { renderPdf, type PdfBlock } from "../document/pdf";
import { formatDate } from "../format/dates";
import { answerSections } from "./answers";
import { applicationForOwner } from "./data";
import { isUuid } from "../ids";

export async function handleApplicationPdf(_req: Request, params: { id: string }): Promise<Response> {
  const session = await getSession();
  return applicationPdfResponse(getDb(), session?.user.id ?? null, params.id);
}

/**
 * The answer for the user a session names. The account is read again, like every other route does
 * (loadIdentity): a session token outlives a deactivation, and a deactivated user gets nothing.
 */
export async function applicationPdfResponse(db: Db, sessionUserId: string | null, id: string): Promise<Response> {
  const identity = sessionUserId ? await loadIdentity(db, sessionUserId) : null;
  if (!identity) return Response.json({ error: "Войдите в систему" }, { status: 401 });
  if (!isUuid(id)) return Response.json({ error: "Заявление не найдено" }, { status: 404 });
  const app = await applicationForOwner(db, identity.id, id);
  if (!app) return Response.json({ error: "Заявление не найдено" }, { status: 404 });
  const pdf = await applicationCopyPdf(app);
  const name = `zayavlenie-${app.registrationNumber ?? "chernovik"}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${name}"`, "cache-control": "private, no-store" },
  });
}

/** What the copy prints: the applicant's view of the application (data.ts applicationForOwner). */
export type ApplicationCopy = Pick<
  NonNullable<Awaited<ReturnType<typeof applicationForOwner>>>,
  "steps" | "values" | "service" | "registrationNumber" | "registeredAt" | "dueAt" | "coApplicants" | "contentHash"
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
    ...(app.contentHash ? [{ kind: "paragraph" as const, text: `Подписано простой электронной подписью. SHA-256 содержимого: ${app.contentHash}`, size: 8 }] : []),
  ];
  return renderPdf({ title: `Заявление ${app.registrationNumber ?? ""}`.trim() }, blocks);
}
