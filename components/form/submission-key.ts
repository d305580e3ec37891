// The idempotency key of a submission: one per draft and tab session, so a retry after a timeout
// (or a second click) sends the same key and the server answers with the one application.
import { isUuid } from "@/server/uuid";
const storageKey = (applicationId: string) => `reglament:submission:${applicationId}`;

/** crypto.randomUUID exists only in secure contexts; a plain-HTTP intranet install still needs a key. */
function uuidV4(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function submissionKeyFor(applicationId: string): string {
  try {
    const existing = window.sessionStorage.getItem(storageKey(applicationId));
    if (existing && isUuid(existing)) return existing;
  } catch {
    // sessionStorage unavailable: the in-memory key of this page still covers a double click.
  }
  const key = uuidV4();
  try {
    window.sessionStorage.setItem(storageKey(applicationId), key);
  } catch {
    // See above.
  }
  return key;
}

export function forgetSubmissionKey(applicationId: string): void {
  try {
    window.sessionStorage.removeItem(storageKey(applicationId));
  } catch {
    // Nothing to forget.
  }
}
