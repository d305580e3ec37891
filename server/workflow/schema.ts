// Client-safe zod schemas of the staff procedures that act on an application: moves, reassignment,
// comments and inter-agency requests. The `staff` router parses its input with these and the forms
// resolve with `.pick()`/`.extend()` of the same objects, so a rule (a limit, a message) is written
// once and the form never accepts what the procedure refuses (or the other way round).
import { z } from "zod";
import { PIN_MAX, zSigning } from "../signature/schema";
import { zId } from "../ids";
import { zText } from "../text";

const zApplicationId = zId("Заявление не найдено: обновите страницу");
const zRowVersion = z
  .number("Обновите страницу и повторите действие")
  .int("Обновите страницу и повторите действие")
  .nonnegative("Обновите страницу и повторите действие");
const zCode = (missing: string) => zText(missing).min(1, missing).max(64, missing);

/** The executor chosen from a list: anything but one of its ids means nothing was chosen. */
const zExecutorId = zId("Выберите исполнителя");

// ---------------------------------------------------------------------------------------------
// Moves through the process
// ---------------------------------------------------------------------------------------------

export const COMMENT_MAX = 5000;
const zMoveComment = zText().max(COMMENT_MAX, `Не длиннее ${COMMENT_MAX} знаков`);
const zRefusalGrounds = z
  .array(zText().max(64, "Основание не из перечня регламента"))
  .max(20, "Не больше 20 оснований");

/**
 * Shapes and bounds only: which of the inputs a transition requires is the state machine's rule
 * (server/workflow/machine.ts); it answers with field errors under these names.
 */
export const zMoveInput = z.object({
  id: zApplicationId,
  expectedRowVersion: zRowVersion,
  transition: zCode("Выберите действие"),
  refusalGrounds: zRefusalGrounds.optional(),
  comment: zMoveComment.optional(),
  resultType: zText().max(64, "Выберите вид результата из перечня регламента").optional(),
  executorId: zExecutorId.optional(),
  /** When the procedure was done, if before it is entered (S0 p.7; checked by machine.ts checkDoneAt). */
  doneAt: z.coerce.date("Укажите дату и время выполнения процедуры").optional(),
  /** The official's key PIN or own `.sig`, when the transition signs the result (issue 15). */
  signing: zSigning.optional(),
});

/** The move dialog: every input present, an unchosen option empty (the dialog leaves it out of the call). */
export const zMoveForm = zMoveInput.pick({ transition: true }).extend({
  executorId: z.union([z.literal(""), zExecutorId]),
  refusalGrounds: zRefusalGrounds,
  // An unchosen radio group reads as null: that too asks for the choice, in words (issue 16 p.11).
  resultType: zText("Выберите вид результата из перечня регламента").max(
    64,
    "Выберите вид результата из перечня регламента",
  ),
  comment: zMoveComment,
  /** datetime-local in the municipality's zone; empty: done now. */
  doneAt: z.string().max(40),
  /** Signing (issue 15): the document was opened and read; the PIN, or the official's own `.sig`. */
  reviewed: z.boolean(),
  signMode: z.enum(["pin", "file", "cryptopro"]),
  /** The CryptoPro certificate chosen (its SHA-1 thumbprint), for signMode "cryptopro". */
  cryptoProCert: z.string(),
  pin: z.string().max(PIN_MAX, `PIN-код не длиннее ${PIN_MAX} знаков`),
  signature: z.string(),
});
export type MoveFormValues = z.infer<typeof zMoveForm>;

// ---------------------------------------------------------------------------------------------
// Reassignment and comments
// ---------------------------------------------------------------------------------------------

export const REASON_MAX = 1000;

export const zReassignInput = z.object({
  id: zApplicationId,
  expectedRowVersion: zRowVersion,
  executorId: zExecutorId,
  reason: zText().trim().min(1, "Укажите причину передачи").max(REASON_MAX, `Причина не длиннее ${REASON_MAX} знаков`),
});
export const zReassignForm = zReassignInput.pick({ executorId: true, reason: true });

export const zCommentInput = z.object({
  id: zApplicationId,
  text: zText().trim().min(1, "Напишите комментарий").max(COMMENT_MAX, `Комментарий не длиннее ${COMMENT_MAX} знаков`),
});
export const zCommentForm = zCommentInput.pick({ text: true });

// ---------------------------------------------------------------------------------------------
// Inter-agency requests (R5)
// ---------------------------------------------------------------------------------------------

export const REQUEST_TEXT_MAX = 5000;
export const ANSWER_TEXT_MAX = 10000;

export const zSendRequestInput = z.object({
  id: zApplicationId,
  // Must also be a type the regulation lists: the mutation checks that against the pinned version.
  typeCode: zCode("Выберите вид запроса из перечня регламента"),
  text: zText()
    .trim()
    .min(1, "Опишите, какие сведения запрашиваются")
    .max(REQUEST_TEXT_MAX, `Текст запроса не длиннее ${REQUEST_TEXT_MAX} знаков`),
});
export const zSendRequestForm = zSendRequestInput.pick({ typeCode: true, text: true });

/** The answer's text: the tRPC procedure and the multipart upload route (requests/http.ts) take the same. */
export const zAnswerText = zText()
  .trim()
  .min(1, "Внесите содержание ответа")
  .max(ANSWER_TEXT_MAX, "Ответ не длиннее 10 000 знаков");

export const zAnswerRequestInput = z.object({
  requestId: zId("Запрос не найден: обновите страницу"),
  answerText: zAnswerText,
});

/** A file attached to an answer: the formats and size an applicant's scan may have (checked by content on the server). */
export const ANSWER_FILE_RULE = { maxSizeMb: 10, accept: ["application/pdf", "image/jpeg", "image/png"] } as const;
