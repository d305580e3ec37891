// Client-safe zod schemas of the application procedures: the wizard and the router use the same.
import { z } from "zod";
import { zId } from "../ids";

const id = zId("Неверный идентификатор заявления");

export const zStartDraftInput = z.object({ serviceCode: z.string().min(1).max(64) });

/** Draft values are checked against the pinned form on the server (lenient); this only bounds the size. */
export const zDraftValues = z
  .record(z.string().max(64), z.unknown())
  .refine((v) => JSON.stringify(v).length <= 1_000_000, "Черновик слишком большой");

export const zSaveDraftInput = z.object({
  id,
  values: zDraftValues,
  currentStep: z.string().max(64).nullable(),
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
