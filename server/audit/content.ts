// The submitted content's hash, recomputed from what is stored (R3, R17): the application's values and
// its co-applicants' sections, exactly as acceptance hashed them (server/intake/mutations.ts
// contentHash over the same canonical JSON). Acceptance stores what it hashed (the strict schema's
// output, the co-applicants' sections included), so a stored row that no longer gives its hash was
// changed after submission, by whatever means.
import { createHash } from "node:crypto";
import { canonicalJson } from "../regulation/checksum";

export type StoredContent = {
  contentHash: string | null;
  data: unknown;
  serviceCode: string;
  version: number;
  /** The co-applicants' sections in the order they were invited (createdAt), as acceptance took them. */
  coApplicants: { email: string; data: unknown }[];
};

/** The SHA-256 of the canonical content (R17): what the applicant signs and the registrar records. */
export function contentHash(input: {
  serviceCode: string;
  version: number;
  values: unknown;
  coApplicants?: unknown;
}): string {
  return createHash("sha256").update(canonicalJson(input)).digest("hex");
}

export function storedContentHash(c: Omit<StoredContent, "contentHash">): string {
  return contentHash({
    serviceCode: c.serviceCode,
    version: c.version,
    values: c.data,
    ...(c.coApplicants.length ? { coApplicants: c.coApplicants.map((p) => ({ email: p.email, data: p.data })) } : {}),
  });
}

/** Null: nothing was submitted to check (a draft). */
export function contentIntact(c: StoredContent): boolean | null {
  if (!c.contentHash) return null;
  return storedContentHash(c) === c.contentHash;
}
