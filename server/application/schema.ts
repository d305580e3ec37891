// Client-safe zod schemas of the application procedures: the wizard and the router use the same.
import { z } from "zod";
import { zId } from "../ids";
import { UNSAFE_TEXT_MESSAGE, unsafeTextIn, zText } from "../text";

const id = zId("Неверный идентификатор заявления");

export const zStartDraftInput = z.object({ serviceCode: zText().min(1).max(64) });

/**
 * Draft values are checked against the pinned form on the server (lenient); this bounds the size
 * and the depth, and refuses NUL and broken characters anywhere, keys included (server/text.ts),
 * under the field they are in. Keys like `__proto__` need nothing here: zod's record leaves
 * `__proto__` out, and the form schema keeps only the regulation's own fields.
 */
export const zDraftValues = z
  .record(zText().max(64), z.unknown())
  .superRefine((values, ctx) => {
    const unsafe = unsafeTextIn(values);
    if (unsafe)
      ctx.addIssue({
        code: "custom",
        path: unsafe.path.slice(0, 1),
        message: unsafe.tooDeep ? "Черновик устроен слишком сложно: обновите страницу" : UNSAFE_TEXT_MESSAGE,
        continue: false,
      });
  })
  .refine((v) => JSON.stringify(v).length <= 1_000_000, "Черновик слишком большой");

export const zSaveDraftInput = z.object({
  id,
  values: zDraftValues,
  currentStep: zText().max(64).nullable(),
  /** The row version the browser last saw: a save based on an older one is a conflict (two tabs). */
  expectedRowVersion: z.number().int().nonnegative(),
  /** Save regardless of a newer version on the server (the applicant chose "keep mine"). */
  overwrite: z.boolean().optional(),
  /**
   * The edition of the regulation whose form the browser shows. When the draft has moved to a newer
   * one since (R11), the values are carried over to its form instead of being refused.
   */
  formVersion: z.number().int().positive().optional(),
});
export type SaveDraftInput = z.infer<typeof zSaveDraftInput>;

export const zSubmitInput = z.object({
  id,
  /** Generated once per submit attempt in the browser; retries reuse it (idempotency). */
  submissionKey: zId(),
  expectedRowVersion: z.number().int().nonnegative(),
});

export const zApplicationId = z.object({ id });

/** The applicant's answers to the profiling questions of a regulation with variants (issue 10 p.8). */
export const zChooseVariantInput = z.object({
  id,
  answers: z
    .record(zText().max(64), zText().max(64))
    .refine((a) => Object.keys(a).length <= 32, "Слишком много ответов"),
});
export type ChooseVariantInput = z.infer<typeof zChooseVariantInput>;
