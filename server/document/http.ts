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
    // `?copy=signed`: the exact file that was signed (the issued copy bearing the number and the
    // stamp of the signature was made from it); `?copy=sig`: its detached GOST signature (issue 15),
    // which checks against that file only.
    const copy = new URL(req.url).searchParams.get("copy");
    const signed = copy === "signed";
    if ((signed || copy === "sig") && !doc.signedStorageKey) return errorResponse(404, "Документ ещё не подписан");
    const base = `${doc.outgoingNumber ?? "rezultat"}-podpisannyj.pdf`;
    if (copy === "sig") {
      if (!doc.signature) return errorResponse(404, "У документа нет файла электронной подписи");
      await recordDownload(db, {
        application: doc.application,
        actorId: identity.id,
        kind: "result",
        objectId: doc.id,
      });
      return fileResponse(Buffer.from(doc.signature), {
        contentType: "application/pkcs7-signature",
        fileName: `${base}.sig`,
      });
    }
    const pdf = await storage.get(signed ? doc.signedStorageKey! : doc.storageKey);
    await recordDownload(db, { application: doc.application, actorId: identity.id, kind: "result", objectId: doc.id });
    return fileResponse(pdf, {
      contentType: "application/pdf",
      fileName: signed ? base : `${doc.outgoingNumber ?? "rezultat"}.pdf`,
    });
  },
});
