// The UI's date helpers are the app's one set (server/format/dates.ts), shared with e-mails and PDFs.
import { formatDuration, type Duration } from "@/server/regulation/document";

export { displayTimeZone, formatDate, formatDateTime, formatTime, zonedFormat } from "@/server/format/dates";
export { formatDuration };
export type { Duration };
