// Mail configuration, from the environment as server/env.ts parsed and validated it. No SMTP_URL is a
// supported mode, not an error: the demo needs no mail server, so e-mails stay in the outbox and the
// demo mailbox page shows them.
import { DEFAULT_MAIL_FROM, env, parseEnv, type RawEnv } from "../env";

export { DEFAULT_MAIL_FROM };

export type MailConfig = {
  /** smtp:// or smtps:// URL with credentials; null when e-mail is not sent at all. */
  smtpUrl: string | null;
  /** The From header of every outgoing e-mail. */
  from: string;
};

/** The process's configuration, or (tests) the one the given variables make. */
const from = (raw?: RawEnv) => (raw ? parseEnv(raw) : env());

/** A malformed SMTP_URL stops the start (EnvError): a typo must not silently keep mail unsent. */
export function mailConfig(raw?: RawEnv): MailConfig {
  const e = from(raw);
  return { smtpUrl: e.smtpUrl, from: e.mailFrom };
}

/** True when real mail goes out; the demo mailbox is then closed (its contents would be real mail). */
export function isMailSendingConfigured(raw?: RawEnv): boolean {
  return mailConfig(raw).smtpUrl !== null;
}

/**
 * The demo mailbox page (/mailbox) exists only in demo mode, and only without SMTP (issue 9, item 1):
 * in production the outbox holds real people's mail, claim and invitation links among it.
 */
export function isDemoMailboxOpen(raw?: RawEnv): boolean {
  const e = from(raw);
  return e.demo && e.smtpUrl === null;
}

/** The public URL of the app, for links in messages (the same default as next-auth's). */
export function appBaseUrl(raw?: RawEnv): string {
  return from(raw).appUrl;
}
