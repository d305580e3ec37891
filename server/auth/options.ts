// next-auth (v4) configuration: e-mail + password for staff and applicants, JWT sessions that carry
// roles and departments. Privileged procedures re-read roles from the database (server/api/trpc.ts).
import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { loadIdentity, sessionVersionOf } from "./data";
import { attachFreshIdentity, freshIdentityOf } from "./fresh-identity";
import { SIGN_IN_THROTTLED, zSignInInput } from "./schema";
import type { Role } from "../regulation/document";
import { decideExternalLink, endSessions, linkExternalIdentity, signInWithPassword } from "./mutations";
import { clientAddress } from "../throttle/client-address";
import { mapClaims, oidcConfig } from "./oidc";
import { personName } from "../people";
import { env } from "../env";
import { safeCallbackUrl } from "./callback-url";

const oidc = oidcConfig();

/** ESIA-compatible OpenID Connect provider, when configured (OIDC_ISSUER, see README). */
function oidcProvider(): Provider[] {
  if (!oidc) return [];
  return [
    {
      id: "oidc",
      name: oidc.name,
      type: "oauth",
      wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: oidc.scope } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: Record<string, unknown>) {
        const m = mapClaims(profile, oidc.claims);
        return { id: m.subject, email: m.email, name: personName(m) };
      },
    },
  ];
}

export const authOptions: NextAuthOptions = {
  secret: env().nextAuthSecret ?? undefined,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Электронная почта и пароль",
      credentials: {
        email: { label: "Электронная почта", type: "email" },
        password: { label: "Пароль", type: "password" },
      },
      async authorize(raw, req) {
        const parsed = zSignInInput.safeParse(raw);
        if (!parsed.success) return null;
        const result = await signInWithPassword(getDb(), {
          ...parsed.data,
          clientAddress: clientAddress(req?.headers ?? {}),
        });
        // A throttled attempt reaches the form as `error` (next-auth passes a thrown message on),
        // which words the wait (signInFailureMessage in ./schema.ts).
        if (!result.ok && result.retryAfterMs !== null) throw new Error(`${SIGN_IN_THROTTLED}:${result.retryAfterMs}`);
        if (!result.ok) return null;
        const { identity, sessionVersion } = result;
        return {
          id: identity.id,
          email: identity.email,
          name: identity.name,
          roles: identity.roles,
          departmentIds: identity.departmentIds,
          sessionVersion,
        };
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    // next-auth's own redirects (after OIDC, sign-out) follow a callback only within the app (issue 9).
    redirect({ url, baseUrl }) {
      return `${new URL(baseUrl).origin}${safeCallbackUrl(url, baseUrl)}`;
    },
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      if (!oidc || !profile) return false;
      // A refusal (an address of an account the provider may not open, see mutations.ts) goes to the
      // sign-in page as ?error=<code>, which explains it; next-auth passes a thrown message on.
      const decision = await decideExternalLink(
        getDb(),
        oidc.issuer,
        mapClaims(profile as Record<string, unknown>, oidc.claims),
      );
      if (decision.kind === "refuse") throw new Error(decision.code);
      return true;
    },
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "oidc" && oidc && profile) {
        // Link (or create) the local applicant and refresh the identity profile from the claims. The
        // decision of signIn above is taken again here, in the linking transaction.
        const identity = await linkExternalIdentity(
          getDb(),
          oidc.issuer,
          mapClaims(profile as Record<string, unknown>, oidc.claims),
        );
        token.sub = identity.id;
        token.email = identity.email;
        token.name = identity.name;
        token.roles = identity.roles;
        token.departmentIds = identity.departmentIds;
        token.authMethod = "oidc";
        token.sv = (await sessionVersionOf(getDb(), identity.id)) ?? -1;
        return token;
      }
      if (user) {
        const u = user as { id: string; roles: Role[]; departmentIds: string[]; sessionVersion: number };
        token.sub = u.id;
        token.roles = u.roles;
        token.departmentIds = u.departmentIds;
        token.authMethod = "password";
        token.sv = u.sessionVersion;
        return token;
      }
      // Every later read of the session re-reads the account: a deactivated user is signed out at
      // once (next-auth ends a session whose callback throws), and roles granted or revoked take
      // effect without signing in again — pages check roles from the session (requireRole). So is
      // a session ended on the server: sign-out, a password change or reset moved the account's
      // session version past the token's (a token without one predates the versions: it ends too).
      if (token.sub) {
        const identity = await loadIdentity(getDb(), token.sub, typeof token.sv === "number" ? token.sv : -1);
        if (!identity) throw new Error("the account is deactivated or deleted, or the session was ended: it ends");
        attachFreshIdentity(token, identity);
        token.email = identity.email;
        token.name = identity.name;
        token.roles = identity.roles;
        token.departmentIds = identity.departmentIds;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        id: token.sub!,
        email: token.email ?? "",
        name: token.name ?? "",
        roles: (token.roles as Role[] | undefined) ?? [],
        departmentIds: (token.departmentIds as string[] | undefined) ?? [],
        authMethod: token.authMethod ?? "password",
        sessionVersion: typeof token.sv === "number" ? token.sv : -1,
      };
      attachFreshIdentity(session, freshIdentityOf(token));
      return session;
    },
  },
  events: {
    // Sign-out ends the session on the server too (the token stays valid until it expires otherwise).
    async signOut({ token }) {
      if (token?.sub && typeof token.sv === "number") await endSessions(getDb(), token.sub, token.sv);
    },
  },
};
