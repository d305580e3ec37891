// Client-safe zod schemas of sign-in and registration: the forms and the procedures use the same.
// E-mail and phone are checked by the very functions the application form uses (R14,
// server/regulation/identifiers.ts), so an address or number accepted here is never refused when it
// is prefilled into a form, and the other way round.
import { z } from "zod";
import { normalizePhone, validateEmail, validatePhone } from "../regulation/identifiers";
import { zText } from "../text";
import commonPasswords from "./common-passwords.json";
import { waitPhrase } from "../throttle/policy";

/** A part of a name; its words in the cases the messages need (issue 16 p.9: sentences, not «Фамилия: только буквы»). */
const namePart = (name: { accusative: string; prepositional: string; long: string }) =>
  zText()
    .trim()
    .min(1, `Укажите ${name.accusative}`)
    .max(60, `${name.long}: допускается не больше 60 символов`)
    .regex(
      /^[А-ЯЁа-яёA-Za-z][А-ЯЁа-яёA-Za-z' -]*$/,
      `В ${name.prepositional} допускаются только буквы, дефис, апостроф и пробел`,
    );

/** An account's address: the form's e-mail rule, stored lower-cased (sign-in compares lower-cased). */
export const zEmail = zText()
  .trim()
  .min(1, "Укажите адрес электронной почты")
  .superRefine((v, ctx) => {
    const problem = validateEmail(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((v) => v.toLowerCase());

/** An optional phone: empty, or a Russian number by the form's rule, stored as +7XXXXXXXXXX. */
export const zOptionalPhone = zText()
  .trim()
  .superRefine((v, ctx) => {
    const problem = v === "" ? null : validatePhone(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((v) => (v === "" ? "" : (normalizePhone(v) ?? v)));

// The Russian keyboard over the Latin one: «йцукен12345» is typed with the keys of "qwerty12345".
const RU_KEYS = "йцукенгшщзхъфывапролджэячсмитьбю";
const LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.";
const onLatinKeys = (v: string) => [...v].map((c) => LATIN_KEYS[RU_KEYS.indexOf(c)] ?? c).join("");

/**
 * The common passwords of ./common-passwords.json (every entry of 10 characters or more of the
 * 49,233 most frequent in leaked lists; shorter ones fail the length rule first), compared
 * lower-cased and also as typed on the Russian layout. Shared by the browser and the server, so
 * both refuse with the same message (ASVS 2.1.7).
 */
const COMMON = new Set(commonPasswords.passwords);
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  return COMMON.has(lower) || COMMON.has(onLatinKeys(lower.replace(/ё/g, "`")));
}

/** Length beats composition rules; we still refuse the most guessable passwords. */
export const zNewPassword = zText()
  .min(10, "Пароль должен содержать не менее 10 символов")
  .max(128, "Пароль должен содержать не более 128 символов")
  .refine((v) => /\p{L}/u.test(v) && /\d/.test(v), "Пароль должен содержать хотя бы одну букву и одну цифру")
  .refine((v) => new Set(v).size >= 5, "Пароль слишком простой: используйте разные символы")
  .refine(
    (v) => !isCommonPassword(v),
    "Этот пароль слишком распространён: его подбирают первым. Придумайте другой, например из нескольких слов",
  );

/** The new password must not contain the mailbox name (the part of the address before @). */
export function passwordMentionsEmail(password: string, email: string): boolean {
  const local = email.trim().toLowerCase().split("@")[0] ?? "";
  return local !== "" && password.toLowerCase().includes(local);
}

const PASSWORD_MENTIONS_EMAIL = "Пароль не должен содержать адрес электронной почты";

/** Who the applicant is: typed at registration, and again (prefilled) when claiming an account. */
export const personFields = {
  lastName: namePart({ accusative: "фамилию", prepositional: "фамилии", long: "Слишком длинная фамилия" }),
  firstName: namePart({ accusative: "имя", prepositional: "имени", long: "Слишком длинное имя" }),
  middleName: z
    .union([
      namePart({ accusative: "отчество", prepositional: "отчестве", long: "Слишком длинное отчество" }),
      z.literal(""),
    ])
    .optional(),
  phone: zOptionalPhone.optional(),
};

const passwordFields = {
  password: zNewPassword,
  passwordConfirm: zText().min(1, "Повторите пароль"),
};

function checkPasswords(v: { password: string; passwordConfirm: string }, email: string | null, ctx: z.RefinementCtx) {
  if (v.password !== v.passwordConfirm)
    ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: "Пароли не совпадают" });
  if (email !== null && passwordMentionsEmail(v.password, email))
    ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_MENTIONS_EMAIL });
}

/**
 * Registration asks no password: it e-mails a one-time link, and the link's page asks for the
 * password (claimFormSchema). So only the owner of the mailbox ever sets one: a stranger who
 * registers somebody's address first gets nothing that signs in.
 */
export const zRegisterInput = z.object({
  ...personFields,
  email: zEmail,
  consent: z.literal(true, { error: "Нужно согласие на обработку персональных данных" }),
  /**
   * Where the newcomer was going (the service page they started from, issue 16 p.3): carried through
   * the e-mail's link to the sign-in after it. Any text; only a path of this app is ever followed
   * (server/auth/callback-url.ts).
   */
  returnTo: z.string().max(2048).optional(),
});
export type RegisterInput = z.input<typeof zRegisterInput>;

/** "Забыли пароль?": only the address; the answer is the same whether it has an account or not. */
export const zPasswordResetRequest = z.object({ email: zEmail });
export type PasswordResetRequest = z.input<typeof zPasswordResetRequest>;

const newPasswordFields = z.object(passwordFields);
export type NewPasswordInput = z.input<typeof newPasswordFields>;
/** The page of a reset link: the new password, checked against the link's address. */
export const resetFormSchema = (email: string) =>
  newPasswordFields.superRefine((v, ctx) => checkPasswords(v, email, ctx));
export const zResetInput = newPasswordFields
  .extend({ token: zText().trim().min(20, "Ссылка недействительна").max(100, "Ссылка недействительна") })
  .superRefine((v, ctx) => checkPasswords(v, null, ctx));

/** Changing the password in the cabinet: the current one proves it is the owner at the keyboard. */
const changePasswordFields = z.object({
  currentPassword: zText().min(1, "Введите текущий пароль").max(128, "Неверный текущий пароль"),
  ...passwordFields,
});
export type ChangePasswordInput = z.input<typeof changePasswordFields>;
export const changePasswordSchema = (email: string) =>
  changePasswordFields.superRefine((v, ctx) => {
    checkPasswords(v, email, ctx);
    if (v.currentPassword !== "" && v.currentPassword === v.password)
      ctx.addIssue({ code: "custom", path: ["password"], message: "Новый пароль должен отличаться от текущего" });
  });
export const zChangePasswordInput = changePasswordSchema("");

export const zSignInInput = z.object({
  email: zEmail,
  password: zText().min(1, "Введите пароль").max(1024, "Неверный адрес электронной почты или пароль"),
});

/**
 * Why a sign-in with a password was refused, as the credentials provider reports it (next-auth hands
 * the thrown message to the form as `error`): `SignInThrottled:<ms>` when the throttle
 * (server/throttle/policy.ts) admits no attempt yet. The form words it here.
 */
export const SIGN_IN_THROTTLED = "SignInThrottled";
export function signInFailureMessage(error: string | null | undefined): string {
  const [code, ms] = (error ?? "").split(":");
  if (code === SIGN_IN_THROTTLED && ms && /^\d+$/.test(ms))
    return `Слишком много неудачных попыток входа: вход временно заблокирован. Повторите ${waitPhrase(Number(ms))} или восстановите пароль по ссылке «Забыли пароль?».`;
  // The same message whether the e-mail exists or not: nothing to learn about accounts.
  return "Не удалось войти: неверный адрес электронной почты или пароль.";
}

/** The password check of the claim page: the address is the link's, so the server repeats it. */
export const passwordMentionsEmailIssue = { path: "password", message: PASSWORD_MENTIONS_EMAIL } as const;

const claimFields = z.object({ ...personFields, ...passwordFields });

/**
 * The page of a claim link (server/auth/mutations.ts): the address is the link's, shown and
 * not typed, so the form's schema is made for it; the procedure takes the token with the same fields.
 */
export const claimFormSchema = (email: string) => claimFields.superRefine((v, ctx) => checkPasswords(v, email, ctx));
export type ClaimFormInput = z.input<typeof claimFields>;

export const zClaimInput = claimFields
  .extend({ token: zText().trim().min(20, "Ссылка недействительна").max(100, "Ссылка недействительна") })
  .superRefine((v, ctx) => checkPasswords(v, null, ctx));
