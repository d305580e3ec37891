// Linking an external identity to a local user: by (issuer, subject) when seen before, else by a
// verified e-mail, else a new applicant. The profile is refreshed from the provider on every sign-in
// (it is the source of truth for identity data, R15 prefill).
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { loadIdentity, type Identity } from "./data";
import type { MappedIdentity } from "./oidc";

export async function linkExternalIdentity(db: Db, provider: string, m: MappedIdentity): Promise<Identity> {
  const userId = await db.$transaction(async (tx) => {
    const known = await tx.externalIdentity.findUnique({ where: { provider_subject: { provider, subject: m.subject } }, select: { userId: true } });
    const byEmail = !known && m.email ? await tx.user.findUnique({ where: { email: m.email }, select: { id: true, roles: true, memberships: { select: { role: true } } } }) : null;
    // A provider's word about an e-mail never opens a staff or administrator account.
    if (byEmail && (byEmail.roles.some((r) => r !== "APPLICANT") || byEmail.memberships.length)) {
      throw new Error("STAFF_EMAIL");
    }
    const existingId = known?.userId ?? byEmail?.id;
    if (existingId) {
      const current = await tx.user.findUniqueOrThrow({ where: { id: existingId }, select: { profile: true, roles: true } });
      await tx.user.update({
        where: { id: existingId },
        data: {
          lastName: m.lastName, firstName: m.firstName, middleName: m.middleName, ...(m.phone ? { phone: m.phone } : {}),
          profile: { ...(current.profile as Prisma.JsonObject), ...m.profile },
          roles: current.roles.includes("APPLICANT") ? undefined : { push: "APPLICANT" },
        },
      });
      if (!known) await tx.externalIdentity.create({ data: { provider, subject: m.subject, userId: existingId } });
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
  if (!identity) throw new Error("linked user is inactive");
  return identity;
}
