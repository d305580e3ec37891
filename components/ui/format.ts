// The UI's date helpers are the app's one set (server/format/dates.ts), shared with e-mails and PDFs.
import { formatAtMost, formatDuration, formatWithin, type Duration } from "@/server/regulation/document-plain";

export {
  displayTimeZone,
  formatDate,
  formatDateTime,
  formatDueBy,
  formatTime,
  zonedFormat,
} from "@/server/format/dates";
export { formatAtMost, formatDuration, formatWithin };
export type { Duration };
