// A real OpenID Connect provider for the end-to-end tests (the `oidc-provider` package, the same
// library many production IdPs are built on), standing in for ESIA: any login name signs in as a
// citizen with ESIA-like claims, including SNILS and a verified e-mail. Started by playwright.config.ts.
import Provider from "oidc-provider";
import { OIDC_TAKEN_EMAIL, OIDC_TAKEN_EMAIL_LOGIN, OIDC_TEST_CITIZEN } from "./oidc-provider-claims";

const port = Number(process.env.OIDC_TEST_PORT ?? 3201);
const appUrl = process.env.APP_URL ?? "http://localhost:3100";
export const OIDC_TEST_CLIENT = { id: "reglament-e2e", secret: "e2e-secret-not-for-production" };

const provider = new Provider(`http://localhost:${port}`, {
  clients: [
    {
      client_id: OIDC_TEST_CLIENT.id,
      client_secret: OIDC_TEST_CLIENT.secret,
      redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: {
    openid: ["sub"],
    profile: ["family_name", "given_name", "middle_name", "birthdate"],
    email: ["email", "email_verified"],
    phone: ["phone_number"],
    address: ["address"],
    snils: ["snils"],
  },
  scopes: ["openid", "profile", "email", "phone", "address", "snils"],
  // Put the claims into the ID token too, as ESIA gateways commonly do.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    // email_verified: true — the provider vouches for the address, as ESIA does for a confirmed one.
    const email = id === OIDC_TAKEN_EMAIL_LOGIN ? OIDC_TAKEN_EMAIL : OIDC_TEST_CITIZEN.email;
    return { accountId: id, claims: async () => ({ sub: id, ...OIDC_TEST_CITIZEN, email, email_verified: true }) };
  },
  cookies: { keys: ["e2e-cookie-key-not-for-production"] },
});

provider.listen(port, () => console.log(`test OpenID Connect provider on http://localhost:${port}`));
