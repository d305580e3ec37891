// Client-safe zod schemas of sign-in and registration: the forms and the procedures use the same.
import { z } from "zod";

const namePart = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Укажите ${label}`)
    .max(60, `${label[0]!.toUpperCase()}${label.slice(1)}: не больше 60 символов`)
    .regex(/^[А-ЯЁа-яёA-Za-z][А-ЯЁа-яёA-Za-z' -]*$/, `${label[0]!.toUpperCase()}${label.slice(1)}: только буквы, дефис, апостроф и пробел`);

export const zEmail = z
  .string()
  .trim()
  .min(1, "Укажите адрес электронной почты")
  .max(254, "Адрес электронной почты слишком длинный")
  .email("Адрес электронной почты указан неверно: нужен вид name@example.ru")
  .transform((v) => v.toLowerCase());

/** Length beats composition rules; we still refuse the most guessable passwords. */
export const zNewPassword = z
  .string()
  .min(10, "Пароль должен содержать не менее 10 символов")
  .max(128, "Пароль должен содержать не более 128 символов")
  .refine((v) => /\p{L}/u.test(v) && /\d/.test(v), "Пароль должен содержать хотя бы одну букву и одну цифру")
  .refine((v) => new Set(v).size >= 5, "Пароль слишком простой: используйте разные символы");

export const zRegisterInput = z
  .object({
    lastName: namePart("фамилию"),
    firstName: namePart("имя"),
    middleName: z.union([namePart("отчество"), z.literal("")]).optional(),
    email: zEmail,
    phone: z
      .string()
      .trim()
      .transform((v) => v.replace(/[\s()-]/g, ""))
      .refine((v) => v === "" || /^(\+7|8)\d{10}$/.test(v), "Телефон указан неверно: нужен вид +7 900 000-00-00")
      .optional(),
    password: zNewPassword,
    passwordConfirm: z.string().min(1, "Повторите пароль"),
    consent: z.literal(true, { error: "Нужно согласие на обработку персональных данных" }),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.passwordConfirm) ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: "Пароли не совпадают" });
    if (v.password.toLowerCase().includes(v.email.split("@")[0] ?? "\u0000"))
      ctx.addIssue({ code: "custom", path: ["password"], message: "Пароль не должен содержать адрес электронной почты" });
  });
export type RegisterInput = z.input<typeof zRegisterInput>;

export const zSignInInput = z.object({
  email: zEmail,
  password: z.string().min(1, "Введите пароль"),
});
