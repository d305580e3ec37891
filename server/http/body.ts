// Bounded request bodies (issue 9, item 4). A security review grew the server by 750 MB with one
// anonymous 300 MB request: every route read whatever it was sent. Here every body has a limit:
//
// - a declared Content-Length over the limit is answered 413 before a byte of the body is read;
// - a body without one (chunked) is read chunk by chunk and given up — the stream cancelled — as soon
//   as the limit is passed, so at most the limit and one chunk are ever held;
// - file uploads are not read here at all: they stream to storage through ./multipart.ts with the
//   same counting (server/attachment/http.ts).
//
// Plain TypeScript (no Next): the domain's upload code counts with it too. The route wrappers and the
// answers (the house JSON `{ error }` of server/api/rest.ts, in Russian) are in ./route-limit.ts.

const KB = 1024;
const MB = 1024 * 1024;

/**
 * The limits, by what a route receives. A draft is the largest JSON the app takes: `DRAFT_LIMITS`
 * (server/regulation/form-schema.ts) allows long texts, and a regulation document is edited whole;
 * 4 MB holds either many times over. Sign-in, registration forms and CSRF posts are a few hundred bytes.
 */
export const BODY_LIMITS = {
  /** tRPC (app/api/trpc): drafts, regulation documents, every other JSON input. */
  trpc: 4 * MB,
  /** next-auth (app/api/auth): sign-in, sign-out, CSRF. */
  auth: 64 * KB,
  /** Routes that take no body (downloads, removal): anything bigger is not a request of ours. */
  none: 64 * KB,
  /** Text fields of a multipart form (an inter-agency answer's text). */
  multipartField: 256 * KB,
  /** A multipart form's framing around its file: part headers, boundaries, small fields. */
  multipartOverhead: 512 * KB,
} as const;

/** The body passed its limit (declared or counted): answered 413. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly limitBytes: number,
    /** Russian, shown as is; a default names the limit. */
    readonly userMessage = `Запрос слишком большой: допускается не больше ${formatBytes(limitBytes)}.`,
  ) {
    super(userMessage);
    this.name = "BodyTooLargeError";
  }
}

/** The body is not what the route reads (broken multipart framing, say): answered 400. */
export class MalformedBodyError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = "MalformedBodyError";
  }
}

/** "4 МБ", "64 КБ", "2,5 МБ": the Russian way, with a decimal comma. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${trim(bytes / MB)} МБ`;
  if (bytes >= KB) return `${trim(bytes / KB)} КБ`;
  return `${bytes} Б`;
}
const trim = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace(".", ","));

/** The declared Content-Length, or null when none (chunked) or not a number. */
export function declaredLength(req: Request): number | null {
  const raw = req.headers.get("content-length");
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/** Throws BodyTooLargeError when the declared length is over the limit. */
export function checkDeclaredLength(req: Request, limitBytes: number, message?: string): void {
  const declared = declaredLength(req);
  if (declared !== null && declared > limitBytes) throw new BodyTooLargeError(limitBytes, message);
}

/**
 * The body's chunks, counted: throws BodyTooLargeError as soon as more than `limitBytes` came, and
 * cancels the stream then (the client's remaining bytes are never read into memory). Also cancels
 * when the consumer stops early.
 */
export async function* limitedChunks(
  body: ReadableStream<Uint8Array> | null,
  limitBytes: number,
  message?: string,
): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  let total = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      total += value.byteLength;
      if (total > limitBytes) throw new BodyTooLargeError(limitBytes, message);
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** The whole body, at most `limitBytes` of it (see limitedChunks); Content-Length is checked first. */
export async function readLimitedBody(
  req: Request,
  limitBytes: number,
  message?: string,
): Promise<Uint8Array<ArrayBuffer>> {
  checkDeclaredLength(req, limitBytes, message);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of limitedChunks(req.body, limitBytes, message)) {
    chunks.push(chunk);
    total += chunk.byteLength;
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}
