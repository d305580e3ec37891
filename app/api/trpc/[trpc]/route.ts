import { getSession } from "@/server/auth/session";
import { trpcHttpHandler } from "@/server/api/trpc-http";

// The endpoint's behaviour (body bound, cross-site writes, request ids, 503 under overload) is in
// server/api/trpc-http.ts, where the integration tests reach it.
const handler = trpcHttpHandler({ session: getSession });

export { handler as GET, handler as POST };
