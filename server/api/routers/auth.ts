import { createApplicant, emailTaken } from "../../auth/data";
import { hashPassword } from "../../auth/password";
import { zRegisterInput } from "../../auth/schema";
import { AppError } from "../../errors";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const authRouter = createTRPCRouter({
  /** Applicant self-registration; staff accounts are created by administrators. */
  register: publicProcedure.input(zRegisterInput).mutation(async ({ ctx, input }) => {
    if (await emailTaken(ctx.db, input.email)) {
      throw new AppError("CONFLICT", "Этот адрес уже зарегистрирован", {
        email: "Этот адрес электронной почты уже зарегистрирован. Войдите или восстановите пароль.",
      });
    }
    const user = await createApplicant(ctx.db, {
      email: input.email,
      passwordHash: await hashPassword(input.password),
      lastName: input.lastName,
      firstName: input.firstName,
      middleName: input.middleName,
      phone: input.phone,
    }).catch((error: { code?: string }) => {
      // Two registrations racing for one e-mail: the unique index decides.
      if (error.code === "P2002") throw new AppError("CONFLICT", "Этот адрес уже зарегистрирован", { email: "Этот адрес электронной почты уже зарегистрирован." });
      throw error;
    });
    return { email: user.email };
  }),
});
