// Client-safe schema of the service rating (R21, R27; S1 p.27, S2 p.73): 1-5 and an optional comment.
import { z } from "zod";
import { zId } from "../ids";
import { zText } from "../text";

export const COMMENT_MAX = 2000;

export const zRateForm = z.object({
  score: z
    .number({ error: "Выберите оценку от 1 до 5" })
    .int("Выберите оценку от 1 до 5")
    .min(1, "Выберите оценку от 1 до 5")
    .max(5, "Выберите оценку от 1 до 5"),
  comment: zText().trim().max(COMMENT_MAX, `Не длиннее ${COMMENT_MAX} знаков`),
});
export type RateFormValues = z.infer<typeof zRateForm>;

export const zRateInput = zRateForm.extend({ applicationId: zId("Заявление не найдено") });

export const SCORE_LABEL: Record<number, string> = {
  1: "1 — очень плохо",
  2: "2 — плохо",
  3: "3 — удовлетворительно",
  4: "4 — хорошо",
  5: "5 — отлично",
};
