// Every REST file route through the one wrapper (server/api/rest.ts), on real PostgreSQL and a real
// disk: anonymous callers are asked to sign in (401), a wrong role is refused (403), another
// applicant's or another department's object does not exist (404, never 403), a malformed id is 404
// (never 500), and the right caller gets the file with safe download headers.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { routeCaller, type RouteCall } from "../test/rest";
import { LocalFileStorage } from "../storage/storage";
import { loadIdentity } from "../auth/data";
import { staffScope } from "../auth/scope";
import { loadWorkingCalendar } from "../calendar/data";
import { versionInForce } from "../regulation/data";
import { startDraft } from "../application/mutations";
import { registerApplication } from "../workflow/mutations";
import { sendInteragencyRequest } from "../workflow/requests/mutations";
import { uploadAttachment } from "../attachment/mutations";
import { downloadRoute, removeRoute, uploadRoute } from "../attachment/http";
import { resultDownloadRoute } from "../document/http";
import { receiptRoute } from "../document/receipt-http";
import { applicationPdfRoute } from "../application/http";
import { requestAnswerRoute } from "../workflow/requests/http";
import type { RestRoute } from "./rest";
import { answerForm, fileForm, pdfBytes } from "../test/files";

let t: TestDatabase;
let storageRoot: string;
let call: (route: RestRoute, c: RouteCall) => Promise<Response>;
const users = { owner: "", stranger: "", otherStaff: "", executor: "", registrar: "" };
/** The owner's registered archive application, with a file, an issued result and an open request. */
const registered = { id: "", fileId: "", resultId: "", requestId: "" };
const MALFORMED = "1 OR 1=1";
beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  storageRoot = mkdtempSync(path.join(tmpdir(), "reglament-rest-"));
  const storage = new LocalFileStorage(storageRoot);
  call = routeCaller(t.db, storage);
  const idOf = async (email: string) => (await t.db.user.findUniqueOrThrow({ where: { email } })).id;
  users.owner = await idOf("applicant@demo.reglament.ru");
  users.executor = await idOf("executor@demo.reglament.ru");
  users.registrar = await idOf("registrar@demo.reglament.ru");
  users.stranger = (
    await t.db.user.create({
      data: { email: "stranger@example.ru", lastName: "Посторонний", firstName: "Пётр", roles: ["APPLICANT"] },
    })
  ).id;
  // An executor of the MFC only: the archive's applications are not in that scope.
  const mfc = await t.db.department.findUniqueOrThrow({ where: { code: "mfc" } });
  users.otherStaff = (
    await t.db.user.create({
      data: {
        email: "mfc-executor@example.ru",
        lastName: "Чужой",
        firstName: "Отдел",
        roles: [],
        memberships: { create: { departmentId: mfc.id, role: "EXECUTOR" } },
      },
    })
  ).id;

  const calendar = await loadWorkingCalendar(t.db);
  const service = await t.db.service.findUniqueOrThrow({ where: { code: "archive-info" } });
  const version = (await versionInForce(t.db, service.id))!;
  const app = await t.db.application.create({
    data: {
      serviceId: service.id,
      regulationVersionId: version.id,
      departmentId: service.departmentId,
      ownerId: users.owner,
      status: "SUBMITTED",
    },
  });
  await registerApplication(t.db, {
    applicationId: app.id,
    actorId: users.registrar,
    calendar,
    receivedAt: new Date("2026-06-01T05:00:00Z"),
  });
  registered.id = app.id;
  await storage.put(`rest/${app.id}-scan`, pdfBytes());
  registered.fileId = (
    await t.db.attachment.create({
      data: {
        applicationId: app.id,
        fieldKey: "attachments",
        fileName: "трудовая «книжка».pdf",
        mimeType: "application/pdf",
        size: 2048,
        sha256: "x",
        storageKey: `rest/${app.id}-scan`,
      },
    })
  ).id;
  await storage.put(`rest/${app.id}-result`, pdfBytes());
  registered.resultId = (
    await t.db.resultDocument.create({
      data: {
        applicationId: app.id,
        resultType: "info",
        kind: "grant",
        title: "Архивная справка",
        storageKey: `rest/${app.id}-result`,
        sha256: "x",
        outgoingNumber: "АО-2026-00001",
        issuedAt: new Date(),
      },
    })
  ).id;
  const executorScope = await staffScope(t.db, (await loadIdentity(t.db, users.executor))!);
  registered.requestId = (
    await sendInteragencyRequest(t.db, executorScope, {
      applicationId: app.id,
      typeCode: "forward_to_record_holder",
      text: "Просим сообщить о местонахождении документов",
      calendar,
    })
  ).id;
});
afterAll(async () => {
  await t.drop();
  rmSync(storageRoot, { recursive: true, force: true });
});

/** A fresh draft of the owner holding one uploaded file. */
async function draftWithFile() {
  const { id } = await startDraft(t.db, { ownerId: users.owner, serviceCode: "archive-info" });
  const ref = await uploadAttachment(t.db, new LocalFileStorage(storageRoot), {
    userId: users.owner,
    applicationId: id,
    fieldKey: "attachments",
    fileName: "a.pdf",
    content: pdfBytes(),
  });
  return { id, fileId: ref.id };
}

const status = async (response: Promise<Response>) => (await response).status;

describe("REST file routes: who gets what", () => {
  it("GET /api/files/:id", async () => {
    const get = (as: string | null, id = registered.fileId) => call(downloadRoute, { as, params: { id } });
    expect(await status(get(null))).toBe(401);
    expect(await status(get(users.stranger))).toBe(404);
    expect(await status(get(users.otherStaff))).toBe(404);
    expect(await status(get(users.owner, MALFORMED))).toBe(404);
    expect(await status(get(users.owner, "00000000-0000-4000-8000-000000000000"))).toBe(404);
    const ok = await get(users.owner);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(ok.headers.get("cache-control")).toBe("private, no-store");
    // RFC 5987: the Cyrillic name as UTF-8, with an ASCII fallback for old clients; quotes cannot break out.
    const disposition = ok.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe("трудовая «книжка».pdf");
    expect(
      Buffer.from(await ok.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect(await status(get(users.executor))).toBe(200);
  });

  it("POST /api/applications/:id/files", async () => {
    const { id } = await draftWithFile();
    const post = (as: string | null, appId = id) =>
      call(uploadRoute, { as, params: { id: appId }, url: "/?field=attachments", body: fileForm() });
    expect(await status(post(null))).toBe(401);
    expect(await status(post(users.stranger))).toBe(404);
    expect(await status(post(users.otherStaff))).toBe(404);
    expect(await status(post(users.owner, MALFORMED))).toBe(404);
    const ok = await post(users.owner);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ name: "скан паспорта.pdf", mimeType: "application/pdf", size: 2048 });
    // The domain's refusals keep their statuses: an unknown field is the request's fault.
    const wrongField = await call(uploadRoute, {
      as: users.owner,
      params: { id },
      url: "/?field=no_such_field",
      body: fileForm(),
    });
    expect(wrongField.status).toBe(400);
    expect((await wrongField.json()).error).toBeTruthy();
    expect(await t.db.attachment.count({ where: { applicationId: id } })).toBe(2);
  });

  it("DELETE /api/applications/:id/files/:fileId", async () => {
    const { id, fileId } = await draftWithFile();
    const del = (as: string | null, params: Record<string, string> = { id, fileId }) =>
      call(removeRoute, { as, params, method: "DELETE" });
    expect(await status(del(null))).toBe(401);
    expect(await status(del(users.stranger))).toBe(404);
    expect(await status(del(users.otherStaff))).toBe(404);
    expect(await status(del(users.owner, { id, fileId: MALFORMED }))).toBe(404);
    expect(await status(del(users.owner, { id: MALFORMED, fileId }))).toBe(404);
    expect(await t.db.attachment.count({ where: { id: fileId } })).toBe(1);
    expect(await status(del(users.owner))).toBe(204);
    expect(await t.db.attachment.count({ where: { id: fileId } })).toBe(0);
    expect(await status(del(users.owner))).toBe(404);
  });

  it("GET /api/results/:id", async () => {
    const get = (as: string | null, id = registered.resultId, url?: string) =>
      call(resultDownloadRoute, { as, params: { id }, url });
    expect(await status(get(null))).toBe(401);
    expect(await status(get(users.stranger))).toBe(404);
    expect(await status(get(users.otherStaff))).toBe(404);
    expect(await status(get(users.owner, MALFORMED))).toBe(404);
    const ok = await get(users.owner);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("АО-2026-00001.pdf")}`,
    );
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await status(get(users.executor))).toBe(200);
    // Not signed: there is no signed original to give.
    expect(await status(get(users.owner, registered.resultId, "/?copy=signed"))).toBe(404);
  });

  it("GET /api/applications/:id/receipt (staff only)", async () => {
    const get = (as: string | null, id = registered.id) => call(receiptRoute, { as, params: { id } });
    expect(await status(get(null))).toBe(401);
    // The applicant himself: not a staff member.
    expect(await status(get(users.owner))).toBe(403);
    expect(await status(get(users.stranger))).toBe(403);
    expect(await status(get(users.otherStaff))).toBe(404);
    expect(await status(get(users.registrar, MALFORMED))).toBe(404);
    const ok = await get(users.registrar);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(ok.headers.get("cache-control")).toBe("private, no-store");
    expect(
      Buffer.from(await ok.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    // A draft has no registration: there is nothing to give a receipt for.
    expect(await status(get(users.registrar, (await draftWithFile()).id))).toBe(404);
  });

  it("GET /api/applications/:id/pdf", async () => {
    const get = (as: string | null, id = registered.id) => call(applicationPdfRoute, { as, params: { id } });
    expect(await status(get(null))).toBe(401);
    expect(await status(get(users.stranger))).toBe(404);
    expect(await status(get(users.otherStaff))).toBe(404);
    expect(await status(get(users.owner, MALFORMED))).toBe(404);
    const ok = await get(users.owner);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toMatch(
      /^attachment; filename="zayavlenie-.+\.pdf"; filename\*=UTF-8''zayavlenie-/,
    );
  });

  it("POST /api/staff/requests/:requestId/answer (staff only)", async () => {
    const post = (as: string | null, requestId = registered.requestId) =>
      call(requestAnswerRoute, { as, params: { requestId }, body: answerForm() });
    expect(await status(post(null))).toBe(401);
    expect(await status(post(users.owner))).toBe(403);
    expect(await status(post(users.otherStaff))).toBe(404);
    expect(await status(post(users.executor, MALFORMED))).toBe(404);
    // Bounded (issue 9): a chunked 400 MB answer file is cut off at the 10 MB limit, never read whole;
    // a broken body is 400. Neither records anything: the answer below is still the first.
    let pulled = 0;
    const head = Buffer.from(
      '--b\r\nContent-Disposition: form-data; name="answerText"\r\n\r\nОтвет\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7\n',
    );
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled++ > 400) return controller.close();
        controller.enqueue(pulled === 1 ? head : new Uint8Array(1024 * 1024));
      },
    });
    const run = (body: BodyInit) =>
      requestAnswerRoute.run(
        new Request("http://localhost/", {
          method: "POST",
          body,
          headers: { "content-type": "multipart/form-data; boundary=b" },
          duplex: "half",
        } as RequestInit),
        { requestId: registered.requestId },
        { db: t.db, storage: new LocalFileStorage(storageRoot), sessionUserId: users.executor },
      );
    const tooBig = await run(huge);
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error).toBe("Файл слишком большой: допускается не больше 10 МБ");
    expect(pulled).toBeLessThan(15);
    expect((await run("--b\r\nбез заголовков")).status).toBe(400);
    expect(await status(post(users.executor))).toBe(201);
    const again = await post(users.executor);
    expect(again.status).toBe(412);
    expect((await again.json()).error).toMatch(/уже внесён/);
  });

  it("treats a deactivated account as anonymous on every route", async () => {
    await t.db.user.update({ where: { id: users.registrar }, data: { isActive: false } });
    try {
      expect(await status(call(receiptRoute, { as: users.registrar, params: { id: registered.id } }))).toBe(401);
      expect(await status(call(downloadRoute, { as: users.registrar, params: { id: registered.fileId } }))).toBe(401);
    } finally {
      await t.db.user.update({ where: { id: users.registrar }, data: { isActive: true } });
    }
  });

  it("logs an unexpected failure and answers a Russian 500, not the library's text", async () => {
    const row = await t.db.attachment.create({
      data: {
        applicationId: registered.id,
        fieldKey: "attachments",
        fileName: "lost.pdf",
        mimeType: "application/pdf",
        size: 1,
        sha256: "x",
        storageKey: "rest/never-stored",
      },
    });
    const logged = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const response = await call(downloadRoute, { as: users.owner, params: { id: row.id } });
      expect(response.status).toBe(500);
      const body = await response.json();
      expect(body.error).toMatch(/^Внутренняя ошибка сервера/);
      expect(JSON.stringify(body)).not.toMatch(/ENOENT|never-stored/);
      // The log has it, as one JSON line with the request's id (server/observability/log.ts).
      const line = logged.mock.calls.map((c) => String(c[0])).find((l) => l.includes("rest route failed"));
      expect(JSON.parse(line!)).toMatchObject({
        level: "error",
        route: "attachment download",
        requestId: expect.any(String),
        error: { message: expect.stringContaining("ENOENT") },
      });
    } finally {
      logged.mockRestore();
    }
  });
});
