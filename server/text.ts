// Text the system can keep: no NUL character (PostgreSQL's text and jsonb refuse it, so it used to
// surface as a 500) and no lone UTF-16 surrogate (half of a character: it cannot be encoded as UTF-8,
// so it would be stored as U+FFFD, changing what was signed, or refused by jsonb). No keyboard
// produces either; they come from broken clients and attackers (issue 9: 41 HTTP 500s). One check,
// client-safe, used by every text input: the form schema's fields (server/regulation/form-schema.ts),
// the procedures' schemas (`zText`), the free JSON of drafts (`zDraftValues`) and the multipart
// routes, so that the answer is always a 400 with this Russian message and nothing is written.
import { z } from "zod";
import ru from "zod/v4/locales/ru.js";
import { UNSAFE_TEXT_MESSAGE, isSafeText } from "./text-safe";

// Zod's own messages (a wrong type, a missing key) in Russian wherever a schema is used, browser and
// server alike: every schema's module imports this one (zText), and a message users see must never be
// English («Invalid input: expected string, received null» reached the grant dialog: issue 16 p.11).
// Only the Russian locale: `z.locales` would put all of Zod's forty-odd languages in every page's
// JavaScript (issue 13 p.6).
z.config(ru());

// The checks themselves, without zod, are in ./text-safe (the form schema's, in the browser too).
export { UNSAFE_TEXT_MESSAGE, isSafeText, replaceUnsafeText, unsafeTextIn } from "./text-safe";

/** The zod check, for a string schema built elsewhere: `z.string().check(safeText())`. */
export const safeText = (message: string = UNSAFE_TEXT_MESSAGE) => z.refine<string>(isSafeText, message);

/** A text input of a procedure: `z.string()` that refuses NUL and lone surrogates (before any `.trim()`). */
export const zText = (message?: string) => z.string(message).check(safeText());
