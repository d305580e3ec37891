// POST /api/verify — anyone (no sign-in) checks a document and its detached signature (issue 15
// p.4; R17): a citizen or another agency holding a Reglament document, or any signed file. The form
// is multipart: `document` (up to 20 MB) and `signature` (the .sig/.p7s, up to 256 KB). Throttled per
// client address (THROTTLES.verifyAddress) before the body is read; every bad input is a specific
// Russian 4xx, and the answer is the verdict (JSON), valid or why not.
import { z } from "zod";
import { errorResponse, jsonResponse, restRoute } from "../api/rest";
import { now as clockNow } from "../clock";
import { BODY_LIMITS, BodyTooLargeError, formatBytes } from "../http/body";
import { MultipartReader } from "../http/multipart";
import { clientAddress } from "../throttle/client-address";
import { admit } from "../throttle/mutations";
import { THROTTLES, waitPhrase } from "../throttle/policy";
import { isDetachedSignature } from "../attachment/sniff";
import { safeFileName } from "../attachment/mutations";
import { verifyDetached } from "./cms";
import { loadTrustStore } from "./data";
import { SIGNATURE_MAX_BYTES } from "./schema";

/** The largest document the public check takes: the largest file a form field takes (R13). */
export const VERIFY_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

const PARTS = {
  document: {
    max: VERIFY_DOCUMENT_MAX_BYTES,
    missing: "Выберите документ, подпись которого нужно проверить",
    empty: (name: string) => `Документ «${name}» пустой: выберите файл с содержимым`,
    tooBig: (name: string) =>
      `Документ «${name}» больше ${formatBytes(VERIFY_DOCUMENT_MAX_BYTES)}: здесь проверяются документы до ${formatBytes(VERIFY_DOCUMENT_MAX_BYTES)}`,
  },
  signature: {
    max: SIGNATURE_MAX_BYTES,
    missing: "Выберите файл электронной подписи (.sig или .p7s) к документу",
    empty: (name: string) => `Файл подписи «${name}» пустой: выберите файл подписи с содержимым`,
    tooBig: (name: string) =>
      `Файл «${name}» больше ${formatBytes(SIGNATURE_MAX_BYTES)}: файл открепленной подписи (.sig) не бывает таким большим. Возможно, вы выбрали сам документ вместо подписи`,
  },
} as const;
type PartName = keyof typeof PARTS;

async function readPart(form: MultipartReader, name: PartName, fileName: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of form.chunks()) {
    size += chunk.byteLength;
    if (size > PARTS[name].max) throw new BodyTooLargeError(PARTS[name].max, PARTS[name].tooBig(fileName));
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export const verifyRoute = restRoute({
  name: "signature verification",
  auth: "public",
  params: z.object({}),
  notFound: "Страница не найдена",
  maxBodyBytes: VERIFY_DOCUMENT_MAX_BYTES + SIGNATURE_MAX_BYTES + BODY_LIMITS.multipartOverhead,
  async handler({ req, db }) {
    const now = clockNow();
    // Before the body is read: a refused check costs nothing but this statement.
    const address = clientAddress(req.headers) ?? "unknown";
    const admission = await admit(db, THROTTLES.verifyAddress, address, now);
    if (!admission.admitted) {
      const response = errorResponse(
        429,
        `Слишком много проверок подряд с вашего адреса: повторите ${waitPhrase(admission.retryAfterMs)}`,
      );
      response.headers.set("retry-after", String(Math.ceil(admission.retryAfterMs / 1000)));
      return response;
    }
    const form = new MultipartReader(
      req,
      VERIFY_DOCUMENT_MAX_BYTES + SIGNATURE_MAX_BYTES + BODY_LIMITS.multipartOverhead,
    );
    const got: Partial<Record<PartName, { name: string; content: Uint8Array }>> = {};
    try {
      for (let part = await form.next(); part; part = await form.next()) {
        if ((part.name !== "document" && part.name !== "signature") || part.fileName === null) continue;
        if (part.fileName === "") continue; // an input left empty: "missing" below
        const name = safeFileName(part.fileName);
        got[part.name] = { name, content: await readPart(form, part.name, name) };
      }
    } finally {
      await form.close();
    }
    for (const key of ["document", "signature"] as const) {
      const part = got[key];
      if (!part) return errorResponse(400, PARTS[key].missing, { [key]: PARTS[key].missing });
      if (part.content.length === 0)
        return errorResponse(400, PARTS[key].empty(part.name), { [key]: PARTS[key].empty(part.name) });
    }
    const document = got.document!;
    const signature = got.signature!;
    if (!isDetachedSignature(signature.content.subarray(0, 256))) {
      const message = `Файл «${signature.name}» не является файлом электронной подписи: выберите открепленную подпись CMS/PKCS#7 (.sig или .p7s), выданную программой подписи вместе с документом`;
      return errorResponse(400, message, { signature: message });
    }
    const verdict = verifyDetached(document.content, signature.content, await loadTrustStore(db), now);
    return jsonResponse(200, { document: document.name, signature: signature.name, verdict });
  },
});
