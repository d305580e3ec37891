// The e-mail sender: delivers the outbox (outbox/mutations.ts) over SMTP after the transactions that
// wrote it have committed. Without SMTP_URL it is never started and nothing leaves the machine:
// the e-mails stay in the outbox and the demo mailbox page shows them.
import nodemailer, { type SendMailOptions } from "nodemailer";
import type { Db } from "../db/client";
import { mailConfig } from "./config";
import { processNextPendingEmail, type PendingEmail, type SendOutcome } from "./outbox/mutations";
import { fileStorage, type FileStorage } from "../storage/storage";

/** What the sender needs of a transport: nodemailer's SMTP transport, or anything that sends alike. */
export type MailTransport = {
  sendMail(message: SendMailOptions): Promise<{ messageId?: string | null }>;
  close?(): void;
};

// Shorter than the outbox transaction's timeout (outbox/mutations.ts): a server that accepts the
// connection and then hangs must fail the send while the row lock is still ours.
const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 } as const;

/**
 * An SMTP transport from a URL such as `smtp://user:pass@host:587` (STARTTLS when offered) or
 * `smtps://user:pass@host:465`. nodemailer reads options from the URL's query (e.g.
 * `?tls.rejectUnauthorized=false`); the timeouts are added there unless the URL sets its own.
 */
export function createTransport(url: string): MailTransport & { close(): void } {
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(TIMEOUTS)) {
    if (!parsed.searchParams.has(key)) parsed.searchParams.set(key, String(value));
  }
  return nodemailer.createTransport(parsed.toString());
}

/** The domain of the From address, for Message-IDs. */
function senderDomain(from: string): string {
  return /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? "reglament.local";
}

async function toMessage(email: PendingEmail, from: string, storage: FileStorage): Promise<SendMailOptions> {
  // A file that cannot be read fails this attempt (recorded, retried later): an e-mail that
  // promises a document is never sent without it.
  const attachments = await Promise.all(
    (email.attachments ?? []).map(async (a) => ({
      filename: a.fileName,
      contentType: a.contentType,
      content: await storage.get(a.storageKey),
    })),
  );
  return {
    from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    // Derived from the outbox id: if a crash makes us send an e-mail twice, both copies carry one
    // Message-ID and mail clients show one letter.
    messageId: `<${email.id}@${senderDomain(from)}>`,
    // RFC 3834: tells auto-responders (vacation replies) not to answer a no-reply sender.
    headers: { "Auto-Submitted": "auto-generated" },
    ...(attachments.length ? { attachments } : {}),
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const response = (error as Error & { response?: unknown }).response;
    return typeof response === "string" && !error.message.includes(response)
      ? `${error.message}: ${response}`
      : error.message;
  }
  return String(error);
}

export type DeliveryReport = { sent: number; failed: number };

/**
 * Sends up to `batch` due e-mails, one at a time, each under its own row lock. Safe to run from
 * several processes at once: each e-mail reaches SMTP once. A failure is recorded on the e-mail
 * (attempts, lastError) and does not stop the batch; it is retried on a later run with backoff.
 */
export async function deliverPendingEmails(
  db: Db,
  transport: MailTransport,
  options: { batch?: number; now?: Date; from?: string; storage?: FileStorage } = {},
): Promise<DeliveryReport> {
  const storage = options.storage ?? fileStorage();
  const batch = options.batch ?? 20;
  const from = options.from ?? mailConfig().from;
  // E-mails tried in this run are skipped, so one failing e-mail is not retried in a tight loop.
  const tried: string[] = [];
  const report: DeliveryReport = { sent: 0, failed: 0 };
  while (tried.length < batch) {
    const done = await processNextPendingEmail(
      db,
      { now: options.now, skipIds: tried },
      async (email): Promise<SendOutcome> => {
        try {
          const info = await transport.sendMail(await toMessage(email, from, storage));
          return { ok: true, messageId: info.messageId ?? null };
        } catch (error) {
          return { ok: false, error: describe(error) };
        }
      },
    );
    if (!done) break;
    tried.push(done.email.id);
    if (done.outcome.ok) report.sent++;
    else report.failed++;
  }
  return report;
}

export type MailSenderOptions = {
  intervalMs?: number;
  batch?: number;
  /** Defaults to SMTP_URL; without either the sender does nothing. */
  smtpUrl?: string | null;
  /** A ready transport (tests); takes precedence over smtpUrl. */
  transport?: MailTransport;
  onError?: (error: unknown) => void;
};

/**
 * Starts delivering the outbox every `intervalMs` (and once at once). Runs never overlap: a tick
 * that finds the previous run still sending is skipped. The timer is unref'd, so it does not keep
 * a process alive. Returns a stop function that waits for the run in progress.
 * Without SMTP_URL (the demo default) nothing is started.
 */
export function startMailSender(db: Db, options: MailSenderOptions = {}): () => Promise<void> {
  const config = mailConfig();
  const smtpUrl = options.smtpUrl === undefined ? config.smtpUrl : options.smtpUrl;
  const transport = options.transport ?? (smtpUrl ? createTransport(smtpUrl) : null);
  if (!transport) return async () => {};
  const batch = options.batch ?? 20;
  const onError = options.onError ?? ((error: unknown) => console.error("[reglament] e-mail sender:", error));
  let running: Promise<void> | null = null;
  let stopped = false;

  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        // Keep going while whole batches succeed (a backlog after a restart); stop at the first
        // failure, so a broken SMTP server is retried at the timer's pace, not in a loop.
        for (;;) {
          const report = await deliverPendingEmails(db, transport, { batch, from: config.from });
          if (stopped || report.failed > 0 || report.sent < batch) break;
        }
      } catch (error) {
        onError(error);
      }
    })().finally(() => {
      running = null;
    });
  };

  const timer = setInterval(tick, options.intervalMs ?? 30_000);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    transport.close?.();
  };
}
