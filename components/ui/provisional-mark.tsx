// «предварительно» beside a due date counted over a year without its decree on transferring days off
// (issue 11): the date may still move when the decree is loaded. In words, not colour alone.
import { PROVISIONAL_HINT, PROVISIONAL_LABEL } from "@/server/calendar/provisional";

export function ProvisionalMark({ provisional }: { provisional: boolean | null | undefined }) {
  if (!provisional) return null;
  return (
    <>
      {" "}
      <span
        className="ml-1 rounded border border-amber-700 bg-amber-50 px-1 text-sm text-amber-900"
        data-testid="provisional-mark"
        title={PROVISIONAL_HINT}
      >
        {PROVISIONAL_LABEL}
      </span>
    </>
  );
}
