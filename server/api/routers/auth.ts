import { z } from "zod";
import {
  changePassword,
  claimAccount,
  INVALID_CLAIM_LINK,
  INVALID_RESET_LINK,
  pendingClaim,
  pendingReset,
  requestPasswordReset,
  requestRegistration,
  resetPassword,
} from "../../auth/mutations";
import { hashPassword } from "../../auth/password";
import {
  passwordMentionsEmail,
  passwordMentionsEmailIssue,
  zChangePasswordInput,
  zClaimInput,
  zPasswordResetRequest,
  zRegisterInput,
  zResetInput,
} from "../../auth/schema";
import { AppError } from "../../errors";
import { zText } from "../../text";
import { authedProcedure, createTRPCRouter, publicProcedure } from "../trpc";

const zToken = z.object({ token: zText().trim().min(1).max(100) });

/** The password must not contain the mailbox name: the address is the link's (or the account's). */
function refuseMentionOfEmail(password: string, email: string) {
  if (passwordMentionsEmail(password, email))
    throw new AppError("INVALID", passwordMentionsEmailIssue.message, {
      [passwordMentionsEmailIssue.path]: passwordMentionsEmailIssue.message,
    });
}

export const authRouter = createTRPCRouter({
  /**
   * Applicant self-registration (staff accounts are created by administrators): e-mails a one-time
   * link whose page sets the password (auth/mutations.ts). The answer is the same whether the
   * address is new, has an account, or has one a registrar opened: only the mailbox learns which.
   */
  register: publicProcedure.input(zRegisterInput).mutation(async ({ ctx, input }) => {
    await requestRegistration(
      ctx.db,
      {
        email: input.email,
        lastName: input.lastName,
        firstName: input.firstName,
        middleName: input.middleName,
        phone: input.phone,
        returnTo: input.returnTo,
      },
      ctx.clientAddress ?? null,
    );
    return { email: input.email, status: "confirm_email" as const };
  }),

  /** The claim link's page: the address and the name typed at registration, or null for a dead link. */
  pendingClaim: publicProcedure.input(zToken).query(({ ctx, input }) => pendingClaim(ctx.db, input.token)),

  /** Sets the first password through an e-mailed link (registration or a registrar's account), using it up. */
  claim: publicProcedure.input(zClaimInput).mutation(async ({ ctx, input }) => {
    const pending = await pendingClaim(ctx.db, input.token);
    if (!pending) throw new AppError("PRECONDITION", INVALID_CLAIM_LINK);
    refuseMentionOfEmail(input.password, pending.email);
    return claimAccount(ctx.db, {
      token: input.token,
      passwordHash: await hashPassword(input.password),
      lastName: input.lastName,
      firstName: input.firstName,
      middleName: input.middleName,
      phone: input.phone,
    });
  }),

  /** "Забыли пароль?": the same answer whether the address has an account or not. */
  requestPasswordReset: publicProcedure.input(zPasswordResetRequest).mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx.db, input.email);
    return { email: input.email };
  }),

  /** The reset link's page: the address, or null for a dead link. */
  pendingReset: publicProcedure.input(zToken).query(({ ctx, input }) => pendingReset(ctx.db, input.token)),

  /** Sets a new password through a reset link, once; every session of the account ends. */
  resetPassword: publicProcedure.input(zResetInput).mutation(async ({ ctx, input }) => {
    const pending = await pendingReset(ctx.db, input.token);
    if (!pending) throw new AppError("PRECONDITION", INVALID_RESET_LINK);
    refuseMentionOfEmail(input.password, pending.email);
    return resetPassword(ctx.db, { token: input.token, passwordHash: await hashPassword(input.password) });
  }),

  /** Changes the password in the cabinet (the current one required); every session ends, this one too. */
  changePassword: authedProcedure.input(zChangePasswordInput).mutation(async ({ ctx, input }) => {
    refuseMentionOfEmail(input.password, ctx.identity.email);
    await changePassword(ctx.db, {
      userId: ctx.identity.id,
      currentPassword: input.currentPassword,
      passwordHash: await hashPassword(input.password),
    });
    return { signedOut: true as const };
  }),
});
