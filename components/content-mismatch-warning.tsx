// The warning shown on the staff card and the applicant's page when the submitted content no longer
// gives the hash signed at submission (R3, server/audit/mutations.ts): the finding is already in the log.
import { CONTENT_MISMATCH_WARNING } from "@/server/audit/events";

export function ContentMismatchWarning() {
  return (
    <p
      role="alert"
      className="mt-4 rounded border-2 border-red-800 bg-red-50 p-3 font-semibold text-red-900"
      data-testid="content-mismatch"
    >
      {CONTENT_MISMATCH_WARNING}
    </p>
  );
}
