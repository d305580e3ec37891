// Claiming an account a registrar opened for a paper application (R23: the applicant may later use
// the cabinet). Such an account has no password, so registering with its e-mail must not simply set
// one: that would hand the applicant's applications and personal data to anybody who types the
// address. Registration instead e-mails a one-time link (through the transactional outbox); the link
// page asks for the password and claims the account. Only the SHA-256 of the token is stored; a link
// expires, is used once, and dies with the account's claimability (a password or an identity from
// the provider set meanwhile).
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { appBaseUrl } from "../notification/config";
import { queueEmail } from "../notification/mutations";
import { accountClaimMessage } from "../notification/templates";
import { CLAIMABLE_ACCOUNT } from "./data";

export const CLAIM_TTL_MS = 24 * 60 * 60 * 1000;
/** At most one letter per account in this time: registering again and again must not flood a mailbox. */
export const CLAIM_RESEND_MS = 10 * 60 * 1000;

export const INVALID_CLAIM_LINK = "Ссылка недействительна: она уже использована, устарела или учётная запись уже активирована. Войдите или зарегистрируйтесь ещё раз — мы пришлём новую ссылку.";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const claimLink = (token: string, baseUrl: string = appBaseUrl()) => `${baseUrl}/claim/${token}`;

export type ClaimRequest = { email: string; lastName: string; firstName: string; middleName?: string | null; phone?: string | null };

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
    const recent = await tx.accountClaim.count({ where: { userId: user.id, usedAt: null, createdAt: { gt: new Date(now.getTime() - CLAIM_RESEND_MS) } } });
    if (recent > 0) return true;
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + CLAIM_TTL_MS);
    await tx.accountClaim.create({
      data: {
        userId: user.id, tokenHash: hashToken(token), createdAt: now, expiresAt,
        lastName: input.lastName, firstName: input.firstName, middleName: input.middleName || null, phone: input.phone || null,
      },
    });
    const message = accountClaimMessage({ link: claimLink(token), expiresAt });
    await queueEmail(tx, { to: email, subject: message.title, body: message.body });
    return true;
  });
}

export type PendingClaim = { email: string; lastName: string; firstName: string; middleName: string | null; phone: string | null };

/** What the link page shows: the address and what was typed at registration; null for a dead link. */
export async function pendingClaim(db: Db, token: string, now: Date = new Date()): Promise<PendingClaim | null> {
  const claim = await db.accountClaim.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { expiresAt: true, usedAt: true, lastName: true, firstName: true, middleName: true, phone: true, user: { select: { email: true, ...claimableSelect } } },
  });
  if (!claim || claim.usedAt || claim.expiresAt <= now || !isClaimable(claim.user)) return null;
  return { email: claim.user.email, lastName: claim.lastName, firstName: claim.firstName, middleName: claim.middleName, phone: claim.phone };
}

const claimableSelect = { isActive: true, passwordHash: true, roles: true, _count: { select: { identities: true, memberships: true } } } as const;
function isClaimable(u: { isActive: boolean; passwordHash: string | null; roles: string[]; _count: { identities: number; memberships: number } }): boolean {
  return u.isActive && u.passwordHash === null && u._count.identities === 0 && u._count.memberships === 0 && u.roles.every((r) => r === "APPLICANT");
}

export type ClaimInput = { token: string; passwordHash: string; lastName: string; firstName: string; middleName?: string | null; phone?: string | null };

/**
 * Takes the account: sets the password, name and phone, in one transaction with using the token up.
 * A used, expired or unknown token, or an account that meanwhile got a password or an identity, is
 * refused and changes nothing.
 */
export async function claimAccount(db: Db, input: ClaimInput, now: Date = new Date()): Promise<{ email: string }> {
  return db.$transaction(async (tx) => {
    // The conditional update is the single-use guard: of two requests with one token, one wins.
    const claim = await tx.accountClaim.findUnique({ where: { tokenHash: hashToken(input.token) }, select: { id: true, userId: true } });
    const used = claim ? await tx.accountClaim.updateMany({ where: { id: claim.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } }) : { count: 0 };
    if (!claim || used.count !== 1) throw new AppError("PRECONDITION", INVALID_CLAIM_LINK);
    // Lock the account, then claim it only while nobody can sign in to it yet: another link of the
    // same account, or a first sign-in through the identity provider, may have taken it meanwhile.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${claim.userId}::uuid FOR UPDATE`;
    const taken = await tx.user.updateMany({
      where: { id: claim.userId, ...CLAIMABLE_ACCOUNT },
      data: {
        passwordHash: input.passwordHash, lastName: input.lastName, firstName: input.firstName,
        middleName: input.middleName || null, ...(input.phone ? { phone: input.phone } : {}),
      },
    });
    if (taken.count !== 1) throw new AppError("PRECONDITION", INVALID_CLAIM_LINK);
    // The account's other links die with its claimability; mark them used so that they say so.
    await tx.accountClaim.updateMany({ where: { userId: claim.userId, usedAt: null }, data: { usedAt: now } });
    return tx.user.findUniqueOrThrow({ where: { id: claim.userId }, select: { email: true } });
  });
}
