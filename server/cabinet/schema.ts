// Client-safe schemas of the cabinet's own actions: deleting a draft, withdrawing an application.
import { z } from "zod";
import { zId } from "../ids";
import { zText } from "../text";

export const WITHDRAW_REASON_MAX = 1000;

export const zWithdrawForm = z.object({
  reason: zText()
    .trim()
    .min(3, "Укажите причину отзыва заявления")
    .max(WITHDRAW_REASON_MAX, `Не длиннее ${WITHDRAW_REASON_MAX} знаков`),
});
export type WithdrawFormValues = z.infer<typeof zWithdrawForm>;

export const zWithdrawInput = zWithdrawForm.extend({ id: zId("Заявление не найдено") });
export const zDeleteDraftInput = z.object({ id: zId("Черновик не найден") });
