// One application error type with codes; mapped to tRPC codes in one place (server/api/trpc.ts).
export const APP_ERROR_CODES = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  INVALID: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  PRECONDITION: "PRECONDITION_FAILED",
} as const;
export type AppErrorCode = keyof typeof APP_ERROR_CODES;

/**
 * What the client should do about an error, where its code alone does not tell it. The error
 * formatter hands it to the browser as `data.appReason`.
 *
 * - `effect_failed`: the action itself was allowed, but producing what it produces (a result
 *   document from its template, storing the file) failed, so the whole move was rolled back. Nothing
 *   changed on the server: unlike other PRECONDITION failures ("the application is no longer where
 *   you think"), the form stays open with what the user typed, and the same attempt may be repeated.
 * - `form_updated`: a new edition of the regulation came into force and the draft was moved to it
 *   (R11): the form the applicant filled is no longer the one the application is judged by, so the
 *   browser loads the updated form to be reviewed.
 */
export type AppErrorReason = "effect_failed" | "form_updated";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** Russian, shown to the user as is. */
    message: string,
    /** Field-level messages keyed by path, for forms. */
    readonly fieldErrors?: Record<string, string>,
    readonly reason?: AppErrorReason,
  ) {
    super(message);
    this.name = "AppError";
  }
}
