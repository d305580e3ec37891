// The safe-text checks of ./text.ts without zod: a browser module (the application form's rules,
// server/regulation/form-schema.ts) imports them without taking zod into the page (issue 13 p.6).

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
