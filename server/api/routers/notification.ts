// Notifications of the signed-in user (R19) and the demo mailbox. Identity comes from the context,
// never from input: a user reads and marks only their own notifications.
import { AppError } from "../../errors";
import { isDemoMailboxOpen } from "../../notification/config";
import { mailboxFor, myNotifications, unreadCount } from "../../notification/data";
import { markRead } from "../../notification/mutations";
import { zListInput, zMarkReadInput } from "../../notification/schema";
import { adminProcedure, authedProcedure, createTRPCRouter } from "../trpc";

export const notificationRouter = createTRPCRouter({
  mine: authedProcedure
    .input(zListInput)
    .query(({ ctx, input }) => myNotifications(ctx.db, ctx.identity.id, { limit: input.limit })),

  unreadCount: authedProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.identity.id)),

  markRead: authedProcedure
    .input(zMarkReadInput)
    .mutation(({ ctx, input }) => markRead(ctx.db, ctx.identity.id, input.ids)),

  // The demo mailbox: an administrator's, in demo mode without SMTP only (issue 9, item 1). Elsewhere
  // the outbox holds real mail (claim and invitation links among it): no one browses it.
  mailbox: adminProcedure.input(zListInput).query(({ ctx, input }) => {
    if (!isDemoMailboxOpen())
      throw new AppError("NOT_FOUND", "Демонстрационный почтовый ящик есть только в демо-режиме");
    return mailboxFor(ctx.db, { email: ctx.identity.email, isAdmin: true }, { limit: input.limit });
  }),
});
