// Claims of the test citizen at the local identity provider.
export const OIDC_TEST_CITIZEN = {
  family_name: "Соколова",
  given_name: "Елена",
  middle_name: "Андреевна",
  birthdate: "1979-11-02",
  email: "sokolova.esia@example.ru",
  email_verified: true,
  phone_number: "+79825550177",
  snils: "112-233-445 95",
  address: { formatted: "628212, ХМАО – Югра, п. Половинка, ул. Лесная, д. 3" },
};

/**
 * Signing in at the provider with this login name gives the test citizen the demo applicant's
 * address (verified): an account with a password the provider must not open (server/auth/mutations.ts).
 */
export const OIDC_TAKEN_EMAIL_LOGIN = "taken-email";
export const OIDC_TAKEN_EMAIL = "applicant@demo.reglament.ru";
