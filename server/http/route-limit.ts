// Body limits for route handlers (./body.ts has the counting): the answers to body errors, and a
// wrapper for handlers that read a whole body (tRPC, next-auth).
import { NextRequest } from "next/server";
import { bodyErrorResponse } from "../api/rest";
import { checkDeclaredLength, readLimitedBody } from "./body";

type Handler<C> = (req: NextRequest, context: C) => Promise<Response>;

/**
 * A route handler that gets its body only once it is known to fit: the body is read here (bounded,
 * see readLimitedBody) and handed on as a new request with the same URL, method and headers. For
 * handlers that read the body whole anyway (tRPC, next-auth); a bodiless method passes untouched
 * unless it declares a body over the limit.
 */
export function withBodyLimit<C>(limitBytes: number, handler: Handler<C>): Handler<C> {
  return async (req, context) => {
    try {
      if (req.method === "GET" || req.method === "HEAD") {
        checkDeclaredLength(req, limitBytes);
        return await handler(req, context);
      }
      const body = await readLimitedBody(req, limitBytes);
      // The length is that of the bytes read now; the framing of the original is not this body's.
      const headers = new Headers(req.headers);
      headers.delete("content-length");
      headers.delete("transfer-encoding");
      const bounded = new NextRequest(req.url, {
        method: req.method,
        headers,
        body: body.byteLength ? body : undefined,
        signal: req.signal,
      });
      return await handler(bounded, context);
    } catch (error) {
      const answer = bodyErrorResponse(error);
      if (answer) return answer;
      throw error;
    }
  };
}
