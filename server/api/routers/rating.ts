// The service rating (R21, R27): the applicant rates their own application once its result is
// issued; heads see the ratings of their departments' services, administrators of every service.
import { AppError } from "../../errors";
import { FORBIDDEN_MESSAGE, isStaff } from "../access";
import { staffScope, departmentsWithRole } from "../../auth/scope";
import { myRating, ratingsByService } from "../../rating/data";
import { rateService } from "../../rating/mutations";
import { zRateInput } from "../../rating/schema";
import { zApplicationId } from "../../application/schema";
import { applicantProcedure, authedProcedure, createTRPCRouter } from "../trpc";

export const ratingRouter = createTRPCRouter({
  mine: applicantProcedure.input(zApplicationId).query(async ({ ctx, input }) => {
    const rating = await myRating(ctx.db, ctx.identity.id, input.id);
    if (!rating) throw new AppError("NOT_FOUND", "Заявление не найдено");
    return rating;
  }),

  rate: applicantProcedure
    .input(zRateInput)
    .mutation(({ ctx, input }) => rateService(ctx.db, { userId: ctx.identity.id, ...input })),

  byService: authedProcedure.query(async ({ ctx }) => {
    if (ctx.identity.roles.includes("ADMIN")) return ratingsByService(ctx.db, null);
    if (!isStaff(ctx.identity)) throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE);
    const heads = departmentsWithRole(await staffScope(ctx.db, ctx.identity), ["HEAD"]);
    if (!heads.length)
      throw new AppError("FORBIDDEN", "Оценки услуг видят руководители подразделений и администраторы");
    return ratingsByService(ctx.db, heads);
  }),
});
