// SHA-256 of a regulation document in canonical JSON (sorted keys), so equal documents have equal
// checksums and a pinned application can prove what it was judged by.
import { createHash } from "node:crypto";

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

export function documentChecksum(document: unknown): string {
  return createHash("sha256").update(canonicalJson(document)).digest("hex");
}
