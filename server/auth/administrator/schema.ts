// The administrator made by `npm run admin:create` (issue 9, item 1): a production start creates no
// account, so the first one comes from the command line of the server. The same rules as registration
// (server/auth/schema.ts): the form's e-mail rule, names, and the password policy.
import { z } from "zod";
import { passwordMentionsEmail, personFields, zEmail, zNewPassword } from "../schema";

export const zAdministratorInput = z
  .object({
    email: zEmail,
    lastName: personFields.lastName,
    firstName: personFields.firstName,
    middleName: personFields.middleName,
    password: zNewPassword,
  })
  .superRefine((v, ctx) => {
    if (passwordMentionsEmail(v.password, v.email))
      ctx.addIssue({
        code: "custom",
        path: ["password"],
        message: "Пароль не должен содержать адрес электронной почты",
      });
  });
export type AdministratorInput = z.input<typeof zAdministratorInput>;

const LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";

/**
 * A password for `--generate-password`: 20 characters of letters and digits (about 115 bits), with at
 * least one of each as the policy asks. Drawn with rejection sampling, so every character is uniform.
 */
export function generatePassword(random: (size: number) => Uint8Array): string {
  const alphabet = LETTERS + DIGITS;
  for (;;) {
    const out: string[] = [];
    while (out.length < 20) {
      for (const byte of random(32)) {
        if (byte < 256 - (256 % alphabet.length) && out.length < 20) out.push(alphabet[byte % alphabet.length]!);
      }
    }
    const password = out.join("");
    if (zNewPassword.safeParse(password).success) return password;
  }
}
