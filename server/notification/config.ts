// Mail configuration, read from the environment. No SMTP_URL is a supported mode, not an error: the
// demo needs no mail server, so e-mails stay in the outbox and the demo mailbox page shows them.

export const DEFAULT_MAIL_FROM = '"Регламент" <no-reply@reglament.local>';

export type MailConfig = {
  /** smtp:// or smtps:// URL with credentials; null when e-mail is not sent at all. */
  smtpUrl: string | null;
  /** The From header of every outgoing e-mail. */
  from: string;
};

type Env = Record<string, string | undefined>;

/** Throws on a malformed SMTP_URL: a typo should stop the start, not silently keep mail unsent. */
export function mailConfig(env: Env = process.env): MailConfig {
  const raw = env.SMTP_URL?.trim();
  let smtpUrl: string | null = null;
  if (raw) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error("SMTP_URL is not a URL: expected smtp://user:pass@host:587 or smtps://user:pass@host:465");
    }
    if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
      throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
    }
    smtpUrl = raw;
  }
  return { smtpUrl, from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM };
}

/** True when real mail goes out; the demo mailbox is then closed (its contents would be real mail). */
export function isMailSendingConfigured(env: Env = process.env): boolean {
  return mailConfig(env).smtpUrl !== null;
}

/** The public URL of the app, for links in messages (the same default as next-auth's). */
export function appBaseUrl(env: Env = process.env): string {
  const url = env.NEXTAUTH_URL?.trim() || `http://localhost:${env.PORT?.trim() || "3000"}`;
  return url.replace(/\/+$/, "");
}
