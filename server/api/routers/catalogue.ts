import { z } from "zod";
import { getServiceInfo, listServices } from "../../catalogue/data";
import { AppError } from "../../errors";
import { zText } from "../../text";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const catalogueRouter = createTRPCRouter({
  list: publicProcedure.query(({ ctx }) => listServices(ctx.db)),
  get: publicProcedure.input(z.object({ code: zText().max(64) })).query(async ({ ctx, input }) => {
    const info = await getServiceInfo(ctx.db, input.code);
    if (!info) throw new AppError("NOT_FOUND", "Услуга не найдена");
    return info;
  }),
});
