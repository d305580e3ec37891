// Client-safe definitions of typo corrections (R21; S2 p.72; 210-FZ art. 7 part 1 p.3): the applicant's
// request naming the issued document and the error, and the staff's check. Shared by the forms
// (zodResolver) and the procedures.
import { z } from "zod";
import { zSigning } from "../signature/schema";
import { zText } from "../text";
import { zId } from "../ids";
import { formatWithin, type Duration } from "../regulation/document";

export const TYPO_TEXT_MAX = 10_000;

export const TYPO_STATUS_LABEL: Record<"REGISTERED" | "CONFIRMED" | "CORRECTED" | "NO_ERROR", string> = {
  REGISTERED: "Зарегистрировано, идёт проверка",
  CONFIRMED: "Опечатка подтверждена, готовится исправленный документ",
  CORRECTED: "Исправленный документ выдан",
  NO_ERROR: "Опечатка не подтверждена, направлен ответ",
};

export const zTypoForm = z.object({
  documentId: zId("Выберите документ, в котором допущена опечатка"),
  description: zText()
    .trim()
    .min(1, "Укажите, где допущена опечатка или ошибка и как должно быть написано")
    .max(TYPO_TEXT_MAX, `Не длиннее ${TYPO_TEXT_MAX} знаков`),
});

export const zFileTypoInput = zTypoForm.extend({ applicationId: zId("Заявление не найдено") });

/** How a request on paper reached the department (S2 p.72: in person, by post, by e-mail, through the MFC). */
export const PAPER_TYPO_CHANNELS = ["IN_PERSON", "POST", "EMAIL", "MFC"] as const;
export type PaperTypoChannel = (typeof PAPER_TYPO_CHANNELS)[number];
export const PAPER_TYPO_CHANNEL_LABEL: Record<PaperTypoChannel, string> = {
  IN_PERSON: "Лично",
  POST: "Почтой",
  EMAIL: "По электронной почте",
  MFC: "Через МФЦ",
};

/** A registrar enters a request received on paper, on the application's card. */
export const zPaperTypoForm = zTypoForm.extend({
  channel: z.enum(PAPER_TYPO_CHANNELS, "Укажите, как поступило заявление"),
});
export const zPaperTypoInput = zPaperTypoForm.extend({ applicationId: zId("Заявление не найдено") });

export const zTypoId = z.object({ id: zId("Заявление об исправлении не найдено: обновите страницу") });

const zCheckBase = z.object({
  confirmed: z.boolean({ message: "Укажите результат проверки" }),
  text: zText().trim().min(1, "Заполните текст").max(TYPO_TEXT_MAX, `Не длиннее ${TYPO_TEXT_MAX} знаков`),
});

/**
 * The check (S2 p.72): the error confirmed, with the corrected text of the document, or no error, with
 * the reasons the letter gives.
 */
export const zTypoCheckForm = zCheckBase;
export const zTypoCheckInput = zCheckBase.extend(zTypoId.shape);

export const zTypoSignInput = zTypoId.extend({
  comment: zText().trim().max(1000, "Не длиннее 1000 знаков").optional(),
  signing: zSigning.optional(),
});

/**
 * The procedure as the public service page and the cabinet word it (S2 p.72, issue 12 p.10):
 * «в течение 2 рабочих дней», «в течение 5 рабочих дней».
 */
export function typoTermsText(t: { check: Duration; fix: Duration }): { check: string; fix: string } {
  return {
    check: `Проверка сведений — ${formatWithin(t.check)} со дня регистрации заявления`,
    fix: `Исправленный документ или письменный ответ об отсутствии опечаток — ${formatWithin(t.fix)} со дня регистрации заявления`,
  };
}
