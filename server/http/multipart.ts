// A streaming reader of multipart/form-data bodies (RFC 7578), for the upload routes. `Request.formData()`
// reads the whole body into memory before anything can be checked: a chunked 400 MB upload was held
// whole. This reader pulls the body chunk by chunk, hands a file part on as a stream of chunks (to be
// written to storage as it arrives, server/storage/storage.ts `putStream`), collects small text
// fields, and counts every byte against the route's limit (./body.ts limitedChunks): nothing is held
// beyond one chunk and a boundary's length. Broken framing is a MalformedBodyError (400), never a 500.
// No dependency: Next bundles busboy only as a private, compiled module.
import { limitedChunks, MalformedBodyError, BodyTooLargeError, BODY_LIMITS } from "./body";

const MALFORMED = "Не удалось прочитать отправленную форму: она повреждена или прервана. Отправьте её ещё раз.";
const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");
/** Part headers: a name, a file name, a type; 8 KB is generous. */
const MAX_HEADER_BYTES = 8 * 1024;
/** A form of ours has a file and a text field or two. */
const MAX_PARTS = 10;

export type MultipartPart = {
  name: string;
  /** Present (maybe empty) for a file input's part. */
  fileName: string | null;
  contentType: string | null;
};

/** The boundary of a multipart/form-data Content-Type, or null when it is not one. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType.trim())) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function parseHeaders(block: Buffer): MultipartPart {
  const lines = block.toString("utf8").split("\r\n");
  let disposition: string | null = null;
  let contentType: string | null = null;
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon <= 0) throw new MalformedBodyError(MALFORMED);
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === "content-disposition") disposition = value;
    else if (key === "content-type") contentType = value;
  }
  if (!disposition || !/^form-data\b/i.test(disposition)) throw new MalformedBodyError(MALFORMED);
  const param = (name: string) => {
    // Browsers send the name as UTF-8 inside quotes, with `"` as %22 and CR/LF as %0D/%0A.
    const m = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, "i").exec(disposition!);
    if (m) return m[1]!.replace(/\\(.)/g, "$1").replace(/%22/g, '"').replace(/%0D/gi, "\r").replace(/%0A/gi, "\n");
    const bare = new RegExp(`;\\s*${name}=([^;\\s]+)`, "i").exec(disposition!);
    return bare ? bare[1]! : null;
  };
  const name = param("name");
  if (name === null) throw new MalformedBodyError(MALFORMED);
  return { name, fileName: param("filename"), contentType };
}

/**
 * Reads a multipart body part by part. `next()` gives the next part's headers; its content is read
 * with `chunks()` (a stream) or `text()`; whatever a caller leaves unread is skipped (and counted) by
 * the next `next()`.
 */
export class MultipartReader {
  private readonly source: AsyncGenerator<Uint8Array>;
  private buffer: Buffer = Buffer.alloc(0);
  private ended = false;
  /** "\r\n--boundary": what ends every part's content. */
  private readonly delimiter: Buffer;
  private state: "start" | "headers" | "content" | "done" = "start";
  private parts = 0;

  constructor(req: Request, limitBytes: number, tooLargeMessage?: string) {
    const boundary = multipartBoundary(req.headers.get("content-type"));
    if (!boundary)
      throw new MalformedBodyError("Ожидалась форма с файлом (multipart/form-data): отправьте форму ещё раз.");
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
    this.source = limitedChunks(req.body, limitBytes, tooLargeMessage);
  }

  private async pull(): Promise<boolean> {
    if (this.ended) return false;
    const { done, value } = await this.source.next();
    if (done) {
      this.ended = true;
      return false;
    }
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, value]) : Buffer.from(value);
    return true;
  }

  /** Stops reading the body (an early refusal): the rest of it is never read. */
  async close(): Promise<void> {
    this.state = "done";
    await this.source.return(undefined);
  }

  /** The next part, or null after the closing boundary. */
  async next(): Promise<MultipartPart | null> {
    if (this.state === "content") for await (const chunk of this.chunks()) void chunk; // skip what was left
    if (this.state === "done") return null;
    if (this.state === "start") {
      // The first boundary has no CRLF before it (any preamble is ignored).
      const first = this.delimiter.subarray(2);
      for (;;) {
        const at = this.buffer.indexOf(first);
        if (at >= 0) {
          this.buffer = this.buffer.subarray(at + first.length);
          break;
        }
        if (this.buffer.length > MAX_HEADER_BYTES || !(await this.pull())) throw new MalformedBodyError(MALFORMED);
      }
      this.state = "headers";
    }
    // After a boundary: "--" closes the body, CRLF opens a part.
    while (this.buffer.length < 2) if (!(await this.pull())) throw new MalformedBodyError(MALFORMED);
    if (this.buffer[0] === 0x2d && this.buffer[1] === 0x2d) {
      await this.close();
      return null;
    }
    if (!this.buffer.subarray(0, 2).equals(CRLF)) throw new MalformedBodyError(MALFORMED);
    if (++this.parts > MAX_PARTS) throw new MalformedBodyError(MALFORMED);
    this.buffer = this.buffer.subarray(2);
    for (;;) {
      const at = this.buffer.indexOf(HEADER_END);
      if (at >= 0) {
        const part = parseHeaders(this.buffer.subarray(0, at));
        this.buffer = this.buffer.subarray(at + HEADER_END.length);
        this.state = "content";
        return part;
      }
      if (this.buffer.length > MAX_HEADER_BYTES || !(await this.pull())) throw new MalformedBodyError(MALFORMED);
    }
  }

  /** The current part's content as it arrives: never more than a chunk and a boundary held. */
  async *chunks(): AsyncGenerator<Uint8Array> {
    if (this.state !== "content") return;
    for (;;) {
      const at = this.buffer.indexOf(this.delimiter);
      if (at >= 0) {
        const last = this.buffer.subarray(0, at);
        this.buffer = this.buffer.subarray(at + this.delimiter.length);
        this.state = "headers";
        if (last.length) yield last;
        return;
      }
      // All but a possible beginning of the delimiter can go on.
      const safe = this.buffer.length - (this.delimiter.length - 1);
      if (safe > 0) {
        const out = this.buffer.subarray(0, safe);
        this.buffer = Buffer.from(this.buffer.subarray(safe)); // a copy: the chunk can be let go
        yield out;
      }
      if (!(await this.pull())) throw new MalformedBodyError(MALFORMED);
    }
  }

  /** The current part as text, at most `maxBytes` of UTF-8 (a text field). */
  async text(maxBytes: number = BODY_LIMITS.multipartField): Promise<string> {
    const parts: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of this.chunks()) {
      total += chunk.byteLength;
      if (total > maxBytes) throw new BodyTooLargeError(maxBytes);
      parts.push(chunk);
    }
    return Buffer.concat(parts).toString("utf8");
  }
}
