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
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { CLAIMABLE_ACCOUNT, loadIdentity, type Identity } from "./data";
import type { MappedIdentity } from "./oidc";

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
export async function decideExternalLink(client: Db | Tx, provider: string, m: MappedIdentity, lock = false): Promise<Decision> {
  const known = await client.externalIdentity.findUnique({ where: { provider_subject: { provider, subject: m.subject } }, select: { userId: true, user: { select: { isActive: true } } } });
  if (known) return known.user.isActive ? { kind: "known", userId: known.userId } : { kind: "refuse", code: OIDC_REFUSALS.inactive };
  if (!m.email) return { kind: "create" };
  if (lock) await client.$queryRaw`SELECT 1 FROM "User" WHERE "email" = ${m.email} FOR UPDATE`;
  const byEmail = await client.user.findUnique({
    where: { email: m.email },
    select: { id: true, isActive: true, passwordHash: true, roles: true, _count: { select: { memberships: true, identities: true } } },
  });
  if (!byEmail) return { kind: "create" };
  // A provider's word about an e-mail never opens a staff or administrator account.
  if (byEmail.roles.some((r) => r !== "APPLICANT") || byEmail._count.memberships) return { kind: "refuse", code: OIDC_REFUSALS.staff };
  if (byEmail.passwordHash !== null || byEmail._count.identities) return { kind: "refuse", code: OIDC_REFUSALS.accountExists };
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
      const current = await tx.user.findUniqueOrThrow({ where: { id: existingId }, select: { profile: true, roles: true } });
      await tx.user.update({
        where: { id: existingId },
        data: {
          lastName: m.lastName, firstName: m.firstName, middleName: m.middleName, ...(m.phone ? { phone: m.phone } : {}),
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
        lastName: m.lastName, firstName: m.firstName, middleName: m.middleName, phone: m.phone,
        roles: ["APPLICANT"], profile: m.profile,
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
