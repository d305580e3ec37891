import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { crossOriginResponse } from "@/server/api/rest";
import { getSession } from "@/server/auth/session";
import { BODY_LIMITS } from "@/server/http/body";
import { withBodyLimit } from "@/server/http/route-limit";
import { clientAddress } from "@/server/throttle/client-address";
import { log, requestIdOf, withRequestId } from "@/server/observability/log";

// The body is bounded before tRPC reads it (413 past BODY_LIMITS.trpc, issue 9), and a mutation sent
// from another site's page is refused (403) before it runs.
// Every answer carries the request's id (X-Request-Id), which the access log and any error logged
// for it carry too (issue 13 p.5).
const handler = withBodyLimit(BODY_LIMITS.trpc, async (req: Request) => {
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
      const session = await getSession();
      userId = session?.user.id ?? null;
      return createContext({ session, clientAddress: clientAddress(req.headers), requestId });
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        log.error("trpc procedure failed", { requestId, procedure: path ?? "?", error: error.cause ?? error });
    },
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

export { handler as GET, handler as POST };
