// tRPC wiring: the context (db, session), an error formatter that hands zod's and the domain's field
// errors to the client, and role procedures that narrow the context. Privileged roles are re-read
// from the database on every call: a session token can outlive a revoked role.
import { initTRPC, TRPCError } from "@trpc/server";
import type { Session } from "next-auth";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { getDb, type Db } from "../db/client";
import { loadIdentity, type Identity } from "../auth/data";
import { AppError, APP_ERROR_CODES } from "../errors";
import { STAFF_ROLES } from "../auth/session-roles";
import { staffScope, type StaffScope } from "../auth/scope";

export type Context = { db: Db; session: Session | null };

export async function createContext(opts: { session: Session | null; db?: Db }): Promise<Context> {
  return { db: opts.db ?? getDb(), session: opts.session };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fieldErrors =
      cause instanceof ZodError
        ? Object.fromEntries(cause.issues.map((i) => [i.path.join("."), i.message]))
        : cause instanceof AppError
          ? cause.fieldErrors ?? null
          : null;
    return {
      ...shape,
      message: cause instanceof ZodError ? "Проверьте правильность заполнения полей" : shape.message,
      data: {
        ...shape.data,
        fieldErrors,
        appCode: cause instanceof AppError ? cause.code : null,
        appReason: cause instanceof AppError ? cause.reason ?? null : null,
        stack: undefined,
      },
    };
  },
});

/** Domain errors become tRPC errors here and nowhere else. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: APP_ERROR_CODES[cause.code], message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapErrors);

const UNAUTHORIZED = "Войдите в систему, чтобы продолжить";
const FORBIDDEN = "Недостаточно прав для этого действия";

/** Any signed-in, still active user; the identity is re-read from the database. */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: UNAUTHORIZED });
  const identity = await loadIdentity(ctx.db, ctx.session.user.id);
  if (!identity) throw new TRPCError({ code: "UNAUTHORIZED", message: UNAUTHORIZED });
  return next({ ctx: { ...ctx, identity } });
});

export const applicantProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.identity.roles.includes("APPLICANT")) throw new TRPCError({ code: "FORBIDDEN", message: FORBIDDEN });
  return next({ ctx });
});

/** Staff, scoped to their departments (and the units under them). */
export const staffProcedure = authedProcedure.use(async ({ ctx, next }) => {
  if (!ctx.identity.roles.some((r) => STAFF_ROLES.includes(r))) throw new TRPCError({ code: "FORBIDDEN", message: FORBIDDEN });
  const scope: StaffScope = await staffScope(ctx.db, ctx.identity);
  return next({ ctx: { ...ctx, scope } });
});

export const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.identity.roles.includes("ADMIN")) throw new TRPCError({ code: "FORBIDDEN", message: FORBIDDEN });
  return next({ ctx });
});

export type { Identity };
export { z };
