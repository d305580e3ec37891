// Data access of the e-mail outbox for the sender (mailer.ts). Several app instances may run the
// sender against one database: each e-mail is claimed with FOR UPDATE SKIP LOCKED and stays locked
// while it is sent, so two senders never hand the same e-mail to SMTP, and neither waits for the
// other. The lock is per e-mail (one short transaction each), so a crash mid-batch re-sends at most
// the one e-mail in flight, never the whole batch.
import "server-only";
import type { Db } from "../../db/client";
import type { EmailAttachment } from "../mutations";

/** After this many failed attempts an e-mail is left for a human to look at (lastError says why). */
export const MAX_ATTEMPTS = 8;

export type PendingEmail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  notificationId: string | null;
  attempts: number;
  attachments: EmailAttachment[] | null;
};

export type SendOutcome = { ok: true; messageId: string | null } | { ok: false; error: string };

// The row lock is held while one e-mail is sent. The transport's own timeouts (mailer.ts) are
// shorter than this, so a hung SMTP server fails the send, not the transaction.
const TX_OPTIONS = { maxWait: 15_000, timeout: 180_000 };

const MAX_ERROR_LENGTH = 1_000;

/**
 * Claims the oldest e-mail that is due, hands it to `send` while its row is locked, and records the
 * outcome in the same transaction. Returns null when nothing is due (or all of it is claimed by
 * another sender right now).
 *
 * Due means unsent, fewer than MAX_ATTEMPTS attempts, and past its backoff: attempt n+1 waits until
 * createdAt + (2^n - 1) minutes (0, 1, 3, 7 ... 127 minutes). It is counted from createdAt because
 * the schema keeps no time of the last attempt; a sender that starts late on an old backlog thus
 * retries sooner than 2^n minutes apart, which is acceptable for a fallback that gives up at 8.
 */
export async function processNextPendingEmail(
  db: Db,
  options: { now?: Date; skipIds: readonly string[] },
  send: (email: PendingEmail) => Promise<SendOutcome>,
): Promise<{ email: PendingEmail; outcome: SendOutcome } | null> {
  // Timestamps are stored as UTC without a zone (Prisma's convention): compare in UTC explicitly,
  // whatever the session's TimeZone is.
  const nowIso = (options.now ?? new Date()).toISOString();
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<PendingEmail[]>`
      SELECT "id", "to", "subject", "text", "notificationId", "attempts", "attachments"
      FROM "OutgoingEmail"
      WHERE "sentAt" IS NULL
        AND "attempts" < ${MAX_ATTEMPTS}
        AND "createdAt" + (power(2, "attempts") - 1) * interval '1 minute' <= (${nowIso}::timestamptz AT TIME ZONE 'UTC')
        AND NOT ("id" = ANY(${[...options.skipIds]}::uuid[]))
      ORDER BY "createdAt", "id"
      LIMIT 1
      FOR UPDATE SKIP LOCKED`;
    const email = rows[0];
    if (!email) return null;
    const outcome = await send(email);
    const at = options.now ?? new Date();
    if (outcome.ok) {
      // attempts counts every hand-over to SMTP, the successful one included.
      await tx.outgoingEmail.update({
        where: { id: email.id },
        data: { sentAt: at, messageId: outcome.messageId, attempts: { increment: 1 } },
      });
      if (email.notificationId) {
        // updateMany: the notification may be gone (its user deleted) while its e-mail was queued.
        await tx.notification.updateMany({
          where: { id: email.notificationId, emailedAt: null },
          data: { emailedAt: at },
        });
      }
    } else {
      await tx.outgoingEmail.update({
        where: { id: email.id },
        data: { attempts: { increment: 1 }, lastError: outcome.error.slice(0, MAX_ERROR_LENGTH) },
      });
    }
    return { email, outcome };
  }, TX_OPTIONS);
}
