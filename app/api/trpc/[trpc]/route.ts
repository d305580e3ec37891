import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { crossOriginResponse } from "@/server/api/rest";
import { getSession } from "@/server/auth/session";
import { BODY_LIMITS } from "@/server/http/body";
import { withBodyLimit } from "@/server/http/route-limit";
import { clientAddress } from "@/server/throttle/client-address";

// The body is bounded before tRPC reads it (413 past BODY_LIMITS.trpc, issue 9), and a mutation sent
// from another site's page is refused (403) before it runs.
const handler = withBodyLimit(BODY_LIMITS.trpc, async (req: Request) => {
  const crossOrigin = crossOriginResponse(req);
  if (crossOrigin) return crossOrigin;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () =>
      createContext({ session: await getSession(), clientAddress: clientAddress(req.headers) }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
});

export { handler as GET, handler as POST };
