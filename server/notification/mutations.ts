// Writes of notifications (R19). A notification and its e-mail are inserted in the caller's
// transaction — a transactional outbox: when the change being reported rolls back, so do they, and
// nobody is told about a registration that never happened. The sender (mailer.ts) delivers the
// outbox later, after the commit.
import "server-only";
import type { Db, Tx } from "../db/client";
import { appBaseUrl } from "./config";
import type { NotificationKind } from "./schema";
import { emailText } from "./templates";
import { personName, salutationName } from "../people";

export { NOTIFICATION_KINDS, type NotificationKind } from "./schema";

export type NotifyInput = {
  userId: string;
  applicationId?: string | null;
  kind: NotificationKind;
  title: string;
  body: string;
  /** Also e-mail it (default). In-app only for what is noise by mail. */
  email?: boolean;
  /** The address to e-mail instead of the account's (the one the applicant gave for the result). */
  emailTo?: string | null;
  /** Files to send with the e-mail, read from file storage when it is sent. */
  attachments?: EmailAttachment[];
};

/** A stored file to attach to an e-mail: kept as a reference so the outbox row stays small. */
export type EmailAttachment = { fileName: string; contentType: string; storageKey: string };

export type NotifyResult = { notificationId: string; emailId: string | null };

// Deliberately loose: the address was validated at registration; this only keeps out placeholders
// that would bounce forever: accounts without a mailbox get an address under the reserved `.invalid`
// top-level domain (RFC 2606) — an identity-provider account without e-mail, a paper applicant who
// gave none.
const MAILABLE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function isMailable(address: string): boolean {
  const a = address.trim().toLowerCase();
  return MAILABLE.test(a) && !a.endsWith(".invalid");
}

/** A Db can open a transaction; a Tx already is one. */
function isRootClient(client: Tx | Db): client is Db {
  return typeof (client as Partial<Db>).$transaction === "function";
}

/** What happens to the application itself: its co-applicants are told too (issue 16 p.4). */
const SHARED_WITH_CO_APPLICANTS = new Set<NotificationKind>([
  "application_registered",
  "intake_refused",
  "stage_changed",
  "result_ready",
  "refused",
]);

/**
 * Issue 16 p.4: the co-applicants who signed a joint application (accepted and completed their
 * section) get the owner's notices about it, greeted by their own name and told whose application
 * it is; by e-mail to their own address, without the owner's attachments (the result is in their
 * cabinet too).
 */
async function copyToCoApplicants(tx: Tx, input: NotifyInput): Promise<void> {
  if (!input.applicationId || !SHARED_WITH_CO_APPLICANTS.has(input.kind)) return;
  const app = await tx.application.findUnique({
    where: { id: input.applicationId },
    select: {
      ownerId: true,
      owner: { select: { lastName: true, firstName: true, middleName: true } },
      participants: {
        where: { role: "CO_APPLICANT", userId: { not: null }, acceptedAt: { not: null }, completedAt: { not: null } },
        select: { user: { select: { id: true, firstName: true, middleName: true } } },
      },
    },
  });
  if (!app || app.ownerId !== input.userId) return;
  for (const { user } of app.participants) {
    if (!user || user.id === input.userId) continue;
    const [first, ...rest] = input.body.split("\n\n");
    const intro = `Здравствуйте, ${salutationName(user)}! Вы созаявитель по совместному заявлению, которое подал(а) ${personName(app.owner)}.`;
    const body = first?.startsWith("Здравствуйте") ? [intro, ...rest].join("\n\n") : `${intro}\n\n${input.body}`;
    await insertOne(tx, {
      userId: user.id,
      applicationId: input.applicationId,
      kind: input.kind,
      title: input.title,
      body,
      email: input.email,
    });
  }
}

async function insertNotification(tx: Tx, input: NotifyInput): Promise<NotifyResult> {
  const result = await insertOne(tx, input);
  await copyToCoApplicants(tx, input);
  return result;
}

async function insertOne(tx: Tx, input: NotifyInput): Promise<NotifyResult> {
  const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true } });
  if (!user) throw new Error(`notify: user ${input.userId} does not exist`);
  const notification = await tx.notification.create({
    data: {
      userId: input.userId,
      applicationId: input.applicationId ?? null,
      kind: input.kind,
      title: input.title,
      body: input.body,
    },
    select: { id: true },
  });
  const to = (input.emailTo?.trim() || user.email).trim().toLowerCase();
  if (input.email === false || !isMailable(to)) return { notificationId: notification.id, emailId: null };
  const email = await tx.outgoingEmail.create({
    data: {
      to,
      subject: input.title,
      text: emailText(input.body, appBaseUrl()),
      notificationId: notification.id,
      ...(input.attachments?.length ? { attachments: input.attachments } : {}),
    },
    select: { id: true },
  });
  return { notificationId: notification.id, emailId: email.id };
}

/**
 * Notifies a user in the cabinet and, unless `email: false` or the user has no usable address, by
 * e-mail. Pass the transaction of the change being reported; given the root client it opens its
 * own, so that a notification never exists without its e-mail or the other way round.
 */
export async function notify(client: Tx | Db, input: NotifyInput): Promise<NotifyResult> {
  return isRootClient(client)
    ? client.$transaction((tx) => insertNotification(tx, input))
    : insertNotification(client, input);
}

/**
 * Queues an e-mail to an address that may belong to no user yet (a co-applicant invited by
 * address). Same outbox, same transaction rule as notify().
 */
export async function queueEmail(
  client: Tx | Db,
  input: { to: string; subject: string; body: string },
): Promise<{ emailId: string }> {
  const email = await client.outgoingEmail.create({
    data: { to: input.to.trim().toLowerCase(), subject: input.subject, text: emailText(input.body, appBaseUrl()) },
    select: { id: true },
  });
  return { emailId: email.id };
}

/** Marks the user's own notifications read; ids of other users' notifications are ignored. */
export async function markRead(
  db: Db | Tx,
  userId: string,
  ids: readonly string[],
  now: Date = new Date(),
): Promise<{ updated: number }> {
  if (ids.length === 0) return { updated: 0 };
  const { count } = await db.notification.updateMany({
    where: { id: { in: [...ids] }, userId, readAt: null },
    data: { readAt: now },
  });
  return { updated: count };
}
