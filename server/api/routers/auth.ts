import { z } from "zod";
import { createApplicant, emailTaken } from "../../auth/data";
import { claimAccount, INVALID_CLAIM_LINK, pendingClaim, requestAccountClaim } from "../../auth/mutations";
import { hashPassword } from "../../auth/password";
import { passwordMentionsEmail, passwordMentionsEmailIssue, zClaimInput, zRegisterInput } from "../../auth/schema";
import { AppError } from "../../errors";
import { zText } from "../../text";
import { createTRPCRouter, publicProcedure } from "../trpc";

const ALREADY_REGISTERED = "Этот адрес уже зарегистрирован";

export const authRouter = createTRPCRouter({
  /**
   * Applicant self-registration; staff accounts are created by administrators. A new address is
   * registered at once. The address of an account a registrar opened for a paper application is
   * claimed only through a link e-mailed to it (auth/mutations.ts): the answer says so, as the
   * answer for a taken address says that one is taken — no more is told about addresses than that.
   */
  register: publicProcedure.input(zRegisterInput).mutation(async ({ ctx, input }) => {
    if (await emailTaken(ctx.db, input.email)) {
      throw new AppError("CONFLICT", ALREADY_REGISTERED, {
        email: "Этот адрес электронной почты уже зарегистрирован. Войдите или восстановите пароль.",
      });
    }
    const person = {
      lastName: input.lastName,
      firstName: input.firstName,
      middleName: input.middleName,
      phone: input.phone,
    };
    if (await requestAccountClaim(ctx.db, { email: input.email, ...person })) {
      return { email: input.email, status: "confirm_email" as const };
    }
    const user = await createApplicant(ctx.db, {
      email: input.email,
      passwordHash: await hashPassword(input.password),
      ...person,
    }).catch((error: { code?: string }) => {
      // Two registrations racing for one e-mail, or an address nobody may register (a staff account
      // without a password yet): the unique index decides.
      if (error.code === "P2002")
        throw new AppError("CONFLICT", ALREADY_REGISTERED, {
          email: "Этот адрес электронной почты уже зарегистрирован.",
        });
      throw error;
    });
    return { email: user.email, status: "registered" as const };
  }),

  /** The claim link's page: the address and the name typed at registration, or null for a dead link. */
  pendingClaim: publicProcedure
    .input(z.object({ token: zText().trim().min(1).max(100) }))
    .query(({ ctx, input }) => pendingClaim(ctx.db, input.token)),

  /** Sets the password of a claimable account through its e-mailed link, using the link up. */
  claim: publicProcedure.input(zClaimInput).mutation(async ({ ctx, input }) => {
    const pending = await pendingClaim(ctx.db, input.token);
    if (!pending) throw new AppError("PRECONDITION", INVALID_CLAIM_LINK);
    if (passwordMentionsEmail(input.password, pending.email)) {
      throw new AppError("INVALID", passwordMentionsEmailIssue.message, {
        [passwordMentionsEmailIssue.path]: passwordMentionsEmailIssue.message,
      });
    }
    return claimAccount(ctx.db, {
      token: input.token,
      passwordHash: await hashPassword(input.password),
      lastName: input.lastName,
      firstName: input.firstName,
      middleName: input.middleName,
      phone: input.phone,
    });
  }),
});
