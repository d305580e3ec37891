// Co-applicants (R15: several applicants fill one form for a joint request). The owner invites by
// e-mail; the invitation carries a one-time token whose SHA-256 alone is stored; the invitee signs
// in with that e-mail, accepts, and fills the regulation's co-applicant section from their own
// account. The application can be submitted once every invited co-applicant has completed theirs.
// This file holds the rules; reads and writes are in participants/data.ts and participants/mutations.ts.
import { createHash } from "node:crypto";
import type { RegulationDocument, StepDef } from "../regulation/document";

export const MAX_CO_APPLICANTS = 10;
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function coApplicantSteps(doc: RegulationDocument): StepDef[] {
  return doc.form.steps.filter((s) => s.section === "co_applicant");
}
