// GET /api/results/:id — the result document as PDF, visible like the application: to its applicant
// once issued (R20), to staff of its department at any time (server/document/data.ts).
import { z } from "zod";
import { recordDownload } from "../audit/mutations";
import { viewerOf } from "../api/access";
import { errorResponse, fileResponse, restRoute } from "../api/rest";
import { zId } from "../ids";
import { resultForDownload } from "./data";

export const resultDownloadRoute = restRoute({
  name: "result download",
  auth: "user",
  params: z.object({ id: zId() }),
  notFound: "Документ не найден",
  async handler({ req, params, db, storage, identity }) {
    const doc = await resultForDownload(db, await viewerOf(db, identity), params.id);
    if (!doc) return errorResponse(404, "Документ не найден");
    // `?copy=signed`: the exact file that was signed, where the issued copy was made from it at
    // registration (it bears the number and the signature stamp); for checking the signature.
    const signed = new URL(req.url).searchParams.get("copy") === "signed";
    if (signed && !doc.signedStorageKey) return errorResponse(404, "Документ ещё не подписан");
    const pdf = await storage.get(signed ? doc.signedStorageKey! : doc.storageKey);
    await recordDownload(db, { application: doc.application, actorId: identity.id, kind: "result", objectId: doc.id });
    return fileResponse(pdf, {
      contentType: "application/pdf",
      fileName: `${doc.outgoingNumber ?? "rezultat"}${signed ? "-podpisannyj" : ""}.pdf`,
    });
  },
});
