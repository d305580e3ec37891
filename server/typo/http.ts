// GET /api/typos/:id/letter — the no-error letter (S2 p.72) as PDF, to the applicant and to the staff
// of the application's department; anyone else gets "not found".
import { z } from "zod";
import { errorResponse, fileResponse, restRoute } from "../api/rest";
import { viewerOf } from "../api/access";
import { zId } from "../ids";
import { typoLetterFor } from "./data";

export const typoLetterRoute = restRoute({
  name: "typo letter",
  auth: "user",
  params: z.object({ id: zId() }),
  notFound: "Письмо не найдено",
  async handler({ db, storage, identity, params }) {
    const r = await typoLetterFor(db, await viewerOf(db, identity), params.id);
    if (!r?.letterStorageKey) return errorResponse(404, "Письмо не найдено");
    return fileResponse(await storage.get(r.letterStorageKey), {
      contentType: "application/pdf",
      fileName: `Ответ-${r.number}.pdf`,
    });
  },
});
