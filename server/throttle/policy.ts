// Every throttle of the app, in one place (issue 9, item 3), and the pure arithmetic of a rule. The
// counters live in PostgreSQL (RateLimit, written by ./mutations.ts in single atomic upserts), so a
// limit holds across every instance of the app and against parallel requests.
//
// A rule counts attempts per key in a window. Up to `free` attempts pass at once; past that, each
// further attempt waits a delay that doubles from `baseDelayMs` up to `maxDelayMs` (the progressive
// delay: guessing slows down long before anything locks); at `lockAt` the key locks for `lockMs`
// (nothing is admitted, not even a right password); at `cap` the key admits nothing more until its
// window ends (for sending mail: no delay, just a ceiling). A new window (or the end of a lock)
// starts counting from 1 again.
import { plural } from "../format/plural";

export type ThrottleRule = {
  /** The key's prefix: one counter per rule and subject (an account, an address). */
  name: string;
  windowMs: number;
  free: number;
  baseDelayMs: number;
  maxDelayMs: number;
  lockAt: number | null;
  lockMs: number;
  cap: number | null;
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const THROTTLES = {
  /**
   * Failed sign-ins per account (keyed by the typed address, known or not, so the answer tells
   * nothing about which addresses exist). Five typos pass freely; then 1, 2, 4... up to 60 seconds
   * between attempts; the 30th failure within an hour locks the account for 15 minutes (ASVS 2.2.1:
   * at most 100 failed attempts an hour). A successful sign-in clears the counter.
   */
  signInAccount: {
    name: "sign-in:account",
    windowMs: HOUR,
    free: 5,
    baseDelayMs: SECOND,
    maxDelayMs: MINUTE,
    lockAt: 30,
    lockMs: 15 * MINUTE,
    cap: null,
  },
  /**
   * Failed sign-ins per client address, against one address trying many accounts (password
   * spraying). Much looser than per account: a municipality's office or a mobile operator puts many
   * people behind one address, and one person's typos must not slow the others down.
   */
  signInAddress: {
    name: "sign-in:address",
    windowMs: HOUR,
    free: 100,
    baseDelayMs: SECOND,
    maxDelayMs: 30 * SECOND,
    lockAt: 300,
    lockMs: 15 * MINUTE,
    cap: null,
  },
  /** Registrations per client address: each sends a letter to an address the registrant typed. */
  registrationAddress: {
    name: "register:address",
    windowMs: HOUR,
    free: Infinity,
    baseDelayMs: 0,
    maxDelayMs: 0,
    lockAt: null,
    lockMs: 0,
    cap: 10,
  },
  /**
   * One-time links (registration, claim, password reset) per e-mail address, counted whether an
   * account exists or not: three letters an hour are plenty for a person, and registering or asking
   * for a reset again and again cannot flood anybody's mailbox.
   */
  accountLinks: {
    name: "links:email",
    windowMs: HOUR,
    free: Infinity,
    baseDelayMs: 0,
    maxDelayMs: 0,
    lockAt: null,
    lockMs: 0,
    cap: 3,
  },
  /**
   * Co-applicant invitations per inviting account in a day. Each sends a letter, and the limit of
   * 10 co-applicants (MAX_CO_APPLICANTS) counts only the invitations standing: invite, remove and
   * invite again must not send mail without end. 30 allows correcting typos in a full list of 10
   * twice over.
   */
  coApplicantInvitations: {
    name: "invite:account",
    windowMs: 24 * HOUR,
    free: Infinity,
    baseDelayMs: 0,
    maxDelayMs: 0,
    lockAt: null,
    lockMs: 0,
    cap: 30,
  },
  /**
   * Wrong PINs of an official's server-held signing key (issue 15): the PIN is the only thing between
   * the database and the key, so guessing is slowed at once and locked after ten in an hour.
   */
  signingPin: {
    name: "signing-pin:user",
    windowMs: HOUR,
    free: 3,
    baseDelayMs: SECOND,
    maxDelayMs: MINUTE,
    lockAt: 10,
    lockMs: 15 * MINUTE,
    cap: null,
  },
  /**
   * Public checks of a document and its signature (issue 15, POST /api/verify) per client address:
   * anyone may check without signing in, but each check hashes up to 20 MB and runs GOST arithmetic,
   * so the page is no free CPU to burn. Thirty checks pass at once (a clerk checking a pile of
   * documents), then one every 1, 2, 4... up to 30 seconds, and no more than 300 an hour.
   */
  verifyAddress: {
    name: "verify:address",
    windowMs: HOUR,
    free: 30,
    baseDelayMs: SECOND,
    maxDelayMs: 30 * SECOND,
    lockAt: null,
    lockMs: 0,
    cap: 300,
  },
} as const satisfies Record<string, ThrottleRule>;

export type CounterRow = { windowStart: Date; count: number; lastAt: Date; lockedUntil: Date | null };

/** The wait after `count` counted attempts before the next is admitted (0 below `free`). */
export function delayAfter(rule: ThrottleRule, count: number): number {
  if (count < rule.free) return 0;
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** Math.min(count - rule.free, 30));
}

/**
 * A counter whose lock has ended, or (unlocked) whose window has passed, counts from 1 again. A lock
 * outlasts the window it was set in: it ends only at lockedUntil.
 */
export function expired(rule: ThrottleRule, row: CounterRow, now: Date): boolean {
  if (row.lockedUntil !== null) return row.lockedUntil.getTime() <= now.getTime();
  return row.windowStart.getTime() <= now.getTime() - rule.windowMs;
}

/**
 * How long the key still refuses attempts, in milliseconds (0: admitted). The SQL of
 * ./mutations.ts decides admission by the same rule in one statement; this tells the refused how
 * long to wait.
 */
export function blockedFor(rule: ThrottleRule, row: CounterRow | null, now: Date): number {
  if (!row || expired(rule, row, now)) return 0;
  const t = now.getTime();
  const waits = [
    row.lockedUntil ? row.lockedUntil.getTime() - t : 0,
    rule.cap !== null && row.count >= rule.cap ? row.windowStart.getTime() + rule.windowMs - t : 0,
    row.lastAt.getTime() + delayAfter(rule, row.count) - t,
  ];
  return Math.max(0, ...waits);
}

/** "через 15 минут", "через 40 секунд": a wait, rounded up, in the Russian way. */
export function waitPhrase(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / SECOND));
  if (seconds < 60) return `через ${seconds} ${plural(seconds, ["секунду", "секунды", "секунд"])}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `через ${minutes} ${plural(minutes, ["минуту", "минуты", "минут"])}`;
  const hours = Math.ceil(minutes / 60);
  return `через ${hours} ${plural(hours, ["час", "часа", "часов"])}`;
}
