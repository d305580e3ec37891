// The event types of the audit record that are not steps of the process (R3, R32 / 152-FZ): who read
// an application's card or downloaded its files, a content check that failed, a deadline escalation.
// Client-safe: the history components label them.

/** Reads of personal data (152-FZ: access is recorded). Kept in the log, left out of the histories shown on cards. */
export const ACCESS_EVENT_TYPES = ["card_viewed", "file_downloaded"] as const;

/** Everything the audit adds; the applicant's timeline shows none of it. */
export const AUDIT_EVENT_TYPES = [...ACCESS_EVENT_TYPES, "content_mismatch", "deadline_escalated"] as const;

export type DownloadKind = "attachment" | "result" | "receipt" | "application_pdf";

/** The warning on the staff card and the applicant's page when the stored content no longer matches its hash. */
export const CONTENT_MISMATCH_WARNING =
  "Внимание: содержимое заявления не совпадает с подписанным при подаче (хеш SHA-256 отличается). " +
  "Данные могли быть изменены в обход системы: не принимайте решений по ним и сообщите администратору безопасности. " +
  "Событие записано в журнал.";
