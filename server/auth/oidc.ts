// Sign-in through an identity provider speaking OpenID Connect (ESIA-compatible, R15, R17). Issuer,
// client and the mapping of claims to the identity profile come from configuration, so the same
// code talks to ESIA (through a gateway), a regional IdP or the test provider.
import { env, parseEnv, type RawEnv } from "../env";
import type { IdentityProfile } from "../application/prefill";

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  scope: string;
  /**
   * Profile field → claim name (dots reach into objects: "address.formatted"). `emailVerified` names
   * the claim by which the provider vouches for the e-mail: only an e-mail it is `true` for may
   * find an existing account (mutations.ts).
   */
  claims: Partial<Record<keyof IdentityProfile | "emailVerified", string>>;
};

/** ESIA-like defaults: standard OIDC claims plus `snils` and `passport`. */
export const DEFAULT_CLAIMS: OidcConfig["claims"] = {
  lastName: "family_name",
  firstName: "given_name",
  middleName: "middle_name",
  email: "email",
  emailVerified: "email_verified",
  phone: "phone_number",
  snils: "snils",
  birthDate: "birthdate",
  passport: "passport",
  address: "address.formatted",
  inn: "inn",
};

/** The configured provider (server/env.ts: OIDC_*), or (tests) the one the given variables make. */
export function oidcConfig(raw?: RawEnv): OidcConfig | null {
  const oidc = (raw ? parseEnv(raw) : env()).oidc;
  if (!oidc) return null;
  return { ...oidc, claims: { ...DEFAULT_CLAIMS, ...(oidc.claims as OidcConfig["claims"]) } };
}

function rawClaim(claims: Record<string, unknown>, path: string | undefined): unknown {
  if (!path) return undefined;
  let v: unknown = claims;
  for (const part of path.split(".")) v = v && typeof v === "object" ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

function claim(claims: Record<string, unknown>, path: string | undefined): string | undefined {
  const v = rawClaim(claims, path);
  return typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : undefined;
}

export type MappedIdentity = {
  subject: string;
  email: string | null;
  /** The provider asserted the e-mail is the person's (`email_verified: true`, a JSON boolean). */
  emailVerified: boolean;
  lastName: string;
  firstName: string;
  middleName: string | null;
  phone: string | null;
  profile: Record<string, string>;
};

/** Turns provider claims into our identity profile; what the provider does not send stays unset. */
export function mapClaims(claims: Record<string, unknown>, mapping: OidcConfig["claims"]): MappedIdentity {
  const get = (k: keyof IdentityProfile) => claim(claims, mapping[k]);
  const profile: Record<string, string> = {};
  for (const k of ["snils", "birthDate", "passport", "address", "inn"] as const) {
    const v = get(k);
    if (v) profile[k] = v;
  }
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  if (!subject) throw new Error("the identity provider sent no subject (sub)");
  return {
    subject,
    email: get("email")?.toLowerCase() ?? null,
    // Strictly the boolean: a string "true", a missing claim or anything else vouches for nothing.
    emailVerified: rawClaim(claims, mapping.emailVerified) === true,
    lastName: get("lastName") ?? "—",
    firstName: get("firstName") ?? "—",
    middleName: get("middleName") ?? null,
    phone: get("phone") ?? null,
    profile,
  };
}
