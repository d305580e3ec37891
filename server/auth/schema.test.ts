// Registration, sign-in and co-applicant invitations check e-mail and phone with the same rules as
// the application form (R14, server/regulation/identifiers.ts): what registration accepts is later
// prefilled into forms, which must not refuse it, and the other way round.
import { describe, expect, it } from "vitest";
import { normalizePhone, validateEmail, validatePhone } from "../regulation/identifiers";
import {
  changePasswordSchema,
  claimFormSchema,
  isCommonPassword,
  passwordMentionsEmail,
  resetFormSchema,
  signInFailureMessage,
  zClaimInput,
  zEmail,
  zNewPassword,
  zOptionalPhone,
  zRegisterInput,
} from "./schema";

const base = {
  lastName: "Смирнова",
  firstName: "Анна",
  email: "anna@example.ru",
  consent: true,
};

const PHONES = [
  "+7 912 345-67-89",
  "8 (912) 345-67-89",
  "89123456789",
  "79123456789",
  "9123456789",
  "912 345 67 89",
  "8-495-123-45-67",
  "+7 (3467) 33-00-00",
  "+70001234567",
  "+71234567890",
  "+7 912 345-67-8",
  "8 912 345-67-899",
  "812 345 67 89",
  "+44 20 7946 0958",
  "+7 912 345-67-8x",
  "12345",
];
const EMAILS = [
  "ivanov@mail.ru",
  "I.Ivanov+gos@Example.COM",
  "иванов@почта.рф",
  "иван@почта.рф",
  "a_b-c@sub.domain.org",
  "не-почта",
  "ivanov.mail.ru",
  "ivanov@@mail.ru",
  "ivanov@mail",
  "ivanov@mail,ru",
  "ivanov@mаil.ru" /* Cyrillic а */,
  ".ivanov@mail.ru",
  "ivan ov@mail.ru",
];

describe("registration checks e-mail and phone like the application form", () => {
  it("accepts exactly the phones the form accepts, and stores them as the form normalises them", () => {
    for (const phone of PHONES) {
      const parsed = zOptionalPhone.safeParse(phone);
      expect(parsed.success, phone).toBe(validatePhone(phone) === null);
      if (parsed.success) expect(parsed.data, phone).toBe(normalizePhone(phone));
      else expect(parsed.error.issues[0]!.message, phone).toBe(validatePhone(phone));
    }
    // The two cases of the review: a non-existent code was accepted, a number without 8 refused.
    expect(zRegisterInput.safeParse({ ...base, phone: "+70001234567" }).success).toBe(false);
    expect(zRegisterInput.parse({ ...base, phone: "9123456789" }).phone).toBe("+79123456789");
    expect(zRegisterInput.parse({ ...base, phone: "8 (912) 345-67-89" }).phone).toBe("+79123456789");
    // The phone stays optional.
    expect(zRegisterInput.parse({ ...base, phone: "" }).phone).toBe("");
    expect(zRegisterInput.parse(base).phone).toBeUndefined();
  });

  it("accepts exactly the e-mails the form accepts, Cyrillic domains included, lower-cased for the account", () => {
    for (const email of EMAILS) {
      const parsed = zEmail.safeParse(email);
      expect(parsed.success, email).toBe(validateEmail(email) === null);
      if (!parsed.success) expect(parsed.error.issues[0]!.message, email).toBe(validateEmail(email));
    }
    expect(zRegisterInput.parse({ ...base, email: " Иванов@Почта.РФ " }).email).toBe("иванов@почта.рф");
    expect(zEmail.safeParse("").error?.issues[0]?.message).toBe("Укажите адрес электронной почты");
    const refused = zRegisterInput.safeParse({ ...base, email: "не-почта" });
    expect(refused.error?.issues.find((i) => i.path[0] === "email")?.message).toContain("нет знака @");
  });

  it("is the rule of the co-applicant invitation too (it takes zEmail)", () => {
    expect(zEmail.parse("Сестра@Почта.рф")).toBe("сестра@почта.рф");
    expect(zEmail.safeParse("sestra@mail").success).toBe(false);
  });
});

describe("passwords of a claim link, a reset link and a password change", () => {
  it("refuse a password with the mailbox name, whichever case", () => {
    expect(passwordMentionsEmail("xAnna-2026-пароль", "anna@example.ru")).toBe(true);
    expect(passwordMentionsEmail("Надёжный-пароль-42", "anna@example.ru")).toBe(false);
    expect(
      resetFormSchema("anna@example.ru").safeParse({
        password: "anna-пароль-2026",
        passwordConfirm: "anna-пароль-2026",
      }).error?.issues[0]?.message,
    ).toBe("Пароль не должен содержать адрес электронной почты");
  });

  it("refuse common passwords with one Russian message, in any case and typed on the Russian layout", () => {
    const COMMON =
      "Этот пароль слишком распространён: его подбирают первым. Придумайте другой, например из нескольких слов";
    // The two of the security review (issue 9), and more from the shipped list.
    for (const p of [
      "password12",
      "qwerty1234",
      "Password12",
      "QWERTY1234",
      "1q2w3e4r5t",
      "password123",
      "йцукен1234",
    ]) {
      expect(isCommonPassword(p), p).toBe(true);
      expect(
        zNewPassword.safeParse(p).error?.issues.map((i) => i.message),
        p,
      ).toContain(COMMON);
    }
    expect(isCommonPassword("Надёжный-пароль-42")).toBe(false);
    expect(zNewPassword.safeParse("Надёжный-пароль-42").success).toBe(true);
    // The same message reaches the field of each form that sets a password.
    const change = changePasswordSchema("anna@example.ru").safeParse({
      currentPassword: "старый-пароль-1",
      password: "qwerty1234",
      passwordConfirm: "qwerty1234",
    });
    expect(change.error?.issues.find((i) => i.path[0] === "password")?.message).toBe(COMMON);
    expect(
      changePasswordSchema("anna@example.ru").safeParse({
        currentPassword: "Надёжный-пароль-42",
        password: "Надёжный-пароль-42",
        passwordConfirm: "Надёжный-пароль-42",
      }).error?.issues[0]?.message,
    ).toBe("Новый пароль должен отличаться от текущего");
  });

  it("word a throttled sign-in with its wait, and every other failure alike", () => {
    expect(signInFailureMessage("SignInThrottled:900000")).toMatch(/временно заблокирован.*через 15 минут/);
    expect(signInFailureMessage("SignInThrottled:4000")).toMatch(/через 4 секунды/);
    expect(signInFailureMessage("CredentialsSignin")).toBe(
      "Не удалось войти: неверный адрес электронной почты или пароль.",
    );
    expect(signInFailureMessage(undefined)).toBe(signInFailureMessage("SignInThrottled:x"));
  });

  it("are checked on the claim page with the link's address and the same rules", () => {
    const fields = {
      lastName: "Петров",
      firstName: "Семён",
      phone: "912 345 67 89",
      password: "Надёжный-пароль-42",
      passwordConfirm: "Надёжный-пароль-42",
    };
    expect(claimFormSchema("petrov@example.ru").parse(fields).phone).toBe("+79123456789");
    expect(
      claimFormSchema("petrov@example.ru").safeParse({
        ...fields,
        password: "petrov-2026-x",
        passwordConfirm: "petrov-2026-x",
      }).success,
    ).toBe(false);
    expect(
      claimFormSchema("petrov@example.ru").safeParse({ ...fields, passwordConfirm: "другой-пароль-42" }).error
        ?.issues[0]?.message,
    ).toBe("Пароли не совпадают");
    expect(
      claimFormSchema("petrov@example.ru").safeParse({ ...fields, password: "short1", passwordConfirm: "short1" })
        .success,
    ).toBe(false);
    expect(zClaimInput.safeParse({ ...fields, token: "x".repeat(43) }).success).toBe(true);
    expect(zClaimInput.safeParse({ ...fields, token: "" }).success).toBe(false);
    expect(zClaimInput.safeParse({ ...fields, phone: "+70001234567", token: "x".repeat(43) }).success).toBe(false);
  });
});

describe("the name parts' messages (issue 16 p.9: sentences, not «Фамилия: только буквы»)", () => {
  const message = (input: Record<string, unknown>, key: string) => {
    const r = zRegisterInput.safeParse({ ...base, ...input });
    return r.success ? null : r.error.issues.find((i) => i.path[0] === key)?.message;
  };
  it("says which part holds what and in which case", () => {
    expect(message({ lastName: "Смирнова2" }, "lastName")).toBe(
      "В фамилии допускаются только буквы, дефис, апостроф и пробел",
    );
    expect(message({ firstName: "Анна!" }, "firstName")).toBe(
      "В имени допускаются только буквы, дефис, апостроф и пробел",
    );
    expect(message({ middleName: "Ивановна1" }, "middleName")).toBe(
      "В отчестве допускаются только буквы, дефис, апостроф и пробел",
    );
    expect(message({ lastName: "Я".repeat(61) }, "lastName")).toBe(
      "Слишком длинная фамилия: допускается не больше 60 символов",
    );
    expect(message({ lastName: "" }, "lastName")).toBe("Укажите фамилию");
  });
});
