// What an administrator's change changed, readably (issue 11): the keys whose values differ between
// the AdminEvent's `before` and `after`, each with both values as text. Pure, client-safe.

export type Change = { key: string; before: string; after: string };

const EMPTY = "—";

/** A value as one line of text: strings as they are, the rest as JSON; absent is a dash. */
export function valueText(v: unknown): string {
  if (v === undefined || v === null || v === "") return EMPTY;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/**
 * The changed keys, in the order they first appear (before's, then after's new ones). A creation
 * (no `before`) lists every key of `after`, a removal every key of `before`; a value that is not an
 * object on either side is reported under the key "значение".
 */
export function changedKeys(before: unknown, after: unknown): Change[] {
  if ((before == null || isObject(before)) && (after == null || isObject(after))) {
    const b = before ?? {};
    const a = after ?? {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys
      .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
      .map((k) => ({ key: k, before: valueText(b[k]), after: valueText(a[k]) }));
  }
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [{ key: "значение", before: valueText(before), after: valueText(after) }];
}

/** «name: before → after; ...» for one cell of the export. */
export const changesText = (changes: Change[]) => changes.map((c) => `${c.key}: ${c.before} → ${c.after}`).join("; ");
