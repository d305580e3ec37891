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
import { CLAIMABLE_ACCOUNT, loadIdentity, type Identity } from "./data";
import type { MappedIdentity } from "./oidc";
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "../errors";
import { appBaseUrl } from "../notification/config";
import { queueEmail } from "../notification/mutations";
import { accountClaimMessage } from "../notification/templates";

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
        select: { profile: true, roles: true },
      });
      await tx.user.update({
        where: { id: existingId },
        data: {
          lastName: m.lastName,
          firstName: m.firstName,
          middleName: m.middleName,
          ...(m.phone ? { phone: m.phone } : {}),
          profile: { ...(current.profile as Prisma.JsonObject), ...m.profile },
          roles: current.roles.includes("APPLICANT") ? undefined : { push: "APPLICANT" },
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
// Claiming an account a registrar opened for a paper application (R23: the applicant may later use
// the cabinet). Such an account has no password, so registering with its e-mail must not simply set
// one: that would hand the applicant's applications and personal data to anybody who types the
// address. Registration instead e-mails a one-time link (through the transactional outbox); the link
// page asks for the password and claims the account. Only the SHA-256 of the token is stored; a link
// expires, is used once, and dies with the account's claimability (a password or an identity from
// the provider set meanwhile).
// ---------------------------------------------------------------------------------------------

export const CLAIM_TTL_MS = 24 * 60 * 60 * 1000;
/** At most one letter per account in this time: registering again and again must not flood a mailbox. */
export const CLAIM_RESEND_MS = 10 * 60 * 1000;

export const INVALID_CLAIM_LINK =
  "Ссылка недействительна: она уже использована, устарела или учётная запись уже активирована. Войдите или зарегистрируйтесь ещё раз — мы пришлём новую ссылку.";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const claimLink = (token: string, baseUrl: string = appBaseUrl()) => `${baseUrl}/claim/${token}`;

export type ClaimRequest = {
  email: string;
  lastName: string;
  firstName: string;
  middleName?: string | null;
  phone?: string | null;
};

/**
 * When `email` belongs to a claimable account, e-mails it a claim link (unless one went out in the
 * last CLAIM_RESEND_MS; that link still works) and answers true; otherwise answers false and sends
 * nothing. The password typed at registration is not kept: the link page asks for it, so a
 * registrant who does not read the mailbox never gets a working password on the account.
 */
export async function requestAccountClaim(db: Db, input: ClaimRequest, now: Date = new Date()): Promise<boolean> {
  const email = input.email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { email, ...CLAIMABLE_ACCOUNT }, select: { id: true } });
    if (!user) return false;
    const recent = await tx.accountClaim.count({
      where: { userId: user.id, usedAt: null, createdAt: { gt: new Date(now.getTime() - CLAIM_RESEND_MS) } },
    });
    if (recent > 0) return true;
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + CLAIM_TTL_MS);
    await tx.accountClaim.create({
      data: {
        userId: user.id,
        tokenHash: hashToken(token),
        createdAt: now,
        expiresAt,
        lastName: input.lastName,
        firstName: input.firstName,
        middleName: input.middleName || null,
        phone: input.phone || null,
      },
    });
    const message = accountClaimMessage({ link: claimLink(token), expiresAt });
    await queueEmail(tx, { to: email, subject: message.title, body: message.body });
    return true;
  });
}

export type PendingClaim = {
  email: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  phone: string | null;
};

/** What the link page shows: the address and what was typed at registration; null for a dead link. */
export async function pendingClaim(db: Db, token: string, now: Date = new Date()): Promise<PendingClaim | null> {
  const claim = await db.accountClaim.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      expiresAt: true,
      usedAt: true,
      lastName: true,
      firstName: true,
      middleName: true,
      phone: true,
      user: { select: { email: true, ...claimableSelect } },
    },
  });
  if (!claim || claim.usedAt || claim.expiresAt <= now || !isClaimable(claim.user)) return null;
  return {
    email: claim.user.email,
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

/**
 * Takes the account: sets the password, name and phone, in one transaction with using the token up.
 * A used, expired or unknown token, or an account that meanwhile got a password or an identity, is
 * refused and changes nothing.
 */
export async function claimAccount(db: Db, input: ClaimInput, now: Date = new Date()): Promise<{ email: string }> {
  return db.$transaction(async (tx) => {
    // The conditional update is the single-use guard: of two requests with one token, one wins.
    const claim = await tx.accountClaim.findUnique({
      where: { tokenHash: hashToken(input.token) },
      select: { id: true, userId: true },
    });
    const used = claim
      ? await tx.accountClaim.updateMany({
          where: { id: claim.id, usedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now },
        })
      : { count: 0 };
    if (!claim || used.count !== 1) throw new AppError("PRECONDITION", INVALID_CLAIM_LINK);
    // Lock the account, then claim it only while nobody can sign in to it yet: another link of the
    // same account, or a first sign-in through the identity provider, may have taken it meanwhile.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${claim.userId}::uuid FOR UPDATE`;
    const taken = await tx.user.updateMany({
      where: { id: claim.userId, ...CLAIMABLE_ACCOUNT },
      data: {
        passwordHash: input.passwordHash,
        lastName: input.lastName,
        firstName: input.firstName,
        middleName: input.middleName || null,
        ...(input.phone ? { phone: input.phone } : {}),
      },
    });
    if (taken.count !== 1) throw new AppError("PRECONDITION", INVALID_CLAIM_LINK);
    // The account's other links die with its claimability; mark them used so that they say so.
    await tx.accountClaim.updateMany({ where: { userId: claim.userId, usedAt: null }, data: { usedAt: now } });
    return tx.user.findUniqueOrThrow({ where: { id: claim.userId }, select: { email: true } });
  });
}
