// GET /api/admin/editions/[id]/export — an edition of a regulation as its transfer file (issue 10
// p.6), to be imported in another installation. The administrator alone (restRoute auth "admin":
// the role is re-read from the database). Any edition may be exported: a draft too (its file has no
// effective date), so a draft prepared on a test installation moves to production.
import { z } from "zod";
import { restRoute } from "../../api/rest";
import { zId } from "../../ids";
import { transferFileName, transferText } from "../transfer";
import { editionTransferFile } from "./data";

export const editionExportRoute = restRoute({
  name: "edition export",
  auth: "admin",
  params: z.object({ id: zId() }),
  notFound: "Редакция регламента не найдена",
  async handler({ db, params }) {
    const file = await editionTransferFile(db, params.id);
    const content = new TextEncoder().encode(transferText(file));
    const name = transferFileName(file.service.code, file.edition.version);
    return new Response(content, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-length": String(content.length),
        "content-disposition": `attachment; filename="${name}"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  },
});
