// The term of a complaint's consideration (210-FZ art. 11.2 part 6; S1 p.49, S2 p.74): 15 working
// days of its registration, or 5 working days when it is against a refusal to accept documents or
// to correct a typo (or a missed term of the correction). The 15 come from the regulation's
// passport.appeal.reviewTerm where it is set; the 5 are the law's own. Pure: no database, no clock.
import type { WorkingCalendar } from "../calendar/working-calendar";
import type { Duration } from "../regulation/document";
import { addDuration } from "../workflow/machine";
import { subjectOf } from "./schema";

export const DEFAULT_REVIEW_TERM: Duration = { value: 15, unit: "working_days" };
export const SHORT_REVIEW_TERM: Duration = { value: 5, unit: "working_days" };

export function complaintTerm(subject: string, reviewTerm: Duration | undefined): Duration {
  return subjectOf(subject)?.short ? SHORT_REVIEW_TERM : (reviewTerm ?? DEFAULT_REVIEW_TERM);
}

export function complaintDueAt(
  calendar: WorkingCalendar,
  registeredAt: Date,
  subject: string,
  reviewTerm: Duration | undefined,
): Date {
  return addDuration(calendar, registeredAt, complaintTerm(subject, reviewTerm));
}
