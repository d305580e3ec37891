// One application error type with codes, mapped to each transport's codes here: tRPC's (used by
// server/api/trpc.ts) and HTTP statuses (used by the REST routes' wrapper, server/api/rest.ts).
export const APP_ERROR_CODES = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  INVALID: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  PRECONDITION: "PRECONDITION_FAILED",
  /** A throttle refused the attempt (server/throttle/policy.ts): the message says how long to wait. */
  TOO_MANY: "TOO_MANY_REQUESTS",
  /** The server is saturated (no database connection came free in time): retry shortly (issue 13 p.7). */
  BUSY: "SERVICE_UNAVAILABLE",
} as const;
export type AppErrorCode = keyof typeof APP_ERROR_CODES;

/** The same codes as HTTP statuses, for the REST routes (file upload and download). */
export const APP_ERROR_HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INVALID: 400,
  UNAUTHORIZED: 401,
  PRECONDITION: 412,
  TOO_MANY: 429,
  BUSY: 503,
};

/** Said with every 503 (both transports): how long a client waits before it retries. */
export const RETRY_AFTER_SECONDS = 2;
export const BUSY_MESSAGE = "Сервер сейчас перегружен, действие не выполнено. Повторите через несколько секунд.";

/**
 * The database could not take the request in time: no pooled connection came free within the
 * pool's wait (pg-pool's "timeout exceeded when trying to connect"), a new connection took too long,
 * or PostgreSQL itself refused connections (53300 too many clients, 57P03 starting up or shutting
 * down). Nothing ran: the request is answered 503 with Retry-After, never 500 (issue 13 p.7).
 */
export function isOverload(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const x = e as {
      message?: unknown;
      code?: unknown;
      meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
      cause?: unknown;
    };
    if (
      typeof x.message === "string" &&
      /timeout exceeded when trying to connect|Connection terminated due to connection timeout/.test(x.message)
    )
      return true;
    const code = x.meta?.driverAdapterError?.cause?.originalCode ?? x.code;
    if (code === "53300" || code === "57P03") return true;
    e = x.cause;
  }
  return false;
}

/** Two requests raced for one row or key: someone else's action met the user's (either transport). */
export const RACE_MESSAGE = "Эти данные только что изменило другое действие. Обновите страницу и повторите.";

/** A unique-constraint violation or a serialisation failure, as Prisma reports them. */
export function isRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return code === "P2002" || code === "P2034";
}

/**
 * PostgreSQL refused text it cannot store (a NUL character, a byte sequence that is not UTF-8): the
 * input's fault, and the statement wrote nothing. Every text input refuses these first with a
 * field's message (server/text.ts); this is the net under them, for both transports, so that a
 * text path someone forgets is a 400 with this message, never a 500.
 */
export function isUnstorableText(error: unknown): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null | undefined)
    ?.meta?.driverAdapterError?.cause;
  return cause?.originalCode === "22021" || cause?.originalCode === "22P05";
}

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
