// The REST routes (files: multipart upload and downloads do not fit tRPC's JSON) through one wrapper,
// so each route states what it needs and none redoes the checks by hand:
//
// - who: the session's account is read again (./access.ts, exactly as the tRPC procedures do), so a
//   deactivated account is anonymous. Anonymous where sign-in is needed is 401, a wrong role 403;
// - ids: path parameters are parsed with a zod schema; a malformed id is 404 like an unknown one
//   (never 500 from the database);
// - visibility: another applicant's or another department's object is "not found" (404), never
//   "forbidden": the data-access functions take the caller's scope and return null;
// - errors: AppError codes become HTTP statuses in one place (APP_ERROR_HTTP_STATUS, server/errors.ts);
//   a race is 409; anything else is logged and answered with a Russian 500. Every error answer is
//   JSON `{ error, fieldErrors? }` (what the browser's upload and answer forms read);
// - downloads: one helper sets the safe headers (fileResponse);
// - bodies (issue 9): a declared body over the route's `maxBodyBytes` is 413 before anything else is
//   done or read; a body that passes a limit while it is read (server/http/body.ts) is 413 too, a
//   malformed one 400;
// - origin: a write (POST, DELETE) from another site's page is 403 (server/http/origin.ts).
import { observeRequest } from "../observability/metrics";
import { log, requestIdOf, withRequestId } from "../observability/log";
import { z } from "zod";
import type { Db } from "../db/client";
import { getDb } from "../db/client";
import type { Identity } from "../auth/data";
import type { StaffScope } from "../auth/scope";
import { getSession } from "../auth/session";
import {
  AppError,
  APP_ERROR_HTTP_STATUS,
  BUSY_MESSAGE,
  isOverload,
  isRace,
  isUnstorableText,
  RACE_MESSAGE,
  RETRY_AFTER_SECONDS,
} from "../errors";
import { UNSAFE_TEXT_MESSAGE } from "../text";
import { fileStorage, type FileStorage } from "../storage/storage";
import { requireAdmin, requireApplicant, requireAuditReader, requireIdentity, requireStaffScope } from "./access";
import { sessionIdentity } from "../auth/fresh-identity";
import { BODY_LIMITS, BodyTooLargeError, checkDeclaredLength, MalformedBodyError } from "../http/body";
import { CROSS_ORIGIN_MESSAGE, isCrossOriginWrite } from "../http/origin";
import { env } from "../env";

/** `audit`: the audit log's readers, the administrator and the auditor (issue 11); `admin`: the administrator alone. */
export type RestAuth = "public" | "user" | "applicant" | "staff" | "audit" | "admin";

/** What a handler gets: the caller as its `auth` level guarantees. */
export type RestContext<A extends RestAuth, P> = {
  req: Request;
  params: P;
  db: Db;
  storage: FileStorage;
  identity: A extends "public" ? Identity | null : Identity;
  /** Only where `auth` is "staff". */
  scope: A extends "staff" ? StaffScope : undefined;
};

/** What the wrapper takes from the process; integration tests pass their own. */
export type RestDeps = {
  db: Db;
  storage: FileStorage;
  sessionUserId: string | null;
  /** The account as this request's session read it (server/auth/fresh-identity.ts). */
  freshIdentity?: Identity;
};

type RawParams = Record<string, string | string[] | undefined>;

export type RestRoute = {
  /** The App Router handler: `export const GET = someRoute`. */
  (req: Request, context: { params: Promise<RawParams> }): Promise<Response>;
  /** The same, with the database, storage and signed-in user given (integration tests). */
  run(req: Request, params: RawParams, deps: RestDeps): Promise<Response>;
};

const INTERNAL_MESSAGE =
  "Внутренняя ошибка сервера: запрос не выполнен. Попробуйте ещё раз; если ошибка повторится, сообщите администратору.";

/** An error answer: JSON, never cached. */
export function errorResponse(status: number, error: string, fieldErrors?: Record<string, string> | null): Response {
  return Response.json(fieldErrors ? { error, fieldErrors } : { error }, {
    status,
    headers: { "cache-control": "no-store" },
  });
}

/** A JSON answer, never cached (it is about one user's data). */
export function jsonResponse(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/**
 * A file to download: `attachment` with the name both as an ASCII fallback and as RFC 5987
 * `filename*` (Cyrillic names survive every browser), no type sniffing (an uploaded file is served
 * with the type its content was recognised as, nothing else), and never kept by a shared cache.
 */
export function fileResponse(content: Uint8Array, file: { contentType: string; fileName: string }): Response {
  const fallback = file.fileName.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  return new Response(new Uint8Array(content), {
    headers: {
      "content-type": file.contentType,
      "content-length": String(content.length),
      "content-disposition": `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(file.fileName)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}

/** encodeURIComponent leaves a few characters RFC 5987's attr-char does not allow. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** 503 with Retry-After: the server is saturated and did nothing (issue 13 p.7). */
export function busyResponse(message: string = BUSY_MESSAGE): Response {
  const res = errorResponse(503, message);
  res.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  return res;
}

/** The answer to a body error (server/http/body.ts), or null for anything else. */
export function bodyErrorResponse(error: unknown): Response | null {
  if (error instanceof BodyTooLargeError) return errorResponse(413, error.userMessage);
  if (error instanceof MalformedBodyError) return errorResponse(400, error.userMessage);
  return null;
}

/** 403 for a write sent from another site's page; null when the request may go on. */
export function crossOriginResponse(req: Request): Response | null {
  return isCrossOriginWrite(req, env().appUrl) ? errorResponse(403, CROSS_ORIGIN_MESSAGE) : null;
}

function failure(error: unknown, route: string, requestId?: string): Response {
  const bodyError = bodyErrorResponse(error);
  if (bodyError) return bodyError;
  if (error instanceof AppError && error.code === "BUSY") return busyResponse(error.message);
  if (error instanceof AppError)
    return errorResponse(APP_ERROR_HTTP_STATUS[error.code], error.message, error.fieldErrors);
  if (isRace(error)) return errorResponse(409, RACE_MESSAGE);
  if (isOverload(error)) {
    log.warn("overloaded: no database connection in time", { requestId, route });
    return busyResponse(BUSY_MESSAGE);
  }
  if (isUnstorableText(error)) {
    log.warn("text the database cannot store got past the input checks", { requestId, route });
    return errorResponse(400, UNSAFE_TEXT_MESSAGE);
  }
  log.error("rest route failed", { requestId, route, error });
  return errorResponse(500, INTERNAL_MESSAGE);
}

export function restRoute<A extends RestAuth, S extends z.ZodType<object, RawParams>>(definition: {
  /** For the log. */
  name: string;
  auth: A;
  /** Path parameters; ids as `zId()` (server/ids.ts): anything but a UUID names nothing (404). */
  params: S;
  /** The 404 text when a parameter is malformed, worded like the handler's own "not found". */
  notFound: string;
  /** The most the body may declare (Content-Length); default: no body (BODY_LIMITS.none). */
  maxBodyBytes?: number;
  handler: (ctx: RestContext<A, z.output<S>>) => Promise<Response>;
}): RestRoute {
  async function run(
    req: Request,
    rawParams: RawParams,
    deps: RestDeps,
    requestId: string = requestIdOf(req.headers),
  ): Promise<Response> {
    try {
      // Before anything is read or looked up: too big a body, or a write from another site.
      checkDeclaredLength(req, definition.maxBodyBytes ?? BODY_LIMITS.none);
      const crossOrigin = crossOriginResponse(req);
      if (crossOrigin) return crossOrigin;
      let identity: Identity | null = null;
      let scope: StaffScope | undefined;
      if (definition.auth !== "public") {
        identity = await requireIdentity(deps.db, deps.sessionUserId, undefined, deps.freshIdentity);
        if (definition.auth === "applicant") requireApplicant(identity);
        if (definition.auth === "staff") scope = await requireStaffScope(deps.db, identity);
        if (definition.auth === "audit") requireAuditReader(identity);
        if (definition.auth === "admin") requireAdmin(identity);
      } else if (deps.sessionUserId) {
        identity = await requireIdentity(deps.db, deps.sessionUserId, undefined, deps.freshIdentity).catch(() => null);
      }
      // After the caller is known: an anonymous caller learns nothing, not even which ids are well-formed.
      const params = definition.params.safeParse(rawParams);
      if (!params.success) return errorResponse(404, definition.notFound);
      const ctx = { req, params: params.data, db: deps.db, storage: deps.storage, identity, scope } as RestContext<
        A,
        z.output<S>
      >;
      return await definition.handler(ctx);
    } catch (error) {
      return failure(error, definition.name, requestId);
    }
  }
  // Timed (a metric per route and status), logged with the request's id, which the answer carries
  // (issue 13 p.5). A streamed body (the exports) is timed to its first byte.
  const route = async (req: Request, context: { params: Promise<RawParams> }): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdOf(req.headers);
    let deps: RestDeps | null = null;
    let res: Response;
    try {
      const session = await getSession();
      deps = {
        db: getDb(),
        storage: fileStorage(),
        sessionUserId: session?.user.id ?? null,
        freshIdentity: sessionIdentity(session),
      };
    } catch (error) {
      res = failure(error, definition.name, requestId);
    }
    // A route without dynamic segments (the audit export) gets no params object from Next.
    if (deps) res = await run(req, (await context.params) ?? {}, deps, requestId);
    const seconds = (performance.now() - started) / 1000;
    observeRequest("rest", definition.name, res!.status, seconds);
    log.info("request", {
      requestId,
      method: req.method,
      path: new URL(req.url).pathname,
      route: definition.name,
      status: res!.status,
      ms: Math.round(seconds * 1000),
      userId: deps?.sessionUserId ?? null,
    });
    return withRequestId(res!, requestId);
  };
  return Object.assign(route, { run });
}
