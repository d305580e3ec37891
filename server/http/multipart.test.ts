// The streaming multipart reader (server/http/multipart.ts) against bodies the platform itself
// encodes (undici's FormData, what browsers send), cut into chunks at every size from one byte up:
// a boundary split across chunks is still found, and content is never cut or padded.
import { describe, expect, it } from "vitest";
import { MultipartReader, multipartBoundary } from "./multipart";
import { BodyTooLargeError, MalformedBodyError } from "./body";

async function encoded(form: FormData): Promise<{ bytes: Uint8Array; type: string }> {
  const res = new Response(form);
  return { bytes: new Uint8Array(await res.arrayBuffer()), type: res.headers.get("content-type")! };
}

function requestOf(bytes: Uint8Array, type: string, chunk: number): Request {
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
  return new Request("http://localhost/x", {
    method: "POST",
    body,
    headers: { "content-type": type },
    duplex: "half",
  } as RequestInit);
}

async function readAll(req: Request, limit = 10 * 1024 * 1024) {
  const reader = new MultipartReader(req, limit);
  const parts: { name: string; fileName: string | null; content: Buffer }[] = [];
  for (let part = await reader.next(); part; part = await reader.next()) {
    const chunks: Uint8Array[] = [];
    for await (const c of reader.chunks()) chunks.push(c);
    parts.push({ name: part.name, fileName: part.fileName, content: Buffer.concat(chunks) });
  }
  return parts;
}

describe("MultipartReader", () => {
  it("reads text fields and files whatever the chunk size", async () => {
    const file = new Uint8Array(5000).map((_, i) => (i * 31) % 256);
    // Content that looks like a boundary's beginning must not confuse the reader.
    file.set(Buffer.from("\r\n--\r\n-"), 100);
    const form = new FormData();
    form.append("answerText", "Ответ ведомства: документы в архиве");
    form.append("file", new File([file], "скан «ответа».pdf", { type: "application/pdf" }));
    const { bytes, type } = await encoded(form);
    for (const chunk of [1, 2, 7, 64, 1000, bytes.length]) {
      const parts = await readAll(requestOf(bytes, type, chunk));
      expect(parts.map((p) => [p.name, p.fileName])).toEqual([
        ["answerText", null],
        ["file", "скан «ответа».pdf"],
      ]);
      expect(parts[0]!.content.toString("utf8")).toBe("Ответ ведомства: документы в архиве");
      expect(Buffer.compare(parts[1]!.content, Buffer.from(file))).toBe(0);
    }
  });

  it("skips a part its caller did not read", async () => {
    const form = new FormData();
    form.append("ignored", new File([new Uint8Array(3000)], "a.bin"));
    form.append("file", new File([Buffer.from("%PDF-1.7")], "b.pdf"));
    const { bytes, type } = await encoded(form);
    const reader = new MultipartReader(requestOf(bytes, type, 100), 1024 * 1024);
    expect((await reader.next())!.name).toBe("ignored");
    expect((await reader.next())!.name).toBe("file");
    expect(await reader.text()).toBe("%PDF-1.7");
    expect(await reader.next()).toBeNull();
  });

  it("refuses broken bodies as malformed, never with another error", async () => {
    const form = new FormData();
    form.append("file", new File([new Uint8Array(100)], "a.pdf"));
    const { bytes, type } = await encoded(form);
    const cases: [Uint8Array, string][] = [
      [bytes.slice(0, bytes.length - 30), type], // cut off before the closing boundary
      [Buffer.from("no boundary anywhere"), type],
      [
        Buffer.from(
          `--${multipartBoundary(type)}\r\nContent-Type: text/plain\r\n\r\nx\r\n--${multipartBoundary(type)}--`,
        ),
        type,
      ],
      [Buffer.from(`--${multipartBoundary(type)}garbage`), type],
    ];
    for (const [body, contentType] of cases)
      await expect(readAll(requestOf(body, contentType, 13))).rejects.toBeInstanceOf(MalformedBodyError);
    expect(() => new MultipartReader(requestOf(bytes, "application/json", 10), 1000)).toThrow(MalformedBodyError);
    expect(() => new MultipartReader(requestOf(bytes, "multipart/form-data", 10), 1000)).toThrow(MalformedBodyError);
  });

  it("stops at the limit: a body past it is refused, and the rest is never pulled", async () => {
    let pulled = 0;
    const head = Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n');
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(pulled === 1 ? head : new Uint8Array(64 * 1024));
      },
    });
    const req = new Request("http://localhost/x", {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=b" },
      duplex: "half",
    } as RequestInit);
    await expect(readAll(req, 1024 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    // 1 MB in 64 KB chunks: the header chunk, 16 chunks, and the one that passed the limit.
    expect(pulled).toBeLessThanOrEqual(19);
  });
});
