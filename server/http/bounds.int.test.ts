// Bounded requests over the real route handlers (issue 9, items 4 and 5), on real PostgreSQL and a
// real disk: a declared body over the limit is refused before a byte is read; a chunked body is cut
// off at the limit and the rest never pulled; an upload past its limit leaves neither a file nor a
// row; broken multipart is 400; a write from another site is 403; the quotas say how much is left.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { seedDemo } from "../../prisma/seed/demo";
import { LocalFileStorage } from "../storage/storage";
import { startDraft } from "../application/mutations";
import { ACCOUNT_QUOTA_BYTES, DRAFT_QUOTA_BYTES } from "../attachment/mutations";
import { removeRoute, uploadRoute } from "../attachment/http";
import { BODY_LIMITS } from "./body";
import { POST as trpcPost } from "../../app/api/trpc/[trpc]/route";
import { POST as authPost } from "../../app/api/auth/[...nextauth]/route";
import { NextRequest } from "next/server";
import { env } from "../env";

let t: TestDatabase;
let storageRoot: string;
let storage: LocalFileStorage;
let owner = "";
const MB = 1024 * 1024;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  storageRoot = mkdtempSync(path.join(tmpdir(), "reglament-bounds-"));
  storage = new LocalFileStorage(storageRoot);
  owner = (await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } })).id;
});
afterAll(async () => {
  await t.drop();
  rmSync(storageRoot, { recursive: true, force: true });
});

/** Every file under the storage folder, temporary ones included. */
const storedFiles = () => readdirSync(storageRoot, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

/** Empties the storage folder after a test that stored files on purpose. */
const emptyStorage = () => {
  rmSync(storageRoot, { recursive: true, force: true });
  mkdirSync(storageRoot);
};

const pdfHead = Buffer.from("%PDF-1.7\n%тест\n");

/**
 * A chunked multipart upload of a "PDF" of `fileBytes`, produced lazily in 1 MB chunks; `pulled`
 * counts the chunks the server asked for.
 */
function chunkedUpload(fileBytes: number, headers: Record<string, string> = {}) {
  const boundary = "----reglament-test";
  const parts: (() => Uint8Array)[] = [
    () =>
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="скан.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
    () => pdfHead,
  ];
  for (let left = fileBytes - pdfHead.length; left > 0; left -= MB)
    parts.push(() => new Uint8Array(Math.min(MB, left)));
  parts.push(() => Buffer.from(`\r\n--${boundary}--\r\n`));
  const counter = { pulled: 0, total: parts.length };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = parts[counter.pulled++];
      if (next) controller.enqueue(next());
      else controller.close();
    },
  });
  const request = (url: string) =>
    new Request(url, {
      method: "POST",
      body,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, ...headers },
      duplex: "half",
    } as RequestInit);
  return { counter, request };
}

const upload = (req: Request, id: string, as = owner) =>
  uploadRoute.run(req, { id }, { db: t.db, storage, sessionUserId: as });
const url = (id: string, field = "attachments") => `http://localhost/api/applications/${id}/files?field=${field}`;

describe("uploads stream to storage within their limits", () => {
  it("refuses a declared oversized body before reading a byte of it", async () => {
    const { id } = await startDraft(t.db, { ownerId: owner, serviceCode: "archive-info" });
    const { counter, request } = chunkedUpload(400 * MB, { "content-length": String(400 * MB) });
    const res = await upload(request(url(id)), id);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/^Запрос слишком большой: допускается не больше \d+(,\d)? МБ\.$/);
    expect(counter.pulled).toBeLessThanOrEqual(1); // a stream may pull once ahead on its own; nothing was read
  });

  it("cuts a chunked 400 MB upload off at the field's limit, leaving no file and no row", async () => {
    const { id } = await startDraft(t.db, { ownerId: owner, serviceCode: "archive-info" });
    const { counter, request } = chunkedUpload(400 * MB);
    const res = await upload(request(url(id)), id);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/Файл «скан\.pdf» больше 10 МБ, а допускается не больше 10 МБ/);
    // 10 MB in 1 MB chunks: the field's limit and a chunk or two, not the 400 offered.
    expect(counter.pulled).toBeLessThan(15);
    expect(counter.total).toBeGreaterThan(400);
    expect(storedFiles()).toEqual([]);
    expect(await t.db.attachment.count({ where: { applicationId: id } })).toBe(0);
  });

  it("stores a chunked upload within the limit", async () => {
    const { id } = await startDraft(t.db, { ownerId: owner, serviceCode: "archive-info" });
    const { request } = chunkedUpload(3 * MB);
    const res = await upload(request(url(id)), id);
    expect(res.status).toBe(201);
    const ref = (await res.json()) as { id: string; size: number; mimeType: string };
    expect(ref).toMatchObject({ size: 3 * MB, mimeType: "application/pdf" });
    const row = await t.db.attachment.findUniqueOrThrow({ where: { id: ref.id } });
    expect((await storage.get(row.storageKey)).length).toBe(3 * MB);
    // Removing it leaves the folder as it was.
    const removed = await removeRoute.run(
      new Request(url(id), { method: "DELETE" }),
      { id, fileId: ref.id },
      { db: t.db, storage, sessionUserId: owner },
    );
    expect(removed.status).toBe(204);
    expect(storedFiles()).toEqual([]);
  });

  it("answers broken multipart bodies and malformed ids with 400 and 404, never 500", async () => {
    const { id } = await startDraft(t.db, { ownerId: owner, serviceCode: "archive-info" });
    const post = (body: BodyInit, type: string, appId = id) =>
      upload(new Request(url(appId), { method: "POST", body, headers: { "content-type": type } }), appId);
    const cases: [BodyInit, string, number][] = [
      ["not a form", "multipart/form-data; boundary=x", 400],
      [
        '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-cut',
        "multipart/form-data; boundary=x",
        400,
      ],
      ["--x\r\nno headers at all\r\n\r\nx\r\n--x--", "multipart/form-data; boundary=x", 400],
      ['{"file": "%PDF-"}', "application/json", 400],
      ["--x--\r\n", "multipart/form-data; boundary=x", 400], // no file at all
      [
        '--x\r\nContent-Disposition: form-data; name="file"; filename=""\r\n\r\n\r\n--x--',
        "multipart/form-data; boundary=x",
        400,
      ],
    ];
    for (const [body, type, expected] of cases) {
      const res = await post(body, type);
      expect(res.status, String(body)).toBe(expected);
      expect((await res.json()).error).toMatch(/[А-Яа-я]/);
    }
    for (const bad of ["../../etc/passwd", "1 OR 1=1", "00000000-0000-0000-0000-00000000000g", ""]) {
      const res = await post(new FormData(), "multipart/form-data; boundary=x", bad);
      expect(res.status).toBe(404);
    }
    expect(storedFiles()).toEqual([]);
  });
});

describe("storage quotas (issue 9)", () => {
  /** A row weighing `size` without content: what the quota counts. */
  const weigh = (applicationId: string, size: number) =>
    t.db.attachment.create({
      data: {
        applicationId,
        fieldKey: "attachments",
        fileName: "большой.pdf",
        mimeType: "application/pdf",
        size,
        sha256: "x",
        storageKey: `quota/${applicationId}`,
        uploadedById: owner,
      },
    });

  it("refuses a file the draft's quota cannot hold and says how much is left", async () => {
    const { id } = await startDraft(t.db, { ownerId: owner, serviceCode: "archive-info" });
    await weigh(id, DRAFT_QUOTA_BYTES - MB / 2);
    const { counter, request } = chunkedUpload(2 * MB);
    const res = await upload(request(url(id)), id);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe(
      "Файл не помещается: у черновика осталось 512 КБ места для файлов из 100 МБ. Удалите ненужные файлы этого заявления.",
    );
    expect(counter.pulled).toBeLessThan(counter.total);
    expect(storedFiles()).toEqual([]);
    await t.db.attachment.deleteMany({ where: { applicationId: id } });
  });

  it("counts the files of all the account's drafts, not of submitted applications", async () => {
    const drafts = [];
    for (let i = 0; i < 3; i++)
      drafts.push((await startDraft(t.db, { ownerId: owner, serviceCode: "archive-info" })).id);
    // Three drafts nearly full: 3 × 99 MB passes the account's 300 MB in all but 3 MB.
    for (const id of drafts) await weigh(id, 99 * MB);
    const fresh = (await startDraft(t.db, { ownerId: owner, serviceCode: "archive-info" })).id;
    const res = await upload(chunkedUpload(4 * MB).request(url(fresh)), fresh);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe(
      `Файл не помещается: у ваших черновиков осталось 3 МБ места для файлов из ${ACCOUNT_QUOTA_BYTES / MB} МБ. Удалите ненужные файлы или черновики.`,
    );
    // A submitted application's files are the record: they do not count.
    await t.db.application.update({ where: { id: drafts[0]! }, data: { status: "SUBMITTED" } });
    expect((await upload(chunkedUpload(4 * MB).request(url(fresh)), fresh)).status).toBe(201);
    await t.db.attachment.deleteMany({ where: { applicationId: { in: [...drafts, fresh] } } });
    emptyStorage();
  });
});

describe("the Origin of writes (issue 9, item 5)", () => {
  it("refuses an upload sent from another site's page, and takes the app's own", async () => {
    const { id } = await startDraft(t.db, { ownerId: owner, serviceCode: "archive-info" });
    for (const origin of ["https://evil.example", "null", "http://localhost.evil.example"]) {
      const res = await upload(chunkedUpload(MB, { origin }).request(url(id)), id);
      expect(res.status, origin).toBe(403);
      expect((await res.json()).error).toMatch(/отправлен не со страницы «Регламента»/);
    }
    const crossSite = await upload(chunkedUpload(MB, { "sec-fetch-site": "cross-site" }).request(url(id)), id);
    expect(crossSite.status).toBe(403);
    expect(storedFiles()).toEqual([]);
    const own = await upload(chunkedUpload(MB, { origin: new URL(env().appUrl).origin }).request(url(id)), id);
    expect(own.status).toBe(201);
    const sameHost = await upload(
      chunkedUpload(MB, { origin: "https://portal.example.ru", host: "portal.example.ru" }).request(url(id)),
      id,
    );
    expect(sameHost.status).toBe(201);
    emptyStorage();
  });
});

describe("tRPC and next-auth bodies are bounded", () => {
  /** A chunked JSON body of `bytes`, produced lazily in 1 MB chunks. */
  function chunkedJson(bytes: number) {
    const counter = { pulled: 0 };
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (counter.pulled++ * MB >= bytes) return controller.close();
        controller.enqueue(new Uint8Array(MB).fill(0x20));
      },
    });
    return { counter, body };
  }
  const trpc = (init: ConstructorParameters<typeof NextRequest>[1]) =>
    trpcPost(new NextRequest("http://localhost/api/trpc/application.saveDraft", init), {});

  it("answers 413 to a declared 50 MB body and to a chunked one, reading no more than the limit", async () => {
    const declared = await trpc({
      method: "POST",
      body: chunkedJson(50 * MB).body,
      headers: { "content-type": "application/json", "content-length": String(50 * MB) },
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: "Запрос слишком большой: допускается не больше 4 МБ." });

    const { counter, body } = chunkedJson(50 * MB);
    const chunked = await trpc({
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    expect(chunked.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(BODY_LIMITS.trpc / MB + 2);
  });

  it("refuses a tRPC mutation from another site's page", async () => {
    const res = await trpc({
      method: "POST",
      body: JSON.stringify({ json: { serviceCode: "archive-info" } }),
      headers: { "content-type": "application/json", origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
  });

  it("answers 413 to a sign-in post over 64 KB", async () => {
    const { counter, body } = chunkedJson(10 * MB);
    const res = await authPost(
      new NextRequest("http://localhost/api/auth/callback/credentials", {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        duplex: "half",
      } as ConstructorParameters<typeof NextRequest>[1]),
      { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: "Запрос слишком большой: допускается не больше 64 КБ." });
    expect(counter.pulled).toBeLessThanOrEqual(2);
  });
});
