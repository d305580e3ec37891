// Client-safe zod schemas of sign-in and registration: the forms and the procedures use the same.
// E-mail and phone are checked by the very functions the application form uses (R14,
// server/regulation/identifiers.ts), so an address or number accepted here is never refused when it
// is prefilled into a form, and the other way round.
import { z } from "zod";
import { normalizePhone, validateEmail, validatePhone } from "../regulation/identifiers";
import { zText } from "../text";

const namePart = (label: string) =>
  zText()
    .trim()
    .min(1, `Укажите ${label}`)
    .max(60, `${label[0]!.toUpperCase()}${label.slice(1)}: не больше 60 символов`)
    .regex(
      /^[А-ЯЁа-яёA-Za-z][А-ЯЁа-яёA-Za-z' -]*$/,
      `${label[0]!.toUpperCase()}${label.slice(1)}: только буквы, дефис, апостроф и пробел`,
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

/** Length beats composition rules; we still refuse the most guessable passwords. */
export const zNewPassword = zText()
  .min(10, "Пароль должен содержать не менее 10 символов")
  .max(128, "Пароль должен содержать не более 128 символов")
  .refine((v) => /\p{L}/u.test(v) && /\d/.test(v), "Пароль должен содержать хотя бы одну букву и одну цифру")
  .refine((v) => new Set(v).size >= 5, "Пароль слишком простой: используйте разные символы");

/** The new password must not contain the mailbox name (the part of the address before @). */
export function passwordMentionsEmail(password: string, email: string): boolean {
  const local = email.trim().toLowerCase().split("@")[0] ?? "";
  return local !== "" && password.toLowerCase().includes(local);
}

const PASSWORD_MENTIONS_EMAIL = "Пароль не должен содержать адрес электронной почты";

/** Who the applicant is: typed at registration, and again (prefilled) when claiming an account. */
export const personFields = {
  lastName: namePart("фамилию"),
  firstName: namePart("имя"),
  middleName: z.union([namePart("отчество"), z.literal("")]).optional(),
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

export const zRegisterInput = z
  .object({
    ...personFields,
    email: zEmail,
    ...passwordFields,
    consent: z.literal(true, { error: "Нужно согласие на обработку персональных данных" }),
  })
  .superRefine((v, ctx) => checkPasswords(v, v.email, ctx));
export type RegisterInput = z.input<typeof zRegisterInput>;

export const zSignInInput = z.object({
  email: zEmail,
  password: zText().min(1, "Введите пароль"),
});

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
