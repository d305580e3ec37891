// The tRPC endpoint over HTTP (app/api/trpc/[trpc]/route.ts): the body bounded before tRPC reads it
// (413 past BODY_LIMITS.trpc, issue 9), a mutation sent from another site's page refused (403) before
// it runs, every answer with the request's id (X-Request-Id) that the access log and any error logged
// for it carry too (issue 13 p.5), and a saturated server's 503 with Retry-After (issue 13 p.7).
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Session } from "next-auth";
import { appRouter } from "./root";
import { createContext } from "./trpc";
import { crossOriginResponse } from "./rest";
import type { Db } from "../db/client";
import { RETRY_AFTER_SECONDS } from "../errors";
import { BODY_LIMITS } from "../http/body";
import { withBodyLimit } from "../http/route-limit";
import { clientAddress } from "../throttle/client-address";
import { log, requestIdOf, withRequestId } from "../observability/log";

export type TrpcHttpDeps = {
  session: () => Promise<Session | null>;
  /** The process-wide client unless given (integration tests). */
  db?: Db;
};

export function trpcHttpHandler(deps: TrpcHttpDeps) {
  return withBodyLimit(BODY_LIMITS.trpc, async (req: Request) => {
    const started = performance.now();
    const requestId = requestIdOf(req.headers);
    const crossOrigin = crossOriginResponse(req);
    if (crossOrigin) return withRequestId(crossOrigin, requestId);
    let userId: string | null = null;
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: async () => {
        const session = await deps.session();
        userId = session?.user.id ?? null;
        return createContext({ session, db: deps.db, clientAddress: clientAddress(req.headers), requestId });
      },
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR")
          log.error("trpc procedure failed", { requestId, procedure: path ?? "?", error: error.cause ?? error });
      },
      // A saturated server (mapped in ./trpc.ts) says when to come back; the browser's autosave
      // waits that long and retries without alarming the applicant.
      responseMeta: ({ errors }) =>
        errors.some((e) => e.code === "SERVICE_UNAVAILABLE")
          ? { headers: new Headers({ "Retry-After": String(RETRY_AFTER_SECONDS) }) }
          : {},
    });
    log.info("request", {
      requestId,
      method: req.method,
      path: new URL(req.url).pathname,
      status: res.status,
      ms: Math.round(performance.now() - started),
      userId,
    });
    return withRequestId(res, requestId);
  });
}
