// tRPC wiring: the context (db, session), an error formatter that hands zod's and the domain's field
// errors to the client, and role procedures that narrow the context. Privileged roles are re-read
// from the database on every call: a session token can outlive a revoked role.
import { initTRPC, TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { getDb, type Db } from "../db/client";
import type { Identity } from "../auth/data";
import { AppError, APP_ERROR_CODES, BUSY_MESSAGE, isOverload, isRace, isUnstorableText, RACE_MESSAGE } from "../errors";
import { UNSAFE_TEXT_MESSAGE } from "../text";
import type { StaffScope } from "../auth/scope";
import { observeRequest } from "../observability/metrics";
import { log } from "../observability/log";
import { requireAdmin, requireApplicant, requireAuditReader, requireIdentity, requireStaffScope } from "./access";
import { sessionIdentity } from "../auth/fresh-identity";

/**
 * `clientAddress`: the caller's address for the throttles (server/throttle/client-address.ts), if
 * known; `requestId`: the HTTP request's id, for the logs (server/observability/log.ts).
 */
export type Context = { db: Db; session: Session | null; clientAddress?: string | null; requestId?: string };

export async function createContext(opts: {
  session: Session | null;
  db?: Db;
  clientAddress?: string | null;
  requestId?: string;
}): Promise<Context> {
  return {
    db: opts.db ?? getDb(),
    session: opts.session,
    clientAddress: opts.clientAddress ?? null,
    ...(opts.requestId ? { requestId: opts.requestId } : {}),
  };
}

const INTERNAL_MESSAGE =
  "Внутренняя ошибка сервера: действие не выполнено. Попробуйте ещё раз; если ошибка повторится, сообщите администратору.";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fieldErrors =
      cause instanceof ZodError
        ? Object.fromEntries(cause.issues.map((i) => [i.path.join("."), i.message]))
        : cause instanceof AppError
          ? (cause.fieldErrors ?? null)
          : null;
    // An unexpected failure's own text (English, from a library, possibly with internals) is for
    // the server log, not for the user.
    const message =
      cause instanceof ZodError
        ? "Проверьте правильность заполнения полей"
        : error.code === "INTERNAL_SERVER_ERROR"
          ? INTERNAL_MESSAGE
          : shape.message;
    return {
      ...shape,
      message,
      data: {
        ...shape.data,
        fieldErrors,
        appCode: cause instanceof AppError ? cause.code : null,
        appReason: cause instanceof AppError ? (cause.reason ?? null) : null,
        stack: undefined,
      },
    };
  },
});

/** Domain errors become tRPC errors here and nowhere else. */
function mapError(
  result: { ok: false; error: TRPCError },
  path: string,
  requestId: string | undefined,
): TRPCError | null {
  const cause = result.error.cause;
  if (cause instanceof AppError)
    return new TRPCError({ code: APP_ERROR_CODES[cause.code], message: cause.message, cause });
  // Two requests raced for the same row or key (a unique constraint, a serialisation failure):
  // the user's action met someone else's, which is a conflict to explain, not an internal error.
  if (result.error.code === "INTERNAL_SERVER_ERROR" && isRace(cause))
    return new TRPCError({ code: "CONFLICT", message: RACE_MESSAGE, cause: new AppError("CONFLICT", RACE_MESSAGE) });
  if (result.error.code === "INTERNAL_SERVER_ERROR" && isUnstorableText(cause)) {
    log.warn("text the database cannot store got past the input schema", { requestId, procedure: path });
    const refusal = new AppError("INVALID", UNSAFE_TEXT_MESSAGE);
    return new TRPCError({ code: "BAD_REQUEST", message: UNSAFE_TEXT_MESSAGE, cause: refusal });
  }
  // Saturated (issue 13 p.7): nothing ran; the client is told to retry shortly (503, Retry-After).
  if (result.error.code === "INTERNAL_SERVER_ERROR" && isOverload(cause)) {
    log.warn("overloaded: no database connection in time", { requestId, procedure: path });
    return new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: BUSY_MESSAGE,
      cause: new AppError("BUSY", BUSY_MESSAGE),
    });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR")
    log.error("trpc procedure failed", { requestId, procedure: path, error: cause ?? result.error });
  return null;
}

/** Every call's time is a metric (issue 13 p.5), labelled with the code the caller gets. */
const mapErrors = t.middleware(async ({ next, path, ctx }) => {
  const started = performance.now();
  const result = await next();
  const mapped = result.ok ? null : mapError(result, path, ctx.requestId);
  const status = result.ok ? "ok" : (mapped ?? result.error).code;
  observeRequest("trpc", path, status, (performance.now() - started) / 1000);
  if (mapped) throw mapped;
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

// Identity and scope come from ./access.ts, as for the REST routes (rest.ts): its AppErrors
// (UNAUTHORIZED, FORBIDDEN) become tRPC errors in mapErrors like any other.

/** Any signed-in, still active user; the identity is re-read from the database. */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const identity = await requireIdentity(
    ctx.db,
    ctx.session?.user.id,
    ctx.session?.user.sessionVersion,
    sessionIdentity(ctx.session),
  );
  return next({ ctx: { ...ctx, identity } });
});

export const applicantProcedure = authedProcedure.use(({ ctx, next }) =>
  next({ ctx: { ...ctx, identity: requireApplicant(ctx.identity) } }),
);

/** Staff, scoped to their departments (and the units under them). */
export const staffProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const scope: StaffScope = await requireStaffScope(ctx.db, ctx.identity);
  return next({ ctx: { ...ctx, scope } });
});

export const adminProcedure = authedProcedure.use(({ ctx, next }) =>
  next({ ctx: { ...ctx, identity: requireAdmin(ctx.identity) } }),
);

/** The audit log's readers: ADMIN or AUDITOR, re-read from the database like every role (issue 11). */
export const auditProcedure = authedProcedure.use(({ ctx, next }) =>
  next({ ctx: { ...ctx, identity: requireAuditReader(ctx.identity) } }),
);

export type { Identity };
export { z };
