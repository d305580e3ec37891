// Text the system can keep: no NUL character (PostgreSQL's text and jsonb refuse it, so it used to
// surface as a 500) and no lone UTF-16 surrogate (half of a character: it cannot be encoded as UTF-8,
// so it would be stored as U+FFFD, changing what was signed, or refused by jsonb). No keyboard
// produces either; they come from broken clients and attackers (issue 9: 41 HTTP 500s). One check,
// client-safe, used by every text input: the form schema's fields (server/regulation/form-schema.ts),
// the procedures' schemas (`zText`), the free JSON of drafts (`zDraftValues`) and the multipart
// routes, so that the answer is always a 400 with this Russian message and nothing is written.
import { z } from "zod";
import ru from "zod/v4/locales/ru.js";

// Zod's own messages (a wrong type, a missing key) in Russian wherever a schema is used, browser and
// server alike: every schema's module imports this one (zText), and a message users see must never be
// English («Invalid input: expected string, received null» reached the grant dialog: issue 16 p.11).
// Only the Russian locale: `z.locales` would put all of Zod's forty-odd languages in every page's
// JavaScript (issue 13 p.6).
z.config(ru());

export const UNSAFE_TEXT_MESSAGE =
  "Текст содержит недопустимые символы (нулевой символ или повреждённый символ Юникода): удалите их или наберите текст заново";

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSAFE_CHARACTER = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isSafeText(value: string): boolean {
  return !UNSAFE_CHARACTER.test(value);
}

/** The text with each NUL and half character replaced (file names: kept, not refused). */
export function replaceUnsafeText(value: string, by = "_"): string {
  return value.replace(new RegExp(UNSAFE_CHARACTER.source, "g"), by);
}

/** The zod check, for a string schema built elsewhere: `z.string().check(safeText())`. */
export const safeText = (message: string = UNSAFE_TEXT_MESSAGE) => z.refine<string>(isSafeText, message);

/** A text input of a procedure: `z.string()` that refuses NUL and lone surrogates (before any `.trim()`). */
export const zText = (message?: string) => z.string(message).check(safeText());

/**
 * Where in a JSON-like value (keys included) the first unsafe text is, or null. Bounded in depth: a
 * value nested deeper than any form's is itself refused (`tooDeep`).
 */
export function unsafeTextIn(
  value: unknown,
  path: (string | number)[] = [],
  maxDepth = 20,
): { path: (string | number)[]; tooDeep?: true } | null {
  if (typeof value === "string") return isSafeText(value) ? null : { path };
  if (value === null || typeof value !== "object") return null;
  if (path.length >= maxDepth) return { path, tooDeep: true };
  const entries: [string | number, unknown][] = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
  for (const [key, v] of entries) {
    if (typeof key === "string" && !isSafeText(key)) return { path: [...path, key] };
    const found = unsafeTextIn(v, [...path, key], maxDepth);
    if (found) return found;
  }
  return null;
}
