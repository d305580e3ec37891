// GET /api/results/:id — the result document as PDF, authorized like the application.
import { getDb } from "../db/client";
import { loadIdentity } from "../auth/data";
import { staffScope } from "../auth/scope";
import { getSession } from "../auth/session";
import { STAFF_ROLES } from "../auth/session-roles";
import { fileStorage } from "../storage/storage";
import { resultForDownload } from "./data";

export async function handleResultDownload(req: Request, params: { id: string }): Promise<Response> {
  const session = await getSession();
  const db = getDb();
  const identity = session ? await loadIdentity(db, session.user.id) : null;
  if (!identity) return Response.json({ error: "Войдите в систему" }, { status: 401 });
  const departmentIds = identity.roles.some((r) => STAFF_ROLES.includes(r)) ? (await staffScope(db, identity)).departmentIds : [];
  const doc = await resultForDownload(db, { userId: identity.id, departmentIds }, params.id);
  if (!doc) return Response.json({ error: "Документ не найден" }, { status: 404 });
  // `?copy=signed`: the exact file that was signed, where the issued copy was made from it at
  // registration (it bears the number and the signature stamp); for checking the signature.
  const signed = new URL(req.url).searchParams.get("copy") === "signed";
  if (signed && !doc.signedStorageKey) return Response.json({ error: "Документ ещё не подписан" }, { status: 404 });
  const pdf = await fileStorage().get(signed ? doc.signedStorageKey! : doc.storageKey);
  const name = `${doc.outgoingNumber ?? "rezultat"}${signed ? "-podpisannyj" : ""}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${encodeURIComponent(name)}"`, "x-content-type-options": "nosniff", "cache-control": "private, no-store" },
  });
}
