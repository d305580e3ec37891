// Linking identities from the OpenID Connect provider (R15 prefill source, R17 signature method).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { applicantAccount } from "../test/factories";
import { decideExternalLink, linkExternalIdentity, OIDC_REFUSALS } from "./mutations";
import { DEFAULT_CLAIMS, mapClaims, oidcConfig } from "./oidc";

let t: TestDatabase;
const ISSUER = "https://esia.example";
const claims = {
  sub: "esia-1001",
  family_name: "Соколова",
  given_name: "Елена",
  middle_name: "Андреевна",
  email: "Sokolova@Example.ru",
  phone_number: "+79825550177",
  snils: "112-233-445 95",
  birthdate: "1979-11-02",
  address: { formatted: "п. Половинка, ул. Лесная, 3" },
};

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
});
afterAll(() => t.drop());

describe("OpenID Connect identities", () => {
  it("maps claims to the identity profile, nested paths included", () => {
    const m = mapClaims(claims, DEFAULT_CLAIMS);
    expect(m).toMatchObject({
      subject: "esia-1001",
      email: "sokolova@example.ru",
      lastName: "Соколова",
      middleName: "Андреевна",
    });
    expect(m.profile).toEqual({
      snils: "112-233-445 95",
      birthDate: "1979-11-02",
      address: "п. Половинка, ул. Лесная, 3",
    });
    // The provider vouches for the e-mail only with the JSON boolean true.
    expect(m.emailVerified).toBe(false);
    expect(mapClaims({ ...claims, email_verified: true }, DEFAULT_CLAIMS).emailVerified).toBe(true);
    for (const v of ["true", 1, false, null])
      expect(mapClaims({ ...claims, email_verified: v }, DEFAULT_CLAIMS).emailVerified, String(v)).toBe(false);
    expect(() => mapClaims({ email: "x@y.ru" }, DEFAULT_CLAIMS)).toThrow(/no subject/);
  });

  it("reads its configuration, claim mapping included, and insists on a client", () => {
    expect(oidcConfig({})).toBeNull();
    expect(() => oidcConfig({ OIDC_ISSUER: ISSUER })).toThrow(/OIDC_CLIENT_ID/);
    const c = oidcConfig({
      OIDC_ISSUER: `${ISSUER}/`,
      OIDC_CLIENT_ID: "a",
      OIDC_CLIENT_SECRET: "b",
      OIDC_CLAIMS: '{"snils":"urn:esia:snils","emailVerified":"esia.email_trusted"}',
    })!;
    expect(c.issuer).toBe(ISSUER);
    expect(c.claims.snils).toBe("urn:esia:snils");
    expect(c.claims.lastName).toBe("family_name");
    expect(DEFAULT_CLAIMS.emailVerified).toBe("email_verified");
    expect(mapClaims({ ...claims, esia: { email_trusted: true } }, c.claims).emailVerified).toBe(true);
    expect(mapClaims({ ...claims, email_verified: true }, c.claims).emailVerified).toBe(false);
  });

  it("creates an applicant on first sign-in and finds the same one by subject afterwards", async () => {
    const first = await linkExternalIdentity(t.db, ISSUER, mapClaims(claims, DEFAULT_CLAIMS));
    expect(first.roles).toEqual(["APPLICANT"]);
    const second = await linkExternalIdentity(
      t.db,
      ISSUER,
      mapClaims({ ...claims, email: "new.address@example.ru", phone_number: "+79825550178" }, DEFAULT_CLAIMS),
    );
    expect(second.id).toBe(first.id);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: first.id } });
    expect(user.phone).toBe("+79825550178");
    expect(user.profile).toMatchObject({ snils: "112-233-445 95" });
    expect(await t.db.externalIdentity.count({ where: { userId: first.id } })).toBe(1);
  });

  it("never opens a staff account, an account with a password or one with another identity", async () => {
    const verified = { ...claims, email_verified: true };
    const refused = (sub: string, email: string) =>
      linkExternalIdentity(t.db, ISSUER, mapClaims({ ...verified, sub, email }, DEFAULT_CLAIMS));
    await expect(refused("esia-3003", "admin@demo.reglament.ru")).rejects.toMatchObject({ code: OIDC_REFUSALS.staff });
    await expect(refused("esia-4004", "executor@demo.reglament.ru")).rejects.toMatchObject({
      code: OIDC_REFUSALS.staff,
    });
    // Somebody registered the victim's address with a password first: the victim's verified
    // sign-in must not join that account (its password would keep working for the registrant).
    const applicant = await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } });
    await expect(refused("esia-2002", "applicant@demo.reglament.ru")).rejects.toMatchObject({
      code: OIDC_REFUSALS.accountExists,
    });
    // An account of another identity (the first test's Соколова) is not joined either.
    await expect(refused("esia-5005", "sokolova@example.ru")).rejects.toMatchObject({
      code: OIDC_REFUSALS.accountExists,
    });
    expect(
      await t.db.externalIdentity.count({
        where: { subject: { in: ["esia-2002", "esia-3003", "esia-4004", "esia-5005"] } },
      }),
    ).toBe(0);
    expect(await t.db.externalIdentity.count({ where: { userId: applicant.id } })).toBe(0);
    // Nothing was duplicated under those addresses, and the sign-in callback's read-only answer agrees.
    expect(
      await t.db.user.count({ where: { email: { in: ["applicant@demo.reglament.ru", "sokolova@example.ru"] } } }),
    ).toBe(2);
    expect(
      await decideExternalLink(
        t.db,
        ISSUER,
        mapClaims({ ...verified, sub: "esia-2002", email: "applicant@demo.reglament.ru" }, DEFAULT_CLAIMS),
      ),
    ).toEqual({ kind: "refuse", code: OIDC_REFUSALS.accountExists });
  });

  it("links to an account opened for a paper application only when the provider verified the e-mail", async () => {
    const paper = await applicantAccount(t.db, {
      email: "paper.owner@example.ru",
      lastName: "Бумажная",
      firstName: "Ольга",
    });
    const identity = (over: Record<string, unknown>) =>
      mapClaims({ ...claims, sub: "esia-6006", email: "paper.owner@example.ru", ...over }, DEFAULT_CLAIMS);
    // Unverified (no claim, or not the boolean true): not linked, and no second account with the address.
    await expect(linkExternalIdentity(t.db, ISSUER, identity({}))).rejects.toMatchObject({
      code: OIDC_REFUSALS.emailUnverified,
    });
    await expect(linkExternalIdentity(t.db, ISSUER, identity({ email_verified: "true" }))).rejects.toMatchObject({
      code: OIDC_REFUSALS.emailUnverified,
    });
    expect(await t.db.externalIdentity.count({ where: { subject: "esia-6006" } })).toBe(0);
    expect(await t.db.user.count({ where: { email: "paper.owner@example.ru" } })).toBe(1);
    // Verified: linked, as before, and the profile comes from the provider.
    const linked = await linkExternalIdentity(t.db, ISSUER, identity({ email_verified: true }));
    expect(linked.id).toBe(paper.id);
    expect(await t.db.user.findUniqueOrThrow({ where: { id: paper.id } })).toMatchObject({
      lastName: "Соколова",
      passwordHash: null,
    });
    expect(await t.db.externalIdentity.count({ where: { subject: "esia-6006", userId: paper.id } })).toBe(1);
    // A deactivated paper account is not opened by a provider either.
    await applicantAccount(t.db, {
      email: "paper.inactive@example.ru",
      lastName: "Н",
      firstName: "Н",
      isActive: false,
    });
    await expect(
      linkExternalIdentity(
        t.db,
        ISSUER,
        mapClaims(
          { ...claims, sub: "esia-7007", email: "paper.inactive@example.ru", email_verified: true },
          DEFAULT_CLAIMS,
        ),
      ),
    ).rejects.toMatchObject({ code: OIDC_REFUSALS.inactive });
  });

  it("creates an account under an unverified e-mail only when the address is free", async () => {
    const fresh = await linkExternalIdentity(
      t.db,
      ISSUER,
      mapClaims({ ...claims, sub: "esia-8008", email: "free.address@example.ru" }, DEFAULT_CLAIMS),
    );
    expect(fresh.email).toBe("free.address@example.ru");
    const noEmail = await linkExternalIdentity(
      t.db,
      ISSUER,
      mapClaims({ ...claims, sub: "esia-9009", email: undefined }, DEFAULT_CLAIMS),
    );
    expect(noEmail.email).toBe(`${ISSUER}.esia-9009@oidc.invalid`);
  });
});
