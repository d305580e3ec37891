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

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** Russian, shown to the user as is. */
    message: string,
    /** Field-level messages keyed by path, for forms. */
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}
