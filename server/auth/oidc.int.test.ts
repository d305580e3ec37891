// Linking identities from the OpenID Connect provider (R15 prefill source, R17 signature method).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { seedDemo } from "../../prisma/seed/demo";
import { linkExternalIdentity } from "./mutations";
import { DEFAULT_CLAIMS, mapClaims, oidcConfig } from "./oidc";

let t: TestDatabase;
const ISSUER = "https://esia.example";
const claims = {
  sub: "esia-1001", family_name: "Соколова", given_name: "Елена", middle_name: "Андреевна", email: "Sokolova@Example.ru",
  phone_number: "+79825550177", snils: "112-233-445 95", birthdate: "1979-11-02", address: { formatted: "п. Половинка, ул. Лесная, 3" },
};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
});
afterAll(() => t.drop());

describe("OpenID Connect identities", () => {
  it("maps claims to the identity profile, nested paths included", () => {
    const m = mapClaims(claims, DEFAULT_CLAIMS);
    expect(m).toMatchObject({ subject: "esia-1001", email: "sokolova@example.ru", lastName: "Соколова", middleName: "Андреевна" });
    expect(m.profile).toEqual({ snils: "112-233-445 95", birthDate: "1979-11-02", address: "п. Половинка, ул. Лесная, 3" });
    expect(() => mapClaims({ email: "x@y.ru" }, DEFAULT_CLAIMS)).toThrow(/no subject/);
  });

  it("reads its configuration, claim mapping included, and insists on a client", () => {
    expect(oidcConfig({})).toBeNull();
    expect(() => oidcConfig({ OIDC_ISSUER: ISSUER })).toThrow(/OIDC_CLIENT_ID/);
    const c = oidcConfig({ OIDC_ISSUER: `${ISSUER}/`, OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b", OIDC_CLAIMS: '{"snils":"urn:esia:snils"}' })!;
    expect(c.issuer).toBe(ISSUER);
    expect(c.claims.snils).toBe("urn:esia:snils");
    expect(c.claims.lastName).toBe("family_name");
  });

  it("creates an applicant on first sign-in and finds the same one by subject afterwards", async () => {
    const first = await linkExternalIdentity(t.db, ISSUER, mapClaims(claims, DEFAULT_CLAIMS));
    expect(first.roles).toEqual(["APPLICANT"]);
    const second = await linkExternalIdentity(t.db, ISSUER, mapClaims({ ...claims, email: "new.address@example.ru", phone_number: "+79825550178" }, DEFAULT_CLAIMS));
    expect(second.id).toBe(first.id);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: first.id } });
    expect(user.phone).toBe("+79825550178");
    expect(user.profile).toMatchObject({ snils: "112-233-445 95" });
    expect(await t.db.externalIdentity.count({ where: { userId: first.id } })).toBe(1);
  });

  it("links to an existing applicant with the same e-mail but never opens a staff account", async () => {
    const applicant = await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } });
    const linked = await linkExternalIdentity(t.db, ISSUER, mapClaims({ ...claims, sub: "esia-2002", email: "applicant@demo.reglament.ru" }, DEFAULT_CLAIMS));
    expect(linked.id).toBe(applicant.id);
    await expect(linkExternalIdentity(t.db, ISSUER, mapClaims({ ...claims, sub: "esia-3003", email: "admin@demo.reglament.ru" }, DEFAULT_CLAIMS))).rejects.toThrow(/STAFF_EMAIL/);
    await expect(linkExternalIdentity(t.db, ISSUER, mapClaims({ ...claims, sub: "esia-4004", email: "executor@demo.reglament.ru" }, DEFAULT_CLAIMS))).rejects.toThrow(/STAFF_EMAIL/);
    expect(await t.db.externalIdentity.count({ where: { subject: { in: ["esia-3003", "esia-4004"] } } })).toBe(0);
  });
});
