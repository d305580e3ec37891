// A session token outlives a deactivation (JWT sessions, 8 hours): every route reads the account
// again. The applicant's PDF copy of an application (GET /api/applications/:id/pdf) is one of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { applicationPdfRoute } from "../application/http";
import { routeCaller } from "../test/rest";
import { startDraft } from "../application/mutations";

let t: TestDatabase;
/** GET /api/applications/:id/pdf with a session naming `as`. */
const pdfFor = (as: string | null, id: string) => routeCaller(t.db)(applicationPdfRoute, { as, params: { id } });
beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
});
afterAll(() => t.drop());

describe("the PDF copy of an application", () => {
  it("is given to its active owner only: not to a deactivated one whose session is still alive", async () => {
    const owner = await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } });
    const { id } = await startDraft(t.db, { ownerId: owner.id, serviceCode: "archive-info" });

    const ok = await pdfFor(owner.id, id);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await ok.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    await t.db.user.update({ where: { id: owner.id }, data: { isActive: false } });
    const deactivated = await pdfFor(owner.id, id);
    expect(deactivated.status).toBe(401);
    expect(deactivated.headers.get("content-type")).not.toContain("pdf");

    await t.db.user.update({ where: { id: owner.id }, data: { isActive: true } });
    expect((await pdfFor(owner.id, id)).status).toBe(200);
    // No session, an unknown account, or somebody else's application.
    expect((await pdfFor(null, id)).status).toBe(401);
    expect((await pdfFor("00000000-0000-4000-8000-000000000000", id)).status).toBe(401);
    const other = await t.db.user.findUniqueOrThrow({ where: { email: "registrar@demo.reglament.ru" } });
    expect((await pdfFor(other.id, id)).status).toBe(404);
  });
});
