// Notifications of the signed-in user (R19) and the demo mailbox. Identity comes from the context,
// never from input: a user reads and marks only their own notifications.
import { AppError } from "../../errors";
import { isMailSendingConfigured } from "../../notification/config";
import { mailboxFor, myNotifications, unreadCount } from "../../notification/data";
import { markRead } from "../../notification/mutations";
import { zListInput, zMarkReadInput } from "../../notification/schema";
import { authedProcedure, createTRPCRouter } from "../trpc";

export const notificationRouter = createTRPCRouter({
  mine: authedProcedure
    .input(zListInput)
    .query(({ ctx, input }) => myNotifications(ctx.db, ctx.identity.id, { limit: input.limit })),

  unreadCount: authedProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.identity.id)),

  markRead: authedProcedure
    .input(zMarkReadInput)
    .mutation(({ ctx, input }) => markRead(ctx.db, ctx.identity.id, input.ids)),

  mailbox: authedProcedure.input(zListInput).query(({ ctx, input }) => {
    // With real SMTP the outbox holds real mail (invitation tokens among it): no one browses it.
    if (isMailSendingConfigured())
      throw new AppError("NOT_FOUND", "Демонстрационный почтовый ящик отключён: письма отправляются по почте");
    return mailboxFor(
      ctx.db,
      { email: ctx.identity.email, isAdmin: ctx.identity.roles.includes("ADMIN") },
      { limit: input.limit },
    );
  }),
});
