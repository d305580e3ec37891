// The applicant's rights on an application in the cabinet (issue 14 p.4-5): withdrawing it before
// the decision, rating the service once the result is issued (R21, R27). A server component: it
// reads the rating itself, so the application page only places it.
import { TRPCError } from "@trpc/server";
import { api } from "@/server/api/server";
import { SCORE_LABEL } from "@/server/rating/schema";
import { formatDate } from "@/components/ui/format";
import { RatingForm } from "./rating-form";
import { WithdrawForm } from "./withdraw-form";

export async function ApplicationRights({ applicationId, status }: { applicationId: string; status: string }) {
  if (status === "DRAFT") return null;
  // Only the owner withdraws and rates: a co-applicant (who sees the application too, R15) is answered
  // "not found" and gets neither.
  const rating = await (await api()).rating.mine({ id: applicationId }).catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") return null;
    throw e;
  });
  if (!rating) return null;
  const withdraw = status === "SUBMITTED";
  if (!withdraw && !rating.canRate && !rating.rating) return null;
  return (
    <section className="mt-8 space-y-4 no-print" aria-labelledby="rights-title">
      <h2 id="rights-title" className="text-xl font-semibold">
        {rating.canRate || rating.rating ? "Оценка качества услуги" : "Действия с заявлением"}
      </h2>
      {rating.rating ? (
        <p data-testid="rating-given">
          Ваша оценка: <strong>{SCORE_LABEL[rating.rating.score]}</strong> (от {formatDate(rating.rating.createdAt)})
          {rating.rating.comment ? `. Комментарий: «${rating.rating.comment}»` : ""}. Спасибо!
        </p>
      ) : null}
      {rating.canRate ? (
        <>
          <p>Результат предоставления услуги выдан. Оцените, пожалуйста, качество её предоставления.</p>
          <RatingForm applicationId={applicationId} />
        </>
      ) : null}
      {withdraw ? <WithdrawForm applicationId={applicationId} /> : null}
    </section>
  );
}
