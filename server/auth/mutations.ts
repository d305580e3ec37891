// Linking an external identity to a local user: by (issuer, subject) when seen before; else by an
// e-mail the provider vouches for (`email_verified: true`), and then only to an account nobody can
// sign in to yet — one a registrar opened for a paper application; else a new applicant. The
// profile is refreshed from the provider on every sign-in (it is the source of truth for identity
// data, R15 prefill).
//
// Never linked by e-mail: a staff or administrator account, an account with a password (whoever set
// it would share the account with the provider's user: somebody who registered the victim's address
// first keeps a working password) and an account with another identity. A taken address that cannot
// be linked is refused, never duplicated (User.email is unique): the sign-in page explains why.
import "server-only";
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import {
  CLAIMABLE_ACCOUNT,
  LINKED_ACCOUNT_OPEN,
  findUserForSignIn,
  loadIdentity,
  toIdentity,
  type Identity,
} from "./data";
import type { MappedIdentity } from "./oidc";
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "../errors";
import { appBaseUrl } from "../notification/config";
import { queueEmail } from "../notification/mutations";
import {
  accountClaimMessage,
  accountExistsMessage,
  passwordResetMessage,
  registrationConfirmMessage,
  staffInvitationMessage,
} from "../notification/templates";
import { dummyHash, verifyPassword } from "./password";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackUrl } from "./callback-url";
import { THROTTLES, waitPhrase } from "../throttle/policy";
import { admit, admitOrThrow, clearAttempts, uncountAttempt } from "../throttle/mutations";

/**
 * Why a sign-in through the provider was refused; the code travels to the sign-in page as `?error=`
 * (next-auth passes an error thrown in the signIn callback on), which explains it in Russian.
 */
export const OIDC_REFUSALS = {
  /** The address is a staff or administrator account's: they sign in with their password. */
  staff: "OidcStaffEmail",
  /** The address has an account with a password or another identity: sign in with that. */
  accountExists: "OidcAccountExists",
  /** The address has an account, and the provider does not vouch that the address is the person's. */
  emailUnverified: "OidcEmailUnverified",
  /** The account found is deactivated. */
  inactive: "OidcInactive",
} as const;
export type OidcRefusal = (typeof OIDC_REFUSALS)[keyof typeof OIDC_REFUSALS];

export class OidcLinkRefused extends Error {
  constructor(readonly code: OidcRefusal) {
    super(code);
    this.name = "OidcLinkRefused";
  }
}

type Decision = { kind: "known" | "link"; userId: string } | { kind: "create" } | { kind: "refuse"; code: OidcRefusal };

/**
 * What signing in with this identity would do, read-only. The sign-in callback asks first, so that a
 * refusal reaches the page with its reason; linkExternalIdentity asks again inside its transaction,
 * with the account locked, and that answer is the one that counts.
 */
export async function decideExternalLink(
  client: Db | Tx,
  provider: string,
  m: MappedIdentity,
  lock = false,
): Promise<Decision> {
  const known = await client.externalIdentity.findUnique({
    where: { provider_subject: { provider, subject: m.subject } },
    select: { userId: true, user: { select: { isActive: true } } },
  });
  if (known)
    return known.user.isActive
      ? { kind: "known", userId: known.userId }
      : { kind: "refuse", code: OIDC_REFUSALS.inactive };
  if (!m.email) return { kind: "create" };
  if (lock) await client.$queryRaw`SELECT 1 FROM "User" WHERE "email" = ${m.email} FOR UPDATE`;
  const byEmail = await client.user.findUnique({
    where: { email: m.email },
    select: {
      id: true,
      isActive: true,
      passwordHash: true,
      roles: true,
      _count: { select: { memberships: true, identities: true } },
    },
  });
  if (!byEmail) return { kind: "create" };
  // A provider's word about an e-mail never opens a staff or administrator account.
  if (byEmail.roles.some((r) => r !== "APPLICANT") || byEmail._count.memberships)
    return { kind: "refuse", code: OIDC_REFUSALS.staff };
  if (byEmail.passwordHash !== null || byEmail._count.identities)
    return { kind: "refuse", code: OIDC_REFUSALS.accountExists };
  if (!m.emailVerified) return { kind: "refuse", code: OIDC_REFUSALS.emailUnverified };
  if (!byEmail.isActive) return { kind: "refuse", code: OIDC_REFUSALS.inactive };
  return { kind: "link", userId: byEmail.id };
}

export async function linkExternalIdentity(db: Db, provider: string, m: MappedIdentity): Promise<Identity> {
  const userId = await db.$transaction(async (tx) => {
    const decision = await decideExternalLink(tx, provider, m, true);
    if (decision.kind === "refuse") throw new OidcLinkRefused(decision.code);
    if (decision.kind === "known" || decision.kind === "link") {
      const existingId = decision.userId;
      if (decision.kind === "link") {
        // Still nobody's to sign in to, under the lock taken above: claim it for this identity.
        const claimable = await tx.user.count({ where: { id: existingId, ...CLAIMABLE_ACCOUNT } });
        if (claimable !== 1) throw new OidcLinkRefused(OIDC_REFUSALS.accountExists);
      }
      const current = await tx.user.findUniqueOrThrow({
        where: { id: existingId },
        select: { profile: true, roles: true, email: true, emailVerifiedAt: true },
      });
      // The provider vouching for the account's own address proves it (paper applications filed
      // under it are then matched to this account: intake/mutations.ts).
      const proven = m.emailVerified && m.email === current.email && !current.emailVerifiedAt;
      await tx.user.update({
        where: { id: existingId },
        data: {
          lastName: m.lastName,
          firstName: m.firstName,
          middleName: m.middleName,
          ...(m.phone ? { phone: m.phone } : {}),
          profile: { ...(current.profile as Prisma.JsonObject), ...m.profile },
          roles: current.roles.includes("APPLICANT") ? undefined : { push: "APPLICANT" },
          ...(proven ? { emailVerifiedAt: new Date() } : {}),
        },
      });
      if (decision.kind === "link") {
        await tx.externalIdentity.create({ data: { provider, subject: m.subject, userId: existingId } });
        // Outstanding claim links of the account are void now that it has an owner.
        await tx.accountClaim.updateMany({ where: { userId: existingId, usedAt: null }, data: { usedAt: new Date() } });
      }
      return existingId;
    }
    const created = await tx.user.create({
      data: {
        // Without an e-mail from the provider the account still needs a unique address to sign in with.
        email: m.email ?? `${provider}.${m.subject}@oidc.invalid`,
        emailVerifiedAt: m.email && m.emailVerified ? new Date() : null,
        lastName: m.lastName,
        firstName: m.firstName,
        middleName: m.middleName,
        phone: m.phone,
        roles: ["APPLICANT"],
        profile: m.profile,
        identities: { create: { provider, subject: m.subject } },
      },
      select: { id: true },
    });
    return created.id;
  });
  const identity = await loadIdentity(db, userId);
  if (!identity) throw new OidcLinkRefused(OIDC_REFUSALS.inactive);
  return identity;
}

// ---------------------------------------------------------------------------------------------
// One-time links that prove a mailbox (AccountClaim): a registration, the claim of an account a
// registrar opened for a paper application (R23: the applicant may later use the cabinet), and a
// password reset. One mechanism for the three: the token goes out only in the e-mail (through the
// transactional outbox), only its SHA-256 is stored, it expires and is used once.
//
// A password is set only on a link's page, by whoever reads the mailbox: registration asks none, so
// a stranger who registers somebody's address first gets nothing that signs in, and an account
// with paper applications filed under the address goes to whoever proves it. Registration itself
// creates no account: the link does, so an unproven registration holds no address either.
//
// Every request for a link answers the same whether the address has an account or not (the
// registration page and "Забыли пароль?" tell nothing about who is registered): what differs is
// only the letter the mailbox receives. Letters are throttled per address (THROTTLES.accountLinks),
// registrations also per client address.
// ---------------------------------------------------------------------------------------------

export const CLAIM_TTL_MS = 24 * 60 * 60 * 1000;
/** A reset link opens an existing account: it lives an hour (ASVS 2.5.x: short-lived recovery). */
export const RESET_TTL_MS = 60 * 60 * 1000;

export const INVALID_CLAIM_LINK =
  "Ссылка недействительна: она уже использована, устарела или учётная запись уже активирована. Войдите или зарегистрируйтесь ещё раз — мы пришлём новую ссылку.";
export const INVALID_RESET_LINK =
  "Ссылка недействительна: она уже использована или устарела. Запросите восстановление пароля ещё раз.";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The page a claim or registration letter links to; `returnTo` (a path of the app) rides along as `next`. */
export function claimLink(token: string, baseUrl: string = appBaseUrl(), returnTo?: string): string {
  const next = returnPath(returnTo, baseUrl);
  return `${baseUrl}/claim/${token}${next ? `?next=${encodeURIComponent(next)}` : ""}`;
}

/** A path of this app to go back to, or null (none given, or one that leads elsewhere). */
function returnPath(returnTo: string | undefined, baseUrl: string): string | null {
  if (!returnTo) return null;
  const path = safeCallbackUrl(returnTo, baseUrl);
  return path === DEFAULT_AFTER_SIGN_IN ? null : path;
}
export const resetLink = (token: string, baseUrl: string = appBaseUrl()) => `${baseUrl}/reset-password/${token}`;

const tooManyLetters = (ms: number) =>
  `На этот адрес уже отправлено несколько писем. Проверьте почту (и папку «Спам») или повторите ${waitPhrase(ms)}.`;
const tooManyRegistrations = (ms: number) =>
  `Слишком много регистраций с вашего устройства или сети. Повторите ${waitPhrase(ms)}.`;

export type ClaimRequest = {
  email: string;
  lastName: string;
  firstName: string;
  middleName?: string | null;
  phone?: string | null;
  /** Registration only: where the newcomer was going (issue 16 p.3). */
  returnTo?: string;
};

type Person = { lastName: string; firstName: string; middleName: string | null; phone: string | null };

/** A new link's token, its row, and when it expires. */
async function issueLink(
  tx: Tx,
  link: { userId: string | null; email: string; purpose: "CLAIM" | "RESET"; person: Person },
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + (link.purpose === "RESET" ? RESET_TTL_MS : CLAIM_TTL_MS));
  await tx.accountClaim.create({
    data: {
      userId: link.userId,
      email: link.email,
      purpose: link.purpose,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt,
      ...link.person,
    },
  });
  return { token, expiresAt };
}

const personOf = (input: ClaimRequest): Person => ({
  lastName: input.lastName,
  firstName: input.firstName,
  middleName: input.middleName || null,
  phone: input.phone || null,
});

/**
 * Registration: e-mails the address a link whose page sets the password (a new address, or an
 * account a registrar opened for a paper application), or, for an address that already has an
 * account, a letter saying so. The answer is the same in every case. Throttled per client address
 * and per e-mail address (TOO_MANY).
 */
export async function requestRegistration(
  db: Db,
  input: ClaimRequest,
  clientAddress: string | null,
  now: Date = new Date(),
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  if (clientAddress) await admitOrThrow(db, THROTTLES.registrationAddress, clientAddress, tooManyRegistrations, now);
  await admitOrThrow(db, THROTTLES.accountLinks, email, tooManyLetters, now);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, ...claimableSelect } });
    if (user && !isClaimable(user)) {
      const base = appBaseUrl();
      const next = returnPath(input.returnTo, base);
      const message = accountExistsMessage({
        signInUrl: `${base}/sign-in${next ? `?callbackUrl=${encodeURIComponent(next)}` : ""}`,
        resetUrl: `${base}/forgot-password`,
      });
      await queueEmail(tx, { to: email, subject: message.title, body: message.body });
      return;
    }
    const { token, expiresAt } = await issueLink(
      tx,
      { userId: user?.id ?? null, email, purpose: "CLAIM", person: personOf(input) },
      now,
    );
    const message = (user ? accountClaimMessage : registrationConfirmMessage)({
      link: claimLink(token, appBaseUrl(), input.returnTo),
      expiresAt,
    });
    await queueEmail(tx, { to: email, subject: message.title, body: message.body });
  });
}

/**
 * The claim link of an account a registrar opened, when `email` belongs to one (answers true), sent
 * subject to the per-address throttle; false (nothing sent) otherwise. "Забыли пароль?" on such an
 * account leads here: it has no password to reset.
 */
export async function requestAccountClaim(db: Db, input: ClaimRequest, now: Date = new Date()): Promise<boolean> {
  const email = input.email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { email, ...CLAIMABLE_ACCOUNT }, select: { id: true } });
    if (!user) return false;
    const { token, expiresAt } = await issueLink(
      tx,
      { userId: user.id, email, purpose: "CLAIM", person: personOf(input) },
      now,
    );
    const message = accountClaimMessage({ link: claimLink(token), expiresAt });
    await queueEmail(tx, { to: email, subject: message.title, body: message.body });
    return true;
  });
}

export type PendingClaim = {
  email: string;
  /** The link is an administrator's invitation of a staff member (its page says so). */
  invitedStaff: boolean;
  lastName: string;
  firstName: string;
  middleName: string | null;
  phone: string | null;
};

/** A link of `purpose` that is still usable, with what its page needs; null for a dead link. */
async function liveLink(db: Db, token: string, purpose: "CLAIM" | "RESET", now: Date) {
  const link = await db.accountClaim.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      purpose: true,
      expiresAt: true,
      usedAt: true,
      lastName: true,
      firstName: true,
      middleName: true,
      phone: true,
      user: { select: { email: true, ...claimableSelect } },
    },
  });
  if (!link || link.purpose !== purpose || link.usedAt || link.expiresAt <= now) return null;
  return link;
}

/** What the claim link's page shows: the address and what was typed at registration; null for a dead link. */
export async function pendingClaim(db: Db, token: string, now: Date = new Date()): Promise<PendingClaim | null> {
  const claim = await liveLink(db, token, "CLAIM", now);
  if (!claim) return null;
  if (claim.user) {
    if (!openByItsLink(claim.user)) return null;
  } else {
    // A registration's link: the address must still have no account anybody can sign in to (one a
    // registrar opened meanwhile is fine: the link takes it, paper applications and all).
    const existing = await db.user.findUnique({ where: { email: claim.email }, select: claimableSelect });
    if (existing && !isClaimable(existing)) return null;
  }
  return {
    email: claim.email,
    invitedStaff: !!claim.user && !isClaimable(claim.user),
    lastName: claim.lastName,
    firstName: claim.firstName,
    middleName: claim.middleName,
    phone: claim.phone,
  };
}

const claimableSelect = {
  isActive: true,
  passwordHash: true,
  roles: true,
  _count: { select: { identities: true, memberships: true } },
} as const;
/** LINKED_ACCOUNT_OPEN (./data.ts), for an account already read. */
const openByItsLink = (u: { isActive: boolean; passwordHash: string | null; _count: { identities: number } }) =>
  u.isActive && u.passwordHash === null && u._count.identities === 0;
function isClaimable(u: {
  isActive: boolean;
  passwordHash: string | null;
  roles: string[];
  _count: { identities: number; memberships: number };
}): boolean {
  return (
    u.isActive &&
    u.passwordHash === null &&
    u._count.identities === 0 &&
    u._count.memberships === 0 &&
    u.roles.every((r) => r === "APPLICANT")
  );
}

export type ClaimInput = {
  token: string;
  passwordHash: string;
  lastName: string;
  firstName: string;
  middleName?: string | null;
  phone?: string | null;
};

/** Uses a link up, once: of two requests with one token, the conditional update lets one win. */
async function useLink(tx: Tx, token: string, purpose: "CLAIM" | "RESET", now: Date, invalid: string) {
  const link = await tx.accountClaim.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, email: true, purpose: true },
  });
  const used =
    link && link.purpose === purpose
      ? await tx.accountClaim.updateMany({
          where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now },
        })
      : { count: 0 };
  if (!link || used.count !== 1) throw new AppError("PRECONDITION", invalid);
  return link;
}

/**
 * Takes the account (or, for a registration's link, creates it): sets the password, name and phone
 * and marks the address proven, in one transaction with using the token up. A used, expired or
 * unknown token, or an address that meanwhile got an account somebody signs in to, is refused and
 * changes nothing.
 */
export async function claimAccount(db: Db, input: ClaimInput, now: Date = new Date()): Promise<{ email: string }> {
  const person = {
    passwordHash: input.passwordHash,
    lastName: input.lastName,
    firstName: input.firstName,
    middleName: input.middleName || null,
    emailVerifiedAt: now,
  };
  return db.$transaction(async (tx) => {
    const claim = await useLink(tx, input.token, "CLAIM", now, INVALID_CLAIM_LINK);
    // Lock the account, then claim it only while nobody can sign in to it yet: another link of the
    // same address, or a first sign-in through the identity provider, may have taken it meanwhile.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id"::text AS "id" FROM "User" WHERE "email" = ${claim.email} FOR UPDATE`;
    const userId = claim.userId ?? rows[0]?.id ?? null;
    if (userId === null) {
      // A registration's link and still no account: create it. Two links of one address racing here
      // meet on the unique address (a conflict), and the loser's token stays unused.
      await tx.user.create({
        data: { ...person, email: claim.email, phone: input.phone || null, roles: ["APPLICANT"] },
        select: { id: true },
      });
    } else {
      const taken = await tx.user.updateMany({
        where: { id: userId, email: claim.email, ...(claim.userId ? LINKED_ACCOUNT_OPEN : CLAIMABLE_ACCOUNT) },
        data: { ...person, ...(input.phone ? { phone: input.phone } : {}) },
      });
      if (taken.count !== 1) throw new AppError("PRECONDITION", INVALID_CLAIM_LINK);
    }
    // The address's other links die with its claimability; mark them used so that they say so.
    await tx.accountClaim.updateMany({
      where: { email: claim.email, purpose: "CLAIM", usedAt: null },
      data: { usedAt: now },
    });
    return { email: claim.email };
  });
}

/**
 * An administrator invited a staff member (server/organisation/mutations.ts): a claim link to the
 * new account, whose page sets the password, e-mailed inside the caller's transaction. The account
 * has no password until then, so nobody signs in to it before the mailbox's owner has.
 */
export async function sendStaffInvitation(
  tx: Tx,
  invite: { userId: string; email: string; person: Person; departmentName: string; roleLabel: string },
  now: Date = new Date(),
): Promise<void> {
  const { token, expiresAt } = await issueLink(
    tx,
    { userId: invite.userId, email: invite.email, purpose: "CLAIM", person: invite.person },
    now,
  );
  const message = staffInvitationMessage({
    link: claimLink(token),
    expiresAt,
    departmentName: invite.departmentName,
    roleLabel: invite.roleLabel,
  });
  await queueEmail(tx, { to: invite.email, subject: message.title, body: message.body });
}

/**
 * "Забыли пароль?": a reset link to an account with a password, a claim link to one a registrar
 * opened (it has none yet), nothing otherwise (no account, a deactivated one, one that signs in only
 * through the identity provider). The caller answers the same in every case. Throttled per address
 * (counted whether an account exists or not, so the refusal tells nothing either).
 */
export async function requestPasswordReset(db: Db, rawEmail: string, now: Date = new Date()): Promise<void> {
  const email = rawEmail.trim().toLowerCase();
  await admitOrThrow(db, THROTTLES.accountLinks, email, tooManyLetters, now);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, lastName: true, firstName: true, middleName: true, phone: true, ...claimableSelect },
  });
  if (!user || !user.isActive) return;
  const person = { lastName: user.lastName, firstName: user.firstName, middleName: user.middleName, phone: user.phone };
  if (isClaimable(user)) {
    await requestAccountClaim(db, { email, ...person }, now);
    return;
  }
  if (user.passwordHash === null) return;
  await db.$transaction(async (tx) => {
    const { token, expiresAt } = await issueLink(tx, { userId: user.id, email, purpose: "RESET", person }, now);
    const message = passwordResetMessage({ link: resetLink(token), expiresAt });
    await queueEmail(tx, { to: email, subject: message.title, body: message.body });
  });
}

/** The reset link's page: the address, or null for a dead link. */
export async function pendingReset(db: Db, token: string, now: Date = new Date()): Promise<{ email: string } | null> {
  const link = await liveLink(db, token, "RESET", now);
  if (!link?.user || !link.user.isActive || link.user.email !== link.email) return null;
  return { email: link.email };
}

/**
 * Sets a new password through a reset link, once. It proves the mailbox too, ends every session of
 * the account (the session version) and lifts a sign-in lock: the owner who proved the mailbox is
 * let back in, whoever was guessing is not.
 */
export async function resetPassword(
  db: Db,
  input: { token: string; passwordHash: string },
  now: Date = new Date(),
): Promise<{ email: string }> {
  const email = await db.$transaction(async (tx) => {
    const link = await useLink(tx, input.token, "RESET", now, INVALID_RESET_LINK);
    if (!link.userId) throw new AppError("PRECONDITION", INVALID_RESET_LINK);
    // The account must still have the address the link went to, and be active.
    const updated = await tx.user.updateMany({
      where: { id: link.userId, email: link.email, isActive: true },
      data: { passwordHash: input.passwordHash, sessionVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("PRECONDITION", INVALID_RESET_LINK);
    await tx.user.updateMany({ where: { id: link.userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    await tx.accountClaim.updateMany({
      where: { userId: link.userId, purpose: "RESET", usedAt: null },
      data: { usedAt: now },
    });
    return link.email;
  });
  await clearAttempts(db, THROTTLES.signInAccount, email);
  return { email };
}

// ---------------------------------------------------------------------------------------------
// Signing in with a password, changing it, signing out.
// ---------------------------------------------------------------------------------------------

export type PasswordSignIn =
  { ok: true; identity: Identity; sessionVersion: number } | { ok: false; retryAfterMs: number | null };

/**
 * The credentials check, throttled (THROTTLES.signInAccount and signInAddress). The attempt is
 * counted before the password is looked at, in one atomic statement, so parallel guesses cannot
 * all slip past the count; a right password then clears the account's counter and takes the
 * attempt back from the address's. While a key is locked or waiting out its delay, nothing is
 * checked at all: a right password does not sign in either (retryAfterMs says how long to wait).
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; clientAddress: string | null },
  now: Date = new Date(),
): Promise<PasswordSignIn> {
  const email = input.email.trim().toLowerCase();
  if (input.clientAddress) {
    const byAddress = await admit(db, THROTTLES.signInAddress, input.clientAddress, now);
    if (!byAddress.admitted) return { ok: false, retryAfterMs: byAddress.retryAfterMs };
  }
  const byAccount = await admit(db, THROTTLES.signInAccount, email, now);
  if (!byAccount.admitted) {
    if (input.clientAddress) await uncountAttempt(db, THROTTLES.signInAddress, input.clientAddress);
    return { ok: false, retryAfterMs: byAccount.retryAfterMs };
  }
  const user = await findUserForSignIn(db, email);
  // Compare against a dummy hash for unknown e-mails: the answer and its timing are the same.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !user.isActive || !user.passwordHash || !ok) return { ok: false, retryAfterMs: null };
  await clearAttempts(db, THROTTLES.signInAccount, email);
  if (input.clientAddress) await uncountAttempt(db, THROTTLES.signInAddress, input.clientAddress);
  return { ok: true, identity: toIdentity(user), sessionVersion: user.sessionVersion };
}

export const WRONG_CURRENT_PASSWORD = "Неверный текущий пароль";

/**
 * Changes the password of a signed-in account: the current one is required (a session left open
 * on a shared computer must not be enough) and its failures count like failed sign-ins. Every
 * session of the account ends, this one included: the user signs in again with the new password.
 */
export async function changePassword(
  db: Db,
  input: { userId: string; currentPassword: string; passwordHash: string },
  now: Date = new Date(),
): Promise<void> {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { email: true, passwordHash: true, isActive: true },
  });
  if (!user || !user.isActive) throw new AppError("UNAUTHORIZED", "Войдите в систему, чтобы продолжить");
  if (!user.passwordHash)
    throw new AppError(
      "PRECONDITION",
      "У учётной записи нет пароля: вы входите через внешнюю систему. Пароль можно задать через «Забыли пароль?» на странице входа.",
    );
  await admitOrThrow(
    db,
    THROTTLES.signInAccount,
    user.email,
    (ms) => `Слишком много неудачных попыток. Повторите ${waitPhrase(ms)}.`,
    now,
  );
  if (!(await verifyPassword(input.currentPassword, user.passwordHash)))
    throw new AppError("INVALID", WRONG_CURRENT_PASSWORD, { currentPassword: WRONG_CURRENT_PASSWORD });
  await clearAttempts(db, THROTTLES.signInAccount, user.email);
  // Conditional on the hash read above: a reset or another change in between wins, this one fails.
  const changed = await db.user.updateMany({
    where: { id: input.userId, passwordHash: user.passwordHash },
    data: { passwordHash: input.passwordHash, sessionVersion: { increment: 1 } },
  });
  if (changed.count !== 1)
    throw new AppError("CONFLICT", "Пароль только что изменили в другом окне. Войдите с новым паролем.");
}

/**
 * Sign-out ends the session on the server: the account's session version moves on, so the token is
 * void even where a copy of it outlives the cookie (and so are the account's other sessions). Only
 * while the token is current: signing out with a token that is already void changes nothing.
 */
export async function endSessions(db: Db, userId: string, sessionVersion: number): Promise<void> {
  await db.user.updateMany({ where: { id: userId, sessionVersion }, data: { sessionVersion: { increment: 1 } } });
}
