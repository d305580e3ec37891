// Reads of notifications and of the demo mailbox. Every query carries the reader's scope in its
// `where`: a user's notifications by userId, a mailbox by the recipient address.
import "server-only";
import type { Db } from "../db/client";

const MAX_LIMIT = 100;
const clamp = (limit: number | undefined) => Math.min(Math.max(Math.trunc(limit ?? 50), 1), MAX_LIMIT);

export async function myNotifications(db: Db, userId: string, options: { limit?: number } = {}) {
  return db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: clamp(options.limit),
    select: {
      id: true,
      kind: true,
      title: true,
      body: true,
      createdAt: true,
      readAt: true,
      applicationId: true,
      application: { select: { registrationNumber: true } },
    },
  });
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export type MailboxViewer = { email: string; isAdmin: boolean };

/**
 * The demo mailbox: e-mails the outbox holds, newest first. A user sees only what was addressed to
 * their own address (invitations carry tokens meant for one person); an administrator sees all.
 */
export async function mailboxFor(db: Db, viewer: MailboxViewer, options: { limit?: number } = {}) {
  return db.outgoingEmail
    .findMany({
      // Addresses are stored lower-cased (notify, queueEmail), as user e-mails are.
      where: viewer.isAdmin ? {} : { to: viewer.email.trim().toLowerCase() },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: clamp(options.limit),
      select: {
        id: true,
        to: true,
        subject: true,
        text: true,
        createdAt: true,
        sentAt: true,
        attempts: true,
        lastError: true,
        attachments: true,
      },
    })
    .then((rows) =>
      rows.map(({ attachments, ...e }) => ({
        ...e,
        attachmentNames: ((attachments ?? []) as { fileName: string }[]).map((a) => a.fileName),
      })),
    );
}
